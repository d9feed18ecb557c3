/**
 * berth/kubernetes. See the README section for this area.
 * @packageDocumentation
 */
export {};
export * from "./cluster-kubeadm";
export * from "./workload-args";
export * from "./workload";
