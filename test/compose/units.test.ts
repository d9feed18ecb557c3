// CPU counts; Compose durations and sizes are read by core/duration and core/size (test/core).
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCpus } from "../../src/compose/units";

const cpus: [string | number, number | undefined][] = [
  ["0.5", 500_000_000],
  [2, 2_000_000_000],
  ["0.001", 1_000_000],
  ["half", undefined],
  [-1, undefined],
];
for (const [input, nano] of cpus) {
  test(`parseCpus(${JSON.stringify(input)})`, () => assert.equal(parseCpus(input), nano));
}
