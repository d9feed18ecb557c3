/**
 * How to reach a Docker engine, as plain values: the resolved form of {@link DockerHostArgs} that both the
 * `docker.Provider` and Berth's own Engine API calls (engine.ts) are built from.
 */

/** A Docker engine address and its credentials, resolved (no Outputs). */
export interface EngineHost {
  /**
   * `unix:///path/docker.sock`, a plain socket path, `tcp://host:port` or `ssh://user@host[:port]`.
   * @default the `DOCKER_HOST` environment variable, else `unix:///var/run/docker.sock`
   */
  url?: string;
  /** PEM of the CA (`tcp://` only). @default none */
  caMaterial?: string;
  /** PEM of the client certificate (`tcp://` only). @default none */
  certMaterial?: string;
  /** PEM of the client key (`tcp://` only). @default none */
  keyMaterial?: string;
  /** A folder with `ca.pem`, `cert.pem`, `key.pem` (`tcp://` only). @default none */
  certPath?: string;
  /** ssh client options (`ssh://` only): `-i FILE`, `-p PORT`, `-o Key=Value`. @default none */
  sshOpts?: string[];
}

/** Where the engine is, decided from an {@link EngineHost} without touching the network or the disk. */
export interface EngineAddress {
  /** `unix`, `tcp` (plain http), `tls` (https) or `ssh`. */
  transport: "unix" | "tcp" | "tls" | "ssh";
  /** The socket path (`unix` only). */
  socketPath?: string;
  /** The host name or address (`tcp`, `tls`, `ssh`). */
  hostname?: string;
  /** The port (`tcp`, `tls`, `ssh`). */
  port?: number;
  /** The ssh user (`ssh` only). */
  username?: string;
  /** The address as the Docker CLI and the `docker.Provider` write it (`unix:///…`, `tcp://…`, `ssh://…`). */
  url: string;
  /** Files the ssh options name (`-i`, `IdentityFile`), in order. */
  identityFiles: string[];
  /** Seconds to wait for the ssh handshake (`-o ConnectTimeout=N`). */
  connectTimeout?: number;
}

/** The default engine address when neither the host nor `DOCKER_HOST` names one. */
export const DEFAULT_ENGINE_URL = "unix:///var/run/docker.sock";

/** ssh `-o` options that ssh2 has no use for and that are safe to accept (they only loosen host-key checks). */
const IGNORED_SSH_OPTIONS = new Set(["stricthostkeychecking", "userknownhostsfile", "loglevel", "batchmode"]);

/**
 * Resolves an engine address. Returns the problems (property path `host.<field>` and the fix) instead of throwing, so
 * the component can report them with its other argument problems.
 */
