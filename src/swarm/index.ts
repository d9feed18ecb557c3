/**
 * berth/swarm. See the README section for this area.
 * @packageDocumentation
 */
export * from "./cluster";
export * from "./cluster-bootstrap";
export * from "./cluster-tokens";
export * from "./existing-hosts";
export * from "./stack";
export * from "./service-args";
export * from "./service";
/** Thrown by a component whose arguments are wrong, listing every problem (catch it to inspect `problems`). */
export { ArgsError, type Problem } from "../core/problems";
