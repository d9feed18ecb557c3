/**
 * Bench child for row 6: `berth preview DIR --format json --out FILE`, through the CLI's own entry, in a fresh
 * process; reports the exit code and the provider resources in the written document.
 *
 * usage: node --import tsx bench/children/preview.ts DIR OUT
 */
import { readFileSync } from "node:fs";
import { main } from "../../src/cli/main";
import { failChild, reportResult } from "../child";

/** What the child reports. */
export interface PreviewChildResult {
  code: number;
  custom: number;
}

async function run(): Promise<void> {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) throw new Error("usage: preview.ts DIR OUT");
  let err = "";
  const code = await main(["preview", dir, "--format", "json", "--out", out], {
    out: () => {},
    err: (t) => {
      err += t;
    },
    cwd: process.cwd(),
    env: process.env,
  });
  if (code !== 0) throw new Error(`berth preview exited ${code}:\n${err}`);
  const doc = JSON.parse(readFileSync(out, "utf8")) as { resources?: { custom?: boolean }[] };
  reportResult({ code, custom: (doc.resources ?? []).filter((r) => r.custom === true).length } satisfies PreviewChildResult);
}

run().catch(failChild);
