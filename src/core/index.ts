/**
 * Shared building blocks: problem collection and the JSON type used by docker-py params.
 * @packageDocumentation
 */
export * from "./json";
export * from "./problems";
