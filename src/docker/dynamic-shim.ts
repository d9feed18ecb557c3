/**
 * The dynamic providers as Pulumi serializes them. Pulumi stores a dynamic provider in the state as source text and
 * runs that text later, in a plain Node.js process started in the project's folder (`pulumi destroy` and `refresh`
 * load it from the state, possibly on another machine). So the serialized methods hold nothing of this machine: each
 * one is a call, by package name, into `berth/dynamic`, with the provider's kind and the protocol version its state
 * was written with, and it resolves whichever Berth is installed where it runs.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { DynamicEntry, ProviderImpl } from "./providers/provider-impl";

/** The dynamic providers Berth has. */
export type DynamicKind = "readiness" | "image-import" | "container-adoption";

/**
 * The protocol version this Berth writes into serialized providers. `berth/dynamic` serves this version and every
 * older one, so a provider serialized today keeps working after Berth is upgraded in place.
 */
export const DYNAMIC_PROTOCOL = 1;

/**
 * The serializable provider for a kind: every method loads `berth/dynamic` by name when it runs. The kind and the
 * protocol are captured as plain values; nothing else is captured.
 */
export function dynamicProvider(kind: DynamicKind): pulumi.dynamic.ResourceProvider<unknown, unknown> {
  const protocol = DYNAMIC_PROTOCOL;
  const impl = (): ProviderImpl => (require("berth/dynamic") as DynamicEntry).provider(kind, protocol);
  return {
    create: (inputs) => impl().create(inputs),
    read: (id, props) => impl().read(id, props),
    diff: (id, olds, news) => impl().diff(id, olds, news),
    update: (id, olds, news) => impl().update(id, olds, news),
    delete: (id, props) => impl().delete(id, props),
  };
}
