/**
 * Runs one blueprint program under the mocks recorder and prints what it registered, as JSON on stdout:
 * `live FILE NAME` (the Blueprint component) or `generated DIR` (a project written by berth import).
 * Used by the equivalence test, one child process per program.
 */
import * as path from "node:path";
import { Recorder } from "../../src/resources/recorder";

async function run(): Promise<void> {
  const [mode, target, name] = process.argv.slice(2);
  const rec = await Recorder.install();
  if (mode === "live") {
    const { Blueprint } = await import("../../src/blueprint/index.js");
    new Blueprint(name!, { file: target! });
  } else {
    await import(path.join(target!, "index.ts"));
  }
  await rec.settle();
  const byUrn = new Map(rec.resources.map((r) => [r.urn, `${r.type} ${r.name}`]));
  const out = rec.resources.map((r) => ({
    type: r.type,
    name: r.name,
    parent: r.parentName ? `${r.parentType} ${r.parentName}` : null,
    inputs: r.inputs,
    secretPaths: r.secretPaths,
    dependencies: r.dependencies.map((u) => byUrn.get(u) ?? u).sort(),
    provider: r.provider ? r.provider.split("::").slice(3).join("::") : null,
  }));
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

run().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
