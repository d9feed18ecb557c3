/**
 * Loads engine.ts from inside a dynamic provider's methods. Pulumi serializes dynamic providers as text and runs them
 * in a separate plain-node process, so the methods must not capture the engine module itself (it does not serialize):
 * they capture only these path strings and `require` the module at run time, through tsx when Berth runs from its
 * TypeScript sources.
 */
import * as path from "node:path";
import type * as EngineModule from "./engine";
import type { EngineHost } from "./engine-host";

/** The engine module's path without extension (engine.ts from the sources, engine.js from the build). */
export const ENGINE_MODULE = path.join(__dirname, "engine");

/** tsx's CommonJS hook, when this file runs from TypeScript sources; "" from the build. */
export const TSX_HOOK = __filename.endsWith(".ts") ? require.resolve("tsx/cjs") : "";

/** Loads engine.ts (through tsx when `tsxHook` names it) from inside a dynamic provider method. */
export function loadEngineModule(engineModule: string, tsxHook: string): typeof EngineModule {
  if (tsxHook) require(tsxHook);
  return require(engineModule) as typeof EngineModule;
}

/** Connects to an engine from inside a dynamic provider method. */
export function connectEngine(host: EngineHost | undefined, engineModule: string, tsxHook: string): EngineModule.Engine {
  return new (loadEngineModule(engineModule, tsxHook).Engine)(host ?? {});
}

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
