import type * as pulumi from "@pulumi/pulumi";
import type { Problems } from "../core/problems";

/**
 * One machine you already have (a server, a VM from another tool), reached over SSH. It needs a Debian or Ubuntu
 * system with `sudo`-capable or root SSH access, an SSH server, and either a Docker engine or access to a package
 * mirror (the bootstrap installs `docker.io` only when the machine has no engine).
 */
export interface ExistingHostArgs {
  /**
   * The machine's hostname, as `hostname` prints it on the machine. Docker names the swarm node after it, and Pulumi's
   * state names the machine's resources after it (`<cluster>-<name>-bootstrap`, `<cluster>-<name>-leave`), so a host
   * keeps its resources wherever it is in the list. The bootstrap stops (and changes nothing) when the machine's
   * hostname differs; it never renames a machine. Lower-case letters, digits and `-`, at most 63.
   */
  name: string;
  /** Where Pulumi reaches the machine's SSH server: an IP address or a DNS name. */
  address: pulumi.Input<string>;
  /**
   * Where the cluster's other machines reach this one. For a manager it must be an IPv4 address: the swarm
   * advertises it, and joining nodes fetch their token from its SSH server on port 22 there.
   * @default address
   */
  privateAddress?: pulumi.Input<string>;
  /** The SSH port at `address`. @default `existingHosts.port`, else 22 */
  port?: number;
  /** The SSH user: `root`, or a user that may run `sudo` without a password. @default `existingHosts.user` */
  user?: pulumi.Input<string>;
  /** The private key of `user`, in OpenSSH or PEM form; kept as a secret. @default `existingHosts.privateKey` */
  privateKey?: pulumi.Input<string>;
  /**
   * The machine's SSH host key, in OpenSSH public form (`ssh-ed25519 AAAA...`: the content of
   * `/etc/ssh/ssh_host_ed25519_key.pub` on it, or a line of `ssh-keyscan -t ed25519 <address>` without the address,
   * checked against the machine's console). Pulumi's connections to the machine accept no other key, and for a
   * manager neither do the nodes that fetch their join token from it; the machine keeps its own host keys.
   */
  hostKey: pulumi.Input<string>;
}

/**
 * A pool of machines you already have (Cloudify's host pool), which a cluster is formed on over SSH instead of
 * machines it creates. Credentials set here apply to every host that sets none of its own.
 */
export interface ExistingHostsArgs {
  /** The managers, manager 0 first (it initialises the swarm): 1, 3 or 5 (a Raft quorum). */
  managers: ExistingHostArgs[];
  /** The workers. @default none: services run on the managers */
  workers?: ExistingHostArgs[];
  /** The SSH user of every host that sets no `user`. @default none: each host sets its own */
  user?: pulumi.Input<string>;
  /** The SSH private key of every host that sets no `privateKey` (secret). @default none: each host sets its own */
  privateKey?: pulumi.Input<string>;
  /** The SSH port of every host that sets no `port`. @default 22 */
  port?: number;
}

/** One host of an existing pool with the pool's defaults applied (see {@link ExistingHostArgs} for each field). */
export interface ExistingHost {
  /** The machine's hostname and swarm node name. */
  name: string;
  /** Which list it came from. */
  role: "manager" | "worker";
  /** A manager's place in the list (manager 0 initialises the swarm); 0 for every worker, whose place means nothing. */
  index: number;
  /** Where Pulumi reaches its SSH server. */
  address: pulumi.Input<string>;
  /** Where the other machines reach it (`address` when none was given). */
  privateAddress: pulumi.Input<string>;
  /** The SSH port at `address`. */
  port: number;
  /** The SSH user (its own, else the pool's). */
  user: pulumi.Input<string>;
  /** The SSH private key (its own, else the pool's); made a secret where it is used. */
  privateKey: pulumi.Input<string>;
  /** Its SSH host key, as given. */
  hostKey: pulumi.Input<string>;
}

