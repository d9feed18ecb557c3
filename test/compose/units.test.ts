import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCpus } from "../../src/compose/units";
import { formatDuration, parseDuration } from "../../src/core/duration";
import { parseBytes } from "../../src/core/size";

const durations: [string | number, number | undefined][] = [
  ["10s", 10e9],
  ["1m30s", 90e9],
  ["500ms", 500e6],
  ["1h", 3600e9],
  ["2h45m", 9900e9],
  ["1.5s", 1.5e9],
  ["100us", 100e3],
  ["7ns", 7],
  ["30", 30e9],
  [5, 5e9],
  ["", undefined],
  ["10 s", undefined],
  ["ten", undefined],
  ["-1s", undefined],
];
for (const [input, ns] of durations) {
  test(`parseDuration(${JSON.stringify(input)})`, () => assert.equal(parseDuration(input), ns));
}

const formatted: [number, string][] = [
  [0, "0s"],
  [7, "7ns"],
  [1500, "1.5us"],
  [500e6, "500ms"],
  [10e9, "10s"],
  [90e9, "1m30s"],
  [60e9, "1m0s"],
  [3600e9, "1h0m0s"],
  [1.5e9, "1.5s"],
];
for (const [ns, text] of formatted) {
  test(`formatDuration(${ns})`, () => assert.equal(formatDuration(ns), text));
}

const sizes: [string | number, number | undefined][] = [
  ["512", 512],
  [2048, 2048],
  ["1k", 1024],
  ["64m", 64 * 1024 ** 2],
  ["64M", 64 * 1024 ** 2],
  ["1gb", 1024 ** 3],
  ["1.5g", 1.5 * 1024 ** 3],
  ["10b", 10],
  ["12x", undefined],
  [1.5, undefined],
];
for (const [input, bytes] of sizes) {
  test(`parseBytes(${JSON.stringify(input)})`, () => assert.equal(parseBytes(input), bytes));
}

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
