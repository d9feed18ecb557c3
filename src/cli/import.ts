import * as path from "node:path";
import { parseFileSize, readUserFile } from "../core/files";
import { compileBlueprint } from "../blueprint/compile";
import { berthDependencySpec } from "../codegen/berth-spec";
import { projectNameFrom, stackNameProblem } from "../codegen/names";
import { writeOutput } from "../codegen/write-output";
import { writeProject } from "../blueprint/emit/code";
import { exitCodeFor, formatReport, totalsOf } from "../blueprint/report";
import { formatDiagnostics, parseYaml } from "../yaml";
import { type CliCommand, EXIT } from "./io";

const USAGE = `usage: berth import BLUEPRINT --out DIR [--stack NAME] [--inputs FILE] [--json] [--strict]
                    [--import-map URL=PATH]... [--catalogue DIR]... [--root DIR] [--max-file-size SIZE]
                    [--max-instances N] [--berth-spec SPEC] [--force]

Converts a Cloudify blueprint into a Pulumi TypeScript project in DIR (Pulumi.yaml, package.json, tsconfig.json,
index.ts, Pulumi.<stack>.yaml, .gitignore), offline, atomically (all files or none). Prints a per-node report
(--json: as JSON on stdout).

  --inputs FILE         deployment input values (YAML or JSON mapping); inputs not given become stack config
  --import-map URL=PATH a local copy of an import the offline catalogue does not know (repeatable; also
                        NS--URL=PATH for a namespaced import)
  --catalogue DIR       a folder of local type files, searched before the built-in catalogue (repeatable;
                        also BERTH_CATALOGUE, folders separated by ${path.delimiter}): plugin:NAME as NAME/plugin.yaml,
                        NAME.yaml or NAME/VERSION/plugin.yaml, blueprint:ID as blueprints/ID.yaml, a URL as HOST/PATH
  --root DIR            the folder imports, scripts and resource files must stay inside
                        (default: the blueprint's folder)
  --max-file-size SIZE  the largest file read, e.g. 16m or 512k (default: 16 MiB)
  --max-instances N     the most node instances a blueprint may expand to (default: 10000)
  --berth-spec SPEC     the project's berth dependency (default: this Berth's own origin, a file: path to its
                        tarball or checkout, or its version range when it came from a registry)

A second run into DIR replaces what Berth wrote there before; files Berth did not write, or that changed since
(.berth/manifest.json records what it wrote), stop it with nothing touched unless --force is given, which keeps the
stack configuration's encryptionsalt, secure: values and keys you added. Files of yours that Berth does not write
(node_modules, notes) are kept. A second run into the same DIR while one is writing it is refused.

exit codes: 0 all converted, 2 errors (nothing written), 3 written but something not converted (--strict: 2),
64 wrong usage`;

/** The parsed command line of `berth import`. */
interface ImportArgs {
  file: string;
  out: string;
  stack: string;
  inputsFile?: string;
  json: boolean;
  strict: boolean;
  /** Replace files in --out that Berth did not write or that changed since. */
  force: boolean;
  importMap: Record<string, string>;
  catalogueDirs: string[];
  root?: string;
  maxFileBytes?: number;
  maxInstances?: number;
  berthSpec?: string;
}

/** Parses the arguments, or returns the usage error to print. */
function parseArgs(args: string[], cwd: string): ImportArgs | { usage: string } {
  let file: string | undefined;
  const parsed: Partial<ImportArgs> & { importMap: Record<string, string>; catalogueDirs: string[] } = { stack: "dev", json: false, strict: false, force: false, importMap: {}, catalogueDirs: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => {
      const v = args[++i];
      return v === undefined || v === "" ? undefined : v;
    };
    const need = (v: string | undefined): v is string => v !== undefined;
    if (a === "--json") parsed.json = true;
    else if (a === "--strict") parsed.strict = true;
    else if (a === "--force") parsed.force = true;
    else if (["--out", "--stack", "--inputs", "--root", "--import-map", "--catalogue", "--max-file-size", "--max-instances", "--berth-spec"].includes(a)) {
      const v = value();
      if (!need(v)) return { usage: `berth import: ${a} needs a value` };
      if (a === "--out") parsed.out = v;
      else if (a === "--stack") parsed.stack = v;
      else if (a === "--inputs") parsed.inputsFile = v;
      else if (a === "--berth-spec") parsed.berthSpec = v;
      else if (a === "--root") parsed.root = path.resolve(cwd, v);
      else if (a === "--catalogue") parsed.catalogueDirs.push(path.resolve(cwd, v));
      else if (a === "--import-map") {
        const eq = v.lastIndexOf("=");
        if (eq <= 0 || eq === v.length - 1) return { usage: `berth import: --import-map takes URL=PATH, got ${JSON.stringify(v)}` };
        parsed.importMap[v.slice(0, eq)] = path.resolve(cwd, v.slice(eq + 1));
      } else if (a === "--max-file-size") {
        const bytes = parseFileSize(v);
        if (bytes === undefined) return { usage: `berth import: --max-file-size takes a size such as 16m, 512k or 1048576, got ${JSON.stringify(v)}` };
        parsed.maxFileBytes = bytes;
      } else {
        const n = /^[0-9]+$/.test(v) ? Number(v) : Number.NaN;
        if (!Number.isSafeInteger(n) || n < 1) return { usage: `berth import: --max-instances takes a whole number of 1 or more, got ${JSON.stringify(v)}` };
        parsed.maxInstances = n;
      }
    } else if (a.startsWith("-")) return { usage: `berth import: unknown option ${a}\n${USAGE}` };
    else if (file === undefined) file = a;
    else return { usage: `berth import: one blueprint at a time (got ${file} and ${a})` };
  }
  const missing = [!file ? "a BLUEPRINT file" : "", !parsed.out ? "--out DIR" : ""].filter((m) => m !== "");
  if (!file || !parsed.out) return { usage: `berth import: missing ${missing.join(" and ")}\n${USAGE}` };
  const badStack = stackNameProblem(parsed.stack ?? "dev");
  if (badStack) return { usage: `berth import: --stack ${badStack}` };
  return { ...parsed, file, out: parsed.out, stack: parsed.stack ?? "dev" } as ImportArgs;
}

