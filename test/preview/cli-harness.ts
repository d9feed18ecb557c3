/** Runs `berth` in-process with captured output, for the preview tests. */
import * as path from "node:path";
import { main } from "../../src/cli/main";

/** What one run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The repository root. */
export const ROOT = path.resolve(__dirname, "..", "..");
/** The preview fixtures directory. */
export const FIXTURES = path.join(ROOT, "test", "fixtures", "preview");

/** Runs `berth ARGS` with the repository root as the working directory. */
export async function berth(...args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    cwd: ROOT,
    env: process.env,
  });
  return { code, out, err };
}
