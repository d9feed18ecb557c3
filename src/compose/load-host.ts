/**
 * Reads a service's host settings (privileged, devices, memory and CPU limits, ulimits, namespaces, ...) into
 * {@link ComposeHostSettings}. Only the keys the target maps are read; the others were warned about by the key check.
 */
import type { ComposeDevice, ComposeDeviceRequest, ComposeHostSettings, ComposeThrottle, ComposeUlimit } from "./model";
import { isMap, type Path, type Raw, shown, type TypedReader } from "./typed";

/** An empty set of host settings. */
export function noHostSettings(): ComposeHostSettings {
  return {
    devices: [],
    deviceCgroupRules: [],
    ulimits: [],
    tmpfs: [],
    securityOpt: [],
    storageOpt: {},
    volumesFrom: [],
    deviceRequests: [],
    blkio: { readBps: [], writeBps: [], readIops: [], writeIops: [] },
  };
}

/** `ulimits`: name → a number (both limits) or `{soft, hard}`. */
export function readUlimits(t: TypedReader, v: Raw, path: Path): ComposeUlimit[] {
  const m = t.mapAt(v, path);
  if (!m) return [];
  const out: ComposeUlimit[] = [];
  for (const [name, raw] of Object.entries(m)) {
    const p = [...path, name];
    if (isMap(raw)) {
      t.only(raw, p, ["soft", "hard"]);
      const soft = t.int(raw["soft"], [...p, "soft"], -1);
      const hard = t.int(raw["hard"], [...p, "hard"], -1);
      if (soft === undefined || hard === undefined) {
        if (raw["soft"] === undefined || raw["hard"] === undefined) t.error(p, "a ulimit mapping needs both `soft` and `hard`");
        continue;
      }
      if (hard !== -1 && soft > hard) t.error(p, `the soft limit ${soft} is over the hard limit ${hard}`);
      out.push({ name, soft, hard });
    } else {
      const n = t.int(raw, p, -1);
      if (n !== undefined) out.push({ name, soft: n, hard: n });
    }
  }
  return out;
}

function devices(t: TypedReader, v: Raw, path: Path): ComposeDevice[] {
  const out: ComposeDevice[] = [];
  t.listAt(v, path).forEach((item, i) => {
    const p = [...path, i];
    if (isMap(item)) {
      t.only(item, p, ["source", "target", "permissions"]);
      const hostPath = t.str(item["source"], [...p, "source"]);
      if (hostPath === undefined) {
        t.error(p, "a device needs `source`");
        return;
      }
      out.push({ hostPath, containerPath: t.str(item["target"], [...p, "target"]) ?? hostPath, permissions: t.str(item["permissions"], [...p, "permissions"]) ?? "rwm" });
      return;
    }
    const s = t.str(item, p);
    if (s === undefined) return;
    const parts = s.split(":");
    if (parts.length > 3 || parts.some((x) => x === "") || !parts[0]!.startsWith("/")) {
      t.error(p, `${shown(s)} is not a device; write HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]], e.g. "/dev/ttyUSB0:/dev/ttyUSB0:rwm"`);
      return;
    }
    const permissions = parts[2] ?? "rwm";
    if (!/^[rwm]{1,3}$/.test(permissions)) {
      t.error(p, `${shown(permissions)} is not cgroup permissions; use a combination of r, w and m`);
      return;
    }
    out.push({ hostPath: parts[0]!, containerPath: parts[1] ?? parts[0]!, permissions });
  });
  return out;
}

/** A device request (`gpus` entries, `deploy.resources.reservations.devices`). */
export function readDeviceRequest(t: TypedReader, item: Raw, p: Path, defaultCapability?: string): ComposeDeviceRequest | undefined {
  const m = t.mapAt(item, p);
  if (!m) return undefined;
  t.only(m, p, ["driver", "count", "device_ids", "capabilities", "options"]);
  const r: ComposeDeviceRequest = { capabilities: t.strings(m["capabilities"], [...p, "capabilities"]) };
  if (r.capabilities.length === 0 && defaultCapability) r.capabilities = [defaultCapability];
  if (r.capabilities.length === 0) t.error(p, "a device request needs `capabilities`, e.g. [gpu]");
  const driver = t.str(m["driver"], [...p, "driver"]);
  if (driver !== undefined) r.driver = driver;
  const countRaw = m["count"];
  if (countRaw === "all") r.count = -1;
  else if (countRaw !== undefined) {
    const n = t.int(countRaw, [...p, "count"], 1);
    if (n !== undefined) r.count = n;
  }
  const ids = t.strings(m["device_ids"], [...p, "device_ids"]);
  if (ids.length > 0) r.deviceIds = ids;
  if (r.count !== undefined && r.deviceIds) t.error(p, "set `count` or `device_ids`, not both");
  const options = t.dict(m["options"], [...p, "options"], "empty");
  if (Object.keys(options).length > 0) r.options = Object.fromEntries(Object.entries(options).map(([k, x]) => [k, t.resolveAt(x, [...p, "options", k])]));
  return r;
}

