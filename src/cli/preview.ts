/**
 * `berth preview`: see what a Pulumi TypeScript program (or a Cloudify blueprint) would create, offline, with a
 * security report. Parses its arguments, calls the preview library, and prints; see docs/preview.md.
 */
import { statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Severity } from "../security/finding";
import type { PreviewDocument } from "../preview/document";
import { previewTarget } from "../preview/preview";
import { renderDot } from "../preview/render-dot";
import { renderHtml } from "../preview/render-html";
import { renderJson } from "../preview/render-json";
import { renderMermaid } from "../preview/render-mermaid";
import { renderTree } from "../preview/render-tree";
import { SEVERITIES, reaches, renderSecurityReport } from "../preview/security-report";
import { resolveTarget } from "../preview/target";
import { type CliCommand, type CliIo, EXIT } from "./io";

/** The exit code when `--fail-on` is reached. */
export const EXIT_FINDINGS = 4;

/** The default `--timeout`, in seconds: a preview runs no deployment, so two minutes is ample. */
export const DEFAULT_PREVIEW_TIMEOUT_SECONDS = 120;

/** The longest `--timeout` a Node.js timer can honour (2^31 - 1 ms), in whole seconds. */
export const MAX_PREVIEW_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** How often, at most seconds apart, `berth preview` says it is still running. */
export const PROGRESS_EVERY_SECONDS = 10;

/** The output formats, each with its renderer. */
export const PREVIEW_FORMATS: Readonly<Record<string, (doc: PreviewDocument) => string>> = {
  tree: renderTree,
  json: renderJson,
  mermaid: renderMermaid,
  dot: renderDot,
  html: renderHtml,
};

/** The parsed command line of `berth preview`. */
export interface PreviewArgs {
  target: string;
  config: string[];
  stack?: string;
  /** @default "tree" */
  format: string;
  out?: string;
  failOn?: Severity;
  /** @default 120 ({@link DEFAULT_PREVIEW_TIMEOUT_SECONDS}) */
  timeoutSeconds: number;
}

const USAGE = `usage: berth preview PROGRAM_DIR | BLUEPRINT.yaml [options]

Runs a Pulumi TypeScript program (or imports a Cloudify blueprint) offline under a recording mock runtime and shows
what it would create. No Pulumi CLI, backend, provider plugins or credentials are needed.

options:
  --config KEY=VALUE   set a configuration value (repeatable; KEY without a namespace gets the project's)
  --stack NAME         the stack whose Pulumi.NAME.yaml is read (default: the only one, else dev)
  --format FORMAT      tree (default), json, mermaid, dot or html
  --out FILE           write the rendering to FILE instead of standard output
  --fail-on SEVERITY   exit ${EXIT_FINDINGS} when a security finding is at least high, medium or low
  --timeout SECONDS    stop a program that runs longer (default ${DEFAULT_PREVIEW_TIMEOUT_SECONDS}, at most ${MAX_PREVIEW_TIMEOUT_SECONDS})

The security report, the program's own output (all of it) and a progress line at least every ${PROGRESS_EVERY_SECONDS} s go to
standard error. Exit codes: 0 done, 2 the program failed or the input is
wrong, ${EXIT_FINDINGS} a finding reached --fail-on, 64 wrong usage.`;

