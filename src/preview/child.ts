/**
 * The child process of `berth preview`: installs the recording mock runtime with plausible outputs per resource type,
 * runs one program (or imports one blueprint) inside a Pulumi stack, waits for every registration, and writes what
 * was recorded to the result file named in the job. It runs in its own process so that the program's globals, the
 * mocks and its exit state never touch the CLI.
 *
 * Usage (by the runner only): `node --import tsx child.ts JOB.json`.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { Recorder, type RecordedValue, decodeWireValue } from "../resources/recorder";
import { namespacedKey, secretPlaceholder } from "./config";
import { mockOutputsFor } from "../testing/plausible-outputs";
import type { ChildError, ChildJob, ChildProgress, ChildResult, RecordedState } from "./protocol";
import { filterStack } from "./stack-frames";

interface MonitorState {
  getRegisteredResources(): Map<string, { urn: string; id: string | null; state: unknown }>;
}

const OUTPUT_ONLY = /resourceInputs\["([A-Za-z0-9_$]+)"\] = undefined \/\*out\*\//g;
const outputNamesByClass = new Map<unknown, string[]>();

/** The output-only property names a provider resource class declares (its generated constructor marks them). */
function outputNamesOf(resource: pulumi.Resource): string[] {
  const ctor = resource.constructor;
  let names = outputNamesByClass.get(ctor);
  if (!names) {
    names = [...new Set([...ctor.toString().matchAll(OUTPUT_ONLY)].map((m) => m[1]!))];
    outputNamesByClass.set(ctor, names);
  }
  return names;
}

function toChildError(err: unknown, internalDirs: readonly string[]): ChildError {
  if (err instanceof Error) {
    const hidden = (err as { hideStack?: boolean }).hideStack === true || err.name === "ArgsError";
    return {
      name: err.name,
      message: err.message,
      stack: hidden || !err.stack ? "" : filterStack(err.stack, internalDirs),
    };
  }
  return { name: "Error", message: String(err), stack: "" };
}

async function loadProgram(entry: string): Promise<unknown> {
  let mod: unknown;
  try {
    mod = require(entry);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "ERR_REQUIRE_ESM" && code !== "ERR_REQUIRE_ASYNC_MODULE") throw err;
    mod = await import(pathToFileURL(entry).href);
  }
  // Like Pulumi's Node.js host: a default export that is a function is the program; its result is the stack outputs.
  if (typeof mod === "function") return (mod as () => unknown)();
  const record = mod as Record<string, unknown>;
  if (record && typeof record["default"] === "function") return (record["default"] as () => unknown)();
  return mod;
}

async function loadBlueprint(job: ChildJob, blueprint: NonNullable<ChildJob["blueprint"]>): Promise<unknown> {
  // Loaded here, not at the top, so that program previews never load the importer.
  const mod = require("../blueprint") as Record<string, unknown>;
  const ctor = mod["Blueprint"];
  if (typeof ctor !== "function") {
    const err = new Error(
      "blueprint previews need the importer (src/blueprint `Blueprint`), which is not part of this build yet; " +
        "preview a Pulumi program directory instead",
    );
    (err as { hideStack?: boolean }).hideStack = true;
    throw err;
  }
  // The importer knows which secrets the blueprint reads (get_secret, agent keys); those not given on the command line
  // live in Cloudify's secret store and cannot be read offline: give each a placeholder marked secret, and say so.
  const compile = mod["compileBlueprint"];
  if (typeof compile === "function") {
    const compiled = (compile as (file: string, options: { inputs: Record<string, unknown> }) => unknown)(
      blueprint.file,
      { inputs: blueprint.inputs },
    ) as { plan?: { secrets?: unknown } };
    const secrets = Array.isArray(compiled.plan?.secrets) ? compiled.plan.secrets : [];
    const missing = secrets
      .filter((s): s is string => typeof s === "string")
      .map((s) => namespacedKey(s, job.project))
      .filter((k) => !(k in job.config));
    for (const key of missing) {
      job.config[key] = secretPlaceholder(key);
      job.secretKeys.push(key);
      process.stderr.write(
        `berth preview: note: secret ${key} cannot be read offline: the blueprint sees a placeholder marked secret ` +
          `(give it with --config ${key.slice(job.project.length + 1)}=VALUE)\n`,
      );
    }
    if (missing.length > 0) pulumi.runtime.setAllConfig(job.config, job.secretKeys);
  }
  const Blueprint = ctor as new (name: string, args: { file: string; inputs: Record<string, unknown> }) => unknown;
  new Blueprint(blueprint.name, { file: blueprint.file, inputs: blueprint.inputs });
  return {};
}

