/**
 * berth/swarm. See the README section for this area.
 * @packageDocumentation
 */
export {};
