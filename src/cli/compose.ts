import * as path from "node:path";
import { berthDependencySpec } from "../codegen/berth-spec";
import { projectFiles } from "../codegen/project";
import { writeOutput } from "../codegen/write-output";
import { parseFileSize, readUserFile } from "../core/files";
import { projectNameOf } from "../compose/assemble";
import type { ComposeTarget } from "../compose/coverage";
import { DEFAULT_COMPOSE_LIMITS, type ComposeLimits } from "../compose/limits";
import { loadComposeProject } from "../compose/load";
import { VariableMarkers } from "../compose/markers";
import { renderComposeProgram } from "../compose/program";
import { scopedReader } from "../compose/reader";
import { composeEnvironment } from "../compose/variables";
import { BuildContextError, buildContextDigest } from "../docker/build-context";
import { REGISTRY_PATTERN } from "../compose/targets/swarm";
import { stackNameProblem } from "../codegen/names";
import { type CliCommand, EXIT } from "./io";

const USAGE = `usage: berth compose FILE [-f FILE]... --out DIR [--target swarm|docker] [--name NAME] [--stack STACK]
                     [--profile NAME]... [--env-file FILE]... [--registry HOST[/PREFIX]] [--root DIR] [--strict]
                     [--max-file-size SIZE] [--max-ports N] [--max-instances N] [--max-context-size SIZE]
                     [--max-context-files N] [--berth-spec SPEC] [--force]

Writes a Pulumi TypeScript project to DIR, all files or none (Pulumi.yaml, package.json, tsconfig.json, index.ts,
Pulumi.<stack>.yaml, .gitignore; the same project files as berth import writes; --berth-spec sets its berth dependency)
that builds what the Compose project describes: Swarm services, overlay networks, volumes, configs and secrets
(--target swarm, the default), or containers, networks and volumes on one Docker host (--target docker). Builds run
on the target's engine; for a swarm they are pushed to --registry (or the file's x-berth-registry).

The files are read as \`docker compose\` reads them: more -f files merged over the first, include, extends, the
project's .env (or the --env-file files), interpolation, profiles (--profile, COMPOSE_PROFILES). Every file the
project refers to must be inside the root (the first file's folder, or --root), a regular file of at most
--max-file-size (default 16m). Values interpolated from the environment become stack configuration. Keys with no
meaning on the target are reported with their file:line; --strict makes them errors.

A second run into DIR replaces what Berth wrote there before; files Berth did not write, or that changed since
(.berth/manifest.json records what it wrote), stop it with nothing touched unless --force is given, which keeps the
stack configuration's encryptionsalt, secure: values and keys you added. Files of yours that Berth does not write
(node_modules, notes) are kept. A second run into the same DIR while one is writing it is refused.

exit codes: 0 written, 2 errors (nothing written), 64 wrong usage`;

/** The command line, parsed. */
interface ComposeCliOptions {
  files: string[];
  out?: string;
  target: ComposeTarget;
  name?: string;
  stack: string;
  strict: boolean;
  /** Replace files in --out that Berth did not write or that changed since. */
  force: boolean;
  root?: string;
  profiles: string[];
  envFiles: string[];
  registry?: string;
  berthSpec?: string;
  limits: ComposeLimits;
}

