/**
 * Runs one example program under the recorder, as an update (not a preview), with plausible outputs per resource
 * type (the cluster tests' table, then the preview's), and prints the resources it registered (`type name`, sorted) as JSON on stdout. Its own process, so each
 * example gets fresh mocks. Config comes in PULUMI_CONFIG, set by the parent.
 *
 * Usage: `node --import tsx test/examples/run-example.ts EXAMPLE_DIR PROJECT_NAME`
 */
import * as path from "node:path";
import { mockOutputsFor } from "../../src/preview/mock-outputs";
import { Recorder } from "../../src/testing/recorder";
import { mockCalls, mockOutputs } from "../cloud/mock-cloud";

async function main(): Promise<void> {
  const [dir, project] = process.argv.slice(2);
  if (!dir || !project) throw new Error("usage: run-example.ts EXAMPLE_DIR PROJECT_NAME");
  const rec = await Recorder.install({
    project,
    stack: "dev",
    // The cluster tests' outputs where they know the type (keys, tokens and addresses a deployment would return),
    // else the preview's plausible outputs per type.
    outputs: (args) => {
      const cloud = mockOutputs(args);
      if (cloud) return cloud;
      const m = mockOutputsFor({ type: args.type, name: args.name, inputs: args.inputs, region: "us-east-1" });
      return { id: m.id ?? `${args.name}-id`, state: { ...args.inputs, ...m.outputs } };
    },
    calls: mockCalls,
  });
  const mod = require(path.resolve(dir, "index.ts")) as Record<string, unknown>;
  // Await the program's exports (stack outputs), so every apply chain behind them has run.
  for (const v of Object.values(mod)) {
    if (v && typeof v === "object" && "apply" in v && typeof (v as { apply: unknown }).apply === "function") {
      await new Promise((resolve) => (v as { apply(f: (x: unknown) => void): void }).apply(resolve));
    }
  }
  await rec.settle();
  process.stdout.write(JSON.stringify(rec.summary()));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
