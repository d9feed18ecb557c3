/**
 * Berth: Pulumi components for container platforms, and an importer for Cloudify blueprints.
 *
 * The root module re-exports every area; import a subpath (`berth/docker`, `berth/swarm`, `berth/kubernetes`,
 * `berth/mesos`, `berth/cloud`, `berth/blueprint`) to load only the providers that area needs.
 * @packageDocumentation
 */
export * from "./docker";
export * from "./swarm";
export * from "./kubernetes";
export * from "./mesos";
export * from "./cloud";
export * from "./blueprint";
/** Thrown by a component whose arguments are wrong, listing every problem (catch it to inspect `problems`). */
export { ArgsError, type Problem } from "./core/problems";
