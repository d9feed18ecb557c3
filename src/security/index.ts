/**
 * Security checks over a recorded program, shared by the cluster tests and `berth preview`.
 * @packageDocumentation
 */
export * from "./finding";
export * from "./check";
export * from "./management-ports";
export * from "./plain-secrets";
export * from "./world-open-ports";
export * from "./containers";
export * from "./host-paths";
export * from "./secret-literals";
export * from "./images";
export * from "./cluster-rules";