/** Parses the arguments; returns the usage problem as a string. */
export function parsePreviewArgs(args: readonly string[]): PreviewArgs | string {
  const parsed: PreviewArgs = { target: "", config: [], format: "tree", timeoutSeconds: DEFAULT_PREVIEW_TIMEOUT_SECONDS };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined || (eq <= 0 && value.startsWith("-") && value !== "-")) {
      return `${flag} needs a value (${value === undefined ? "none given" : `${value} is a flag, not a value`}); write ${flag} VALUE or ${flag}=VALUE`;
    }
    switch (flag) {
      case "--config":
        parsed.config.push(value);
        break;
      case "--stack":
        parsed.stack = value;
        break;
      case "--format":
        if (!(value in PREVIEW_FORMATS)) return `--format ${value}: expected one of ${Object.keys(PREVIEW_FORMATS).join(", ")}`;
        parsed.format = value;
        break;
      case "--out":
        parsed.out = value;
        break;
      case "--fail-on":
        if (!(SEVERITIES as readonly string[]).includes(value)) return `--fail-on ${value}: expected high, medium or low`;
        parsed.failOn = value as Severity;
        break;
      case "--timeout": {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds <= 0) return `--timeout ${value}: expected a number of seconds`;
        if (seconds > MAX_PREVIEW_TIMEOUT_SECONDS) return `--timeout ${value}: at most ${MAX_PREVIEW_TIMEOUT_SECONDS} seconds (what a timer can wait)`;
        parsed.timeoutSeconds = seconds;
        break;
      }
      default:
        return `unknown option ${flag}`;
    }
  }
  if (positional.length !== 1) {
    return positional.length === 0 ? "expected a program directory or a blueprint file" : `expected one target, got ${positional.join(" ")}`;
  }
  parsed.target = positional[0]!;
  return parsed;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parsePreviewArgs(args);
  if (typeof parsed === "string") {
    io.err(`berth preview: ${parsed}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (parsed.out) {
    const problem = outDirectoryProblem(path.resolve(io.cwd, parsed.out));
    if (problem) {
      io.err(`berth preview: --out ${parsed.out}: ${problem}\n`);
      return EXIT.error;
    }
  }
  const resolution = resolveTarget(parsed.target, { cwd: io.cwd, stack: parsed.stack, config: parsed.config });
  for (const note of resolution.notes) io.err(`berth preview: note: ${note}\n`);
  if ("problems" in resolution) {
    for (const problem of resolution.problems) io.err(`berth preview: ${problem}\n`);
    return EXIT.error;
  }
  const target = resolution.target;
  io.err(`berth preview: running ${parsed.target} (${target.project}/${target.stack}) offline under mocks\n`);
  const started = Date.now();
  let lastReport = started;
  let lastCount = 0;
  const report = (registered: number): void => {
    io.err(`berth preview: ${registered} resources registered (${Math.round((Date.now() - started) / 1000)} s)\n`);
    lastReport = Date.now();
    lastCount = registered;
  };
  // A sign of life at least every PROGRESS_EVERY_SECONDS, also while the program registers nothing new.
  const heartbeat = setInterval(() => {
    if (Date.now() - lastReport >= PROGRESS_EVERY_SECONDS * 1000 - 50) report(lastCount);
  }, 1000);
  heartbeat.unref();
  const outcome = await previewTarget(target, {
    onOutput: (text) => io.err(text),
    onProgress: (registered) => {
      if (registered !== lastCount && Date.now() - lastReport >= 2000) report(registered);
      else lastCount = registered;
    },
    timeoutMs: parsed.timeoutSeconds * 1000,
  }).finally(() => clearInterval(heartbeat));
  if (!outcome.ok) {
    const { error } = outcome;
    const text = error.stack !== "" ? error.stack : error.name === "ArgsError" ? error.message : `${error.name}: ${error.message}`;
    io.err(`berth preview: the program failed:\n${text}\n`);
    return EXIT.error;
  }
  const doc = outcome.document;
  const rendered = PREVIEW_FORMATS[parsed.format]!(doc);
  if (parsed.out) {
    const file = path.resolve(io.cwd, parsed.out);
    try {
      writeFileSync(file, rendered);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      io.err(`berth preview: --out ${parsed.out}: cannot write the file (${reason}); choose a writable path\n`);
      return EXIT.error;
    }
    io.err(`berth preview: wrote ${parsed.format} to ${parsed.out}\n`);
  } else {
    io.out(rendered);
  }
  io.err(renderSecurityReport(doc.findings, outcome.ruleCount, doc.resources.length));
  if (parsed.failOn && reaches(doc.findings, parsed.failOn)) {
    io.err(`berth preview: failing: a finding is ${parsed.failOn} or worse (--fail-on ${parsed.failOn})\n`);
    return EXIT_FINDINGS;
  }
  return EXIT.ok;
}

/**
 * Why the file `file` cannot be written to, checked before the (slow) preview runs: its directory must exist and be a
 * directory. Returns undefined when it looks writable.
 */
export function outDirectoryProblem(file: string): string | undefined {
  const dir = path.dirname(file);
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a directory; choose a file in an existing directory`;
  } catch {
    return `the directory ${dir} does not exist; create it first or choose a file in an existing directory`;
  }
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) return `${file} is a directory; name a file`;
  return undefined;
}

/** The `berth preview` command. */
export const previewCommand: CliCommand = {
  summary: "show what a Pulumi program or blueprint would create, offline, with a security report",
  usage: USAGE,
  run,
};
