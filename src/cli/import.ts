import { readFileSync } from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import { compileBlueprint } from "../blueprint/compile";
import { berthDependencySpec } from "../codegen/berth-spec";
import { projectNameFrom, stackNameProblem } from "../codegen/names";
import { writeOutput } from "../codegen/write-output";
import { writeProject } from "../blueprint/emit/code";
import { exitCodeFor, formatReport } from "../blueprint/report";
import { formatDiagnostics } from "../yaml";
import { type CliCommand, EXIT } from "./io";

const USAGE = `usage: berth import BLUEPRINT --out DIR [--stack NAME] [--inputs FILE] [--json] [--strict] [--import-map URL=PATH]...
                    [--berth-spec SPEC]

Converts a Cloudify blueprint into a Pulumi TypeScript project in DIR (Pulumi.yaml, package.json, tsconfig.json,
index.ts, Pulumi.<stack>.yaml, .gitignore), offline, atomically (all files or none). Prints a per-node report
(--json: as JSON on stdout). --berth-spec sets the project's berth dependency (default: this Berth's own origin,
a file: path to its tarball or checkout, or its version range when it came from a registry).

exit codes: 0 all converted, 2 errors (nothing written), 3 written but something not converted (--strict: 2)`;

/** `berth import`: a blueprint to a Pulumi project, with a per-node report. */
export const importCommand: CliCommand = {
  summary: "convert a Cloudify blueprint into a Pulumi TypeScript project (offline)",
  usage: USAGE,
  async run(args, io) {
    let file: string | undefined;
    let out: string | undefined;
    let stack = "dev";
    let berthSpec: string | undefined;
    let inputsFile: string | undefined;
    let json = false;
    let strict = false;
    const importMap: Record<string, string> = {};
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const next = (): string | undefined => args[++i];
      if (a === "--out") out = next();
      else if (a === "--stack") stack = next() ?? "";
      else if (a === "--berth-spec") berthSpec = next();
      else if (a === "--inputs") inputsFile = next();
      else if (a === "--json") json = true;
      else if (a === "--strict") strict = true;
      else if (a === "--import-map") {
        const m = next() ?? "";
        const eq = m.lastIndexOf("=");
        if (eq <= 0) {
          io.err(`berth import: --import-map takes URL=PATH, got "${m}"\n`);
          return EXIT.usage;
        }
        importMap[m.slice(0, eq)] = path.resolve(io.cwd, m.slice(eq + 1));
      } else if (a.startsWith("-")) {
        io.err(`berth import: unknown option ${a}\n${USAGE}\n`);
        return EXIT.usage;
      } else if (file === undefined) file = a;
      else {
        io.err(`berth import: one blueprint at a time (got ${file} and ${a})\n`);
        return EXIT.usage;
      }
    }
    const missing = [!file ? "a BLUEPRINT file" : "", !out ? "--out DIR" : ""].filter((m) => m !== "");
    if (missing.length > 0) {
      io.err(`berth import: missing ${missing.join(" and ")}\n${USAGE}\n`);
      return EXIT.usage;
    }
    const badStack = stackNameProblem(stack);
    if (badStack) {
      io.err(`berth import: --stack ${badStack}\n`);
      return EXIT.usage;
    }
    if (!file || !out) return EXIT.usage;
    let inputs: Record<string, unknown> = {};
    if (inputsFile) {
      try {
        const loaded = load(readFileSync(path.resolve(io.cwd, inputsFile), "utf8"));
        if (loaded !== null && loaded !== undefined && (typeof loaded !== "object" || Array.isArray(loaded))) throw new Error("it must be a mapping of input names to values");
        inputs = (loaded ?? {}) as Record<string, unknown>;
      } catch (err) {
        io.err(`berth import: cannot read --inputs ${inputsFile}: ${err instanceof Error ? err.message : String(err)}\n`);
        return EXIT.error;
      }
    }
    const blueprint = path.resolve(io.cwd, file);
    const result = compileBlueprint(path.relative(io.cwd, blueprint) || blueprint, { inputs, importMap });
    if (!result.plan) {
      if (json) io.out(`${JSON.stringify({ ok: false, diagnostics: result.diagnostics }, null, 2)}\n`);
      io.err(`${formatDiagnostics(result.diagnostics)}\n${result.diagnostics.length} problem(s); nothing was written\n`);
      return EXIT.error;
    }
    const dir = path.resolve(io.cwd, out);
    const name = projectNameFrom(path.basename(dir));
    const files = writeProject(result.plan, { name, stack, berthSpec: berthDependencySpec(dir, berthSpec) });
    const written = writeOutput(dir, files);
    if (!written.ok) {
      io.err(`berth import: ${written.message}\nnothing was written\n`);
      return EXIT.error;
    }
    const code = exitCodeFor(result.plan.report, strict);
    if (json) io.out(`${JSON.stringify({ ok: true, out: dir, exitCode: code, report: result.plan.report }, null, 2)}\n`);
    else io.out(`${formatReport(result.plan.report)}\nwrote ${Object.keys(files).join(", ")} to ${out}\n`);
    return code;
  },
};
