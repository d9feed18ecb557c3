/** The bench's table: value formats and the exact Markdown for a small run. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { stats } from "../../bench/measure";
import { type BenchResults, formatStats, formatValue } from "../../bench/report";
import { renderTable } from "../../bench/report";
import { outcome } from "../../bench/row";

test("formatValue: each unit", () => {
  const cases: [number, Parameters<typeof formatValue>[1], string][] = [
    [1.234, "ms", "1.23 ms"],
    [12.34, "ms", "12.3 ms"],
    [123.4, "ms", "123 ms"],
    [1234, "ms", "1.23 s"],
    [140.6, "MiB", "141 MiB"],
    [1000, "resources", "1,000 resources"],
    [1.3333, "requests", "1.33 requests"],
    [0, "modules", "0 modules"],
    [7, "steps", "7 steps"],
  ];
  for (const [value, unit, expected] of cases) assert.equal(formatValue(value, unit), expected);
});

test("formatStats: median with the range; one run alone; equal runs with their count", () => {
  assert.equal(formatStats(stats([10, 20, 30]), "ms"), "20.0 ms [10.0 ms–30.0 ms]");
  assert.equal(formatStats(stats([7]), "steps"), "7 steps");
  assert.equal(formatStats(stats([2, 2]), "requests"), "2 requests (×2)");
});

test("outcome: MISS when one goal is missed, PASS when all are met, no goal when none has one", () => {
  const f = (pass?: boolean) => ({ case: "c", unit: "ms" as const, berth: stats([1]), pass });
  assert.equal(outcome([f(true), f(false), f()]).status, "MISS");
  assert.equal(outcome([f(true), f()]).status, "PASS");
  assert.equal(outcome([f()]).status, "no goal");
});

test("renderTable: the machine line, one line per row and figure, the notes", () => {
  const results: BenchResults = {
    date: "2026-11-28T00:00:00.000Z",
    seconds: 61.4,
    machine: { cpu: "CPU X", cores: 2, memoryGiB: 8, os: "Linux 6 x64", node: "v20.0.0", load: [0.5, 1.25] },
    rows: [
      {
        id: 3,
        title: "Load",
        goal: "≤ 1.2x",
        baseline: "docker | alone",
        status: "PASS",
        seconds: 5,
        figures: [{ case: "require", unit: "ms", berth: stats([110, 120, 130]), baseline: stats([100]), ratio: 1.2, goal: "≤ 1.2x", pass: true }],
        notes: ["built dist/ first"],
      },
      { id: 6, title: "Preview", goal: "none", baseline: "bare", status: "not built yet", seconds: 0, figures: [{ case: "Preview", unit: "ms", text: "not built yet" }], notes: [] },
    ],
  };
  assert.equal(
    renderTable(results),
    [
      "Berth bench, 2026-11-28T00:00:00.000Z, 61 s in all",
      "Machine: CPU X, 2 cores, 8 GiB, Linux 6 x64, Node v20.0.0, load average 0.50 at the start, 1.25 at the end",
      "",
      "| # | Row / case | Berth: median [min–max] | Baseline: median [min–max] | Ratio | Goal | Result |",
      "|---|---|---|---|---|---|---|",
      "| 3 | **Load** (baseline: docker \\| alone) | | | | ≤ 1.2x | **PASS** |",
      "| | require | 120 ms [110 ms–130 ms] | 100 ms | 1.20x | ≤ 1.2x | PASS |",
      "| 6 | **Preview** (baseline: bare) | | | | none | **not built yet** |",
      "| | Preview | not built yet |  |  |  |  |",
      "",
      "- Row 3: built dist/ first",
      "",
    ].join("\n"),
  );
});
