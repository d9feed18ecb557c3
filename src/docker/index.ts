/**
 * berth/docker: Docker containers on one engine, with tarball import and readiness waits.
 * Importing this module loads `@pulumi/pulumi` and `@pulumi/docker` only (the Engine API client, dockerode, is loaded
 * by the dynamic resources when they run).
 * @packageDocumentation
 */
export * from "./container-args";
export * from "./container";
export * from "./compose-project";
export * from "./build-context";
export * from "./image-reference";
export { dependsOnLabel } from "../compose/targets/docker";
/** Thrown by a component whose arguments are wrong, listing every problem (catch it to inspect `problems`). */
export { ArgsError, type Problem } from "../core/problems";
