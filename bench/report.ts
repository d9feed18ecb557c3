/**
 * What a bench row returns, and how the results are shown: one Markdown table (pasteable into docs/bench.md) and
 * `bench/results.json`.
 */
import { writeFileSync } from "node:fs";
import * as os from "node:os";
import type { Stats } from "./measure";

/** The unit of a figure. */
export type Unit = "ms" | "MiB" | "resources" | "requests" | "modules" | "steps";

/** One measured case of a row: Berth's side, the baseline measured in the same run, their ratio, and the verdict. */
export interface Figure {
  /** What was measured, e.g. "2,000 nodes: time". */
  case: string;
  unit: Unit;
  /** Berth's side; absent when the case could not be measured (see `text`). */
  berth?: Stats;
  /** What stands in the Berth column when there is no measurement, e.g. "not built yet". */
  text?: string;
  /** The baseline; absent for a figure that is a plain count. */
  baseline?: Stats;
  /** Berth's median over the baseline's median. */
  ratio?: number;
  /** The goal this figure is checked against, e.g. "≤ 3x"; absent for a figure shown for information. */
  goal?: string;
  /** Whether the goal was met; absent when there is no goal. */
  pass?: boolean;
}

/** A row's outcome. */
/** "no goal": the issue sets none for the row, so its figures are reported without a verdict. */
export type RowStatus = "PASS" | "MISS" | "no goal" | "not built yet" | "needs an engine" | "needs hosts" | "failed" | "skipped";

/** One row of the table. */
export interface RowResult {
  id: number;
  title: string;
  /** The row's goal as the issue states it. */
  goal: string;
  /** What the baseline is. */
  baseline: string;
  status: RowStatus;
  figures: Figure[];
  /** Anything the reader needs: what was not built, how a side was loaded, why a row failed. */
  notes: string[];
  /** Seconds the row took. */
  seconds: number;
}

/** The machine a run came from. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average at the start and the end of the run. */
  load: [number, number];
}

/** What `bench/results.json` holds. */
export interface BenchResults {
  date: string;
  machine: Machine;
  seconds: number;
  rows: RowResult[];
}

/** The machine this process runs on (the load at the start; the end is filled in by {@link finishMachine}). */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    load: [os.loadavg()[0]!, 0],
  };
}

/** Records the load average at the end of the run. */
export function finishMachine(machine: Machine): Machine {
  return { ...machine, load: [machine.load[0], os.loadavg()[0]!] };
}

/** A number with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 0 });
}

/** One value in its unit: "12.3 ms", "1.23 s", "140 MiB", "1,000 resources", "0.50 requests". */
export function formatValue(value: number, unit: Unit): string {
  if (unit === "ms") {
    if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
    return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ms`;
  }
  if (unit === "MiB") return `${value.toFixed(0)} MiB`;
  const rounded = Number.isInteger(value) ? count(value) : value.toFixed(2);
  return `${rounded} ${unit}`;
}

/** "median [min–max]" (just the median when there was one run or all were equal). */
export function formatStats(s: Stats, unit: Unit): string {
  const median = formatValue(s.median, unit);
  if (s.runs === 1 || s.min === s.max) return s.runs === 1 ? median : `${median} (×${s.runs})`;
  return `${median} [${formatValue(s.min, unit)}–${formatValue(s.max, unit)}]`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The Markdown table of a run, with the machine line above it and the notes below. */
export function renderTable(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [
    `Berth bench, ${results.date}, ${Math.round(results.seconds)} s in all`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, load average ${m.load[0].toFixed(2)} at the start, ${m.load[1].toFixed(2)} at the end`,
    "",
    "| # | Row / case | Berth: median [min–max] | Baseline: median [min–max] | Ratio | Goal | Result |",
    "|---|---|---|---|---|---|---|",
  ];
  const notes: string[] = [];
  for (const row of results.rows) {
    lines.push(`| ${row.id} | **${cell(row.title)}** (baseline: ${cell(row.baseline)}) | | | | ${cell(row.goal)} | **${row.status}** |`);
    for (const f of row.figures) {
      const ratio = f.ratio === undefined ? "" : `${f.ratio.toFixed(2)}x`;
      const result = f.pass === undefined ? "" : f.pass ? "PASS" : "MISS";
      const baseline = f.baseline ? formatStats(f.baseline, f.unit) : "";
      const berth = f.berth ? formatStats(f.berth, f.unit) : (f.text ?? "");
      lines.push(`| | ${cell(f.case)} | ${cell(berth)} | ${baseline} | ${ratio} | ${cell(f.goal ?? "")} | ${result} |`);
    }
    for (const n of row.notes) notes.push(`- Row ${row.id}: ${n}`);
  }
  if (notes.length > 0) lines.push("", ...notes);
  return `${lines.join("\n")}\n`;
}

/** Writes `bench/results.json`. */
export function writeResults(file: string, results: BenchResults): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
