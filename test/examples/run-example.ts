/**
 * Runs one example program under the recorder, as an update (not a preview), with berth/testing's berthMocks() (the
 * plausible outputs a user's tests get), and prints the resources it registered (`type name`, sorted) as JSON on stdout. Its own process, so each
 * example gets fresh mocks. Config comes in PULUMI_CONFIG, set by the parent.
 *
 * Usage: `node --import tsx test/examples/run-example.ts EXAMPLE_DIR PROJECT_NAME`
 */
import * as path from "node:path";
import { berthMocks } from "../../src/testing/mocks";
import { type MockState, Recorder } from "../../src/resources/recorder";

async function main(): Promise<void> {
  const [dir, project] = process.argv.slice(2);
  if (!dir || !project) throw new Error("usage: run-example.ts EXAMPLE_DIR PROJECT_NAME");
  const mocks = berthMocks();
  const rec = await Recorder.install({
    project,
    stack: "dev",
    outputs: (args) => mocks.newResource(args) as MockState,
    calls: (args) => mocks.call(args) as Record<string, unknown>,
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