/**
 * Exits once everything written to stdout and stderr has reached the pipe: `process.exit` alone drops what is still
 * buffered, which cut a chatty program's output short.
 */
function exitFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as ChildJob;
  // The job holds the stack's config (secrets too): gone from disk as soon as it is read.
  rmSync(process.argv[2]!, { force: true });
  // The first result written is the one: a failure reported while the program still runs is not overwritten.
  let written = false;
  const write = (result: ChildResult): void => {
    if (written) return;
    written = true;
    writeFileSync(job.resultFile, JSON.stringify(result), { mode: 0o600 });
  };
  let rec: Recorder | undefined;
  const fail = (err: unknown): void => {
    write({
      resources: rec?.resources ?? [],
      calls: rec?.calls ?? [],
      states: {},
      outputNames: {},
      error: toChildError(err, job.internalDirs),
    });
    exitFlushed(2);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);

  pulumi.runtime.setAllConfig(job.config, job.secretKeys);
  const region = job.config["aws:region"] ?? "us-east-1";
  rec = await Recorder.install({
    preview: true,
    project: job.project,
    stack: job.stack,
    outputs: (args) => {
      if (!args.custom) return { id: "", state: {} };
      const inputs = (args.inputs ?? {}) as Record<string, unknown>;
      const made = mockOutputsFor({
        type: args.type,
        name: args.name,
        inputs,
        region: typeof inputs["region"] === "string" ? inputs["region"] : region,
      });
      const state: Record<string, unknown> = { ...inputs };
      for (const [k, v] of Object.entries(made.outputs)) {
        state[k] = made.secretOutputs.includes(k) ? pulumi.secret(v) : v;
      }
      return { id: made.id ?? "", state };
    },
  });
  const recorder = rec;
  const timer = setInterval(() => {
    const message: ChildProgress = { kind: "progress", registered: recorder.resources.length };
    process.send?.(message);
  }, 500);
  timer.unref();

  const declared: [pulumi.Resource, string[]][] = [];
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        // Runs inside the base constructor, before CustomResource marks itself: read the class, not the instance.
        const names = outputNamesOf(args.resource);
        if (names.length > 0) declared.push([args.resource, names]);
        return undefined;
      });
      return job.blueprint ? loadBlueprint(job, job.blueprint) : loadProgram(job.entry!);
    });
    await recorder.settle();
  } catch (err) {
    fail(err);
    return;
  }
  if (written) return;

  const states: Record<string, RecordedState> = {};
  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorState;
  for (const [urn, entry] of monitor.getRegisteredResources()) {
    // A component's entry holds the Struct of its registered outputs; read it here (rather than the recorder's copy)
    // so that secret outputs keep their secret paths.
    const raw = entry.state as { toJavaScript?: () => unknown } | null;
    const wire = raw && typeof raw.toJavaScript === "function" ? raw.toJavaScript() : (raw ?? {});
    const secretPaths: string[] = [];
    const state = decodeWireValue(wire, "", secretPaths) as Record<string, RecordedValue>;
    states[urn] = { id: entry.id || null, state, secretPaths };
  }
  const outputNames: Record<string, string[]> = {};
  for (const [resource, names] of declared) {
    const urn = await new Promise<string>((resolve) => resource.urn.apply(resolve));
    outputNames[urn] = names;
  }
  write({ resources: recorder.resources, calls: recorder.calls, states, outputNames });
  exitFlushed(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`berth preview: the preview runner failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(70);
});
