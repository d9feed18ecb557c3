/**
 * Runs one program of a user's project under plain `pulumi.runtime.setMocks` (berth/testing's berthMocks, as the
 * README tells users), as a preview or as an update, and prints the resources it registered (`type name`, sorted)
 * as JSON. Copied into the consumer projects by test/consumer/run.test.ts; it imports Berth as a user does.
 *
 * Usage: node --import tsx mock-run.ts PROGRAM_DIR preview|update PROJECT
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { berthMocks } from "berth/testing";

const [dir, mode, project] = process.argv.slice(2);
if (!dir || (mode !== "preview" && mode !== "update") || !project) throw new Error("usage: mock-run.ts DIR preview|update PROJECT");
const registered: string[] = [];
const mocks = berthMocks();
pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push(`${args.type} ${args.name}`);
      return mocks.newResource(args);
    },
    call: (args) => mocks.call(args),
  },
  project,
  "dev",
  mode === "preview",
);

async function main(): Promise<void> {
  process.chdir(dir!);
  const mod = require(path.resolve("index.ts")) as Record<string, unknown>;
  for (const v of Object.values(mod)) {
    if (pulumi.Output.isInstance(v)) {
      // In a preview an output may stay unknown; its apply never runs, so give it a moment rather than waiting.
      await Promise.race([new Promise((resolve) => v.apply(resolve)), new Promise((resolve) => setTimeout(resolve, mode === "preview" ? 200 : 30_000))]);
    }
  }
  // Let registrations that are still in flight reach the mocks.
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.stdout.write(JSON.stringify([...registered].sort()));
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
