/**
 * Pure converters from docker-py keyword-argument values (as a Cloudify blueprint writes them) to the plain values
 * `@pulumi/docker`'s Container arguments take. Each converter takes an `unknown` value, checks its shape and returns
 * either the converted value or every issue found in it; none of them throws for bad input.
 */
import { formatDuration } from "../core/duration";
import { shellWords } from "../core/shell-words";
import { shown } from "../core/shown";
import { parseBytes } from "../core/size";

/** One thing wrong inside a value; `path` is relative to the value (`""`, `.80/tcp`, `[2]`). */
export interface ConversionIssue {
  /** Where inside the value: `""` for the value itself, `.key` for a map entry, `[i]` for a list item. */
  path: string;
  /** What is wrong, naming the bad value, and what to write instead. */
  message: string;
}

/** The result of a converter: the converted value, or every issue found. */
export type Converted<T> = { ok: true; value: T } | { ok: false; issues: ConversionIssue[] };

/** A successful conversion. */
export function converted<T>(value: T): Converted<T> {
  return { ok: true, value };
}

/** A failed conversion with one issue. @param path where inside the value. @default "" */
export function conversionFailed<T>(message: string, path = ""): Converted<T> {
  return { ok: false, issues: [{ path, message }] };
}

/** A port to publish, as `@pulumi/docker`'s `ContainerPort` takes it. */
export interface PortValue {
  /** The port inside the container. */
  internal: number;
  /** The host port; absent for a free port chosen by the engine. */
  external?: number;
  /** The host address to bind; absent for all addresses. */
  ip?: string;
  /** `tcp`, `udp` or `sctp`. */
  protocol: string;
}

/** A volume, bind mount or volumes-from entry, as `@pulumi/docker`'s `ContainerVolume` takes it. */
export interface VolumeValue {
  /** The path inside the container. */
  containerPath?: string;
  /** A host path to bind. */
  hostPath?: string;
  /** A named volume to mount. */
  volumeName?: string;
  /** A container whose volumes to mount. */
  fromContainer?: string;
  /** Mount read-only. */
  readOnly?: boolean;
  /** SELinux relabelling, `z` or `Z`. */
  selinuxRelabel?: string;
}

/** A host device, as `@pulumi/docker`'s `ContainerDevice` takes it. */
export interface DeviceValue {
  /** The device on the host. */
  hostPath: string;
  /** The device inside the container. */
  containerPath: string;
  /** Cgroup permissions, a combination of `r`, `w` and `m`. */
  permissions: string;
}

/** A label, as `@pulumi/docker`'s `ContainerLabel` takes it. */
export interface LabelValue {
  /** The label's name. */
  label: string;
  /** The label's value. */
  value: string;
}

/** An `/etc/hosts` entry, as `@pulumi/docker`'s `ContainerHost` takes it. */
export interface HostValue {
  /** The host name. */
  host: string;
  /** The address it resolves to. */
  ip: string;
}

/** A ulimit, as `@pulumi/docker`'s `ContainerUlimit` takes it. */
export interface UlimitValue {
  /** The limit's name, e.g. `nofile`. */
  name: string;
  /** The soft limit. */
  soft: number;
  /** The hard limit. */
  hard: number;
}

/** A device I/O limit, as `@pulumi/docker`'s `ContainerDeviceReadBp` (and the other three) take it. */
export interface ThrottleValue {
  /** The device on the host, e.g. `/dev/sda`. */
  path: string;
  /** Bytes or operations per second. */
  rate: number;
}

/** A device request, as `@pulumi/docker`'s `ContainerDeviceRequest` takes it. */
export interface DeviceRequestValue {
  /** The driver, e.g. `nvidia` or `cdi`. */
  driver?: string;
  /** How many devices; -1 for all. */
  count?: number;
  /** Device ids. */
  deviceIds?: string[];
  /** Capabilities, all required. */
  capabilities?: string[];
  /** Driver options. */
  options?: Record<string, string>;
}

/** A healthcheck, as `@pulumi/docker`'s `ContainerHealthcheck` takes it (durations as `"10s"`). */
export interface HealthcheckValue {
  /** The test, e.g. `["CMD-SHELL", "curl -f localhost"]`. */
  tests?: string[];
  /** Time between checks. */
  interval?: string;
  /** Time one check may take. */
  timeout?: string;
  /** Consecutive failures that make the container unhealthy. */
  retries?: number;
  /** Start-up time during which failures do not count. */
  startPeriod?: string;
  /** Time between checks during the start period. */
  startInterval?: string;
}

/** A mount, as `@pulumi/docker`'s `ContainerMount` takes it. */
export interface MountValue {
  /** The path inside the container. */
  target: string;
  /** `bind`, `volume` or `tmpfs`. */
  type: string;
  /** The host path or volume name. */
  source?: string;
  /** Mount read-only. */
  readOnly?: boolean;
  /** Bind options. */
  bindOptions?: { propagation?: string };
  /** Volume options. */
  volumeOptions?: {
    noCopy?: boolean;
    driverName?: string;
    driverOptions?: Record<string, string>;
    labels?: LabelValue[];
    subpath?: string;
  };
  /** Tmpfs options. */
  tmpfsOptions?: { sizeBytes?: number; mode?: number };
}

/** A network attachment, as `@pulumi/docker`'s `ContainerNetworksAdvanced` takes it. */
export interface NetworkValue {
  /** The network's name or id. */
  name: string;
  /** Aliases on that network. */
  aliases?: string[];
  /** A fixed IPv4 address. */
  ipv4Address?: string;
  /** A fixed IPv6 address. */
  ipv6Address?: string;
  /** Link-local addresses. */
  linkLocalIps?: string[];
  /** Endpoint driver options as `key=value`. */
  driverOpts?: string[];
  /** A fixed MAC address. */
  macAddress?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes and scalars

/** Renders a value for a message: JSON on one line, cut as every message cuts a user's value ({@link shown}). */
export function describeValue(value: unknown): string {
  return value === undefined ? "undefined" : shown(value);
}

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Collects the issues of several conversions, with a path prefix, and returns the values when all succeeded. */
class Collector {
  public readonly issues: ConversionIssue[] = [];

  /** Takes one conversion's value, or records its issues (with `prefix` before their paths) and returns undefined. */
  public take<T>(result: Converted<T>, prefix = ""): T | undefined {
    if (result.ok) return result.value;
    for (const i of result.issues) this.issues.push({ path: prefix + i.path, message: i.message });
    return undefined;
  }

