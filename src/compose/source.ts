import * as path from "node:path";
import { readUserFile } from "../core/files";
import type { Problems } from "../core/problems";
import type { ComposeSourceFile } from "./assemble";
import type { ComposeTarget } from "./coverage";
import { type ComposeLimits, composeLimits } from "./limits";
import { type LoadedCompose, loadComposeProject } from "./load";
import { scopedReader } from "./reader";
import { composeEnvironment } from "./variables";

/** Where a component's Compose project comes from: a path (and override files), or the text itself. */
export interface ComposeSourceArgs {
  /** A path to the Compose file. */
  file?: string;
  /** The Compose text. */
  content?: string;
  /** The folder relative paths in `content` are read from. */
  baseDir?: string;
  /** More Compose files merged over the first, in order, as `docker compose -f a -f b` merges them. */
  overrideFiles?: string[];
  /** The folder every file the project refers to must be inside. */
  root?: string;
  /** Env files replacing the project's `.env` (as `--env-file`). */
  envFiles?: string[];
  /** The active profiles. */
  profiles?: string[];
  /** Variables for interpolation, over the environment and the file's `.env`. */
  variables?: { [key: string]: string };
  /** Warnings become errors. */
  strict?: boolean;
}

/**
 * Reads and loads a component's Compose project for a target: exactly one of `file` and `content` (a problem
 * otherwise); a file that cannot be read is a problem naming it. Every other file is read inside the root (the main
 * file's folder unless `root` says otherwise), and variables come from the project's `.env` (or `envFiles`), the
 * environment and `variables`. Returns undefined when a problem was recorded before loading.
 */
export function loadComposeSource(
  args: ComposeSourceArgs,
  target: ComposeTarget,
  problems: Problems,
  limitsOverride: Partial<ComposeLimits> = {},
): LoadedCompose | undefined {
  const limits = composeLimits(limitsOverride);
  if ((args.file === undefined) === (args.content === undefined)) {
    problems.add("file", "set exactly one of `file` (a path) and `content` (the Compose text)");
    return undefined;
  }
  const main = args.file !== undefined ? path.resolve(args.file) : path.join(path.resolve(args.baseDir ?? "."), "compose.yaml");
  const projectDir = path.dirname(main);
  const files: ComposeSourceFile[] = [];
  const userFile = (file: string, where: string): ComposeSourceFile | undefined => {
    const r = readUserFile(file, limits.maxFileBytes);
    if (!r.ok) {
      problems.add(where, `cannot read the Compose file: ${r.message}`);
      return undefined;
    }
    return { file: path.resolve(file), text: r.text };
  };
  if (args.file !== undefined) {
    const f = userFile(main, "file");
    if (f) files.push(f);
  } else files.push({ file: main, text: args.content ?? "" });
  (args.overrideFiles ?? []).forEach((f, i) => {
    const r = userFile(path.resolve(f), `overrideFiles[${i}]`);
    if (r) files.push(r);
  });
  const envFiles: { file: string; text: string }[] = [];
  (args.envFiles ?? []).forEach((f, i) => {
    const r = readUserFile(f, limits.maxFileBytes);
    if (!r.ok) problems.add(`envFiles[${i}]`, `cannot read the env file: ${r.message}`);
    else envFiles.push({ file: path.resolve(f), text: r.text });
  });
  if (!problems.empty) return undefined;
  const reader = scopedReader({ root: path.resolve(args.root ?? projectDir), maxBytes: limits.maxFileBytes });
  const environment = composeEnvironment({
    projectDir,
    processEnv: process.env,
    reader,
    variables: args.variables ?? {},
    ...(args.envFiles !== undefined ? { envFiles } : {}),
  });
  const profiles = [...(args.profiles ?? []), ...(process.env["COMPOSE_PROFILES"] ?? "").split(",").map((p) => p.trim()).filter((p) => p !== "")];
  const loaded = loadComposeProject({ target, files, projectDir, env: environment.env, reader, strict: args.strict ?? false, profiles, limits, home: process.env["HOME"] ?? "/root" });
  return { ...loaded, diagnostics: [...environment.diagnostics, ...loaded.diagnostics] };
}
