/**
 * Bench child for row 6's baseline: runs a Pulumi program under bare mocks (no recording, no rendering), as a test
 * would, in a fresh process.
 *
 * usage: node --import tsx bench/children/bare-program.ts ENTRY
 */
import * as path from "node:path";
import { failChild, reportResult } from "../child";
import { installCountingMocks, settle } from "./mocks";

/** What the child reports. */
export interface BareProgramResult {
  custom: number;
}

async function main(): Promise<void> {
  const entry = process.argv[2];
  if (!entry) throw new Error("usage: bare-program.ts ENTRY");
  const counts = await installCountingMocks();
  process.chdir(path.dirname(entry));
  await import(path.resolve(entry));
  await settle(counts);
  reportResult({ custom: counts.custom } satisfies BareProgramResult);
}

main().catch(failChild);
