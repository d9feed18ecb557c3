/**
 * What `berth preview` was asked to run: a program directory (its `Pulumi.yaml`, entry file, stack and configuration
 * resolved the way the Pulumi CLI does) or a blueprint file. Reads files; never runs anything.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { stackNameProblem } from "../codegen/names";
import { readUserFile } from "../core/files";
import { shownPath } from "../core/shown";
import { parseYaml } from "../yaml/parse";
import {
  type ProjectSettings,
  type ResolvedConfig,
  readProjectSettings,
  resolveConfig,
} from "./config";

/** A program to run. */
export interface ProgramTarget {
  kind: "program";
  /** The project directory (the program's working directory). */
  dir: string;
  /** The entry file. */
  entry: string;
  project: string;
  stack: string;
  config: ResolvedConfig;
}

/** A blueprint to import and run. */
export interface BlueprintTarget {
  kind: "blueprint";
  file: string;
  /** The name given to the blueprint's component (the file name without extension). */
  name: string;
  /** `--config` pairs whose key is one of the blueprint's inputs, typed by the input's declared type. */
  inputs: Record<string, string | number | boolean>;
  /** The other `--config` pairs, and a secret placeholder for each `get_secret` not given. */
  config: ResolvedConfig;
  project: string;
  stack: string;
}

/** Either target, or the problems that stop it. */
export type TargetResolution =
  | { target: ProgramTarget | BlueprintTarget; notes: string[] }
  | { problems: string[]; notes: string[] };

/** How the target is chosen. */
export interface TargetOptions {
  cwd: string;
  /** `--stack`. @default the only `Pulumi.<stack>.yaml` beside `Pulumi.yaml`, else `dev` */
  stack?: string;
  /** `--config KEY=VALUE` pairs. @default [] */
  config?: readonly string[];
}

const ENTRY_CANDIDATES = ["index.ts", "index.mts", "index.js", "index.mjs", "index.cjs"];

/**
 * Reads a Pulumi.yaml, a stack file or a blueprint's top for settings: a regular file of bounded size, through the
 * positioned YAML parser (so an alias bomb is refused at its alias, and a syntax error has its position).
 */
function loadYaml(file: string): { doc?: unknown; problem?: string } {
  const read = readUserFile(file);
  if (!read.ok) return { problem: read.message };
  const parsed = parseYaml(read.text, file);
  const first = parsed.problems[0];
  if (first) return { problem: `${first.file}:${first.line}:${first.col}: ${first.message}` };
  return { doc: parsed.value };
}

/** The entry file for a project directory and its `main:` (a file, or a directory with package.json `main` or index). */
export function findEntry(dir: string, main: string | undefined): { entry?: string; problem?: string } {
  const base = main ? path.resolve(dir, main) : dir;
  if (existsSync(base) && statSync(base).isFile()) return { entry: base };
  if (!existsSync(base)) return { problem: `main ${shownPath(main ?? ".")} (from Pulumi.yaml) does not exist under ${dir}` };
  const pkgFile = path.join(base, "package.json");
  if (existsSync(pkgFile)) {
    const pkgMain = (JSON.parse(readFileSync(pkgFile, "utf8")) as { main?: unknown }).main;
    if (typeof pkgMain === "string") {
      const file = path.resolve(base, pkgMain);
      for (const candidate of [file, `${file}.ts`, `${file}.js`, path.join(file, "index.ts"), path.join(file, "index.js")]) {
        if (existsSync(candidate) && statSync(candidate).isFile()) return { entry: candidate };
      }
      return { problem: `package.json main ${shownPath(pkgMain)} does not exist in ${base}: build the program first or point main at its TypeScript entry` };
    }
  }
  for (const candidate of ENTRY_CANDIDATES) {
    const file = path.join(base, candidate);
    if (existsSync(file)) return { entry: file };
  }
  return { problem: `no program in ${base}: expected ${ENTRY_CANDIDATES.join(", ")}, a package.json main, or main: in Pulumi.yaml` };
}

/** The stack files beside a Pulumi.yaml (`Pulumi.dev.yaml` → `dev`), sorted. */
export function stackNames(dir: string): string[] {
  return readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Splits `--config KEY=VALUE` for a blueprint: a KEY declared under the blueprint's `inputs:` is an input (converted
 * to its declared integer, float or boolean type); any other KEY is stack configuration, where the importer looks up
 * `get_secret` values (those not given get placeholders marked secret in the child, see child.ts).
 */