const HOST_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const PUBLIC_KEY_TYPES = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"];
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Checks an {@link ExistingHostsArgs}, adding a problem (under `where`) for each thing wrong. */
export function validateExistingHosts(
  problems: Problems,
  where: string,
  pool: ExistingHostsArgs,
  rules: { managerCounts: readonly number[]; quorumHelp: string },
): void {
  if (pool.port !== undefined) checkPort(problems, `${where}.port`, pool.port);
  if (typeof pool.privateKey === "string") checkPrivateKey(problems, `${where}.privateKey`, pool.privateKey);
  if (!Array.isArray(pool.managers) || pool.managers.length === 0) {
    problems.add(`${where}.managers`, "needs 1, 3 or 5 hosts, manager 0 first: `[{ name, address, hostKey }, ...]`.");
  } else if (!rules.managerCounts.includes(pool.managers.length)) {
    problems.add(`${where}.managers`, `lists ${pool.managers.length} hosts; ${rules.quorumHelp}`);
  }
  if (pool.workers !== undefined && !Array.isArray(pool.workers)) {
    problems.add(`${where}.workers`, "must be a list of hosts `[{ name, address, hostKey }, ...]`, or be left out.");
  }
  const names = new Map<string, string>();
  const endpoints = new Map<string, string>();
  const privates = new Map<string, string>();
  const roles: ["managers" | "workers", ExistingHostArgs[] | undefined][] = [
    ["managers", Array.isArray(pool.managers) ? pool.managers : undefined],
    ["workers", Array.isArray(pool.workers) ? pool.workers : undefined],
  ];
  for (const [role, hosts] of roles) {
    (hosts ?? []).forEach((host, i) => {
      const at = `${where}.${role}[${i}]`;
      if (host === null || typeof host !== "object") {
        problems.add(at, "must be a host: `{ name, address, hostKey }`.");
        return;
      }
      checkHost(problems, at, host, pool, role === "managers");
      if (typeof host.name === "string") {
        const seen = names.get(host.name);
        if (seen) problems.add(`${at}.name`, `"${host.name}" is also ${seen}.name: each machine is listed once, and node names are unique.`);
        else names.set(host.name, at);
      }
      let sameEndpoint = false;
      if (typeof host.address === "string" && host.address !== "") {
        const endpoint = `${host.address}:${host.port ?? pool.port ?? 22}`;
        const seen = endpoints.get(endpoint);
        sameEndpoint = seen !== undefined;
        if (seen) problems.add(`${at}.address`, `${endpoint} is also ${seen}'s: each machine is listed once.`);
        else endpoints.set(endpoint, at);
      }
      const inside = host.privateAddress ?? host.address;
      // The same address twice is one problem, not two.
      if (typeof inside === "string" && inside !== "" && !(sameEndpoint && host.privateAddress === undefined)) {
        const seen = privates.get(inside);
        if (seen) problems.add(`${at}.privateAddress`, `${inside} is also ${seen}'s private address: each machine needs its own (set \`privateAddress\` where machines share a public address).`);
        else privates.set(inside, at);
      }
    });
  }
}

