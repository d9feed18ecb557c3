/**
 * Security checks over a recorded program, shared by the cluster tests and `berth preview`.
 * @packageDocumentation
 */
export * from "./finding";
