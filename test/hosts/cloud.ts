/**
 * The handlers that carry out a cluster program's resources on the harness, as the providers would on a cloud:
 * OpenStack ports and floating IPs are addresses on the harness switch, an instance is a host booted with its user
 * data and the key pair's public key in its meta-data, `tls` keys are real keys, a `command:remote:Command` runs its
 * create (and on delete its delete) over real SSH with its own connection, and the Docker provider's networks and
 * services are created through the Engine API of the provider's `ssh://` host (`docker system dial-stdio`), the way
 * the provider reaches it.
 */
import * as crypto from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import { spawn } from "node:child_process";
import { Duplex } from "node:stream";
import type { RecordedValue } from "../../src/resources/recorder";
import { serviceSpecFromInputs } from "../swarm/stack-spec";
import type { Handler, Handlers, StateResource } from "./deploy";
import { type Harness, type SshConnection, sleep, spawnCollect } from "./harness";

/** What the test tells the handlers that the program does not. */
export interface CloudOptions {
  /**
   * The image tarball every host's engine has (no registry is reachable): imported when a host's engine first answers.
   * @default none: the hosts' engines have no image (enough for a program that runs no service)
   */
  imageTarball?: string;
  /** The Docker provider's SSH identity: the key the user loaded into their agent and the known_hosts line. */
  dockerSsh?: () => { privateKey: string; knownHosts: string };
  /** Replaces a host's user data before it boots (only for an impostor's machine). @default none */
  tamper?: (name: string, userData: string) => string;
}

/** The harness cloud: handlers by type, and the hosts each instance became. */
export class HarnessCloud {
  private nextPort = 10;
  private nextFloating = 200;
  private readonly portAddress = new Map<string, string>();
  private readonly floatingOfPort = new Map<string, string[]>();
  private readonly hostOfPort = new Map<string, string>();
  private readonly keyDir: string;
  /** Seconds at which each host was started, by name. */
  public readonly startedAt = new Map<string, number>();

  constructor(
    private readonly harness: Harness,
    private readonly options: CloudOptions,
  ) {
    this.keyDir = mkdtempSync(path.join(harness.dir, "keys-"));
  }

  /** The handlers for {@link Deployment}. */
  public readonly handlers: Handlers = (type) => this.table[type];

