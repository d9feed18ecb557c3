/**
 * berth/cloud: machine pools on OpenStack or AWS, described once in cloud-neutral words, and cloud-init rendering.
 * @packageDocumentation
 */
export * from "./cloud-args";
export * from "./cloud-init";
export * from "./config-script";
export * from "./pool";
export * from "./site";
export * from "./site-shape";
/** Thrown by a component whose arguments are wrong, listing every problem (catch it to inspect `problems`). */
export { ArgsError, type Problem } from "../core/problems";
