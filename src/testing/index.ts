/**
 * berth/testing: unit-test support for Pulumi programs and components: {@link berthMocks}, mocks that return
 * plausible outputs for every resource Berth's components create or read, and the {@link Recorder}, a recording mock
 * runtime that asserts exact child types, names, parents and inputs.
 * @packageDocumentation
 */
export * from "../resources/recorder";
export { berthMocks, type BerthMocksOptions, PLAUSIBLE_CALLS } from "./mocks";
export { MOCK_SWARM_TOKENS } from "./deploy-values";
export { MOCK_OUTPUT_RULES, type MockContext, type MockOutputRule, type MockOutputs, mockOutputsFor } from "./plausible-outputs";