  private readonly table: Record<string, Handler> = {
    "pulumi:providers:docker": {
      create: async (r) => {
        this.providers.set(`${r.urn}::${r.name}-id`, r.inputs);
        return { id: `${r.name}-id`, outputs: r.inputs };
      },
    },
    "tls:index/privateKey:PrivateKey": { create: async (r) => ({ id: `${r.name}-id`, outputs: { ...r.inputs, ...(await this.key(r.inputs)) } }) },
    "openstack:networking/port:Port": {
      create: async (r) => {
        const address = this.harness.address(this.nextPort++);
        this.portAddress.set(`${r.name}-id`, address);
        return { id: `${r.name}-id`, outputs: { ...r.inputs, allFixedIps: [address] } };
      },
    },
    "openstack:networking/floatingIp:FloatingIp": {
      create: async (r) => ({ id: `${r.name}-id`, outputs: { ...r.inputs, address: this.harness.address(this.nextFloating++) } }),
    },
    "openstack:networking/floatingIpAssociate:FloatingIpAssociate": {
      create: async (r) => {
        const port = String(r.inputs["portId"]);
        const address = String(r.inputs["floatingIp"]);
        this.floatingOfPort.set(port, [...(this.floatingOfPort.get(port) ?? []), address]);
        const host = this.hostOfPort.get(port);
        if (host && this.harness.has(host)) await this.harness.exec(host, ["ip", "addr", "add", `${address}/24`, "dev", "eth0"]);
        return { id: `${r.name}-id`, outputs: r.inputs };
      },
    },
    "openstack:compute/instance:Instance": {
      create: async (r) => {
        const name = String(r.inputs["name"]);
        const port = String((r.inputs["networks"] as { port: string }[])[0]!.port);
        const address = this.portAddress.get(port);
        if (!address) throw new Error(`instance ${name}: port ${port} has no address`);
        const keyPair = this.keyPairs.get(String(r.inputs["keyPair"]));
        const userData = String(r.inputs["userData"]);
        await this.harness.boot({
          name,
          addresses: [address, ...(this.floatingOfPort.get(port) ?? [])],
          userData: this.options.tamper ? this.options.tamper(name, userData) : userData,
          publicKeys: keyPair ? [keyPair] : [],
        });
        this.startedAt.set(name, Date.now() / 1000);
        this.hostOfPort.set(port, name);
        this.importImage(name).catch((e: unknown) => process.stderr.write(`# image import on ${name}: ${String(e)}\n`));
        // As Nova does: every new instance has an id of its own, also when it takes an old one's name.
        return { id: `${name}-${crypto.randomUUID()}`, outputs: { ...r.inputs, accessIpV4: address } };
      },
      delete: async (r) => {
        const name = String(r.inputs["name"]);
        if (this.harness.has(name)) await this.harness.destroy(name);
      },
    },
    "openstack:compute/keypair:Keypair": {
      create: async (r) => {
        this.keyPairs.set(String(r.inputs["name"]), String(r.inputs["publicKey"]));
        return { id: String(r.inputs["name"]), outputs: r.inputs };
      },
    },
    // As the command provider does: a change of inputs runs `update` (else `create`) again with the new inputs, and
    // only a change of `triggers` makes a new command (delete with the old inputs, create with the new).
    "command:remote:Command": {
      create: async (r) => {
        const result = await this.runCommand(r.inputs, "create");
        return { id: `${r.name}-id`, outputs: { ...r.inputs, stdout: result.stdout, stderr: result.stderr } };
      },
      update: async (prev, r) => {
        const result = await this.runCommand(r.inputs, typeof r.inputs["update"] === "string" ? "update" : "create");
        return { id: prev.id, outputs: { ...r.inputs, stdout: result.stdout, stderr: result.stderr } };
      },
      replaces: (prev, next) => JSON.stringify(prev["triggers"] ?? null) !== JSON.stringify(next["triggers"] ?? null),
      delete: async (r) => {
        if (typeof r.inputs["delete"] === "string") await this.runCommand(r.inputs, "delete");
      },
    },
    "docker:index/network:Network": {
      create: async (r) => {
        const labels = Object.fromEntries(((r.inputs["labels"] as { label: string; value: string }[] | undefined) ?? []).map((l) => [l.label, l.value]));
        const body = {
          Name: r.inputs["name"],
          Driver: r.inputs["driver"] ?? "bridge",
          Attachable: r.inputs["attachable"] ?? false,
          Internal: r.inputs["internal"] ?? false,
          Options: r.inputs["options"] ?? {},
          Labels: labels,
          CheckDuplicate: true,
        };
        const created = await this.engine(r.provider, "POST", "/networks/create", body);
        return { id: String((created as { Id: string }).Id), outputs: r.inputs };
      },
      delete: async (r) => {
        await this.engine(r.provider, "DELETE", `/networks/${r.id}`);
      },
    },
    "docker:index/service:Service": {
      create: async (r) => {
        const spec = serviceSpecFromInputs(r.inputs as Record<string, RecordedValue>, (id) => id);
        const created = (await this.engine(r.provider, "POST", "/services/create", spec)) as { ID: string };
        const converge = r.inputs["convergeConfig"] as { timeout?: string } | undefined;
        if (converge) await this.converge(r.provider, created.ID, spec);
        return { id: created.ID, outputs: r.inputs };
      },
      delete: async (r) => {
        await this.engine(r.provider, "DELETE", `/services/${r.id}`);
      },
    },
  };
  private readonly keyPairs = new Map<string, string>();
  private readonly providers = new Map<string, Record<string, unknown>>();

