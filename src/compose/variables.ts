/**
 * The variables a Compose project is interpolated with, in Compose's order of precedence: the `.env` file of the
 * project folder (or, instead of it, the `--env-file` files, later ones winning), overridden by the process
 * environment, overridden by the variables a program passes. Problems in an env file are reported by line, never
 * with the line's text.
 */
import * as path from "node:path";
import type { ComposeDiagnostic } from "./assemble";
import { parseEnvFile } from "./env-file";
import type { ComposeReader } from "./reader";

/** Where the variables come from. */
export interface ComposeEnvironmentOptions {
  /** The project folder, whose `.env` is read when no `envFiles` are given. */
  projectDir: string;
  /** The process environment. */
  processEnv: Readonly<Record<string, string | undefined>>;
  /** `--env-file` files, already read (they replace `.env`). @default none: the project's `.env` */
  envFiles?: readonly { file: string; text: string }[];
  /** Reads the project's `.env` (inside the root). */
  reader: ComposeReader;
  /** Variables over everything else. @default {} */
  variables?: Readonly<Record<string, string>>;
}

/** The variables, and the problems found in the env files. */
export interface ComposeEnvironment {
  env: Record<string, string | undefined>;
  diagnostics: ComposeDiagnostic[];
  /** The env files read. */
  files: string[];
}

/** Gathers the variables of a project. */
export function composeEnvironment(options: ComposeEnvironmentOptions): ComposeEnvironment {
  const diagnostics: ComposeDiagnostic[] = [];
  const files: string[] = [];
  let fileValues: Record<string, string> = {};
  const sources: { file: string; text: string }[] = [];
  if (options.envFiles !== undefined) sources.push(...options.envFiles);
  else {
    const dotenv = path.join(options.projectDir, ".env");
    const r = options.reader.read(dotenv, "/");
    if (r.ok) sources.push({ file: r.file, text: r.text });
    else if (r.reason !== "not-found") diagnostics.push({ severity: "error", where: `${dotenv}:1:1`, key: "", message: `cannot read the project's .env: ${r.message}` });
  }
  for (const { file, text } of sources) {
    files.push(file);
    // Each file sees the process environment and the files before it.
    const parsed = parseEnvFile(text, { ...fileValues, ...options.processEnv });
    for (const p of parsed.problems) diagnostics.push({ severity: "error", where: `${file}:${p.line}:1`, key: "", message: `this line of the env file ${p.message}` });
    fileValues = { ...fileValues, ...parsed.values };
  }
  return { env: { ...fileValues, ...options.processEnv, ...(options.variables ?? {}) }, diagnostics, files };
}