function throttles(t: TypedReader, v: Raw, path: Path, bytes: boolean): ComposeThrottle[] {
  const out: ComposeThrottle[] = [];
  t.listAt(v, path).forEach((item, i) => {
    const p = [...path, i];
    const m = t.mapAt(item, p);
    if (!m) return;
    t.only(m, p, ["path", "rate"]);
    const dev = t.str(m["path"], [...p, "path"]);
    const rate = bytes ? t.bytes(m["rate"], [...p, "rate"]) : t.int(m["rate"], [...p, "rate"]);
    if (dev === undefined || rate === undefined) {
      if (dev === undefined) t.error(p, "a throttle needs `path` and `rate`");
      return;
    }
    out.push({ path: dev, rate });
  });
  return out;
}

/** The host settings of a service; `get` gives a key's value when the target maps it. */
export function readHostSettings(t: TypedReader, get: (key: string) => Raw, at: (key: string) => Path): ComposeHostSettings {
  const h = noHostSettings();
  const set = <K extends keyof ComposeHostSettings>(k: K, v: ComposeHostSettings[K] | undefined) => {
    if (v !== undefined) h[k] = v;
  };
  set("privileged", t.bool(get("privileged"), at("privileged")));
  h.devices = devices(t, get("devices"), at("devices"));
  h.deviceCgroupRules = t.strings(get("device_cgroup_rules"), at("device_cgroup_rules"));
  set("memLimit", t.bytes(get("mem_limit"), at("mem_limit")));
  set("memswapLimit", t.bytes(get("memswap_limit"), at("memswap_limit"), true));
  set("memReservation", t.bytes(get("mem_reservation"), at("mem_reservation")));
  set("shmSize", t.bytes(get("shm_size"), at("shm_size")));
  set("nanoCpus", t.cpus(get("cpus"), at("cpus")));
  set("cpuShares", t.int(get("cpu_shares"), at("cpu_shares")));
  set("cpuPeriod", t.int(get("cpu_period"), at("cpu_period")));
  set("cpuQuota", t.int(get("cpu_quota"), at("cpu_quota"), -1));
  set("cpuset", t.str(get("cpuset"), at("cpuset")));
  h.ulimits = readUlimits(t, get("ulimits"), at("ulimits"));
  set("pid", t.str(get("pid"), at("pid")));
  set("ipc", t.str(get("ipc"), at("ipc")));
  h.tmpfs = t.strings(get("tmpfs"), at("tmpfs"));
  h.securityOpt = t.strings(get("security_opt"), at("security_opt"));
  set("cgroupParent", t.str(get("cgroup_parent"), at("cgroup_parent")));
  set("cgroup", t.oneOf(get("cgroup"), at("cgroup"), ["host", "private"]));
  h.storageOpt = Object.fromEntries(Object.entries(t.dict(get("storage_opt"), at("storage_opt"), "empty")).map(([k, v]) => [k, t.resolveAt(v, [...at("storage_opt"), k])]));
  set("networkMode", t.str(get("network_mode"), at("network_mode")));
  set("macAddress", t.str(get("mac_address"), at("mac_address")));
  set("runtime", t.str(get("runtime"), at("runtime")));
  set("tty", t.bool(get("tty"), at("tty")));
  set("stdinOpen", t.bool(get("stdin_open"), at("stdin_open")));
  set("domainname", t.text(get("domainname"), at("domainname")));
  set("usernsMode", t.str(get("userns_mode"), at("userns_mode")));
  h.volumesFrom = t.strings(get("volumes_from"), at("volumes_from"));
  set("platform", t.str(get("platform"), at("platform")));
  const gpus = get("gpus");
  if (gpus === "all") h.deviceRequests.push({ count: -1, capabilities: ["gpu"] });
  else if (gpus !== undefined) {
    t.listAt(gpus, at("gpus")).forEach((item, i) => {
      const r = readDeviceRequest(t, item, [...at("gpus"), i], "gpu");
      if (r) h.deviceRequests.push(r);
    });
  }
  const blkio = t.mapAt(get("blkio_config"), at("blkio_config"));
  if (blkio) {
    const p = at("blkio_config");
    const why = "the provider's docker.Container has no block I/O weight";
    t.only(blkio, p, ["device_read_bps", "device_write_bps", "device_read_iops", "device_write_iops"], { weight: why, weight_device: why });
    h.blkio = {
      readBps: throttles(t, blkio["device_read_bps"], [...p, "device_read_bps"], true),
      writeBps: throttles(t, blkio["device_write_bps"], [...p, "device_write_bps"], true),
      readIops: throttles(t, blkio["device_read_iops"], [...p, "device_read_iops"], false),
      writeIops: throttles(t, blkio["device_write_iops"], [...p, "device_write_iops"], false),
    };
  }
  if (h.memswapLimit !== undefined && h.memswapLimit !== -1 && h.memLimit !== undefined && h.memswapLimit < h.memLimit) {
    t.error(at("memswap_limit"), "must be at least mem_limit (it counts memory and swap together), or -1 for unlimited swap");
  }
  return h;
}
