/**
 * The short forms of Compose values: shell-style command strings, port specs (`127.0.0.1:8080:80/udp`) and volume
 * specs (`data:/var/lib/data:ro`). Pure functions; the loader reports their errors with file:line.
 */
import { shown } from "../core/shown";
import type { ComposeMount, ComposePort } from "./model";

function range(text: string): [number, number] | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return a >= 0 && a <= 65535 && b >= a && b <= 65535 ? [a, b] : undefined;
}

/**
 * A short port spec as written, ranges not expanded yet (a range of 65,536 ports is one spec until the project's
 * port count is known to be within its bound).
 */
export interface PortSpec {
  /** The container port range (one port: both ends equal). */
  target: [number, number];
  /** The published range; a single port published for a whole container range maps every target to it. */
  published?: [number, number];
  hostIp?: string;
  protocol: string;
}

/** How many ports a spec stands for. */
export function portCount(spec: PortSpec): number {
  return spec.target[1] - spec.target[0] + 1;
}

/** The ports of a spec, one per container port. */
export function expandPorts(spec: PortSpec): ComposePort[] {
  const ports: ComposePort[] = [];
  const published = spec.published;
  for (let k = 0; k < portCount(spec); k++) {
    const port: ComposePort = { target: spec.target[0] + k, protocol: spec.protocol };
    if (published) port.published = published[0] === published[1] ? published[0] : published[0] + k;
    if (spec.hostIp) port.hostIp = spec.hostIp;
    ports.push(port);
  }
  return ports;
}

/** Parses a short port spec `[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]` (ranges allowed), without expanding ranges. */
export function parseShortPort(text: string): { spec?: PortSpec; error?: string } {
  const bad = (why: string) => ({
    error: `${shown(text)} is not a port: ${why}; write [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL], e.g. "8080:80/tcp"`,
  });
  const slash = text.lastIndexOf("/");
  const protocol = slash >= 0 ? text.slice(slash + 1).toLowerCase() : "tcp";
  if (!["tcp", "udp", "sctp"].includes(protocol)) return bad(`the protocol ${JSON.stringify(protocol.slice(0, 20))} is not tcp, udp or sctp`);
  const body = slash >= 0 ? text.slice(0, slash) : text;
  let hostIp: string | undefined;
  let rest = body;
  const v6 = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(body);
  if (v6) {
    hostIp = v6[1];
    rest = v6[2]!;
  }
  const parts = rest.split(":");
  if (!v6 && parts.length === 3) hostIp = parts.shift();
  if (parts.length > 2 || (v6 && parts.length !== 2)) return bad("too many colons");
  const target = range(parts[parts.length - 1]!);
  if (!target) return bad("the container port is not a number or range");
  const publishedText = parts.length === 2 ? parts[0]! : "";
  const published = publishedText === "" ? undefined : range(publishedText);
  if (publishedText !== "" && !published) return bad("the published port is not a number or range");
  const count = target[1] - target[0] + 1;
  if (published && published[1] - published[0] + 1 !== count && published[0] !== published[1]) {
    return bad("the published range and the container range differ in length");
  }
  const spec: PortSpec = { target, protocol };
  if (published) spec.published = published;
  if (hostIp) spec.hostIp = hostIp;
  return { spec };
}

const PROPAGATION = new Set(["shared", "rshared", "slave", "rslave", "private", "rprivate"]);

/**
 * Parses a short volume spec `[SOURCE:]TARGET[:MODE]`. A source starting with `/`, `.` or `~` is a bind mount
 * (relative paths resolved against `baseDir`, `~` against `home`); another source names a volume; no source is an
 * anonymous volume.
 */
export function parseShortVolume(spec: string, baseDir: string, home: string): { mount?: ComposeMount; error?: string } {
  const parts = spec.split(":");
  if (parts.length > 3 || parts.some((p) => p === "")) {
    return { error: `"${spec}" is not a volume: write [SOURCE:]TARGET[:MODE], e.g. "data:/var/lib/data:ro"` };
  }
  let source: string | undefined;
  let target: string;
  let mode = "";
  if (parts.length === 1) target = parts[0]!;
  else if (parts.length === 2 && !parts[1]!.startsWith("/")) {
    target = parts[0]!;
    mode = parts[1]!;
  } else {
    source = parts[0];
    target = parts[1]!;
    mode = parts[2] ?? "";
  }
  if (!target.startsWith("/")) return { error: `"${spec}": the container path "${target}" must be absolute` };
  const mount: ComposeMount = { type: "volume", target, readOnly: false };
  for (const option of mode === "" ? [] : mode.split(",")) {
    if (option === "ro") mount.readOnly = true;
    else if (option === "rw") mount.readOnly = false;
    else if (option === "nocopy") mount.noCopy = true;
    else if (PROPAGATION.has(option)) mount.propagation = option;
    else if (option === "z" || option === "Z") mount.selinux = option;
    else if (option !== "cached" && option !== "delegated" && option !== "consistent") {
      return { error: `"${spec}": the mode "${option}" is not ro, rw, nocopy, z, Z or a bind propagation` };
    }
  }
  if (source !== undefined) {
    if (/^[/.~]/.test(source)) {
      mount.type = "bind";
      mount.source = resolvePath(source, baseDir, home);
    } else {
      mount.source = source;
    }
  }
  return { mount };
}

/** Resolves a host path from a Compose file: `~` against `home`, relative paths against `baseDir`. */
export function resolvePath(path: string, baseDir: string, home: string): string {
  const expanded = path === "~" ? home : path.startsWith("~/") ? `${home}${path.slice(1)}` : path;
  if (expanded.startsWith("/")) return normalize(expanded);
  return normalize(`${baseDir}/${expanded}`);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}