  /** Records one issue. */
  public add(message: string, path = ""): void {
    this.issues.push({ path, message });
  }

  /** The value when nothing went wrong, else the issues. */
  public finish<T>(value: T): Converted<T> {
    return this.issues.length === 0 ? converted(value) : { ok: false, issues: this.issues };
  }
}

/** The path segment of a map key: `.key`. */
function keyPath(key: string): string {
  return `.${key}`;
}

/** A boolean. */
export function toBoolean(value: unknown): Converted<boolean> {
  return typeof value === "boolean" ? converted(value) : conversionFailed(`must be true or false, not ${describeValue(value)}.`);
}

/** A string. */
export function toText(value: unknown): Converted<string> {
  return typeof value === "string" ? converted(value) : conversionFailed(`must be a string, not ${describeValue(value)}.`);
}

/** A string, or an integer written as its decimal digits (user ids, group ids). */
export function toTextOrInteger(value: unknown): Converted<string> {
  if (typeof value === "string") return converted(value);
  if (typeof value === "number" && Number.isInteger(value)) return converted(String(value));
  return conversionFailed(`must be a string or an integer, not ${describeValue(value)}.`);
}

/** An integer, at least `min` when given. */
export function toInteger(value: unknown, min?: number): Converted<number> {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return conversionFailed(`must be an integer, not ${describeValue(value)}.`);
  }
  if (min !== undefined && value < min) return conversionFailed(`must be at least ${min}, not ${value}.`);
  return converted(value);
}

/** A non-negative integer. */
export function toCount(value: unknown): Converted<number> {
  return toInteger(value, 0);
}

/** A list of strings; one string is taken as a list of one (docker-py accepts both for these). */
export function toTextList(value: unknown): Converted<string[]> {
  if (typeof value === "string") return converted([value]);
  if (!Array.isArray(value)) return conversionFailed(`must be a list of strings, not ${describeValue(value)}.`);
  const c = new Collector();
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === "string") out.push(item);
    else c.add(`must be a string, not ${describeValue(item)}.`, `[${i}]`);
  });
  return c.finish(out);
}

/** A list of strings or integers (group ids), as strings. */
export function toTextOrIntegerList(value: unknown): Converted<string[]> {
  const items = Array.isArray(value) ? value : [value];
  const c = new Collector();
  const out: string[] = [];
  items.forEach((item, i) => {
    const v = c.take(toTextOrInteger(item), Array.isArray(value) ? `[${i}]` : "");
    if (v !== undefined) out.push(v);
  });
  return c.finish(out);
}

/** A string-to-string map; numbers and booleans are written as text (sysctls, storage options, log options). */
export function toTextMap(value: unknown): Converted<Record<string, string>> {
  if (!isPlainObject(value)) return conversionFailed(`must be a map of strings, not ${describeValue(value)}.`);
  const c = new Collector();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string") out[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") out[k] = String(v);
    else c.add(`must be a string, not ${describeValue(v)}.`, keyPath(k));
  }
  return c.finish(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Units

const MIB = 1024 * 1024;

/**
 * A docker-py size (an integer of bytes, or a string such as `"512m"`, `"1g"`, `"1024k"`, `"100b"`, `"512mb"`,
 * with 1k = 1024) as whole megabytes, the unit the provider takes. A size that is not a whole number of MB is an
 * issue, not a rounding. `allowUnlimited` accepts -1 (unlimited swap) as it is.
 */
export function dockerPyBytesToMb(value: unknown, allowUnlimited = false): Converted<number> {
  let bytes: number;
  if (typeof value === "number" && Number.isInteger(value)) {
    if (value === -1 && allowUnlimited) return converted(-1);
    bytes = value;
  } else if (typeof value === "string") {
    const parsed = parseBytes(value, "bkmg");
    if (parsed === undefined) {
      return conversionFailed(
        `must be a number of bytes or a size such as "512m" or "1g" (units b, k, m, g), not ${describeValue(value)}.`,
      );
    }
    bytes = parsed;
  } else {
    return conversionFailed(`must be a number of bytes or a size such as "512m", not ${describeValue(value)}.`);
  }
  if (bytes < 0) return conversionFailed(`must not be negative, not ${describeValue(value)}.`);
  if (bytes % MIB !== 0) {
    return conversionFailed(
      `is ${describeValue(value)}, which is not a whole number of megabytes; the provider takes sizes in MB ` +
        `(1m = 1048576 bytes), so give a multiple of 1m such as "${Math.max(1, Math.round(bytes / MIB))}m".`,
    );
  }
  return converted(bytes / MIB);
}

/**
 * A docker-py duration in nanoseconds (healthcheck `interval`, `timeout`, `start_period`) as the provider's duration
 * string, written as Go writes it (`"10s"`, `"1.5s"`, `"1m30s"`, `"0s"`). Durations finer than a millisecond are an
 * issue (these provider fields take ms, s, m and h).
 */
export function nanosToDuration(value: unknown): Converted<string> {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    return conversionFailed(
      `must be a whole, non-negative number of nanoseconds (docker-py's unit; 10000000000 is 10s), not ${describeValue(value)}.`,
    );
  }
  const text = formatDuration(value, "ms");
  if (text !== undefined) return converted(text);
  return conversionFailed(`is ${value} ns, which is not a whole number of milliseconds; the provider's durations stop at ms.`);
}

