/**
 * berth/mesos: an Apache Mesos cluster (ZooKeeper quorum, masters, agents, optional Marathon) on cloud machine
 * pools, its software run from pinned container images. See the README section for this area.
 * @packageDocumentation
 */
export * from "./cluster";
export * from "./cluster-bootstrap";
export * from "./cluster-ensemble";
export * from "./cluster-images";
/** Thrown by a component whose arguments are wrong, listing every problem (catch it to inspect `problems`). */
export { ArgsError, type Problem } from "../core/problems";
