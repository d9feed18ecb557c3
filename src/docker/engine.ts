/**
 * Berth's one Docker Engine API module: everything the `docker.*` provider resources do not do (tarball import with
 * a content hash, lookup by exact name, readiness waits from the host side, stop with a confirmed exit).
 *
 * The dynamic resources (image-import.ts, readiness.ts, adoption.ts) are thin wrappers over {@link Engine}; the
 * integration tests drive it directly against a real engine.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Docker from "dockerode";
import { type EngineAddress, type EngineHost, resolveEngineAddress } from "./engine-host";
import type { PublishedPort } from "./engine-types";

/** The image label holding the sha256 of the tarball an image was imported from. */
export const TARBALL_HASH_LABEL = "berth.tarball.sha256";

/** How many log lines a readiness or stop error carries. */
export const ERROR_LOG_LINES = 20;

export type { PublishedPort } from "./engine-types";

/** What Berth reads about a container. */
export interface ContainerFacts {
  id: string;
  /** The name without the leading `/`. */
  name: string;
  imageId: string;
  /** The address on the default bridge, else on the first network; "" when it has none. */
  ipAddress: string;
  /** Ports actually published on the host. */
  ports: PublishedPort[];
  /** The engine's `NetworkSettings`, as JSON. */
  networkSettings: Record<string, unknown>;
  running: boolean;
  restarting: boolean;
  exitCode: number;
  /** The container was created with a TTY (its logs are not multiplexed). */
  tty: boolean;
}

/** What to wait for before a container counts as ready. */
export interface ReadinessSpec {
  /** Each must be a substring of the CMD column of some process in `top`. @default [] */
  processes?: string[];
  /** Container TCP ports that must accept connections. @default [] */
  ports?: number[];
  /** A regular expression a log line must match. @default none */
  logPattern?: string;
  /** Seconds between checks. @default 1 */
  retryInterval?: number;
  /** Seconds in all. @default 300 */
  timeout?: number;
}

/** How a readiness wait went. */
export interface ReadinessReport {
  /** Checks made, the first one included. */
  checks: number;
  /** Milliseconds from the start of the wait to the check that passed. */
  elapsedMs: number;
}

/** A readiness wait failed: the container exited or the time ran out. */
export class ReadinessError extends Error {
  constructor(
    message: string,
    /** Processes not seen. */
    public readonly missingProcesses: string[],
    /** Ports not accepting connections. */
    public readonly closedPorts: number[],
    /** The container's last log lines. */
    public readonly logLines: string[],
    /** The exit code, when the container exited. */
    public readonly exitCode?: number,
  ) {
    super(message);
    this.name = "ReadinessError";
  }
}

/** The result of a tarball import. */
export interface ImportedImage {
  /** The image id (`sha256:…`). */
  imageId: string;
  /** `sha256:<hex>` of the tarball's bytes. */
  contentHash: string;
  /** `repository:tag`. */
  repoTag: string;
  /** False when an image with this tag and content hash already existed and nothing was imported. */
  imported: boolean;
}

/** Options of {@link Engine.stop}. */
export interface StopSpec {
  /** Seconds between SIGTERM and SIGKILL. @default 10 */
  timeout?: number;
  /** Seconds between checks that the container has exited. @default 10 */
  retryInterval?: number;
  /** Seconds to keep checking after the stop request before giving up. @default timeout + 60 */
  confirmTimeout?: number;
}

interface ErrorWithStatus {
  statusCode?: number;
  message?: string;
}

