/**
 * Row 5, readiness latency on the real engine: a busybox container whose command starts a named process after a
 * delay; the time from that process appearing (seen from the host in /proc, independently of the engine) to
 * `Engine.waitUntilReady` returning with `retryInterval` 1 s, against a bare `docker top` poll started at the same
 * moment; and the Engine API requests the wait made, counted by a unix-socket proxy placed between the engine module
 * and the engine.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Engine as EngineClass } from "../../src/docker/engine";
import { startCountingProxy } from "../counting-proxy";
import { now, ratioOf, stats } from "../measure";
import type { Figure } from "../report";
import { type BenchContext, type BenchRow, type RowOutcome, missingFiles, notBuilt, outcome } from "../row";

/** Seconds before the awaited process starts. */
const DELAY = 2;
/** The awaited process: the shell execs it, so it is the only process whose command contains this. */
const PROCESS = "httpd -f";
/** Built at run time so that the shell's own command line does not contain {@link PROCESS}. */
const COMMAND = ["sh", "-c", `P=htt; sleep ${DELAY}; exec \${P}pd -f -p 18080`];
const RETRY_INTERVAL = 1;
const GOAL_MS = 1250;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves with the time (on the {@link now} clock) the process `pid` first runs a command containing `name`,
 * polling /proc every 2 ms; undefined when /proc/pid cannot be read (an engine on another host or pid namespace).
 */
async function watchCommand(pid: number, name: string, deadline: number): Promise<number | undefined> {
  const file = `/proc/${pid}/cmdline`;
  while (now() < deadline) {
    let text: string;
    try {
      text = readFileSync(file, "latin1");
    } catch {
      return undefined;
    }
    if (text.replace(/\0/g, " ").includes(name)) return now();
    await sleep(2);
  }
  return undefined;
}

/** The engine client's `top` call, as far as the baseline poll needs it. */
interface TopClient {
  getContainer(id: string): { top(): Promise<unknown> };
}

/**
 * The baseline: the simplest host-side poll, a bare `docker top` every interval with the engine client, no Berth code;
 * resolves with the time it first sees `name`.
 */
async function barePoll(client: TopClient, id: string, name: string, intervalMs: number, deadline: number): Promise<number> {
  while (now() < deadline) {
    const result = (await client.getContainer(id).top()) as { Titles?: string[]; Processes?: string[][] };
    const titles = result.Titles ?? [];
    const at = titles.findIndex((t) => t === "CMD" || t === "COMMAND");
    const column = at >= 0 ? at : titles.length - 1;
    if ((result.Processes ?? []).some((p) => (p[column] ?? "").includes(name))) return now();
    await sleep(intervalMs);
  }
  throw new Error(`the baseline poll never saw ${name}`);
}

/** One measured wait. */
interface WaitSample {
  latencyMs: number;
  /** The baseline poll's latency, started at the same moment. */
  bareMs: number;
  checks: number;
  requests: number;
  /** The most requests in any one retry interval since the wait began. */
  maxPerInterval: number;
  /** How the appearance was timed: "proc" (host /proc) or "started" (StartedAt + delay). */
  clock: "proc" | "started";
}