/** docker-py `nano_cpus` (an integer, 1e9 per CPU) as the provider's `cpus` string: 1500000000 → `"1.5"`. */
export function nanoCpusToCpus(value: unknown): Converted<string> {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    return conversionFailed(`must be a positive integer of 1e-9 CPUs (1000000000 is one CPU), not ${describeValue(value)}.`);
  }
  const whole = Math.floor(value / 1e9);
  const fraction = String(value % 1e9)
    .padStart(9, "0")
    .replace(/0+$/, "");
  return converted(fraction === "" ? String(whole) : `${whole}.${fraction}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Command lines

/**
 * Splits a command line the way Python's `shlex.split` does in POSIX mode (what docker-py does to a string
 * `command` or `entrypoint`); an unclosed quote or a trailing backslash is an issue that quotes the line.
 */
export function shlexSplit(line: string): Converted<string[]> {
  const split = shellWords(line);
  return split.error === undefined ? converted(split.words) : conversionFailed(`${split.error}: ${describeValue(line)}.`);
}

/** A docker-py `command` or `entrypoint`: a string (split as a POSIX shell would) or a list of strings. */
export function toArgv(value: unknown): Converted<string[]> {
  if (typeof value === "string") return shlexSplit(value);
  if (!Array.isArray(value)) {
    return conversionFailed(`must be a command line string or a list of strings, not ${describeValue(value)}.`);
  }
  const c = new Collector();
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === "string") out.push(item);
    else if (typeof item === "number") out.push(String(item));
    else c.add(`must be a string, not ${describeValue(item)}.`, `[${i}]`);
  });
  return c.finish(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Ports

const PROTOCOLS = new Set(["tcp", "udp", "sctp"]);

/** A port number 1-65535 from a number or its digits. */
function toPortNumber(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

/** A container port spec: `80`, `"80"`, `"80/udp"`. */
export function parsePortSpec(value: unknown): Converted<{ port: number; protocol: string }> {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : undefined;
  const m = text === undefined ? null : /^(\d+)(?:\/(\w+))?$/.exec(text);
  const port = m ? toPortNumber(m[1]) : undefined;
  if (!m || port === undefined) {
    return conversionFailed(`is not a port: ${describeValue(value)}; write 80 or "80/udp" (ports 1-65535, one port, no range).`);
  }
  const protocol = (m[2] ?? "tcp").toLowerCase();
  if (!PROTOCOLS.has(protocol)) {
    return conversionFailed(`has protocol "${m[2]}" in ${describeValue(value)}; use tcp, udp or sctp.`);
  }
  return converted({ port, protocol });
}

/**
 * docker-py `ports` of `create_container` (the ports a container exposes): a list of `80`, `"80/udp"` or
 * `[80, "udp"]`, or a single such port. Returned as ports without a host side; whether each is published is decided
 * with the port bindings (see the params table).
 */
export function parseExposedPorts(value: unknown): Converted<PortValue[]> {
  const items = Array.isArray(value) ? value : [value];
  const c = new Collector();
  const out: PortValue[] = [];
  items.forEach((item, i) => {
    const path = Array.isArray(value) ? `[${i}]` : "";
    let spec: unknown = item;
    if (Array.isArray(item)) {
      if (item.length !== 2 || typeof item[1] !== "string") {
        c.add(`must be a port or a [port, protocol] pair, not ${describeValue(item)}.`, path);
        return;
      }
      spec = `${String(item[0])}/${item[1]}`;
    }
    const p = c.take(parsePortSpec(spec), path);
    if (p) out.push({ internal: p.port, protocol: p.protocol });
  });
  return c.finish(out);
}

/** True for a string that is an address rather than a port (the first item of docker-py's `(ip, port)` pair). */
function looksLikeAddress(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "" && !/^\d+$/.test(value.trim());
}

/** The host side of one binding: port (random when empty) and address (all when empty). */
function parseHostBinding(value: unknown): Converted<{ external?: number; ip?: string }> {
  const port = (v: unknown): Converted<number | undefined> => {
    if (v === null || v === undefined || v === "") return converted(undefined);
    if (typeof v === "string" && /^\d+-\d+$/.test(v.trim())) {
      return conversionFailed(
        `is a host port range (${describeValue(v)}); the provider publishes one host port per binding, so give one port.`,
      );
    }
    const n = toPortNumber(v);
    return n === undefined ? conversionFailed(`is not a host port (1-65535): ${describeValue(v)}.`) : converted(n);
  };
  const both = (ip: unknown, p: unknown): Converted<{ external?: number; ip?: string }> => {
    if (ip !== undefined && ip !== null && typeof ip !== "string") {
      return conversionFailed(`has a host address that is not a string: ${describeValue(ip)}.`);
    }
    const external = port(p);
    if (!external.ok) return external;
    const out: { external?: number; ip?: string } = {};
    if (external.value !== undefined) out.external = external.value;
    if (typeof ip === "string" && ip !== "") out.ip = ip;
    return converted(out);
  };
  if (Array.isArray(value)) {
    if ((value.length === 1 || value.length === 2) && looksLikeAddress(value[0])) return both(value[0], value[1]);
    return conversionFailed(`must be an [address, port] pair such as ["127.0.0.1", 8080], not ${describeValue(value)}.`);
  }
  if (isPlainObject(value)) {
    const extra = Object.keys(value).filter((k) => k !== "HostIp" && k !== "HostPort");
    if (extra.length > 0) {
      return conversionFailed(`has unknown keys ${extra.join(", ")}; a binding map has HostIp and HostPort only.`);
    }
    return both(value.HostIp, value.HostPort);
  }
  return both(undefined, value);
}

/**
 * docker-py `port_bindings` (or the Engine's `PortBindings`): a map from a container port (`80`, `"80/tcp"`,
 * `"53/udp"`) to its host side, in every form docker-py takes: a host port (`8080`, `"8080"`), `null` (a free host
 * port), an `[address, port]` pair (`["127.0.0.1", 4567]`, or `["127.0.0.1"]` for a free port on that address), a list
 * of any of these for several bindings (`[8080, 8081]`), or the Engine's `{HostIp, HostPort}` maps. One provider port
 * per binding.
 */
export function parsePortBindings(value: unknown): Converted<PortValue[]> {
  if (!isPlainObject(value)) {
    return conversionFailed(`must be a map from container port to host port, e.g. {"80/tcp": 8080}, not ${describeValue(value)}.`);
  }
  const c = new Collector();
  const out: PortValue[] = [];
  for (const [key, binding] of Object.entries(value)) {
    const spec = c.take(parsePortSpec(key), keyPath(key));
    const single = !Array.isArray(binding) || ((binding.length === 1 || binding.length === 2) && looksLikeAddress(binding[0]));
    const bindings: unknown[] = !single && Array.isArray(binding) ? binding : [binding];
    if (bindings.length === 0) c.add("is an empty list; give at least one host port, or null for a free one.", keyPath(key));
    bindings.forEach((b, i) => {
      const host = c.take(parseHostBinding(b), keyPath(key) + (single ? "" : `[${i}]`));
      if (spec && host) out.push({ internal: spec.port, ...host, protocol: spec.protocol });
    });
  }
  return c.finish(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Volumes, binds, devices, mounts

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** The source of a bind: an absolute host path or a volume name. */
function bindSource(source: string): Converted<{ hostPath: string } | { volumeName: string }> {
  if (source.startsWith("/")) return converted({ hostPath: source });
  if (VOLUME_NAME.test(source)) return converted({ volumeName: source });
  return conversionFailed(
    `has source ${describeValue(source)}, which is neither an absolute host path nor a volume name; use an absolute path.`,
  );
}

/** Applies a docker-py bind mode (`ro`, `rw`, `z`, `Z`, comma-separated) to a volume. */
function applyBindMode(volume: VolumeValue, mode: string): Converted<VolumeValue> {
  const out: VolumeValue = { ...volume };
  for (const option of mode.split(",").map((o) => o.trim())) {
    if (option === "ro") out.readOnly = true;
    else if (option === "rw" || option === "") continue;
    else if (option === "z" || option === "Z") out.selinuxRelabel = option;
    else if (/^r?(shared|slave|private)$/.test(option) || option === "nocopy") {
      return conversionFailed(
        `has mode "${option}", which the provider's volumes cannot express; use \`mounts\` with bind propagation (or a volume's noCopy) instead.`,
      );
    } else return conversionFailed(`has an unknown mode "${option}"; use ro, rw, z or Z.`);
  }
  return converted(out);
}

/** One bind from its parts. */
function makeBind(source: string, target: unknown, mode: string): Converted<VolumeValue> {
  if (typeof target !== "string" || !target.startsWith("/")) {
    return conversionFailed(`must bind to an absolute path in the container, not ${describeValue(target)}.`);
  }
  const src = bindSource(source);
  if (!src.ok) return src;
  return applyBindMode({ ...src.value, containerPath: target }, mode);
}

/**
 * docker-py `binds` (or the Engine's `Binds`): a list of `"source:target[:mode]"` strings, or a map from source to
 * `{bind, mode}` (or `{bind, ro}`) or to a target string. A source starting with `/` is a host path, any other is a
 * volume name; modes `ro`, `rw`, `z`, `Z`.
 */
export function parseBinds(value: unknown): Converted<VolumeValue[]> {
  const c = new Collector();
  const out: VolumeValue[] = [];
  const seen = new Map<string, string>();
  const push = (v: VolumeValue | undefined, path: string) => {
    if (!v) return;
    const target = v.containerPath ?? "";
    const other = seen.get(target);
    if (other !== undefined) {
      c.add(`binds ${target} again (also bound by ${other === "" ? "an earlier entry" : other}); keep one bind per container path.`, path);
      return;
    }
    seen.set(target, path);
    out.push(v);
  };
  if (Array.isArray(value) || typeof value === "string") {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      const path = Array.isArray(value) ? `[${i}]` : "";
      if (typeof item !== "string") {
        c.add(`must be a "source:target[:mode]" string, not ${describeValue(item)}.`, path);
        return;
      }
      const parts = item.split(":");
      if (parts.length < 2 || parts.length > 3 || parts[0] === "") {
        c.add(`must be "source:target" or "source:target:mode", not ${describeValue(item)}.`, path);
        return;
      }
      push(c.take(makeBind(parts[0] ?? "", parts[1], parts[2] ?? "rw"), path), path);
    });
    return c.finish(out);
  }
  if (!isPlainObject(value)) {
    return conversionFailed(`must be a list of "source:target[:mode]" strings or a map of source to {bind, mode}, not ${describeValue(value)}.`);
  }
  for (const [source, spec] of Object.entries(value)) {
    const path = keyPath(source);
    if (typeof spec === "string") {
      push(c.take(makeBind(source, spec, "rw"), path), path);
      continue;
    }
    if (!isPlainObject(spec)) {
      c.add(`must be {bind: "/path", mode: "rw"} or a target path, not ${describeValue(spec)}.`, path);
      continue;
    }
    const extra = Object.keys(spec).filter((k) => !["bind", "mode", "ro"].includes(k));
    if (extra.length > 0) {
      c.add(`has unknown keys ${extra.join(", ")}; a bind has bind and mode (or ro).`, path);
      continue;
    }
    if (spec.mode !== undefined && spec.ro !== undefined) {
      c.add("has both mode and ro; give one of them.", path);
      continue;
    }
    if (spec.mode !== undefined && typeof spec.mode !== "string") {
      c.add(`has mode ${describeValue(spec.mode)}; use "ro" or "rw".`, `${path}.mode`);
      continue;
    }
    if (spec.ro !== undefined && typeof spec.ro !== "boolean") {
      c.add(`has ro ${describeValue(spec.ro)}; use true or false.`, `${path}.ro`);
      continue;
    }
    const mode = typeof spec.mode === "string" ? spec.mode : spec.ro === true ? "ro" : "rw";
    push(c.take(makeBind(source, spec.bind, mode), path), path);
  }
  return c.finish(out);
}

/**
 * docker-py `volumes` of `create_container`: container paths that get an anonymous volume, as a list, a single
 * string, or the old `{"/data": {}}` map. A `host:container` string is an issue (that is a bind: use `binds`).
 */
export function parseAnonymousVolumes(value: unknown): Converted<VolumeValue[]> {
  let items: unknown[];
  let pathOf: (i: number, item: unknown) => string;
  if (isPlainObject(value)) {
    items = Object.keys(value);
    pathOf = (_i, item) => keyPath(String(item));
  } else {
    items = Array.isArray(value) ? value : [value];
    pathOf = (i) => (Array.isArray(value) ? `[${i}]` : "");
  }
  const c = new Collector();
  const out: VolumeValue[] = [];
  items.forEach((item, i) => {
    if (typeof item !== "string" || !item.startsWith("/")) {
      c.add(`must be an absolute path in the container, not ${describeValue(item)}.`, pathOf(i, item));
    } else if (item.includes(":")) {
      c.add(`looks like a bind (${describeValue(item)}); \`volumes\` holds container paths only, so put host paths in \`binds\`.`, pathOf(i, item));
    } else out.push({ containerPath: item });
  });
  return c.finish(out);
}