function statusOf(err: unknown): number | undefined {
  return typeof err === "object" && err !== null ? (err as ErrorWithStatus).statusCode : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Turns a resolved address into dockerode options (reads the cert folder and ssh key files). */
export function dockerOptions(address: EngineAddress, host: EngineHost): Docker.DockerOptions {
  // Every field is set explicitly: docker-modem otherwise fills gaps from DOCKER_HOST and DOCKER_CERT_PATH.
  const base: Docker.DockerOptions = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
  };
  if (address.transport === "unix") return { ...base, socketPath: address.socketPath };
  if (address.transport === "tcp") return { ...base, protocol: "http", host: address.hostname, port: address.port };
  if (address.transport === "tls") {
    const read = (file: string) => fs.readFileSync(path.join(host.certPath ?? "", file), "utf8");
    return {
      ...base,
      protocol: "https",
      host: address.hostname,
      port: address.port,
      ca: host.caMaterial ?? read("ca.pem"),
      cert: host.certMaterial ?? read("cert.pem"),
      key: host.keyMaterial ?? read("key.pem"),
    };
  }
  const key = address.identityFiles[0];
  return {
    ...base,
    protocol: "ssh",
    host: address.hostname,
    port: address.port,
    username: address.username ?? os.userInfo().username,
    sshOptions: {
      agent: process.env["SSH_AUTH_SOCK"],
      privateKey: key ? fs.readFileSync(key.replace(/^~(?=\/)/, os.homedir())) : undefined,
      readyTimeout: address.connectTimeout ? address.connectTimeout * 1000 : undefined,
    },
  };
}

/** Splits a `docker logs` body into lines, demultiplexing the 8-byte frame headers of a non-TTY container. */
export function demuxLogs(body: Buffer, tty: boolean): string[] {
  let text = "";
  if (tty) text = body.toString("utf8");
  else {
    const parts: Buffer[] = [];
    let at = 0;
    while (at + 8 <= body.length) {
      const kind = body[at]!;
      if (kind > 2 || body[at + 1] !== 0 || body[at + 2] !== 0 || body[at + 3] !== 0) {
        // Not a frame header: the rest is raw text (an engine that does not multiplex).
        parts.push(body.subarray(at));
        at = body.length;
        break;
      }
      const size = body.readUInt32BE(at + 4);
      parts.push(body.subarray(at + 8, at + 8 + size));
      at += 8 + size;
    }
    if (at < body.length) parts.push(body.subarray(at));
    text = Buffer.concat(parts).toString("utf8");
  }
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The index of the command column in `top` titles (CMD for ps -ef, COMMAND for ps aux); the last column otherwise. */
export function commandColumn(titles: string[]): number {
  const at = titles.findIndex((t) => t === "CMD" || t === "COMMAND");
  return at >= 0 ? at : titles.length - 1;
}

/** Reads the published ports out of `NetworkSettings.Ports`. */
export function publishedPorts(ports: Record<string, { HostIp: string; HostPort: string }[] | null> | undefined): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, protocol] = key.split("/");
    for (const b of bindings ?? []) {
      out.push({ internal: Number(port), protocol: protocol ?? "tcp", ip: b.HostIp, external: Number(b.HostPort) });
    }
  }
  return out.sort((a, b) => a.internal - b.internal || a.external - b.external || a.ip.localeCompare(b.ip));
}

/** Opens a tarball from a local path or an http(s) URL (following up to 5 redirects). */
export function openTarball(src: string, redirects = 5): Promise<Readable> {
  if (!/^https?:\/\//i.test(src)) {
    return new Promise((resolve, reject) => {
      const stream = fs.createReadStream(src);
      stream.once("open", () => resolve(stream));
      stream.once("error", (err) => reject(new Error(`cannot read the image tarball ${src}: ${err.message}`)));
    });
  }
  return new Promise((resolve, reject) => {
    const get = src.toLowerCase().startsWith("https:") ? https.get : http.get;
    const req = get(src, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location && redirects > 0) {
        res.resume();
        resolve(openTarball(new URL(res.headers.location, src).toString(), redirects - 1));
      } else if (status !== 200) {
        res.resume();
        reject(new Error(`cannot download the image tarball ${src}: HTTP ${status}`));
      } else resolve(res);
    });
    req.once("error", (err) => reject(new Error(`cannot download the image tarball ${src}: ${err.message}`)));
  });
}

/** The `sha256:<hex>` of a tarball's bytes, streamed (a URL is downloaded once). */
export async function tarballHash(src: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  await pipeline(await openTarball(src), hash);
  return `sha256:${hash.digest("hex")}`;
}

/** A connection to one Docker engine. */
export class Engine {
  /** The dockerode client. */
  public readonly docker: Docker;
  /** Where the engine is. */
  public readonly address: EngineAddress;

