/**
 * berth/testing: a recording mock runtime for unit tests of Pulumi programs and components.
 * @packageDocumentation
 */
export * from "./recorder";