/** docker-py `volumes_from`: container names, each optionally with `:ro` or `:rw`. */
export function parseVolumesFrom(value: unknown): Converted<VolumeValue[]> {
  const list = toTextList(value);
  if (!list.ok) return list;
  const c = new Collector();
  const out: VolumeValue[] = [];
  list.value.forEach((item, i) => {
    const path = Array.isArray(value) ? `[${i}]` : "";
    const m = /^([^:]+)(?::(ro|rw))?$/.exec(item);
    if (!m) c.add(`must be "container" or "container:ro", not ${describeValue(item)}.`, path);
    else out.push(m[2] === "ro" ? { fromContainer: m[1] ?? "", readOnly: true } : { fromContainer: m[1] ?? "" });
  });
  return c.finish(out);
}

/**
 * docker-py `devices` (or the Engine's `Devices`): `"host[:container[:permissions]]"` strings, or
 * `{PathOnHost, PathInContainer, CgroupPermissions}` maps. The container path defaults to the host path and the
 * permissions to `rwm`, as in docker-py.
 */
export function parseDevices(value: unknown): Converted<DeviceValue[]> {
  const items = Array.isArray(value) ? value : [value];
  const c = new Collector();
  const out: DeviceValue[] = [];
  items.forEach((item, i) => {
    const path = Array.isArray(value) ? `[${i}]` : "";
    let parts: unknown[];
    if (typeof item === "string") parts = item.split(":");
    else if (isPlainObject(item)) parts = [item.PathOnHost, item.PathInContainer, item.CgroupPermissions];
    else {
      c.add(`must be "/dev/host:/dev/container:rwm", not ${describeValue(item)}.`, path);
      return;
    }
    const [host, inContainer, permissions] = parts;
    if (parts.length > 3 || typeof host !== "string" || !host.startsWith("/")) {
      c.add(`must be "/dev/host[:/dev/container[:rwm]]", not ${describeValue(item)}.`, path);
      return;
    }
    const ctr = inContainer === undefined || inContainer === null || inContainer === "" ? host : inContainer;
    const perms = permissions === undefined || permissions === null || permissions === "" ? "rwm" : permissions;
    if (typeof ctr !== "string" || !ctr.startsWith("/")) {
      c.add(`has container path ${describeValue(ctr)}; use an absolute path.`, path);
    } else if (typeof perms !== "string" || !/^[rwm]+$/.test(perms)) {
      c.add(`has permissions ${describeValue(perms)}; use a combination of r, w and m.`, path);
    } else out.push({ hostPath: host, containerPath: ctr, permissions: perms });
  });
  return c.finish(out);
}

