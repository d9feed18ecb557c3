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