export function blueprintSettings(
  doc: unknown,
  project: string,
  pairs: readonly string[],
): { inputs: Record<string, string | number | boolean>; config: ResolvedConfig } {
  const declared = isRecord(doc) && isRecord(doc["inputs"]) ? doc["inputs"] : {};
  const inputs: Record<string, string | number | boolean> = {};
  const configPairs: string[] = [];
  const problems: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const key = eq > 0 ? pair.slice(0, eq) : "";
    if (!(key in declared)) {
      configPairs.push(pair);
      continue;
    }
    const raw = pair.slice(eq + 1);
    const decl = declared[key];
    const type = isRecord(decl) ? decl["type"] : undefined;
    if (type === "integer" || type === "float") {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n) || (type === "integer" && !Number.isInteger(n))) {
        problems.push(`--config ${pair}: input ${key} is declared as ${type}`);
      } else inputs[key] = n;
    } else if (type === "boolean") {
      if (raw !== "true" && raw !== "false") problems.push(`--config ${pair}: input ${key} is declared as boolean (true or false)`);
      else inputs[key] = raw === "true";
    } else {
      inputs[key] = raw;
    }
  }
  const config = resolveConfig({ name: project, config: {} }, undefined, configPairs);
  config.problems.push(...problems);
  return { inputs, config };
}

/** Resolves the command line's PROGRAM_DIR or BLUEPRINT.yaml argument. */
export function resolveTarget(arg: string, options: TargetOptions): TargetResolution {
  const notes: string[] = [];
  const badStack = options.stack === undefined ? undefined : stackNameProblem(options.stack);
  if (badStack) return { problems: [`--stack ${badStack}`], notes };
  const full = path.resolve(options.cwd, arg);
  if (!existsSync(full)) return { problems: [`${arg} does not exist`], notes };
  const isFile = statSync(full).isFile();
  const base = path.basename(full);
  if (isFile && /\.ya?ml$/.test(base) && !/^Pulumi(\..+)?\.ya?ml$/.test(base)) {
    const loaded = loadYaml(full);
    if (loaded.problem) return { problems: [loaded.problem], notes };
    const name = base.replace(/\.ya?ml$/, "");
    const split = blueprintSettings(loaded.doc, name, options.config ?? []);
    notes.push(...split.config.notes);
    if (split.config.problems.length > 0) return { problems: split.config.problems, notes };
    return {
      target: {
        kind: "blueprint",
        file: full,
        name,
        inputs: split.inputs,
        config: split.config,
        project: name,
        stack: options.stack ?? "dev",
      },
      notes,
    };
  }
  const dir = isFile ? path.dirname(full) : full;
  const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => existsSync(f));
  let settings: ProjectSettings;
  if (projectFile) {
    const loaded = loadYaml(projectFile);
    if (loaded.problem) return { problems: [loaded.problem], notes };
    const read = readProjectSettings(loaded.doc, projectFile);
    if (!read.settings) return { problems: read.problems, notes };
    settings = read.settings;
  } else {
    settings = { name: path.basename(dir), config: {} };
    notes.push(`no Pulumi.yaml in ${dir}: the project is named "${settings.name}" after the directory`);
  }
  const found = isFile && !/^Pulumi\./.test(base) ? { entry: full } : findEntry(dir, settings.main);
  if (!found.entry) return { problems: [found.problem!], notes };

  const stacks = stackNames(dir);
  let stack = options.stack;
  if (!stack) {
    stack = stacks.length === 1 ? stacks[0]! : "dev";
    if (stacks.length > 1) notes.push(`several stacks (${stacks.join(", ")}): previewing "${stack}"; choose with --stack`);
  }
  const stackFile = ["yaml", "yml"].map((e) => path.join(dir, `Pulumi.${stack}.${e}`)).find((f) => existsSync(f));
  let stackDoc: unknown;
  if (stackFile) {
    const loaded = loadYaml(stackFile);
    if (loaded.problem) return { problems: [loaded.problem], notes };
    stackDoc = loaded.doc;
  } else if (options.stack) {
    notes.push(`no Pulumi.${stack}.yaml in ${dir}: using the defaults of Pulumi.yaml and --config only`);
  }
  const config = resolveConfig(settings, stackDoc, options.config ?? [], `Pulumi.${stack}.yaml`);
  notes.push(...config.notes);
  if (config.problems.length > 0) return { problems: config.problems, notes };
  return { target: { kind: "program", dir, entry: found.entry, project: settings.name, stack, config }, notes };
}
