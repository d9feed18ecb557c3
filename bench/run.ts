/**
 * `npm run bench`: every row of issue 7, each a ratio against a baseline measured in the same run, printed as one
 * Markdown table and written to bench/results.json. Exits 0 whatever the verdicts (a benchmark is not a test).
 *
 * usage: npm run bench [-- --rows 1,3] [-- --quick]
 *   --rows LIST  run only these rows (the others are listed as skipped)
 *   --quick      fewer runs and smaller sizes, to check the bench itself; its figures are not for publishing
 */
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import { ROOT } from "./child";
import { now } from "./measure";
import { type BenchResults, type RowResult, describeMachine, finishMachine, renderTable, writeResults } from "./report";
import { type BenchContext, rowResult } from "./row";
import { ROWS } from "./rows";

const USAGE = "usage: npm run bench [-- --rows 1,3] [-- --quick]";

function parseArgs(argv: readonly string[]): { rows?: Set<number>; quick: boolean } | string {
  let rows: Set<number> | undefined;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--help" || a === "-h") return USAGE;
    if (a === "--quick") quick = true;
    else if (a === "--rows" || a.startsWith("--rows=")) {
      const list = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const ids = (list ?? "").split(",").map((s) => Number(s.trim()));
      if (ids.length === 0 || ids.some((n) => !ROWS.some((r) => r.id === n))) return `--rows takes a comma-separated list of ${ROWS.map((r) => r.id).join(", ")}; got "${list ?? ""}"`;
      rows = new Set(ids);
    } else return `unknown argument ${a}\n${USAGE}`;
  }
  return { rows, quick };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    if (args === USAGE) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    process.stderr.write(`bench: ${args}\n`);
    process.exitCode = 64;
    return;
  }
  const began = now();
  const machine = describeMachine();
  const tmp = path.join(ROOT, ".tmp", "bench");
  mkdirSync(tmp, { recursive: true });
  const ctx: BenchContext = {
    root: ROOT,
    tmp,
    quick: args.quick,
    log: (m) => process.stderr.write(`[${((now() - began) / 1000).toFixed(0).padStart(3)} s] ${m}\n`),
  };
  const rows: RowResult[] = [];
  for (const row of ROWS) {
    if (args.rows && !args.rows.has(row.id)) {
      rows.push(rowResult(row, { status: "skipped", figures: [], notes: ["skipped: not in --rows"] }, 0));
      continue;
    }
    ctx.log(`row ${row.id}: ${row.title}`);
    const start = now();
    let result: RowResult;
    try {
      result = rowResult(row, await row.run(ctx), (now() - start) / 1000);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      result = rowResult(row, { status: "failed", figures: [], notes: [`failed: ${message}`] }, (now() - start) / 1000);
    }
    ctx.log(`row ${row.id}: ${result.status} in ${result.seconds.toFixed(0)} s`);
    rows.push(result);
  }
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: finishMachine(machine),
    seconds: (now() - began) / 1000,
    rows,
  };
  process.stdout.write(renderTable(results));
  if (args.quick) process.stdout.write("\n(quick mode: these figures check the bench; they are not for publishing)\n");
  writeResults(path.join(ROOT, "bench", "results.json"), results);
  process.exitCode = 0;
}

main().catch((err: unknown) => {
  // Only a fault in the bench itself gets here; rows catch their own failures.
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
