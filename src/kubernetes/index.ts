/**
 * berth/kubernetes. See the README section for this area.
 * @packageDocumentation
 */
export * from "./cluster";
export * from "./cluster-bootstrap";
export * from "./cluster-kubeadm";
export * from "./cluster-kubeconfig";
export * from "./cluster-pki";
export * from "./workload-args";
export * from "./workload";
/** Thrown by a component whose arguments are wrong, listing every problem (catch it to inspect `problems`). */
export { ArgsError, type Problem } from "../core/problems";
