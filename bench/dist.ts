/**
 * The compiled library (dist/), which is what users run: built here when it is missing or older than src/, so that
 * rows measuring Berth's own code measure the shipped JavaScript rather than TypeScript loaded through tsx.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { now } from "./measure";
import type { BenchContext } from "./row";

/** The newest modification time of the .ts files under a folder. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** Runs `tsc -p tsconfig.build.json`; returns the exit code and the number of error lines. */
function build(root: string): Promise<{ code: number | null; errors: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const began = now();
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    const child = spawn(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => {
      out += t;
    });
    child.stderr.setEncoding("utf8").on("data", (t: string) => {
      out += t;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, errors: out.split("\n").filter((l) => /error TS\d+/.test(l)).length, seconds: (now() - began) / 1000 }));
  });
}

/**
 * Makes sure `dist/<file>` is built from the current sources; returns a note when it had to build (or could not),
 * and whether the file exists now.
 */
export async function ensureDist(ctx: BenchContext, file: string, row: string): Promise<{ built: boolean; note?: string }> {
  const target = path.join(ctx.root, "dist", file);
  if (existsSync(target) && statSync(target).mtimeMs >= newestSource(path.join(ctx.root, "src"))) return { built: true };
  ctx.log(`${row}: dist/ is missing or older than src/: npx tsc -p tsconfig.build.json`);
  const result = await build(ctx.root);
  const note = `built dist/ first (${result.seconds.toFixed(0)} s${result.code === 0 ? "" : `; tsc exited ${result.code} with ${result.errors} error(s), dist/ emitted anyway`})`;
  return { built: existsSync(target), note };
}
