/**
 * Run-time helpers shared by the live {@link Blueprint} and the programs `berth import` writes, so both apply the
 * blueprint's functions the same way (Python `str()` in `concat`, shallow `merge`, ...).
 */
import * as pulumi from "@pulumi/pulumi";
import type { JsonAny } from "../core/json";
import { type RuntimeFunction, applyFunction } from "./functions/values";

/** Applies a blueprint function: a plain value when every argument is plain, else an Output. */
export function blueprintCall(fn: RuntimeFunction, ...args: unknown[]): JsonAny {
  const plain = (v: unknown): boolean => {
    if (pulumi.Output.isInstance(v) || v instanceof Promise) return false;
    if (Array.isArray(v)) return v.every(plain);
    if (v !== null && typeof v === "object") return Object.values(v).every(plain);
    return true;
  };
  // toJson renders credentials (a kubeconfig): it is a secret from the moment it exists.
  if (fn === "toJson") return pulumi.secret(pulumi.all(args.map((a) => pulumi.output(a))).apply((resolved) => applyFunction(fn, resolved)));
  if (args.every(plain)) return applyFunction(fn, args);
  const result = pulumi.all(args.map((a) => pulumi.output(a))).apply((resolved) => applyFunction(fn, resolved));
  return result;
}

/** A Pulumi config secret (`get_secret`), optionally a path into its JSON value. */
export function blueprintSecret(name: string, ...path: (string | number)[]): pulumi.Output<JsonAny> {
  const value = new pulumi.Config().requireSecret(name);
  if (path.length === 0) return value;
  return value.apply((text) => applyFunction("pick", [JSON.parse(text), ...path]));
}

/** A deployment input from the stack's config (JSON or plain text), else the value the blueprint was imported with. */
export function blueprintInput(name: string, fallback: JsonAny): JsonAny {
  const text = new pulumi.Config().get(name);
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** An output of a resource (a `get_attribute`), optionally a path into it. */
export function blueprintOutput(resource: pulumi.Resource, output: string, ...path: (string | number)[]): pulumi.Output<JsonAny> {
  const value: pulumi.Output<unknown> = pulumi.output((resource as unknown as Record<string, unknown>)[output]);
  return path.length === 0 ? value : value.apply((v: unknown) => applyFunction("pick", [v, ...path]));
}