  /**
   * A machine the user already has: booted from the image with no user data at all (cloud-init only creates the
   * image's default user with `publicKeys` and generates the SSH host keys, as a cloud or an installer would), with the
   * test image in its engine. Resolves once it has booted, with its SSH host key as its owner would read it.
   */
  public async bootExisting(name: string, address: string, publicKeys: string[]): Promise<string> {
    await this.harness.boot({ name, addresses: [address], userData: "", publicKeys });
    this.startedAt.set(name, Date.now() / 1000);
    await this.harness.waitForStage(name, "booted");
    await this.importImage(name);
    const key = await this.harness.exec(name, ["cat", "/etc/ssh/ssh_host_ed25519_key.pub"]);
    if (key.code !== 0) throw new Error(`${name} has no ED25519 host key: ${key.stderr}`);
    return key.stdout.trim();
  }

  /** A fresh ED25519 key pair (OpenSSH forms), as `tls.PrivateKey` makes one. */
  public async sshKey(): Promise<{ privateKeyOpenssh: string; publicKeyOpenssh: string }> {
    const k = await this.key({ algorithm: "ED25519" });
    return { privateKeyOpenssh: k["privateKeyOpenssh"]!, publicKeyOpenssh: k["publicKeyOpenssh"]! };
  }

  private async key(inputs: Record<string, unknown>): Promise<Record<string, string>> {
    if (inputs["algorithm"] === "RSA") {
      const pair = crypto.generateKeyPairSync("rsa", { modulusLength: Number(inputs["rsaBits"] ?? 2048) });
      const privateKeyPem = pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
      return { privateKeyPem, publicKeyPem: pair.publicKey.export({ type: "spki", format: "pem" }).toString(), privateKeyOpenssh: privateKeyPem, publicKeyOpenssh: "" };
    }
    const file = path.join(mkdtempSync(path.join(this.keyDir, "k-")), "key");
    const r = await spawnCollect("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "", "-f", file]);
    if (r.code !== 0) throw new Error(`ssh-keygen: ${r.stderr}`);
    const privateKeyOpenssh = readFileSync(file, "utf8");
    return { privateKeyOpenssh, privateKeyPem: privateKeyOpenssh, publicKeyOpenssh: `${readFileSync(`${file}.pub`, "utf8").trim()}\n`, publicKeyPem: "" };
  }

  /** Runs a Command's create or delete over SSH with its connection; a non-zero exit fails the step, as it would. */
  private async runCommand(inputs: Record<string, unknown>, which: "create" | "update" | "delete"): Promise<{ stdout: string; stderr: string }> {
    const c = inputs["connection"] as Record<string, unknown>;
    const conn: SshConnection = {
      host: String(c["host"]),
      port: Number(c["port"] ?? 22),
      user: String(c["user"] ?? "root"),
      privateKey: String(c["privateKey"]),
      ...(typeof c["hostKey"] === "string" ? { hostKey: c["hostKey"] } : {}),
    };
    const dial = Number(c["dialErrorLimit"] ?? 10);
    const r = await this.harness.ssh(conn, String(inputs[which]), typeof inputs["stdin"] === "string" ? inputs["stdin"] : undefined, dial < 0 ? 600 : dial * 3);
    if (r.code !== 0) throw new Error(`${which} on ${conn.user}@${conn.host} exited ${r.code}: ${r.stderr.trim().split("\n").slice(-5).join(" | ")}`);
    return r;
  }

  /** Imports the test image once the host's engine answers (a machine image with it baked in). */
  private async importImage(name: string): Promise<void> {
    const tarball = this.options.imageTarball;
    if (tarball === undefined) return;
    for (let i = 0; i < 600 && this.harness.has(name); i++) {
      const r = await this.harness.exec(name, ["docker", "info", "--format", "{{.ID}}"]).catch(() => undefined);
      if (r?.code === 0) {
        const tar = readFileSync(tarball);
        await spawnCollectBuffer(this.harness, name, ["docker", "import", "-", "berth-test/busybox:1"], tar);
        return;
      }
      await sleep(250);
    }
  }

  /** One Engine API request through the provider's `ssh://user@host`, the way the provider (and the CLI) dial it. */
  private async engine(providerRef: string | undefined, method: string, apiPath: string, body?: unknown): Promise<unknown> {
    const provider = this.providers.get(providerRef ?? "");
    if (!provider) throw new Error(`no Docker provider ${providerRef}`);
    const m = /^ssh:\/\/([^@]+)@([^:/]+)(?::(\d+))?/.exec(String(provider["host"]));
    if (!m) throw new Error(`provider host ${String(provider["host"])} is not ssh://`);
    const identity = this.options.dockerSsh?.();
    if (!identity) throw new Error("no SSH identity for the Docker provider");
    const known = identity.knownHosts.split("\n").find((l) => l.split(" ")[0]!.split(",").includes(m[2]!));
    const conn: SshConnection = { host: m[2]!, user: m[1]!, port: Number(m[3] ?? 22), privateKey: identity.privateKey, ...(known ? { hostKey: known.split(" ").slice(1).join(" ") } : {}) };
    const { args, cleanup } = this.harness.sshArgs(conn, "docker system dial-stdio");
    const child = spawn("ssh", args, { stdio: ["pipe", "pipe", "pipe"] });
    const errors: Buffer[] = [];
    child.stderr.on("data", (d: Buffer) => errors.push(d));
    const socket = Duplex.from({ readable: child.stdout, writable: child.stdin });
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    try {
      return await new Promise((resolve, reject) => {
        const req = http.request(
          {
            method,
            path: `/v1.41${apiPath}`,
            host: "docker",
            createConnection: () => socket as unknown as import("node:net").Socket,
            headers: { "Content-Type": "application/json", Connection: "close", ...(payload ? { "Content-Length": payload.length } : {}) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (d: Buffer) => chunks.push(d));
            res.on("end", () => {
              const text = Buffer.concat(chunks).toString();
              if ((res.statusCode ?? 500) >= 300) reject(new Error(`${method} ${apiPath}: ${res.statusCode} ${text.trim()} ${Buffer.concat(errors).toString().trim()}`));
              else resolve(text === "" ? {} : JSON.parse(text));
            });
          },
        );
        req.on("error", (e) => reject(new Error(`${method} ${apiPath}: ${e.message} ${Buffer.concat(errors).toString().trim()}`)));
        req.end(payload);
      });
    } finally {
      child.kill();
      cleanup();
    }
  }

  /** The provider's convergence wait: every replica running. */
  private async converge(providerRef: string | undefined, id: string, spec: Record<string, unknown>): Promise<void> {
    const replicas = Number(((spec["Mode"] as { Replicated?: { Replicas?: number } }).Replicated?.Replicas) ?? 1);
    for (let i = 0; i < 180; i++) {
      const filters = encodeURIComponent(JSON.stringify({ service: [id], "desired-state": ["running"] }));
      // A manager under load answers some reads with a deadline error; the provider polls on, and so does this.
      const tasks = ((await this.engine(providerRef, "GET", `/tasks?filters=${filters}`).catch(() => [])) as { Status: { State: string } }[]);
      if (tasks.filter((t) => t.Status.State === "running").length >= replicas) return;
      await sleep(1000);
    }
    throw new Error(`service ${id} did not converge`);
  }
}

/** Feeds a binary input to a command on a host's console. */
async function spawnCollectBuffer(harness: Harness, name: string, argv: string[], input: Buffer): Promise<void> {
  const r = await harness.exec(name, argv, input);
  if (r.code !== 0) throw new Error(`${argv.join(" ")} on ${name}: ${r.stderr}`);
}

export type { StateResource };
