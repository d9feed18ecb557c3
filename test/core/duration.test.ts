// Durations: parsed from every unit and combination, written exactly as Go's time.Duration.String() writes them
// (checked against Go itself over generated values), and the millisecond floor of some provider fields.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { formatDuration, parseDuration } from "../../src/core/duration";

const parsed: [string | number, number | undefined][] = [
  ["10s", 10e9],
  ["1m30s", 90e9],
  ["500ms", 500e6],
  ["1h", 3600e9],
  ["2h45m", 9900e9],
  ["1.5s", 1.5e9],
  ["100us", 100e3],
  ["100µs", 100e3],
  ["7ns", 7],
  ["1.0000000005s", 1e9],
  [".5s", 5e8],
  ["30", 30e9],
  [5, 5e9],
  [0.25, 25e7],
  ["", undefined],
  ["10 s", undefined],
  ["ten", undefined],
  ["-1s", undefined],
  ["1s2", undefined],
  [-1, undefined],
];
for (const [input, ns] of parsed) test(`parseDuration(${JSON.stringify(input)})`, () => assert.equal(parseDuration(input), ns));

const formatted: [number, string][] = [
  [0, "0s"],
  [7, "7ns"],
  [1500, "1.5us"],
  [999_999, "999.999us"],
  [1_000_000, "1ms"],
  [1_500_000, "1.5ms"],
  [500e6, "500ms"],
  [10e9, "10s"],
  [90e9, "1m30s"],
  [60e9, "1m0s"],
  [3600e9, "1h0m0s"],
  [1.5e9, "1.5s"],
  [1e9 + 1, "1.000000001s"],
  [-1.5e9, "-1.5s"],
];
for (const [ns, text] of formatted) test(`formatDuration(${ns})`, () => assert.equal(formatDuration(ns), text));

const floorMs: [number, string | undefined][] = [
  [0, "0s"],
  [1e6, "1ms"],
  [1.5e9, "1.5s"],
  [1500, undefined],
  [1_000_001, undefined],
  [999_999, undefined],
];
for (const [ns, text] of floorMs) test(`formatDuration(${ns}, "ms")`, () => assert.equal(formatDuration(ns, "ms"), text));

test("formatDuration writes what Go's time.Duration.String() writes, and parseDuration reads it back, on generated values", () => {
  const values: number[] = [];
  for (const unit of [1, 1e3, 1e6, 1e9, 60e9, 3600e9]) for (const k of [1, 7, 10, 999, 1001, 1500, 59, 61, 3599]) values.push(unit * k, unit * k + 1, unit * k + 999);
  const dir = mkdtempSync(path.join(tmpdir(), "berth-duration-"));
  try {
    writeFileSync(
      path.join(dir, "main.go"),
      'package main\nimport ("fmt";"time")\nfunc main(){ for _, v := range []int64{' + values.join(",") + "} { fmt.Println(time.Duration(v).String()) } }\n",
    );
    const go = execFileSync("go", ["run", "main.go"], { cwd: dir, encoding: "utf8", env: { ...process.env, GOFLAGS: "-mod=mod", GOPATH: path.join(dir, "gopath"), GOCACHE: path.join(tmpdir(), "berth-go-cache") } }).trim().split("\n");
    values.forEach((v, i) => {
      // Go writes micro as µs; Berth writes the ASCII spelling Go also reads.
      assert.equal(formatDuration(v), go[i]!.replace("µs", "us"), `${v} ns`);
      assert.equal(parseDuration(go[i]!), v, go[i]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