/** Reads `--inputs`: a YAML (or JSON) mapping, through the same guarded reader and parser as blueprints. */
function readInputs(file: string, cwd: string, maxBytes: number | undefined): { inputs: Record<string, unknown> } | { error: string } {
  const read = readUserFile(path.resolve(cwd, file), maxBytes);
  if (!read.ok) return { error: `berth import: cannot read --inputs: ${read.message}` };
  const parsed = parseYaml(read.text, file);
  if (parsed.problems.length > 0) return { error: `${formatDiagnostics(parsed.problems)}\nberth import: --inputs ${file} is not valid YAML` };
  const v = parsed.value;
  if (v === undefined || v === null) return { inputs: {} };
  if (typeof v !== "object" || Array.isArray(v)) return { error: `berth import: --inputs ${file} must be a mapping of input names to values` };
  return { inputs: v as Record<string, unknown> };
}

/** `berth import`: a blueprint to a Pulumi project, with a per-node report. */
export const importCommand: CliCommand = {
  summary: "convert a Cloudify blueprint into a Pulumi TypeScript project (offline)",
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, io.cwd);
    if ("usage" in args) {
      io.err(`${args.usage}\n`);
      return EXIT.usage;
    }
    const { file, out, stack, json, strict, importMap } = args;
    const fromEnv = (io.env["BERTH_CATALOGUE"] ?? "").split(path.delimiter).filter((d) => d !== "").map((d) => path.resolve(io.cwd, d));
    let inputs: Record<string, unknown> = {};
    if (args.inputsFile) {
      const r = readInputs(args.inputsFile, io.cwd, args.maxFileBytes);
      if ("error" in r) {
        io.err(`${r.error}\n`);
        return EXIT.error;
      }
      inputs = r.inputs;
    }
    const blueprint = path.resolve(io.cwd, file);
    const result = compileBlueprint(path.relative(io.cwd, blueprint) || blueprint, {
      inputs,
      importMap,
      catalogueDirs: [...args.catalogueDirs, ...fromEnv],
      root: args.root,
      maxFileBytes: args.maxFileBytes,
      maxInstances: args.maxInstances,
      cwd: io.cwd,
    });
    if (!result.plan) {
      if (json) io.out(`${JSON.stringify({ ok: false, diagnostics: result.diagnostics }, null, 2)}\n`);
      io.err(`${formatDiagnostics(result.diagnostics)}\n${result.diagnostics.length} problem(s); nothing was written\n`);
      return EXIT.error;
    }
    const dir = path.resolve(io.cwd, out);
    const name = projectNameFrom(path.basename(dir));
    const files = writeProject(result.plan, { name, stack, berthSpec: berthDependencySpec(dir, args.berthSpec) });
    const written = writeOutput(dir, files, { force: args.force });
    if (!written.ok) {
      io.err(`berth import: ${written.message}\nnothing was written\n`);
      return EXIT.error;
    }
    const plan = result.plan;
    const code = exitCodeFor(plan.report, strict, plan.lines);
    if (json) {
      const detail = {
        ok: true,
        out: dir,
        exitCode: code,
        totals: totalsOf(plan.report),
        lines: plan.lines,
        report: plan.report,
        config: plan.config,
        placeholders: plan.placeholders.map((p) => ({ node: p.node, type: p.type, reason: p.reason })),
      };
      io.out(`${JSON.stringify(detail, null, 2)}\n`);
    } else io.out(`${formatReport(plan.report, plan.lines)}\nwrote ${Object.keys(files).join(", ")} to ${out}\n`);
    return code;
  },
};
