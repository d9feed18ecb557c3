/**
 * Runs one program (or blueprint) in a child Node.js process under the recording mock runtime and returns what it
 * registered. The child loads TypeScript through tsx, so a program needs nothing but `npm ci`: no Pulumi CLI, no
 * backend, no provider plugins, no credentials.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { ChildJob, ChildProgress, ChildResult } from "./protocol";

/** Options for {@link runInChild}. */
export interface RunOptions {
  /** The working directory of the program (its project directory). */
  cwd: string;
  /** Called with everything the program prints (its stdout and stderr). @default ignored */
  onOutput?: (text: string) => void;
  /** Called now and then with the number of resources registered so far. @default ignored */
  onProgress?: (registered: number) => void;
  /** Kill the program after this long. @default 120000 (two minutes) */
  timeoutMs?: number;
}

/** The outcome of a run: the child's result, or why there is none. */
export type RunOutcome = { result: ChildResult } | { failure: string };

/** The directory of Berth's own sources (or compiled files), whose frames are hidden from program errors. */
export const BERTH_SOURCE_DIR = path.resolve(__dirname, "..");

/** Signals that end a preview early; its temporary files are removed before the process ends by them. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Removes `dir` (and kills the child) on every way out of this process while a run is going: a signal (removed
 * first, then the signal raised again so the process ends as it would have) or `process.exit`. Returns the undo.
 */
function removeOnExit(dir: string, child: () => ChildProcess | undefined): () => void {
  const cleanup = (): void => {
    const c = child();
    if (c && c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup();
    undo();
    // Raised again only when nothing else listens: then the default (ending the process) applies as before.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const undo = (): void => {
    for (const s of ENDING_SIGNALS) process.removeListener(s, onSignal);
    process.removeListener("exit", cleanup);
  };
  for (const s of ENDING_SIGNALS) process.on(s, onSignal);
  process.on("exit", cleanup);
  return undo;
}

/**
 * Runs `job` (without its `resultFile`, which this function chooses) in a child process. The job file holds the
 * stack's config, secrets too: it is written readable by its owner only (0600, in a 0700 directory), the child
 * removes it as soon as it has read it, and the directory is removed on every exit path (return, throw, child crash,
 * SIGINT/SIGTERM/SIGHUP, `process.exit`).
 */
export async function runInChild(job: Omit<ChildJob, "resultFile">, options: RunOptions): Promise<RunOutcome> {
  const dir = mkdtempSync(path.join(tmpdir(), "berth-preview-"));
  let running: ChildProcess | undefined;
  const undo = removeOnExit(dir, () => running);
  try {
    const resultFile = path.join(dir, "result.json");
    const jobFile = path.join(dir, "job.json");
    // The job (config and secrets included) goes through a file only the user can read, never the child's
    // environment or arguments: no size limit of the environment applies, and no other process sees it.
    writeFileSync(jobFile, JSON.stringify({ ...job, resultFile } satisfies ChildJob), { mode: 0o600 });
    const childFile = path.join(__dirname, `child${path.extname(__filename)}`);
    const tsx = pathToFileURL(require.resolve("tsx")).href;
    const child = spawn(process.execPath, ["--import", tsx, childFile, jobFile], {
      cwd: options.cwd,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    running = child;
    // Relayed a line at a time per stream, so a stdout line and a stderr line never cut into each other.
    const relay = (stream: NodeJS.ReadableStream | null): (() => void) => {
      let pending = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        const text = pending + chunk;
        const cut = text.lastIndexOf("\n") + 1;
        pending = text.slice(cut);
        if (cut > 0) options.onOutput?.(text.slice(0, cut));
      });
      return () => {
        if (pending !== "") options.onOutput?.(pending);
        pending = "";
      };
    };
    const flushStdout = relay(child.stdout);
    const flushStderr = relay(child.stderr);
    child.on("message", (message: ChildProgress) => {
      if (message && message.kind === "progress") options.onProgress?.(message.registered);
    });
    const timeoutMs = options.timeoutMs ?? 120_000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    flushStdout();
    flushStderr();
    clearTimeout(timer);
    if (timedOut) {
      return {
        failure: `the program did not finish within ${Math.round(timeoutMs / 1000)} s (is it waiting on a value that only exists after deployment?)`,
      };
    }
    let text: string;
    try {
      text = readFileSync(resultFile, "utf8");
    } catch {
      return { failure: `the program exited (code ${code}) before the preview could record anything` };
    }
    return { result: JSON.parse(text) as ChildResult };
  } finally {
    undo();
    rmSync(dir, { recursive: true, force: true });
  }
}
