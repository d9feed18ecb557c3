/**
 * berth/cloud. See the README section for this area.
 * @packageDocumentation
 */
export {};