/** docker-py `tmpfs` (or the Engine's `Tmpfs`): a map of path to options, or a list of `"path[:options]"`. */
export function parseTmpfs(value: unknown): Converted<Record<string, string>> {
  if (isPlainObject(value)) return toTextMap(value);
  const items = Array.isArray(value) ? value : [value];
  const c = new Collector();
  const out: Record<string, string> = {};
  items.forEach((item, i) => {
    const path = Array.isArray(value) ? `[${i}]` : "";
    if (typeof item !== "string" || !item.startsWith("/")) {
      c.add(`must be "/path" or "/path:options", not ${describeValue(item)}.`, path);
      return;
    }
    const at = item.indexOf(":");
    if (at < 0) out[item] = "";
    else out[item.slice(0, at)] = item.slice(at + 1);
  });
  return c.finish(out);
}

/** Reads a key of a map in either docker-py's spelling or the Engine's (`name` or `Name`). */
function field(map: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (map[n] !== undefined) return map[n];
  return undefined;
}

/** Unknown keys of a map, given the allowed ones. */
function unknownKeys(map: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(map).filter((k) => !allowed.includes(k));
}

/**
 * docker-py `mounts` (or the Engine's `Mounts`): `docker.types.Mount` maps (`Target`, `Source`, `Type`, `ReadOnly`,
 * `BindOptions.Propagation`, `VolumeOptions{NoCopy, Labels, DriverConfig{Name, Options}}`,
 * `TmpfsOptions{SizeBytes, Mode}`), or `"source:target[:ro|rw]"` strings (a bind when the source is a path).
 */