  constructor(host: EngineHost = {}) {
    const { address, problems } = resolveEngineAddress(host);
    if (!address) throw new Error(`bad Docker engine address: ${problems.map((p) => `${p.where}: ${p.message}`).join("; ")}`);
    this.address = address;
    this.docker = new Docker(dockerOptions(address, host));
  }

  /** The container whose name is exactly `name` (not a prefix or substring match, not "the newest"). */
  public async findContainer(name: string): Promise<ContainerFacts | undefined> {
    const wanted = `/${name.replace(/^\//, "")}`;
    const list = await this.docker.listContainers({ all: true, filters: { name: [name.replace(/^\//, "")] } });
    const hit = list.find((c) => (c.Names ?? []).includes(wanted));
    return hit ? this.inspect(hit.Id) : undefined;
  }

  /** Inspects a container by id or name; undefined when it does not exist. */
  public async inspect(idOrName: string): Promise<ContainerFacts | undefined> {
    let info: Docker.ContainerInspectInfo;
    try {
      info = await this.docker.getContainer(idOrName).inspect();
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
    const settings = info.NetworkSettings;
    const networks = Object.values(settings.Networks ?? {});
    const ipAddress = settings.IPAddress || networks.find((n) => n.IPAddress)?.IPAddress || "";
    return {
      id: info.Id,
      name: info.Name.replace(/^\//, ""),
      imageId: info.Image,
      ipAddress,
      ports: publishedPorts(settings.Ports as Record<string, { HostIp: string; HostPort: string }[] | null>),
      networkSettings: JSON.parse(JSON.stringify(settings)) as Record<string, unknown>,
      running: info.State.Running,
      restarting: info.State.Restarting,
      exitCode: info.State.ExitCode,
      tty: info.Config.Tty,
    };
  }

  /** The CMD column of every process in the container (Docker `top`, read from the host side). */
  public async top(id: string): Promise<string[]> {
    const result = (await this.docker.getContainer(id).top()) as { Titles?: string[]; Processes?: string[][] };
    const column = commandColumn(result.Titles ?? []);
    return (result.Processes ?? []).map((p) => p[column] ?? "");
  }

  /** The container's last `count` log lines (stdout and stderr); [] when they cannot be read. */
  public async logTail(id: string, count: number = ERROR_LOG_LINES, tty?: boolean): Promise<string[]> {
    try {
      const isTty = tty ?? (await this.inspect(id))?.tty ?? false;
      const body = await this.docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false, tail: count });
      return demuxLogs(Buffer.isBuffer(body) ? body : Buffer.from(String(body)), isTty).slice(-count);
    } catch {
      return [];
    }
  }

  /** Every log line so far. */
  private async allLogs(id: string, tty: boolean): Promise<string[]> {
    const body = await this.docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false });
    return demuxLogs(Buffer.isBuffer(body) ? body : Buffer.from(String(body)), tty);
  }

  /** Can a TCP connection be made to the container port (from this machine)? */
  private async portOpen(facts: ContainerFacts, port: number, waitMs: number): Promise<boolean> {
    let target: { host: string; port: number } | undefined;
    if (this.address.transport === "unix") {
      if (facts.ipAddress) target = { host: facts.ipAddress, port };
    }
    if (!target) {
      const published = facts.ports.find((p) => p.internal === port && p.protocol === "tcp");
      if (published) {
        const local = this.address.transport === "unix";
        const ip = published.ip && published.ip !== "0.0.0.0" && published.ip !== "::" ? published.ip : undefined;
        target = { host: local ? (ip ?? "127.0.0.1") : (this.address.hostname ?? "127.0.0.1"), port: published.external };
      }
    }
    if (!target) return false;
    const { host, port: to } = target;
    return new Promise((resolve) => {
      const socket = net.connect({ host, port: to });
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(Math.max(100, waitMs), () => done(false));
      socket.once("connect", () => done(true));
      socket.once("error", () => done(false));
    });
  }

  /**
   * Waits until the container is ready: every process named appears in `top`, every port accepts connections, a
   * log line matches. One check every `retryInterval` seconds (one Engine API request for the process wait); fails
   * fast when the container exits, and at `timeout`, with a {@link ReadinessError} naming what is missing and
   * carrying the last 20 log lines.
   */
  public async waitUntilReady(id: string, spec: ReadinessSpec): Promise<ReadinessReport> {
    const processes = spec.processes ?? [];
    const ports = spec.ports ?? [];
    const pattern = spec.logPattern !== undefined && spec.logPattern !== "" ? new RegExp(spec.logPattern) : undefined;
    const intervalMs = (spec.retryInterval ?? 1) * 1000;
    const timeoutMs = (spec.timeout ?? 300) * 1000;
    const started = Date.now();
    const deadline = started + timeoutMs;
    // A process-only wait makes exactly one Engine API request per interval (`top`); the container's facts (name,
    // address, tty) are read only when a port or log wait needs them, or for the error message.
    const needsFacts = ports.length > 0 || pattern !== undefined || processes.length === 0;
    let facts = needsFacts ? await this.inspect(id) : undefined;
    if (needsFacts && !facts) throw new Error(`container ${id} does not exist`);
    const factsNow = async (): Promise<ContainerFacts> => {
      facts ??= await this.inspect(id);
      if (!facts) throw new Error(`container ${id} does not exist`);
      return facts;
    };
    let checks = 0;
    let missing = [...processes];
    let closed = [...ports];
    let logSeen = pattern === undefined;
    for (;;) {
      checks++;
      let running = true;
      if (processes.length > 0) {
        try {
          const commands = await this.top(id);
          missing = processes.filter((p) => !commands.some((c) => c.includes(p)));
        } catch (err) {
          if (statusOf(err) !== 409 && statusOf(err) !== 404) throw err;
          running = false;
        }
      } else {
        const now = await this.inspect(id);
        running = now !== undefined && (now.running || now.restarting);
      }
      if (!running) {
        const exited = await this.inspect(id);
        if (!exited) throw new Error(`container ${id} does not exist (it was removed while Berth waited for it)`);
        if (!exited.running && !exited.restarting) {
          const code = exited.exitCode;
          throw await this.readinessError(id, exited, `exited with code ${code ?? "unknown"}`, missing, closed, logSeen, pattern, code);
        }
      }
      if (ports.length > 0) {
        let known = await factsNow();
        if (!known.ipAddress && known.ports.length === 0) known = facts = (await this.inspect(id)) ?? known;
        // A port that accepted a connection once counts as ready: only the ones not yet seen open are tried again.
        const open = await Promise.all(closed.map((p) => this.portOpen(known, p, Math.min(intervalMs, 2000))));
        closed = closed.filter((_, i) => !open[i]);
      }
      if (pattern && !logSeen) logSeen = (await this.allLogs(id, (await factsNow()).tty)).some((line) => pattern.test(line));
      if (missing.length === 0 && closed.length === 0 && logSeen) return { checks, elapsedMs: Date.now() - started };
      const now = Date.now();
      if (now >= deadline) {
        throw await this.readinessError(id, await factsNow(), `was not ready after ${spec.timeout ?? 300} s`, missing, closed, logSeen, pattern);
      }
      await sleep(Math.min(intervalMs, deadline - now));
    }
  }

  private async readinessError(
    id: string,
    facts: ContainerFacts,
    what: string,
    missing: string[],
    closed: number[],
    logSeen: boolean,
    pattern: RegExp | undefined,
    exitCode?: number,
  ): Promise<ReadinessError> {
    const lines = await this.logTail(id, ERROR_LOG_LINES, facts.tty);
    const waiting: string[] = [];
    if (missing.length > 0) waiting.push(`processes not running: ${missing.join(", ")}`);
    if (closed.length > 0) waiting.push(`ports not accepting connections: ${closed.join(", ")}`);
    if (!logSeen && pattern) waiting.push(`no log line matched /${pattern.source}/`);
    const log = lines.length > 0 ? lines.map((l) => `    ${l}`).join("\n") : "    (no output)";
    const message =
      `container ${facts.name} (${id.slice(0, 12)}) ${what}` +
      (waiting.length > 0 ? `; ${waiting.join("; ")}` : "") +
      `\n  last ${ERROR_LOG_LINES} log lines:\n${log}`;
    return new ReadinessError(message, missing, closed, lines, exitCode);
  }

  /**
   * Stops a container (SIGTERM, SIGKILL after `timeout` seconds) and confirms that it exited, checking every
   * `retryInterval` seconds. Returns the exit code; a container that no longer exists counts as stopped.
   */
  public async stop(id: string, spec: StopSpec = {}): Promise<number | undefined> {
    const timeout = spec.timeout ?? 10;
    const intervalMs = (spec.retryInterval ?? 10) * 1000;
    const confirmSeconds = spec.confirmTimeout ?? timeout + 60;
    const deadline = Date.now() + confirmSeconds * 1000;
    try {
      await this.docker.getContainer(id).stop({ t: timeout });
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return undefined;
      if (status !== 304) throw err;
    }
    for (;;) {
      const facts = await this.inspect(id);
      if (!facts) return undefined;
      if (!facts.running && !facts.restarting) return facts.exitCode;
      const now = Date.now();
      if (now >= deadline) {
        const lines = await this.logTail(id, ERROR_LOG_LINES, facts.tty);
        throw new Error(
          `container ${facts.name} (${id.slice(0, 12)}) had not exited ${confirmSeconds} s after the stop request\n  last ${ERROR_LOG_LINES} log lines:\n${lines.map((l) => `    ${l}`).join("\n")}`,
        );
      }
      await sleep(Math.min(intervalMs, deadline - now));
    }
  }

  /**
   * Imports a tarball (local path or http(s) URL) as `repository:tag`, labelled with the tarball's content hash.
   * Idempotent: when `repository:tag` already carries the same hash, nothing is imported.
   */
  public async importImage(src: string, repository: string, tag = "latest"): Promise<ImportedImage> {
    const repoTag = `${repository}:${tag}`;
    let file = src;
    let spool: string | undefined;
    let contentHash: string;
    if (/^https?:\/\//i.test(src)) {
      // Download once: hash it while writing it to a temporary file that is then streamed to the engine.
      spool = fs.mkdtempSync(path.join(os.tmpdir(), "berth-import-"));
      file = path.join(spool, "image.tar");
      const hash = crypto.createHash("sha256");
      const body = await openTarball(src);
      body.on("data", (chunk: Buffer) => hash.update(chunk));
      await pipeline(body, fs.createWriteStream(file));
      contentHash = `sha256:${hash.digest("hex")}`;
    } else contentHash = await tarballHash(src);
    try {
      const existing = await this.imageByRef(repoTag);
      if (existing && existing.labels[TARBALL_HASH_LABEL] === contentHash) {
        return { imageId: existing.id, contentHash, repoTag, imported: false };
      }
      const stream = (await this.docker.importImage(await openTarball(file), {
        repo: repository,
        tag,
        changes: `LABEL ${TARBALL_HASH_LABEL}=${contentHash}`,
      })) as unknown as NodeJS.ReadableStream;
      await new Promise<void>((resolve, reject) => {
        this.docker.modem.followProgress(
          stream,
          (err: Error | null, events: { error?: string; errorDetail?: { message?: string } }[]) => {
            const failed = err?.message ?? events.find((e) => e.error)?.error;
            if (failed) reject(new Error(`importing ${src} as ${repoTag} failed: ${failed}`));
            else resolve();
          },
        );
      });
      const image = await this.imageByRef(repoTag);
      if (!image) throw new Error(`importing ${src} as ${repoTag} left no image with that tag`);
      return { imageId: image.id, contentHash, repoTag, imported: true };
    } finally {
      if (spool) fs.rmSync(spool, { recursive: true, force: true });
    }
  }

  /** An image's id and labels by reference; undefined when it does not exist. */
  public async imageByRef(ref: string): Promise<{ id: string; labels: Record<string, string> } | undefined> {
    try {
      const info = await this.docker.getImage(ref).inspect();
      return { id: info.Id, labels: info.Config?.Labels ?? {} };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** Removes an image tag; a missing image is fine, an image still in use is left in place. */
  public async removeImage(ref: string): Promise<boolean> {
    try {
      await this.docker.getImage(ref).remove();
      return true;
    } catch (err) {
      const status = statusOf(err);
      if (status === 404 || status === 409) return false;
      throw err;
    }
  }
}
