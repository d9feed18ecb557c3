// Byte sizes: every unit in both cases, with and without `b`, fractions, spaces, and what is not a size.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseBytes } from "../../src/core/size";

const sizes: [string | number, number | undefined][] = [
  ["512", 512],
  [2048, 2048],
  ["100b", 100],
  ["1k", 1024],
  ["1kb", 1024],
  ["64m", 64 * 1024 ** 2],
  ["64MB", 64 * 1024 ** 2],
  ["1.5g", 1.5 * 1024 ** 3],
  ["2t", 2 * 1024 ** 4],
  [" 1 g ", 1024 ** 3],
  ["0.5k", 512],
  ["1.0001k", 1024],
  ["", undefined],
  ["-1m", undefined],
  ["1x", undefined],
  ["m", undefined],
  ["1.5.5m", undefined],
  [-1, undefined],
  [1.5, undefined],
];
for (const [input, bytes] of sizes) test(`parseBytes(${JSON.stringify(input)})`, () => assert.equal(parseBytes(input), bytes));

const docker: [string, number | undefined][] = [
  ["1g", 1024 ** 3],
  ["1gb", 1024 ** 3],
  ["1t", undefined],
  ["1tb", undefined],
];
for (const [input, bytes] of docker) test(`parseBytes(${JSON.stringify(input)}, "bkmg")`, () => assert.equal(parseBytes(input, "bkmg"), bytes));
