/**
 * berth/dynamic: the implementations behind Berth's dynamic resources (readiness waits, tarball import, container
 * adoption), loaded by package name from the providers that Pulumi serializes into the state (see
 * docker/dynamic-shim.ts). Its one function, {@link provider}, is a stable contract between a state written by any
 * earlier Berth and the Berth installed now; programs do not call it.
 * @packageDocumentation
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ProviderImpl } from "./docker/providers/provider-impl";

export type { ProviderImpl };

/** The newest protocol this Berth serves (see DYNAMIC_PROTOCOL in docker/dynamic-shim.ts). */
export const NEWEST_PROTOCOL = 1;

type Loader = () => ProviderImpl;

/** Each kind's implementation, loaded only when that kind runs (so a readiness wait never loads the importer). */
const KINDS: Record<string, Loader> = {
  readiness: () => wrap((require("./docker/providers/readiness") as typeof import("./docker/providers/readiness")).readinessImpl),
  "image-import": () => wrap((require("./docker/providers/image-import") as typeof import("./docker/providers/image-import")).imageImportImpl),
  "container-adoption": () => wrap((require("./docker/providers/adoption") as typeof import("./docker/providers/adoption")).containerAdoptionImpl),
};

/** Adapts a typed implementation (any subset of the methods) to {@link ProviderImpl}. */
function wrap<I, S>(impl: {
  create(inputs: I): Promise<pulumi.dynamic.CreateResult<S>>;
  read?(id: string, props: S): Promise<pulumi.dynamic.ReadResult<S>>;
  diff(id: string, olds: S, news: I): Promise<pulumi.dynamic.DiffResult>;
  update?(id: string, olds: S, news: I): Promise<pulumi.dynamic.UpdateResult<S>>;
  delete(id: string, props: S): Promise<void>;
}): ProviderImpl {
  return {
    create: (inputs) => impl.create(inputs as I),
    read: async (id, props) => (impl.read ? impl.read(id, props as S) : { id, props }),
    diff: (id, olds, news) => impl.diff(id, olds as S, news as I),
    update: async (id, olds, news) => (impl.update ? impl.update(id, olds as S, news as I) : { outs: news }),
    delete: (id, props) => impl.delete(id, props as S),
  };
}

/**
 * The implementation of one kind of dynamic provider, for the protocol its state was written with. A protocol newer
 * than this Berth knows, or a kind it does not have, is an error that says which Berth wrote it.
 *
 * @example
 * ```ts
 * // What a serialized readiness provider runs, wherever the state is deployed from:
 * await require("berth/dynamic").provider("readiness", 1).create(inputs);
 * ```
 */
export function provider(kind: string, protocol: number): ProviderImpl {
  if (!Number.isInteger(protocol) || protocol < 1 || protocol > NEWEST_PROTOCOL) {
    throw new Error(
      `this resource's provider was written by a Berth with dynamic-provider protocol ${protocol}; the installed Berth serves protocols 1 to ${NEWEST_PROTOCOL}: install that Berth version (or a newer one) in this project`,
    );
  }
  const load = KINDS[kind];
  if (!load) throw new Error(`unknown Berth dynamic provider "${kind}" (known: ${Object.keys(KINDS).join(", ")}); install the Berth version that wrote this state`);
  return load();
}
