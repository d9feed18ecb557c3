/**
 * berth/kubernetes. See the README section for this area.
 * @packageDocumentation
 */
export {};
export * from "./cluster-kubeadm";
