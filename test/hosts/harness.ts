/**
 * The local multi-host harness: real Debian hosts on this machine (test/hosts/host.sh), each with its own root file
 * system, network namespace, Docker engine and sshd, on a switch of their own. A host boots as a cloud machine
 * boots: cloud-init runs the user data it is given from a NoCloud seed.
 *
 * Why network namespaces with a chroot, not privileged containers on the test engine: the test engine cannot pull
 * and would need a Debian image built from the same debootstrap root anyway; an engine nested in a container needs
 * its storage driver and cgroups fought through the outer engine (overlay on overlay, cgroup delegation), and a
 * container has no init of its own to stand in for systemd either way. A namespace host is the kernel's own
 * isolation with nothing between the host's engine and the kernel, boots in seconds, and everything it owns (netns,
 * mounts, processes, cgroups, files) is named after this run and checked gone at the end.
 *
 * Where the machine cannot do it (not root, no network namespaces, no debootstrap or dockerd) {@link openHarness}
 * returns a skip reason; with BERTH_REQUIRE_HOSTS=1 (scripts/test.sh sets it, so CI) that is a failure instead.
 */
import { execFile, spawn, spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const HOST_SH = path.join(__dirname, "host.sh");

/** What a host boots with: the cloud's meta-data and the user data (cloud-config) it runs. */
export interface HostSpec {
  /** The machine's name (its NoCloud `local-hostname` and `instance-id` prefix). */
  name: string;
  /** Its addresses on the switch: the first is its own, the others (floating addresses) are added to it. */
  addresses: string[];
  /** The user data, exactly as given to the cloud. */
  userData: string;
  /** Public keys the cloud puts in the meta-data (an OpenStack key pair), for the image's default user. */
  publicKeys: string[];
}

/** A booted host. */
export interface Host {
  spec: HostSpec;
  /** Seconds (epoch) at which each boot stage of the harness init began: boot, services, final, booted. */
  stages(): Record<string, number>;
}

/** Output of a command. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An SSH connection, in @pulumi/command's terms. */
export interface SshConnection {
  host: string;
  port?: number;
  user: string;
  privateKey: string;
  /** The expected host key (OpenSSH public form); when absent the host key is not checked, as the provider does. */
  hostKey?: string;
}

export class Harness {
  private readonly hosts = new Map<string, Host>();
  private closed = false;
  private instance = 0;

  private constructor(
    /** This run's folder: host disks, seeds, consoles. */
    public readonly dir: string,
    /** This run's id, in every name it gives the kernel. */
    public readonly id: string,
    /** The switch's /24, e.g. `10.213.7` (the test machine is `.1`). */
    public readonly subnet: string,
    private readonly rootfs: string,
    private readonly ownCache?: string,
  ) {}

  /** Builds (or finds) the cached root file system, makes the switch and returns the harness. */
  public static async open(cache: string, removeCacheOnClose = false): Promise<Harness> {
    const rootfs = (await run("bash", [HOST_SH, "rootfs", cache], { maxBuffer: 1 << 20 })).stdout.trim();
    const dir = mkdtempSync(path.join(os.tmpdir(), "berth-hosts-"));
    const id = crypto.randomBytes(2).toString("hex");
    const subnet = await freeSubnet();
    const h = new Harness(dir, id, subnet, rootfs, removeCacheOnClose ? cache : undefined);
    await run("bash", [HOST_SH, "up", dir, id, subnet]);
    return h;
  }

  /** The address `.n` of the switch's subnet. */
  public address(n: number): string {
    return `${this.subnet}.${n}`;
  }

  /** Boots a host: writes its NoCloud seed and starts it; resolves once its processes run (the cloud's ACTIVE). */
  public async boot(spec: HostSpec): Promise<Host> {
    if (this.hosts.has(spec.name)) throw new Error(`host ${spec.name} exists already`);
    const inUse = [...this.hosts.values()].flatMap((h) => h.spec.addresses);
    const clash = spec.addresses.find((a) => inUse.includes(a));
    if (clash) throw new Error(`address ${clash} is in use by another host (a port is attached to one machine at a time)`);
    const hostDir = path.join(this.dir, "hosts", spec.name);
    mkdirSync(path.join(hostDir, "seed"), { recursive: true });
    const meta = [
      `instance-id: ${spec.name}-${++this.instance}`,
      `local-hostname: ${spec.name}`,
      "public-keys:",
      ...spec.publicKeys.map((k) => `  - ${JSON.stringify(k.trim())}`),
      "",
    ].join("\n");
    writeFileSync(path.join(hostDir, "seed", "meta-data"), meta);
    writeFileSync(path.join(hostDir, "seed", "user-data"), spec.userData);
    await run("bash", [HOST_SH, "boot", this.dir, this.id, spec.name, spec.addresses.join(","), this.rootfs]);
    const log = path.join(hostDir, "upper", "var", "log", "berth-host-init.log");
    const host: Host = {
      spec,
      stages: () => {
        const out: Record<string, number> = {};
        if (!existsSync(log)) return out;
        for (const m of readFileSync(log, "utf8").matchAll(/^berth-host-init: (\w+) at ([\d.]+)$/gm)) out[m[1]!] = Number(m[2]);
        return out;
      },
    };
    this.hosts.set(spec.name, host);
    return host;
  }

  /** Whether a host of this name is running. */
  public has(name: string): boolean {
    return this.hosts.has(name);
  }

  /** The host of this name. */
  public host(name: string): Host {
    const h = this.hosts.get(name);
    if (!h) throw new Error(`no host ${name}; hosts: ${[...this.hosts.keys()].join(", ")}`);
    return h;
  }

  /** Waits until a host's boot reached a stage (`services`: sshd and the engine started; `booted`: cloud-init done). */
  public async waitForStage(name: string, stage: string, timeoutMs = 180_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.host(name).stages()[stage];
      if (at !== undefined) return at;
      if (Date.now() > deadline) throw new Error(`host ${name} did not reach ${stage} in ${timeoutMs / 1000} s:\n${this.console(name)}`);
      await sleep(250);
    }
  }

  /** The host's boot log and cloud-init's output, for failure messages. */
  public console(name: string): string {
    const upper = path.join(this.dir, "hosts", name, "upper", "var", "log");
    const tail = (f: string) => (existsSync(f) ? readFileSync(f, "utf8").split("\n").slice(-40).join("\n") : "(none)");
    return `--- ${name} berth-host-init.log\n${tail(path.join(upper, "berth-host-init.log"))}\n--- cloud-init-output.log\n${tail(path.join(upper, "cloud-init-output.log"))}`;
  }

  /** A machine dies: every process killed, its disk and network removed. */
  public async destroy(name: string): Promise<void> {
    this.host(name);
    await run("bash", [HOST_SH, "destroy", this.dir, this.id, name]);
    this.hosts.delete(name);
  }

  /** Runs a command as root on a host's console (its own namespaces and root), like a cloud's serial console. */
  public async exec(name: string, argv: string[], input?: string | Buffer): Promise<CommandResult> {
    this.host(name);
    const pid = readFileSync(path.join(this.dir, "hosts", name, "pid"), "utf8").trim();
    const init = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/)[0];
    if (!init) throw new Error(`host ${name} has no init`);
    // The host's own environment, not the test's (whose DOCKER_HOST names the test engine).
    const env = { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root", LANG: "C.UTF-8" };
    return spawnCollect("nsenter", ["-t", init, "-m", "-u", "-i", "-n", "-p", "-r", "-w", ...argv], input, env);
  }

  /** `docker ...` on a host's console; throws with its stderr when it fails. */
  public async docker(name: string, args: string[]): Promise<string> {
    const r = await this.exec(name, ["docker", ...args]);
    if (r.code !== 0) throw new Error(`docker ${args.join(" ")} on ${name} exited ${r.code}: ${r.stderr.trim()}`);
    return r.stdout;
  }

  /**
   * Runs `command` over real SSH from the test machine (the admin's workstation), as @pulumi/command's
   * remote.Command does: the command string goes to the login shell, `stdin` to its input. Dialling is retried (a
   * refused or timed-out connection) up to `dialAttempts` times, one second apart.
   */
  public async ssh(conn: SshConnection, command: string, stdin?: string, dialAttempts = 60): Promise<CommandResult> {
    const { args, cleanup } = this.sshArgs(conn, command);
    try {
      for (let attempt = 1; ; attempt++) {
        const r = await spawnCollect("ssh", args, stdin ?? "");
        // 255 is ssh's own failure; a refused or unreachable dial is retried, anything else (a host key mismatch,
        // a refused key) is the answer.
        const dialFailed = r.code === 255 && /Connection refused|timed out|No route to host|Connection reset|closed by remote host/i.test(r.stderr);
        if (!dialFailed || attempt >= dialAttempts) return r;
        await sleep(1000);
      }
    } finally {
      cleanup();
    }
  }

  /** The OpenSSH client's arguments for a connection and a command, with the key in a private file until cleanup. */
  public sshArgs(conn: SshConnection, command: string): { args: string[]; cleanup: () => void } {
    const keyDir = mkdtempSync(path.join(this.dir, "ssh-"));
    const keyFile = path.join(keyDir, "key");
    writeFileSync(keyFile, conn.privateKey.endsWith("\n") ? conn.privateKey : `${conn.privateKey}\n`, { mode: 0o600 });
    const known = path.join(keyDir, "known_hosts");
    let hostCheck = ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null"];
    if (conn.hostKey) {
      writeFileSync(known, `${conn.host} ${conn.hostKey.trim()}\n`);
      hostCheck = ["-o", "StrictHostKeyChecking=yes", "-o", `UserKnownHostsFile=${known}`];
    }
    const args = [
      ...["-i", keyFile, "-p", String(conn.port ?? 22), "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-o", "LogLevel=ERROR"],
      ...["-o", "IdentitiesOnly=yes", ...hostCheck, `${conn.user}@${conn.host}`, "--", command],
    ];
    return { args, cleanup: () => rmSync(keyDir, { recursive: true, force: true }) };
  }

  /** Destroys every host and the switch; fails when anything of this run is left (netns, mount, process, cgroup, file). */
  public async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await run("bash", [HOST_SH, "down", this.dir, this.id]);
    this.hosts.clear();
    if (this.ownCache) rmSync(this.ownCache, { recursive: true, force: true });
  }
}