/** Parses the arguments; a string is a usage error. */
function parseArgs(args: string[]): ComposeCliOptions | string {
  const o: ComposeCliOptions = { files: [], target: "swarm", stack: "dev", strict: false, force: false, profiles: [], envFiles: [], limits: { ...DEFAULT_COMPOSE_LIMITS } };
  let positional: string | undefined;
  const count = (flag: string, v: string | undefined): number | string => {
    const n = v !== undefined && /^[0-9]{1,15}$/.test(v) ? Number(v) : Number.NaN;
    return Number.isSafeInteger(n) && n > 0 ? n : `${flag} takes a positive whole number, not "${v ?? ""}"`;
  };
  const size = (flag: string, v: string | undefined): number | string => {
    const n = v === undefined ? undefined : parseFileSize(v);
    return n ?? `${flag} takes a size such as 16m, 512k or 1g, not "${v ?? ""}"`;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => args[++i];
    const need = (_flag: string): string | undefined => {
      const v = value();
      return v === undefined || v.startsWith("-") ? undefined : v;
    };
    const limit = (key: keyof ComposeLimits, r: number | string): string | undefined => {
      if (typeof r === "string") return r;
      o.limits[key] = r;
      return undefined;
    };
    let problem: string | undefined;
    switch (a) {
      case "--out":
      case "-o":
        o.out = need(a);
        if (o.out === undefined) problem = `${a} takes a folder`;
        break;
      case "-f":
      case "--file": {
        const f = need(a);
        if (f === undefined) problem = `${a} takes a Compose file`;
        else o.files.push(f);
        break;
      }
      case "--name":
        o.name = need(a);
        if (o.name === undefined) problem = "--name takes a project name";
        break;
      case "--stack": {
        const s = need(a);
        const bad = s === undefined ? "--stack takes a stack name" : stackNameProblem(s);
        if (bad) problem = s === undefined ? bad : `--stack ${bad}`;
        else o.stack = s!;
        break;
      }
      case "--berth-spec":
        o.berthSpec = need(a);
        if (o.berthSpec === undefined) problem = "--berth-spec takes an npm dependency spec (a version range, file:PATH, a git URL)";
        break;
      case "--strict":
        o.strict = true;
        break;
      case "--force":
        o.force = true;
        break;
      case "--target": {
        const t = value();
        if (t !== "swarm" && t !== "docker") problem = `--target is swarm or docker, not "${t ?? ""}"`;
        else o.target = t;
        break;
      }
      case "--root":
        o.root = need(a);
        if (o.root === undefined) problem = "--root takes a folder";
        break;
      case "--profile": {
        const p = need(a);
        if (p === undefined) problem = "--profile takes a profile name";
        else o.profiles.push(p);
        break;
      }
      case "--env-file": {
        const f = need(a);
        if (f === undefined) problem = "--env-file takes a file";
        else o.envFiles.push(f);
        break;
      }
      case "--registry":
        o.registry = need(a);
        if (o.registry === undefined || !REGISTRY_PATTERN.test(o.registry)) problem = `--registry takes HOST[:PORT][/PREFIX] (lowercase, no scheme), not "${o.registry ?? ""}"`;
        break;
      case "--max-file-size":
        problem = limit("maxFileBytes", size(a, value()));
        break;
      case "--max-context-size":
        problem = limit("maxContextBytes", size(a, value()));
        break;
      case "--max-ports":
        problem = limit("maxPorts", count(a, value()));
        break;
      case "--max-instances":
        problem = limit("maxInstances", count(a, value()));
        break;
      case "--max-context-files":
        problem = limit("maxContextFiles", count(a, value()));
        break;
      default:
        if (a.startsWith("-")) problem = `unknown option ${a}\n${USAGE}`;
        else if (positional !== undefined) problem = `one Compose file at a time (got ${positional} and ${a}); merge more with -f`;
        else {
          positional = a;
          o.files.unshift(a);
        }
    }
    if (problem) return problem;
  }
  if (o.files.length === 0 || o.out === undefined) return USAGE;
  return o;
}

/**
 * How the project's description names the Compose file: its path from the project when it is inside it, else its
 * file name (a path climbing out of the project would record where the two sat on the machine that wrote it).
 */
function sourceName(dir: string, main: string): string {
  const rel = path.relative(dir, main);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : path.basename(main);
}