export function resolveEngineAddress(
  host: EngineHost,
  env: Record<string, string | undefined> = process.env,
): { address?: EngineAddress; problems: { where: string; message: string }[] } {
  const problems: { where: string; message: string }[] = [];
  const raw = (host.url ?? "").trim() || env["DOCKER_HOST"] || DEFAULT_ENGINE_URL;
  const tlsGiven = Boolean(host.caMaterial || host.certMaterial || host.keyMaterial || host.certPath);
  const sshGiven = (host.sshOpts ?? []).length > 0;
  let address: EngineAddress | undefined;
  if (raw.startsWith("/") || raw.startsWith("unix://")) {
    const socketPath = raw.startsWith("/") ? raw : raw.slice("unix://".length);
    if (!socketPath.startsWith("/")) {
      problems.push({ where: "host.url", message: `"${raw}" is not an absolute socket path; write unix:///path/docker.sock` });
    }
    address = { transport: "unix", socketPath, url: `unix://${socketPath}`, identityFiles: [] };
  } else if (raw.startsWith("tcp://") || raw.startsWith("ssh://")) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(raw);
    } catch {
      problems.push({ where: "host.url", message: `"${raw}" is not a valid address; write tcp://host:port or ssh://user@host` });
    }
    if (parsed && !parsed.hostname) {
      problems.push({ where: "host.url", message: `"${raw}" names no host; write tcp://host:port or ssh://user@host` });
    }
    if (parsed?.protocol === "tcp:") {
      const transport = tlsGiven ? "tls" : "tcp";
      const port = parsed.port ? Number(parsed.port) : transport === "tls" ? 2376 : 2375;
      address = { transport, hostname: parsed.hostname, port, url: `tcp://${parsed.hostname}:${port}`, identityFiles: [] };
      if (tlsGiven && !host.certPath && !(host.caMaterial && host.certMaterial && host.keyMaterial)) {
        problems.push({
          where: "host",
          message: "TLS needs all three of caMaterial, certMaterial and keyMaterial (or certPath with ca.pem, cert.pem, key.pem)",
        });
      }
    } else if (parsed) {
      const port = parsed.port ? Number(parsed.port) : 22;
      const username = decodeURIComponent(parsed.username) || undefined;
      address = {
        transport: "ssh",
        hostname: parsed.hostname,
        port,
        username,
        url: `ssh://${username ? `${username}@` : ""}${parsed.hostname}:${port}`,
        identityFiles: [],
      };
      if (tlsGiven) problems.push({ where: "host", message: "TLS material applies to tcp:// engines only; remove it for ssh://" });
      applySshOpts(address, host.sshOpts ?? [], problems);
      address.url = `ssh://${address.username ? `${address.username}@` : ""}${address.hostname}:${address.port}`;
    }
  } else {
    problems.push({
      where: "host.url",
      message: `"${raw}" is not a supported engine address; write unix:///path/docker.sock, tcp://host:port or ssh://user@host`,
    });
  }
  if (address && address.transport !== "ssh" && sshGiven) {
    problems.push({ where: "host.sshOpts", message: "ssh options apply to ssh:// engines only; remove them" });
  }
  if (address && address.transport === "unix" && tlsGiven) {
    problems.push({ where: "host", message: "TLS material applies to tcp:// engines only; remove it for a unix socket" });
  }
  return problems.length === 0 ? { address, problems } : { problems };
}

/** Reads `-i FILE`, `-p PORT`, `-l USER` and `-o Key=Value` ssh options into the address; anything else is a problem. */
function applySshOpts(address: EngineAddress, opts: string[], problems: { where: string; message: string }[]): void {
  for (let i = 0; i < opts.length; i++) {
    const flag = opts[i]!;
    const value = opts[i + 1];
    const where = `host.sshOpts[${i}]`;
    if (flag === "-i" || flag === "-p" || flag === "-l" || flag === "-o") {
      if (value === undefined) {
        problems.push({ where, message: `"${flag}" needs a value after it` });
        break;
      }
      i++;
      if (flag === "-i") address.identityFiles.push(value);
      else if (flag === "-l") address.username = value;
      else if (flag === "-p") setPort(address, value, where, problems);
      else applySshOption(address, value, where, problems);
    } else {
      problems.push({
        where,
        message: `"${flag}" is not supported; use -i FILE, -p PORT, -l USER or -o Key=Value (IdentityFile, Port, User, ConnectTimeout, StrictHostKeyChecking, UserKnownHostsFile)`,
      });
    }
  }
}

function applySshOption(
  address: EngineAddress,
  option: string,
  where: string,
  problems: { where: string; message: string }[],
): void {
  const eq = option.indexOf("=");
  const key = (eq >= 0 ? option.slice(0, eq) : option).trim().toLowerCase();
  const value = eq >= 0 ? option.slice(eq + 1).trim() : "";
  if (key === "identityfile") address.identityFiles.push(value);
  else if (key === "port") setPort(address, value, where, problems);
  else if (key === "user") address.username = value;
  else if (key === "connecttimeout") {
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds <= 0) problems.push({ where, message: `ConnectTimeout "${value}" is not a positive number of seconds` });
    else address.connectTimeout = seconds;
  } else if (!IGNORED_SSH_OPTIONS.has(key)) {
    problems.push({
      where,
      message: `ssh option "${option}" is not supported by Berth's ssh client; use IdentityFile, Port, User, ConnectTimeout, StrictHostKeyChecking or UserKnownHostsFile`,
    });
  }
}

function setPort(address: EngineAddress, value: string, where: string, problems: { where: string; message: string }[]): void {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push({ where, message: `port "${value}" is not 1-65535` });
  else address.port = port;
}