/** Why this machine cannot run the harness, or undefined when it can (synchronous: `test(..., { skip })` needs it at load). */
export function harnessUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return "the multi-host harness needs root (network namespaces, mounts, chroot)";
  for (const tool of ["ip", "unshare", "nsenter", "dockerd", "debootstrap", "ssh", "ssh-keygen"]) {
    if (spawnSync("bash", ["-c", `command -v ${tool}`]).status !== 0) {
      return `${tool} is not installed (scripts/setup.sh installs iproute2, util-linux, docker.io, debootstrap and openssh-client)`;
    }
  }
  const probe = `berth-probe-${process.pid}`;
  const add = spawnSync("ip", ["netns", "add", probe], { encoding: "utf8" });
  if (add.status !== 0) return `this machine cannot create network namespaces: ${add.stderr.trim()}`;
  try {
    const ns = spawnSync("ip", ["netns", "exec", probe, "unshare", "--mount", "--pid", "--uts", "--fork", "true"], { encoding: "utf8" });
    if (ns.status !== 0) return `this machine cannot create mount, pid and uts namespaces: ${ns.stderr.trim()}`;
  } finally {
    spawnSync("ip", ["netns", "del", probe]);
  }
  return undefined;
}

/** {@link harnessUnavailable} as a `skip` value: the reason printed (a failure under BERTH_REQUIRE_HOSTS=1), or false. */
export function harnessUnavailableSync(): string | false {
  const reason = harnessUnavailable();
  if (reason === undefined) return false;
  if (process.env["BERTH_REQUIRE_HOSTS"] === "1") throw new Error(`BERTH_REQUIRE_HOSTS=1 but ${reason}`);
  process.stdout.write(`# SKIPPED: ${reason}\n`);
  return reason;
}

/** Opens the harness (call it only when {@link harnessUnavailableSync} said it can run). */
export async function openHarness(): Promise<Harness> {
  const given = process.env["BERTH_HOSTS_CACHE"];
  // Without a cache folder from scripts/test.sh (or the user), the root file system lives as long as this harness.
  return given ? Harness.open(given) : Harness.open(mkdtempSync(path.join(os.tmpdir(), "berth-rootfs-")), true);
}
/** A /24 of 10.213.0.0/16 that no interface or route of this machine uses. */
async function freeSubnet(): Promise<string> {
  const used = (await run("ip", ["-4", "route", "show", "table", "all"])).stdout + (await run("ip", ["-4", "addr"])).stdout;
  for (let i = 0; i < 64; i++) {
    const n = crypto.randomInt(0, 256);
    if (!used.includes(`10.213.${n}.`)) return `10.213.${n}`;
  }
  throw new Error("no free /24 in 10.213.0.0/16 for the harness switch");
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a program, feeding `input`, and collects its exit code and output. */
export function spawnCollect(file: string, args: string[], input?: string | Buffer, env?: NodeJS.ProcessEnv): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["pipe", "pipe", "pipe"], ...(env ? { env } : {}) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(input ?? "");
  });
}

