/**
 * What the dynamic providers' implementations share: connecting to an engine, and telling values that are not known
 * yet (during a preview) from real ones.
 */
import { Engine } from "../engine";
import type { EngineHost } from "../engine-host";

/** The value a dynamic provider sees, during a preview, for an input not known yet. */
export const UNKNOWN_INPUT = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when any of the values is not known yet (a preview before the container or image exists). */
export function anyUnknown(...values: unknown[]): boolean {
  return values.some((v) => v === UNKNOWN_INPUT || (typeof v === "string" && v.includes(UNKNOWN_INPUT)));
}

/** The engine address a host resolves to, for diffs ("" when it cannot be resolved). */
export function hostKey(host: EngineHost | undefined): string {
  return host?.url ?? "";
}

/** An Engine API client for the host (the local engine when it is undefined). */
export function connect(host: EngineHost | undefined): Engine {
  return new Engine(host ?? {});
}
