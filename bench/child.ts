/**
 * Fresh processes for the bench: the parent starts a child (a TypeScript file through tsx, or a plain `node -e`
 * script), the child reports one JSON result on a marked stdout line, with its own peak memory, and exits.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { now, peakRssMiB } from "./measure";

/** The line prefix a child's result is printed with. */
export const RESULT_MARK = "@@bench-result ";

/** The repository root (the children's working directory). */
export const ROOT = path.resolve(__dirname, "..");

/** What a child reported, and how long it ran as seen from the parent. */
export interface ChildRun<T> {
  /** The child's result. */
  result: T;
  /** The child's peak resident set size in MiB. */
  peakMiB: number;
  /** Milliseconds from spawn to exit, measured by the parent. */
  wallMs: number;
}

/** How to start a child. */
export interface ChildOptions {
  /** Node flags before the script (e.g. `--expose-gc`). @default [] */
  nodeFlags?: string[];
  /** Load the child through tsx (TypeScript). @default true */
  tsx?: boolean;
  /** @default 300000 */
  timeoutMs?: number;
  /** Extra environment variables. @default none */
  env?: Record<string, string>;
  /** @default the repository root */
  cwd?: string;
}

/** The shape of a result line: the child's value and its peak memory. */
interface ResultLine {
  value: unknown;
  peakMiB: number;
}

function start(args: string[], options: ChildOptions): Promise<{ stdout: string; stderr: string; code: number | null; signal: string | null; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const began = now();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => {
      stdout += t;
    });
    child.stderr.setEncoding("utf8").on("data", (t: string) => {
      stderr += t;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 300_000);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, signal, wallMs: now() - began });
    });
  });
}

function parse<T>(what: string, out: { stdout: string; stderr: string; code: number | null; signal: string | null; wallMs: number }): ChildRun<T> {
  const line = out.stdout.split("\n").find((l) => l.startsWith(RESULT_MARK));
  if (out.code !== 0 || line === undefined) {
    const tail = `${out.stderr}\n${out.stdout}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(`${what} ${out.signal ? `was killed (${out.signal})` : `exited with ${out.code}`}${line ? "" : " without a result"}:\n${tail}`);
  }
  const parsed = JSON.parse(line.slice(RESULT_MARK.length)) as ResultLine;
  return { result: parsed.value as T, peakMiB: parsed.peakMiB, wallMs: out.wallMs };
}

/** Runs a bench child script (a file under bench/children) with arguments and returns what it reported. */
export async function runChild<T>(script: string, args: string[], options: ChildOptions = {}): Promise<ChildRun<T>> {
  const file = path.resolve(ROOT, script);
  const loader = options.tsx === false ? [] : ["--import", "tsx"];
  const out = await start([...(options.nodeFlags ?? []), ...loader, file, ...args], options);
  return parse<T>(`${script} ${args.join(" ")}`, out);
}

/**
 * Runs a plain-JavaScript `node -e` script (no tsx, nothing preloaded). The script reports with
 * {@link REPORT_SNIPPET}.
 */
export async function runEval<T>(code: string, options: ChildOptions = {}): Promise<ChildRun<T>> {
  const out = await start([...(options.nodeFlags ?? []), "-e", code], options);
  return parse<T>("node -e script", out);
}

/** A JavaScript function definition `report(value)` for `node -e` scripts: the same line {@link reportResult} prints. */
export const REPORT_SNIPPET = `function report(value) {
  process.stdout.write(${JSON.stringify(RESULT_MARK)} + JSON.stringify({ value, peakMiB: process.resourceUsage().maxRSS / 1024 }) + "\\n");
}`;

/** Called by a child: prints its result and peak memory for the parent. */
export function reportResult(value: unknown): void {
  const line: ResultLine = { value, peakMiB: peakRssMiB() };
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(line)}\n`);
}

/** Called by a child on failure: prints the error and sets a failing exit code. */
export function failChild(err: unknown): void {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}