export function parseMounts(value: unknown): Converted<MountValue[]> {
  const items = Array.isArray(value) ? value : [value];
  const c = new Collector();
  const out: MountValue[] = [];
  items.forEach((item, i) => {
    const path = Array.isArray(value) ? `[${i}]` : "";
    if (typeof item === "string") {
      const m = /^([^:]+):(\/[^:]*)(?::(ro|rw))?$/.exec(item);
      if (!m) {
        c.add(`must be "source:/target[:ro]" or a Mount map, not ${describeValue(item)}.`, path);
        return;
      }
      const mount: MountValue = { target: m[2] ?? "", type: (m[1] ?? "").startsWith("/") ? "bind" : "volume", source: m[1] ?? "" };
      if (m[3] === "ro") mount.readOnly = true;
      out.push(mount);
      return;
    }
    if (!isPlainObject(item)) {
      c.add(`must be a Mount map ({Target, Source, Type, ...}), not ${describeValue(item)}.`, path);
      return;
    }
    const allowed = ["Target", "Source", "Type", "ReadOnly", "Consistency", "BindOptions", "VolumeOptions", "TmpfsOptions"];
    const extra = unknownKeys(item, allowed);
    if (extra.length > 0) {
      c.add(`has keys the provider's mounts cannot take: ${extra.join(", ")}.`, path);
      return;
    }
    const target = item.Target;
    const type = item.Type ?? "volume";
    if (typeof target !== "string" || !target.startsWith("/")) {
      c.add(`needs Target, an absolute path in the container, not ${describeValue(target)}.`, path);
      return;
    }
    if (typeof type !== "string" || !["bind", "volume", "tmpfs"].includes(type)) {
      c.add(`has Type ${describeValue(type)}; use bind, volume or tmpfs.`, path);
      return;
    }
    const mount: MountValue = { target, type };
    if (item.Source !== undefined && item.Source !== null && item.Source !== "") {
      if (typeof item.Source !== "string") c.add(`has Source ${describeValue(item.Source)}; use a string.`, `${path}.Source`);
      else mount.source = item.Source;
    }
    if (item.ReadOnly !== undefined) {
      const ro = c.take(toBoolean(item.ReadOnly), `${path}.ReadOnly`);
      if (ro !== undefined) mount.readOnly = ro;
    }
    if (item.BindOptions !== undefined) {
      const b = item.BindOptions;
      if (!isPlainObject(b) || unknownKeys(b, ["Propagation"]).length > 0 || (b.Propagation !== undefined && typeof b.Propagation !== "string")) {
        c.add(`has BindOptions ${describeValue(b)}; the provider takes {Propagation: "rprivate"} only.`, `${path}.BindOptions`);
      } else mount.bindOptions = typeof b.Propagation === "string" ? { propagation: b.Propagation } : {};
    }
    if (item.VolumeOptions !== undefined) {
      const v = item.VolumeOptions;
      if (!isPlainObject(v) || unknownKeys(v, ["NoCopy", "Labels", "DriverConfig", "Subpath"]).length > 0) {
        c.add(`has VolumeOptions ${describeValue(v)}; use NoCopy, Labels, DriverConfig and Subpath.`, `${path}.VolumeOptions`);
      } else {
        const opts: NonNullable<MountValue["volumeOptions"]> = {};
        if (v.NoCopy !== undefined) {
          const nc = c.take(toBoolean(v.NoCopy), `${path}.VolumeOptions.NoCopy`);
          if (nc !== undefined) opts.noCopy = nc;
        }
        if (v.Labels !== undefined) {
          const l = c.take(parseLabels(v.Labels), `${path}.VolumeOptions.Labels`);
          if (l) opts.labels = l;
        }
        if (v.Subpath !== undefined) {
          const s = c.take(toText(v.Subpath), `${path}.VolumeOptions.Subpath`);
          if (s !== undefined) opts.subpath = s;
        }
        if (v.DriverConfig !== undefined) {
          const d = v.DriverConfig;
          if (!isPlainObject(d) || unknownKeys(d, ["Name", "Options"]).length > 0 || typeof d.Name !== "string") {
            c.add(`has DriverConfig ${describeValue(d)}; use {Name, Options}.`, `${path}.VolumeOptions.DriverConfig`);
          } else {
            opts.driverName = d.Name;
            if (d.Options !== undefined) {
              const o = c.take(toTextMap(d.Options), `${path}.VolumeOptions.DriverConfig.Options`);
              if (o) opts.driverOptions = o;
            }
          }
        }
        mount.volumeOptions = opts;
      }
    }
    if (item.TmpfsOptions !== undefined) {
      const t = item.TmpfsOptions;
      if (!isPlainObject(t) || unknownKeys(t, ["SizeBytes", "Mode"]).length > 0) {
        c.add(`has TmpfsOptions ${describeValue(t)}; use {SizeBytes, Mode}.`, `${path}.TmpfsOptions`);
      } else {
        const opts: NonNullable<MountValue["tmpfsOptions"]> = {};
        if (t.SizeBytes !== undefined) {
          const s = c.take(toCount(t.SizeBytes), `${path}.TmpfsOptions.SizeBytes`);
          if (s !== undefined) opts.sizeBytes = s;
        }
        if (t.Mode !== undefined) {
          const m = c.take(toCount(t.Mode), `${path}.TmpfsOptions.Mode`);
          if (m !== undefined) opts.mode = m;
        }
        mount.tmpfsOptions = opts;
      }
    }
    out.push(mount);
  });
  return c.finish(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Environment, labels, hosts, limits

/** A Python `str()` of a scalar, as docker-py writes an environment value: `True`, `8080`, `text`. */
function pythonText(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}

/**
 * docker-py `environment`: a map (each value written as Python's `str()` would: `8080`, `True`) or a list of
 * `"KEY=VALUE"` strings, as the provider's `envs`. A map value of `null` is an issue (docker-py would send a bare
 * `KEY`, which the engine reads as "unset").
 */
export function parseEnvironment(value: unknown): Converted<string[]> {
  const c = new Collector();
  const out: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item !== "string" || !/^[^=]+=/.test(item)) {
        c.add(`must be a "KEY=VALUE" string, not ${describeValue(item)}.`, `[${i}]`);
      } else out.push(item);
    });
    return c.finish(out);
  }
  if (!isPlainObject(value)) {
    return conversionFailed(`must be a map of variables or a list of "KEY=VALUE" strings, not ${describeValue(value)}.`);
  }
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out.push(`${k}=${pythonText(v)}`);
    else c.add(`must be a string, number or boolean, not ${describeValue(v)}.`, keyPath(k));
  }
  return c.finish(out);
}

/** docker-py `labels`: a map of name to value, or a list of names (each with an empty value), as `labels`. */
export function parseLabels(value: unknown): Converted<LabelValue[]> {
  if (Array.isArray(value)) {
    const names = toTextList(value);
    return names.ok ? converted(names.value.map((label) => ({ label, value: "" }))) : names;
  }
  const map = toTextMap(value);
  if (!map.ok) {
    return isPlainObject(value) ? map : conversionFailed(`must be a map of name to value or a list of names, not ${describeValue(value)}.`);
  }
  return converted(Object.entries(map.value).map(([label, v]) => ({ label, value: v })));
}

/** docker-py `extra_hosts` (or the Engine's `ExtraHosts`): a map of host to address, or `"host:address"` strings. */
export function parseExtraHosts(value: unknown): Converted<HostValue[]> {
  const c = new Collector();
  const out: HostValue[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const at = typeof item === "string" ? item.indexOf(":") : -1;
      if (typeof item !== "string" || at <= 0 || at === item.length - 1) {
        c.add(`must be a "host:address" string, not ${describeValue(item)}.`, `[${i}]`);
      } else out.push({ host: item.slice(0, at), ip: item.slice(at + 1) });
    });
    return c.finish(out);
  }
  if (!isPlainObject(value)) {
    return conversionFailed(`must be a map of host to address or a list of "host:address", not ${describeValue(value)}.`);
  }
  for (const [host, ip] of Object.entries(value)) {
    if (typeof ip !== "string" || ip === "") c.add(`must be an address string, not ${describeValue(ip)}.`, keyPath(host));
    else out.push({ host, ip });
  }
  return c.finish(out);
}