async function run(ctx: BenchContext): Promise<RowOutcome> {
  const missing = missingFiles(ctx, ["src/docker/engine.ts"]);
  if (missing.length > 0) return notBuilt(`the Engine API module (${missing.join(", ")})`);
  const host = process.env["DOCKER_HOST"];
  const help = "needs a Docker engine: `scripts/dockerd.sh start DIR`, then export the DOCKER_HOST and BERTH_TEST_IMAGE it prints";
  if (!host) return { status: "needs an engine", figures: [], notes: [`no DOCKER_HOST: this row ${help}`] };
  if (!host.startsWith("unix://") && !host.startsWith("/")) {
    return { status: "needs an engine", figures: [], notes: [`DOCKER_HOST=${host}: this row counts requests through a unix-socket proxy, so it ${help} (a local unix socket)`] };
  }
  const image = process.env["BERTH_TEST_IMAGE"] ?? "berth-test/busybox:1";
  const { Engine } = (await import("../../src/docker/engine.js")) as { Engine: typeof EngineClass };
  const upstream = host.replace(/^unix:\/\//, "");
  const direct = new Engine({ url: `unix://${upstream}` });
  const proxy = await startCountingProxy(path.join(ctx.tmp, `engine-${process.pid}.sock`), upstream);
  const proxied = new Engine({ url: `unix://${proxy.socketPath}` });
  const plan = ctx.quick ? { warmup: 0, runs: 2 } : { warmup: 1, runs: 7 };
  const samples: WaitSample[] = [];
  const topTimes: number[] = [];
  try {
    for (let i = 0; i < plan.warmup + plan.runs; i++) {
      const name = `berth-bench-ready-${process.pid}-${i}`;
      let container: Awaited<ReturnType<typeof direct.docker.createContainer>>;
      try {
        container = await direct.docker.createContainer({ Image: image, name, Cmd: COMMAND });
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(`cannot create a container from ${image} on ${host} (${why}); scripts/dockerd.sh start DIR builds that image`);
      }
      try {
        await container.start();
        const info = await container.inspect();
        const started = now();
        const watching = watchCommand(info.State.Pid, PROCESS, started + 60_000);
        // Start the wait at a different phase each run (0 to 1 s after the container started), well before the process.
        await sleep((i * 618) % 1000);
        const first = proxy.requests.length;
        const waitStart = now();
        // The baseline polls the same container from the same moment, straight to the engine (not through the proxy).
        const bare = barePoll(direct.docker, container.id, PROCESS, RETRY_INTERVAL * 1000, waitStart + 60_000);
        // Should the wait throw, the poll's own failure must not surface later as an unhandled rejection.
        bare.catch(() => undefined);
        const report = await proxied.waitUntilReady(container.id, { processes: [PROCESS], retryInterval: RETRY_INTERVAL, timeout: 60 });
        const returned = now();
        const bareSaw = await bare;
        const seen = proxy.requests.slice(first).filter((r) => r.at <= returned);
        let appeared = await watching;
        let clock: WaitSample["clock"] = "proc";
        if (appeared === undefined) {
          clock = "started";
          appeared = started - (Date.now() - Date.parse(info.State.StartedAt)) + DELAY * 1000;
        }
        const perInterval = new Map<number, number>();
        for (const r of seen) {
          const k = Math.floor((r.at - waitStart) / (RETRY_INTERVAL * 1000));
          perInterval.set(k, (perInterval.get(k) ?? 0) + 1);
        }
        const topStart = now();
        await proxied.top(container.id);
        if (i >= plan.warmup) {
          topTimes.push(now() - topStart);
          samples.push({
            latencyMs: returned - appeared,
            bareMs: bareSaw - appeared,
            checks: report.checks,
            requests: seen.length,
            maxPerInterval: Math.max(0, ...perInterval.values()),
            clock,
          });
        }
        ctx.log(
          `row 5: run ${i + 1}: returned ${(returned - appeared).toFixed(0)} ms after the process appeared (bare poll: ${(bareSaw - appeared).toFixed(0)} ms), ${report.checks} checks, ${seen.length} requests`,
        );
      } finally {
        await container.remove({ force: true });
      }
    }
  } finally {
    await proxy.close();
  }
  const latency = stats(samples.map((s) => s.latencyMs));
  const bare = stats(samples.map((s) => s.bareMs));
  const maxPer = stats(samples.map((s) => s.maxPerInterval));
  const figures: Figure[] = [
    {
      case: "process appears → wait returns",
      unit: "ms",
      berth: latency,
      baseline: bare,
      ratio: ratioOf(latency, bare),
      goal: `≤ ${GOAL_MS / 1000} s at the median`,
      pass: latency.median <= GOAL_MS,
    },
    { case: "Engine API requests in one retry interval (most in any interval)", unit: "requests", berth: maxPer, goal: "≤ 1", pass: maxPer.max <= 1 },
    { case: "Engine API requests per check", unit: "requests", berth: stats(samples.map((s) => s.requests / s.checks)) },
    { case: "one docker top request (the engine's own time)", unit: "ms", berth: stats(topTimes) },
  ];
  const notes = [
    `the baseline is a bare \`docker top\` poll every ${RETRY_INTERVAL} s (dockerode, no Berth code) started at the same moment as the wait, on the same container; ` +
      `the process (${PROCESS}) starts ${DELAY} s after the container, seen from the host in /proc; the wait begins 0 to 1 s after the container (a different phase each run); ` +
      `requests counted by a unix-socket proxy in front of ${upstream}, grouped into ${RETRY_INTERVAL} s intervals from the wait's start`,
  ];
  if (samples.some((s) => s.clock === "started")) notes.push("/proc of the container's process was not readable: its start was taken as StartedAt + the delay");
  if (maxPer.max > 1) {
    const first = samples.every((s) => s.requests - s.checks === 1);
    if (first) notes.push("the wait makes one request more than it checks (an inspect before the first check), so its first interval holds two requests");
  }
  return outcome(figures, notes);
}

/** Row 5. */
export const readinessRow: BenchRow = {
  id: 5,
  title: "Readiness latency (real engine, retryInterval 1 s)",
  goal: "≤ 1.25 s at the median; ≤ 1 Engine API request per interval",
  baseline: "a bare docker top poll every 1 s, started with the wait",
  run,
};
