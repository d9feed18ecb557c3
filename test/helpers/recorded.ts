import type { RecordedResource, RecordedValue } from "../../src/resources/recorder";

/**
 * A hand-made recorded resource for testing rules over recorded programs: a provider resource with these inputs
 * (and secret paths), default options, no parent and no dependencies.
 */
export function recordedResource(
  type: string,
  name: string,
  inputs: Record<string, RecordedValue>,
  secretPaths: string[] = [],
): RecordedResource {
  return {
    urn: `urn:pulumi:s::p::${type}::${name}`,
    type,
    name,
    custom: true,
    inputs,
    secretPaths,
    dependencies: [],
    options: {
      protect: false,
      retainOnDelete: false,
      deleteBeforeReplace: false,
      ignoreChanges: [],
      replaceOnChanges: [],
      additionalSecretOutputs: [],
    },
    index: 0,
  };
}
