/** The shape of a bench row and what it gets from the runner. */
import { existsSync } from "node:fs";
import * as path from "node:path";
import type { Figure, RowResult, RowStatus } from "./report";

/** What every row gets. */
export interface BenchContext {
  /** The repository root. */
  root: string;
  /** A scratch folder under the (git-ignored) .tmp/. */
  tmp: string;
  /** Fewer runs and smaller sizes: for checking that the bench works, not for figures. */
  quick: boolean;
  /** Progress, to standard error. */
  log(message: string): void;
}

/** What a row's `run` returns: the runner adds the id, title, goal, baseline and time. */
export interface RowOutcome {
  status: RowStatus;
  figures: Figure[];
  notes: string[];
}

/** One row of the table. */
export interface BenchRow {
  id: number;
  title: string;
  goal: string;
  baseline: string;
  run(ctx: BenchContext): Promise<RowOutcome>;
}

/** The files (relative to the root) that do not exist. */
export function missingFiles(ctx: BenchContext, files: readonly string[]): string[] {
  return files.filter((f) => !existsSync(path.join(ctx.root, f)));
}

/** The outcome of a row whose component is not there yet. */
export function notBuilt(what: string): RowOutcome {
  return { status: "not built yet", figures: [], notes: [`not built yet: ${what}`] };
}

/** The outcome of a row from its figures: MISS when a goal was missed, PASS when all were met, "no goal" when none had one. */
export function outcome(figures: Figure[], notes: string[] = []): RowOutcome {
  const judged = figures.filter((f) => f.pass !== undefined);
  const status = judged.length === 0 ? "no goal" : judged.some((f) => f.pass === false) ? "MISS" : "PASS";
  return { status, figures, notes };
}

/** Fills in a row result from its outcome. */
export function rowResult(row: BenchRow, out: RowOutcome, seconds: number): RowResult {
  return { id: row.id, title: row.title, goal: row.goal, baseline: row.baseline, status: out.status, figures: out.figures, notes: out.notes, seconds };
}