/** docker-py `ulimits` (or the Engine's `Ulimits`): `{name, soft, hard}` maps (or `Name`, `Soft`, `Hard`), both limits given. */
export function parseUlimits(value: unknown): Converted<UlimitValue[]> {
  if (!Array.isArray(value)) return conversionFailed(`must be a list of {name, soft, hard}, not ${describeValue(value)}.`);
  const c = new Collector();
  const out: UlimitValue[] = [];
  value.forEach((item, i) => {
    const path = `[${i}]`;
    if (!isPlainObject(item) || unknownKeys(item, ["name", "soft", "hard", "Name", "Soft", "Hard"]).length > 0) {
      c.add(`must be {name, soft, hard}, not ${describeValue(item)}.`, path);
      return;
    }
    const name = field(item, "name", "Name");
    const soft = field(item, "soft", "Soft");
    const hard = field(item, "hard", "Hard");
    if (typeof name !== "string" || name === "") c.add(`needs a name such as "nofile", not ${describeValue(name)}.`, path);
    else if (soft === undefined || hard === undefined) {
      c.add(`(${name}) needs both soft and hard; the provider takes both (write the same number twice for one limit).`, path);
    } else {
      const s = c.take(toInteger(soft, -1), `${path}.soft`);
      const h = c.take(toInteger(hard, -1), `${path}.hard`);
      if (s !== undefined && h !== undefined) out.push({ name, soft: s, hard: h });
    }
  });
  return c.finish(out);
}

/** docker-py `device_read_bps` and the other three (`[{Path, Rate}]`), as the provider's `{path, rate}`. */
export function parseThrottles(value: unknown): Converted<ThrottleValue[]> {
  if (!Array.isArray(value)) return conversionFailed(`must be a list of {Path, Rate}, not ${describeValue(value)}.`);
  const c = new Collector();
  const out: ThrottleValue[] = [];
  value.forEach((item, i) => {
    const path = `[${i}]`;
    if (!isPlainObject(item) || unknownKeys(item, ["Path", "Rate", "path", "rate"]).length > 0) {
      c.add(`must be {Path: "/dev/sda", Rate: 1048576}, not ${describeValue(item)}.`, path);
      return;
    }
    const p = field(item, "Path", "path");
    const rate = c.take(toCount(field(item, "Rate", "rate")), `${path}.Rate`);
    if (typeof p !== "string" || !p.startsWith("/")) c.add(`needs Path, a device path, not ${describeValue(p)}.`, path);
    else if (rate !== undefined) out.push({ path: p, rate });
  });
  return c.finish(out);
}

/** docker-py `restart_policy` (or the Engine's `RestartPolicy`): `{Name, MaximumRetryCount}` as `restart` and `maxRetryCount`. */
export function parseRestartPolicy(value: unknown): Converted<{ restart: string; maxRetryCount?: number }> {
  if (!isPlainObject(value) || unknownKeys(value, ["Name", "MaximumRetryCount"]).length > 0) {
    return conversionFailed(`must be {Name: "on-failure", MaximumRetryCount: 5}, not ${describeValue(value)}.`);
  }
  const name = value.Name === "" || value.Name === undefined ? "no" : value.Name;
  if (typeof name !== "string" || !["no", "always", "on-failure", "unless-stopped"].includes(name)) {
    return conversionFailed(`has Name ${describeValue(value.Name)}; use no, always, on-failure or unless-stopped.`, ".Name");
  }
  if (value.MaximumRetryCount === undefined) return converted({ restart: name });
  const count = toCount(value.MaximumRetryCount);
  if (!count.ok) return { ok: false, issues: count.issues.map((i) => ({ ...i, path: ".MaximumRetryCount" })) };
  if (count.value > 0 && name !== "on-failure") {
    return conversionFailed(`sets MaximumRetryCount ${count.value} with Name "${name}"; retries apply to on-failure only.`, ".MaximumRetryCount");
  }
  return converted({ restart: name, maxRetryCount: count.value });
}

/** docker-py `log_config` (or the Engine's `LogConfig`): `{type, config}` (or `Type`, `Config`) as `logDriver` and `logOpts`. */
export function parseLogConfig(value: unknown): Converted<{ logDriver: string; logOpts?: Record<string, string> }> {
  if (!isPlainObject(value) || unknownKeys(value, ["type", "config", "Type", "Config"]).length > 0) {
    return conversionFailed(`must be {type: "json-file", config: {max-size: "10m"}}, not ${describeValue(value)}.`);
  }
  const type = field(value, "type", "Type");
  if (typeof type !== "string" || type === "") return conversionFailed(`needs type, the log driver, not ${describeValue(type)}.`);
  const config = field(value, "config", "Config");
  if (config === undefined || config === null) return converted({ logDriver: type });
  const opts = toTextMap(config);
  if (!opts.ok) return { ok: false, issues: opts.issues.map((i) => ({ ...i, path: `.config${i.path}` })) };
  return Object.keys(opts.value).length === 0 ? converted({ logDriver: type }) : converted({ logDriver: type, logOpts: opts.value });
}

/**
 * docker-py `healthcheck` (`docker.types.Healthcheck`): `test` (a string runs in a shell, `["CMD-SHELL", s]`; a list
 * is taken as is), `interval`, `timeout`, `start_period`, `start_interval` in nanoseconds, `retries`; the Engine's
 * spelling (`Test`, `Interval`, `StartPeriod`, ...) works too.
 */
export function parseHealthcheck(value: unknown): Converted<HealthcheckValue> {
  const names = [
    ["test", "Test"],
    ["interval", "Interval"],
    ["timeout", "Timeout"],
    ["retries", "Retries"],
    ["start_period", "StartPeriod"],
    ["start_interval", "StartInterval"],
  ];
  if (!isPlainObject(value) || unknownKeys(value, names.flat()).length > 0) {
    return conversionFailed(`must be {test, interval, timeout, retries, start_period}, not ${describeValue(value)}.`);
  }
  const c = new Collector();
  const out: HealthcheckValue = {};
  const test = field(value, "test", "Test");
  if (test !== undefined) {
    if (typeof test === "string") out.tests = ["CMD-SHELL", test];
    else {
      const t = c.take(toTextList(test), ".test");
      if (t) out.tests = t;
    }
  }
  const durations: [string, string, "interval" | "timeout" | "startPeriod" | "startInterval"][] = [
    ["interval", "Interval", "interval"],
    ["timeout", "Timeout", "timeout"],
    ["start_period", "StartPeriod", "startPeriod"],
    ["start_interval", "StartInterval", "startInterval"],
  ];
  for (const [snake, camel, target] of durations) {
    const v = field(value, snake, camel);
    if (v === undefined) continue;
    const d = c.take(nanosToDuration(v), `.${snake}`);
    if (d !== undefined) out[target] = d;
  }
  const retries = field(value, "retries", "Retries");
  if (retries !== undefined) {
    const r = c.take(toCount(retries), ".retries");
    if (r !== undefined) out.retries = r;
  }
  return c.finish(out);
}

