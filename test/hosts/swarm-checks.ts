/** What the harness tests read back from a swarm on its hosts: node lists, running tasks, waits and scenario times. */
import { type Harness, sleep } from "./harness";

/** One row of `docker node ls`. */
export interface NodeRow {
  id: string;
  hostname: string;
  status: string;
  availability: string;
  /** Leader, Reachable, Unreachable, or "" for a worker. */
  manager: string;
}

/** `docker node ls` on a host's console, sorted by hostname. */
export async function nodes(harness: Harness, on: string): Promise<NodeRow[]> {
  const text = await harness.docker(on, ["node", "ls", "--format", "{{.ID}}|{{.Hostname}}|{{.Status}}|{{.Availability}}|{{.ManagerStatus}}"]);
  return text
    .trim()
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const [id, hostname, status, availability, manager] = l.split("|");
      return { id: id!, hostname: hostname!, status: status!, availability: availability!, manager: manager ?? "" };
    })
    .sort((a, b) => a.hostname.localeCompare(b.hostname));
}

/** The nodes a service's running tasks are on, sorted. */
export async function runningTasks(harness: Harness, on: string, service: string): Promise<string[]> {
  const text = await harness.docker(on, ["service", "ps", service, "--filter", "desired-state=running", "--format", "{{.Node}} {{.CurrentState}}"]);
  return text
    .trim()
    .split("\n")
    .filter((l) => l.includes(" Running"))
    .map((l) => l.split(" ")[0]!)
    .sort();
}

/**
 * What cloud-init's init stage said against the configuration it ran with (the image's merged with the user data):
 * the lines of /var/log/cloud-init.log that report it invalid. Throws when the host has no cloud-init log.
 */
export async function cloudConfigComplaints(harness: Harness, on: string): Promise<string[]> {
  const r = await harness.exec(on, ["grep", "-i", "invalid cloud-config", "/var/log/cloud-init.log"]);
  if (r.code > 1) throw new Error(`${on} has no cloud-init log: ${r.stderr.trim()}`);
  return r.stdout.split("\n").filter((l) => l.trim() !== "");
}

/** Polls `check` every second until it holds; a check that throws counts as not yet. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(1000);
  }
}

/**
 * Polls `check` every second until it has held `holds` times in a row (a state the swarm reaches and keeps, not one
 * it passes through); a check that throws counts as not holding. Fails after `timeoutMs` naming the state.
 */
export async function settled(what: string, check: () => Promise<boolean>, timeoutMs = 120_000, holds = 3): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let inARow = 0;
  for (;;) {
    inARow = (await check().catch(() => false)) ? inARow + 1 : 0;
    if (inARow >= holds) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} to hold ${holds} checks in a row`);
    await sleep(1000);
  }
}

/** Scenario times, printed at the end of a test file. */
export class Timings {
  public readonly lines: string[] = [];

  /** Runs `f`, recording how long it took under `label` (also when it fails). */
  public async timed<T>(label: string, f: () => Promise<T>): Promise<T> {
    const began = Date.now();
    try {
      return await f();
    } finally {
      this.lines.push(`${label}: ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
  }

  /** The `# scenario times:` block, or "" when nothing was timed. */
  public report(): string {
    return this.lines.length === 0 ? "" : `# scenario times:\n${this.lines.map((t) => `#   ${t}`).join("\n")}\n`;
  }
}