function checkHost(problems: Problems, at: string, host: ExistingHostArgs, pool: ExistingHostsArgs, manager: boolean): void {
  if (typeof host.name !== "string" || !HOST_NAME.test(host.name)) {
    problems.add(
      `${at}.name`,
      `${host.name === undefined ? "is required" : `"${String(host.name)}" is not a hostname of lower-case letters, digits and '-'`}: give the machine's hostname (\`hostname\` on it), which is its swarm node name.`,
    );
  }
  if (host.address === undefined || host.address === "") problems.add(`${at}.address`, "is required: the IP address or DNS name Pulumi reaches its SSH server at.");
  if (manager) {
    const inside = host.privateAddress ?? host.address;
    const field = host.privateAddress !== undefined ? "privateAddress" : "address";
    if (typeof inside === "string" && inside !== "" && !isIpv4(inside)) {
      problems.add(
        `${at}.${field}`,
        `is "${inside}": the other machines reach a manager at an IPv4 address (the swarm advertises it); ${field === "address" ? "set `privateAddress` to" : "give"} its IPv4 address on the cluster's network.`,
      );
    }
  }
  if (host.port !== undefined) checkPort(problems, `${at}.port`, host.port);
  if (host.user === undefined && pool.user === undefined) {
    problems.add(`${at}.user`, "is required: the SSH user (root, or one with passwordless sudo); or set `existingHosts.user` for every host.");
  } else if (host.user === "") {
    problems.add(`${at}.user`, "is empty: give the SSH user (root, or one with passwordless sudo).");
  }
  if (host.privateKey === undefined && pool.privateKey === undefined) {
    problems.add(`${at}.privateKey`, "is required: the SSH private key of its user (a secret, e.g. `config.requireSecret(...)`); or set `existingHosts.privateKey` for every host.");
  } else if (typeof host.privateKey === "string") {
    checkPrivateKey(problems, `${at}.privateKey`, host.privateKey);
  }
  if (host.hostKey === undefined || host.hostKey === "") {
    problems.add(
      `${at}.hostKey`,
      "is required: the machine's SSH host key (`cat /etc/ssh/ssh_host_ed25519_key.pub` on it), so that Pulumi and joining nodes talk to this machine and no other.",
    );
  } else if (typeof host.hostKey === "string") {
    const problem = hostKeyProblem(host.hostKey);
    if (problem) problems.add(`${at}.hostKey`, problem);
  }
}

/** Why `text` is not an OpenSSH public host key, or undefined when it is one. */
export function hostKeyProblem(text: string): string | undefined {
  const key = text.trim();
  if (key.includes("PRIVATE KEY")) return "is a private key: give the machine's public host key (`ssh-ed25519 AAAA...`) and keep the private one on the machine.";
  if (key.includes("\n")) return "has several lines: give one key, `ssh-ed25519 AAAA...`.";
  const parts = key.split(/\s+/);
  const [type, data] = parts;
  if (PUBLIC_KEY_TYPES.includes(type ?? "") && /^[A-Za-z0-9+/]+={0,2}$/.test(data ?? "")) return undefined;
  if (parts.length >= 3 && PUBLIC_KEY_TYPES.includes(parts[1] ?? "")) {
    return `looks like a known_hosts line: drop the address ("${parts[0]}") and give the key alone, \`${parts[1]} ${(parts[2] ?? "").slice(0, 12)}...\`.`;
  }
  return `is not an OpenSSH public key: write it as \`<type> <base64>\`, type one of ${PUBLIC_KEY_TYPES.join(", ")}.`;
}

function checkPrivateKey(problems: Problems, where: string, key: string): void {
  if (key.trim().startsWith("ssh-")) problems.add(where, "is a public key: give the private half (`-----BEGIN OPENSSH PRIVATE KEY-----...`).");
  else if (!key.includes("PRIVATE KEY-----")) problems.add(where, "is not a private key in OpenSSH or PEM form (`-----BEGIN ... PRIVATE KEY-----`).");
}

function checkPort(problems: Problems, where: string, port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.add(where, `must be a TCP port, 1 to 65535; got ${String(port)}.`);
}

function isIpv4(address: string): boolean {
  const m = IPV4.exec(address);
  return m?.slice(1).every((o) => Number(o) <= 255) === true;
}

/** The pool's hosts with its defaults applied (call after {@link validateExistingHosts} found nothing). */
export function resolveExistingHosts(pool: ExistingHostsArgs): { managers: ExistingHost[]; workers: ExistingHost[] } {
  const resolve = (role: "manager" | "worker") => (h: ExistingHostArgs, index: number): ExistingHost => ({
    name: h.name,
    role,
    // A worker's bootstrap must not change when another worker is taken out of the list.
    index: role === "manager" ? index : 0,
    address: h.address,
    privateAddress: h.privateAddress ?? h.address,
    port: h.port ?? pool.port ?? 22,
    user: (h.user ?? pool.user)!,
    privateKey: (h.privateKey ?? pool.privateKey)!,
    hostKey: h.hostKey,
  });
  return { managers: pool.managers.map(resolve("manager")), workers: (pool.workers ?? []).map(resolve("worker")) };
}