/** `berth compose`: a Compose project to a Pulumi program. */
export const composeCommand: CliCommand = {
  summary: "write a Pulumi program from a Compose file (Swarm stack or one Docker host)",
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === "string") {
      io.err(parsed === USAGE ? `${USAGE}\n` : `berth compose: ${parsed}\n`);
      return EXIT.usage;
    }
    const o = parsed;
    const fail = (message: string) => {
      io.err(`berth compose: ${message}\n`);
      return EXIT.error;
    };
    const main = path.resolve(io.cwd, o.files[0]!);
    const files: { file: string; text: string }[] = [];
    for (const f of o.files) {
      const r = readUserFile(path.resolve(io.cwd, f), o.limits.maxFileBytes);
      if (!r.ok) return fail(`cannot read the Compose file ${f}: ${r.message}`);
      files.push({ file: path.resolve(io.cwd, f), text: r.text });
    }
    const envFiles: { file: string; text: string }[] = [];
    for (const f of o.envFiles) {
      const r = readUserFile(path.resolve(io.cwd, f), o.limits.maxFileBytes);
      if (!r.ok) return fail(`cannot read the env file ${f}: ${r.message}`);
      envFiles.push({ file: path.resolve(io.cwd, f), text: r.text });
    }
    const projectDir = path.dirname(main);
    const root = path.resolve(io.cwd, o.root ?? projectDir);
    const reader = scopedReader({ root, maxBytes: o.limits.maxFileBytes });
    const environment = composeEnvironment({ projectDir, processEnv: io.env, reader, ...(o.envFiles.length > 0 ? { envFiles } : {}) });
    const markers = VariableMarkers.random(environment.env);
    const profiles = [...o.profiles, ...(io.env["COMPOSE_PROFILES"] ?? "").split(",").map((p) => p.trim()).filter((p) => p !== "")];
    const loaded = loadComposeProject({
      target: o.target,
      files,
      projectDir,
      env: environment.env,
      reader,
      strict: o.strict,
      profiles,
      limits: o.limits,
      markers,
      home: io.env["HOME"] ?? "/root",
      ...(o.name !== undefined ? { projectName: o.name } : {}),
    });
    const diagnostics = [...environment.diagnostics, ...loaded.diagnostics];
    for (const d of diagnostics) io.err(`${d.where}: ${d.severity}: ${d.message}\n`);
    if (!loaded.model || diagnostics.some((d) => d.severity === "error")) return fail("nothing written, fix the errors above");
    const model = loaded.model;
    const project = o.name ?? model.name ?? projectNameOf(projectDir);
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(project)) {
      io.err(`berth compose: "${project}" is not a usable project name; give one with --name (lowercase letters, digits, - and _)\n`);
      return EXIT.usage;
    }
    // Every build context is digested now, so a context over its bounds is reported here, not when the program runs.
    const contextProblems: string[] = [];
    for (const s of model.services) {
      if (!s.build) continue;
      try {
        buildContextDigest(s.build.context, { dockerfile: s.build.dockerfile, maxFiles: o.limits.maxContextFiles, maxBytes: o.limits.maxContextBytes });
      } catch (err) {
        if (!(err instanceof BuildContextError)) throw err;
        contextProblems.push(`services.${s.name}.build: ${err.message}`);
      }
    }
    const dir = path.resolve(io.cwd, o.out!);
    const program = renderComposeProgram(model, {
      target: o.target,
      name: project,
      sourceFile: main,
      outDir: dir,
      root,
      markers,
      ...(o.registry !== undefined ? { registry: o.registry } : {}),
    });
    const problems = [...contextProblems.map((p) => ({ where: "", message: p })), ...program.problems];
    for (const p of problems) io.err(`${main}: error: ${p.where ? `${p.where}: ` : ""}${p.message}\n`);
    if (problems.length > 0) return fail("nothing written, fix the errors above");
    const out = projectFiles({
      name: project,
      description: `Written by berth compose (--target ${o.target}) from ${sourceName(dir, main)}`,
      stack: o.stack,
      program: program.index,
      config: program.config.map((c) => ({ key: c.key, secret: c.secret, comment: c.comment, ...(c.value !== undefined ? { value: c.value } : {}) })),
      berthSpec: berthDependencySpec(dir, o.berthSpec),
      generator: `berth compose --target ${o.target}`,
    });
    const written = writeOutput(dir, out, { force: o.force });
    if (!written.ok) {
      io.err(`berth compose: ${written.message}\nnothing was written\n`);
      return EXIT.error;
    }
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    const secrets = program.config.filter((c) => c.secret);
    for (const c of secrets) io.err(`berth compose: set the secret ${c.key} before \`pulumi up\`: pulumi config set --secret ${c.key} <value>  (${c.comment})\n`);
    io.out(
      `wrote ${dir} (${written.written.join(", ")}${written.kept.length > 0 ? `; kept your ${written.kept.join(", ")}` : ""}): ${model.services.length} services for ${o.target}` +
        `${warnings > 0 ? `, ${warnings} warnings` : ""}${program.config.length > 0 ? `, ${program.config.length} stack config values` : ""}\n`,
    );
    return EXIT.ok;
  },
};