/**
 * docker-py `device_requests` (or the Engine's `DeviceRequests`): `{Driver, Count, DeviceIDs, Capabilities, Options}`
 * maps. docker-py's `Capabilities` is a list of alternatives (`[["gpu", "utility"]]`); the provider takes one set, so
 * more than one alternative is an issue.
 */
export function parseDeviceRequests(value: unknown): Converted<DeviceRequestValue[]> {
  if (!Array.isArray(value)) return conversionFailed(`must be a list of {Driver, Count, DeviceIDs, Capabilities}, not ${describeValue(value)}.`);
  const c = new Collector();
  const out: DeviceRequestValue[] = [];
  value.forEach((item, i) => {
    const path = `[${i}]`;
    const keys = ["Driver", "Count", "DeviceIDs", "Capabilities", "Options", "driver", "count", "device_ids", "capabilities", "options"];
    if (!isPlainObject(item) || unknownKeys(item, keys).length > 0) {
      c.add(`must be {Driver, Count, DeviceIDs, Capabilities, Options}, not ${describeValue(item)}.`, path);
      return;
    }
    const req: DeviceRequestValue = {};
    const driver = field(item, "Driver", "driver");
    if (driver !== undefined) {
      const d = c.take(toText(driver), `${path}.Driver`);
      if (d !== undefined) req.driver = d;
    }
    const count = field(item, "Count", "count");
    if (count !== undefined) {
      const n = c.take(toInteger(count, -1), `${path}.Count`);
      if (n !== undefined) req.count = n;
    }
    const ids = field(item, "DeviceIDs", "device_ids");
    if (ids !== undefined) {
      const d = c.take(toTextList(ids), `${path}.DeviceIDs`);
      if (d) req.deviceIds = d;
    }
    const caps = field(item, "Capabilities", "capabilities");
    if (caps !== undefined) {
      const alternatives = Array.isArray(caps) && caps.every((a) => Array.isArray(a)) ? caps : [caps];
      if (alternatives.length > 1) {
        c.add(`lists ${alternatives.length} alternative capability sets; the provider takes one set, so keep one.`, `${path}.Capabilities`);
      } else if (alternatives.length === 1) {
        const set = c.take(toTextList(alternatives[0]), `${path}.Capabilities`);
        if (set) req.capabilities = set;
      }
    }
    const options = field(item, "Options", "options");
    if (options !== undefined) {
      const o = c.take(toTextMap(options), `${path}.Options`);
      if (o) req.options = o;
    }
    out.push(req);
  });
  return c.finish(out);
}

/**
 * docker-py `networking_config` (`create_networking_config`): `{EndpointsConfig: {network: EndpointConfig}}` with
 * `Aliases`, `IPAMConfig{IPv4Address, IPv6Address, LinkLocalIPs}`, `DriverOpts` and `MacAddress`, as
 * `networksAdvanced`. Endpoint `Links` have no provider equivalent and are an issue.
 */
export function parseNetworkingConfig(value: unknown): Converted<NetworkValue[]> {
  if (!isPlainObject(value) || unknownKeys(value, ["EndpointsConfig"]).length > 0 || !isPlainObject(value.EndpointsConfig)) {
    return conversionFailed(`must be {EndpointsConfig: {network-name: {Aliases, IPAMConfig, ...}}}, not ${describeValue(value)}.`);
  }
  const c = new Collector();
  const out: NetworkValue[] = [];
  for (const [name, cfg] of Object.entries(value.EndpointsConfig)) {
    const path = `.EndpointsConfig.${name}`;
    const net: NetworkValue = { name };
    if (cfg === null || cfg === undefined) {
      out.push(net);
      continue;
    }
    if (!isPlainObject(cfg)) {
      c.add(`must be an endpoint config map, not ${describeValue(cfg)}.`, path);
      continue;
    }
    const extra = unknownKeys(cfg, ["Aliases", "IPAMConfig", "DriverOpts", "MacAddress", "Links"]);
    if (extra.length > 0) c.add(`has keys the provider cannot take: ${extra.join(", ")}.`, path);
    if (cfg.Links !== undefined && cfg.Links !== null) {
      c.add(
        "sets Links, legacy links the provider does not support; containers on the same user-defined network reach each other by name and Aliases.",
        `${path}.Links`,
      );
    }
    if (cfg.Aliases !== undefined) {
      const a = c.take(toTextList(cfg.Aliases), `${path}.Aliases`);
      if (a) net.aliases = a;
    }
    if (cfg.IPAMConfig !== undefined && cfg.IPAMConfig !== null) {
      const ipam = cfg.IPAMConfig;
      if (!isPlainObject(ipam) || unknownKeys(ipam, ["IPv4Address", "IPv6Address", "LinkLocalIPs"]).length > 0) {
        c.add(`must be {IPv4Address, IPv6Address, LinkLocalIPs}, not ${describeValue(ipam)}.`, `${path}.IPAMConfig`);
      } else {
        if (ipam.IPv4Address !== undefined) {
          const v = c.take(toText(ipam.IPv4Address), `${path}.IPAMConfig.IPv4Address`);
          if (v !== undefined) net.ipv4Address = v;
        }
        if (ipam.IPv6Address !== undefined) {
          const v = c.take(toText(ipam.IPv6Address), `${path}.IPAMConfig.IPv6Address`);
          if (v !== undefined) net.ipv6Address = v;
        }
        if (ipam.LinkLocalIPs !== undefined) {
          const v = c.take(toTextList(ipam.LinkLocalIPs), `${path}.IPAMConfig.LinkLocalIPs`);
          if (v) net.linkLocalIps = v;
        }
      }
    }
    if (cfg.DriverOpts !== undefined) {
      const o = c.take(toTextMap(cfg.DriverOpts), `${path}.DriverOpts`);
      if (o) net.driverOpts = Object.entries(o).map(([k, v]) => `${k}=${v}`);
    }
    if (cfg.MacAddress !== undefined) {
      const m = c.take(toText(cfg.MacAddress), `${path}.MacAddress`);
      if (m !== undefined) net.macAddress = m;
    }
    out.push(net);
  }
  return c.finish(out);
}
