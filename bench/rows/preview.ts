/**
 * Row 6, preview cost: `berth preview` of a 500-resource program (JSON to a file) against running the same program
 * under bare mocks, each run a fresh process timed from spawn to exit.
 */
import * as path from "node:path";
import type { BareProgramResult } from "../children/bare-program";
import type { PreviewChildResult } from "../children/preview";
import { runChild } from "../child";
import { interleave, ratioOf, stats } from "../measure";
import { writePreviewProgram } from "../programs/preview-program";
import { type Figure, count } from "../report";
import { type BenchContext, type BenchRow, type RowOutcome, missingFiles, notBuilt, outcome } from "../row";

async function run(ctx: BenchContext): Promise<RowOutcome> {
  const missing = missingFiles(ctx, ["src/cli/preview.ts", "src/preview/preview.ts"]);
  if (missing.length > 0) return notBuilt(`berth preview (${missing.join(", ")})`);
  const n = ctx.quick ? 100 : 500;
  const dir = path.join(ctx.tmp, `preview-${n}`);
  const entry = writePreviewProgram(dir, n);
  const out = path.join(ctx.tmp, `preview-${n}.json`);
  const plan = ctx.quick ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 3 };
  const samples = await interleave(
    {
      preview: async () => {
        ctx.log(`row 6: berth preview of ${count(n)} resources`);
        const child = await runChild<PreviewChildResult>("bench/children/preview.ts", [dir, out], { timeoutMs: 600_000 });
        if (child.result.custom !== n) throw new Error(`berth preview showed ${child.result.custom} resources, expected ${n}`);
        return child;
      },
      bare: async () => {
        ctx.log(`row 6: the same program under bare mocks`);
        const child = await runChild<BareProgramResult>("bench/children/bare-program.ts", [entry], { timeoutMs: 600_000 });
        if (child.result.custom !== n) throw new Error(`the program registered ${child.result.custom} resources under bare mocks, expected ${n}`);
        return child;
      },
    },
    plan,
  );
  const preview = stats(samples.preview.map((s) => s.wallMs));
  const bare = stats(samples.bare.map((s) => s.wallMs));
  const figures: Figure[] = [{ case: `${count(n)} resources: spawn to exit`, unit: "ms", berth: preview, baseline: bare, ratio: ratioOf(preview, bare) }];
  const notes = [
    "no goal is set for this row in the issue: the ratio is reported for information; " +
      "both sides are fresh `node --import tsx` processes timed from spawn to exit (berth preview runs the program in its own child, records, checks and renders JSON to a file)",
  ];
  if (ctx.quick) notes.push(`quick mode: ${n} resources, one run`);
  return outcome(figures, notes);
}

/** Row 6. */
export const previewRow: BenchRow = {
  id: 6,
  title: "Preview cost (500-resource program)",
  goal: "none set (reported)",
  baseline: "the same program under bare mocks",
  run,
};
