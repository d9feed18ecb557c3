/**
 * Test helpers for comparing Berth's reading of a Compose file with Docker's own (`docker stack deploy`):
 * `serviceSpecFromInputs` turns the recorded inputs of a `docker.Service` into the Engine API ServiceSpec the provider
 * sends for them, and `normalizeSpec` puts any ServiceSpec (Berth's or one read back from the engine) into one
 * comparable form: ids replaced by names, lists in a fixed order, and the values the engine fills in when a field is
 * absent written out, on both sides alike.
 */
import type { RecordedValue } from "../../src/resources/recorder";

/** A JSON object. */
export type Json = { [key: string]: unknown };

function obj(v: RecordedValue | unknown): Json | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
}
function list(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : [];
}
/** Go duration text ("1m30s") as nanoseconds, as the provider parses it. */
export function goDuration(text: unknown): number | undefined {
  if (typeof text !== "string") return undefined;
  const units: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g)) total += Number(m[1]) * units[m[2]!]!;
  return Math.round(total);
}
function labels(v: unknown): Record<string, string> | undefined {
  const l = list(v);
  if (l.length === 0) return undefined;
  return Object.fromEntries(l.map((x) => [String(x["label"]), String(x["value"])]));
}
function set(target: Json, key: string, value: unknown): void {
  if (value !== undefined && value !== null) target[key] = value;
}

/**
 * The Engine API ServiceSpec for recorded `docker.Service` inputs, as the provider (kreuzwerker's docker_service)
 * builds it. `networkName` turns a network id input into the network's engine name.
 */
export function serviceSpecFromInputs(inputs: Record<string, RecordedValue>, networkName: (id: string) => string): Json {
  const spec: Json = {};
  set(spec, "Name", inputs["name"]);
  set(spec, "Labels", labels(inputs["labels"]));
  const task = obj(inputs["taskSpec"])!;
  const cs = obj(task["containerSpec"])!;
  const c: Json = {};
  set(c, "Image", cs["image"]);
  set(c, "Labels", labels(cs["labels"]));
  set(c, "Command", cs["commands"]);
  set(c, "Args", cs["args"]);
  set(c, "Hostname", cs["hostname"]);
  const env = obj(cs["env"]);
  if (env) c["Env"] = Object.entries(env).map(([k, v]) => `${k}=${String(v)}`);
  set(c, "Dir", cs["dir"]);
  set(c, "User", cs["user"]);
  set(c, "Groups", cs["groups"]);
  set(c, "Init", cs["init"]);
  set(c, "StopSignal", cs["stopSignal"]);
  set(c, "ReadOnly", cs["readOnly"]);
  set(c, "StopGracePeriod", goDuration(cs["stopGracePeriod"]));
  set(c, "Sysctls", cs["sysctl"]);
  set(c, "CapabilityAdd", cs["capAdds"]);
  set(c, "CapabilityDrop", cs["capDrops"]);
  if (cs["mounts"]) {
    c["Mounts"] = list(cs["mounts"]).map((m) => {
      const out: Json = { Type: m["type"], Target: m["target"] };
      set(out, "Source", m["source"]);
      set(out, "ReadOnly", m["readOnly"]);
      const bind = obj(m["bindOptions"]);
      if (bind) out["BindOptions"] = { Propagation: bind["propagation"] };
      const vol = obj(m["volumeOptions"]);
      if (vol) {
        const vo: Json = {};
        set(vo, "NoCopy", vol["noCopy"]);
        set(vo, "Labels", labels(vol["labels"]));
        if (vol["driverName"] !== undefined) {
          const dc: Json = { Name: vol["driverName"] };
          set(dc, "Options", vol["driverOptions"]);
          vo["DriverConfig"] = dc;
        }
        out["VolumeOptions"] = vo;
      }
      const tmpfs = obj(m["tmpfsOptions"]);
      if (tmpfs) {
        const to: Json = {};
        set(to, "SizeBytes", tmpfs["sizeBytes"]);
        set(to, "Mode", tmpfs["mode"]);
        out["TmpfsOptions"] = to;
      }
      return out;
    });
  }
  const hc = obj(cs["healthcheck"]);
  if (hc) {
    const h: Json = {};
    set(h, "Test", hc["tests"]);
    set(h, "Interval", goDuration(hc["interval"]));
    set(h, "Timeout", goDuration(hc["timeout"]));
    set(h, "StartPeriod", goDuration(hc["startPeriod"]));
    set(h, "Retries", hc["retries"]);
    c["Healthcheck"] = h;
  }
  // The provider writes extra hosts as "host:ip" (extraHostsSetToDockerExtraHosts).
  if (cs["hosts"]) c["Hosts"] = list(cs["hosts"]).map((h) => `${String(h["host"])}:${String(h["ip"])}`);
  const dns = obj(cs["dnsConfig"]);
  if (dns) {
    const d: Json = {};
    set(d, "Nameservers", dns["nameservers"]);
    set(d, "Search", dns["searches"]);
    set(d, "Options", dns["options"]);
    c["DNSConfig"] = d;
  }
  for (const [key, idKey, nameKey] of [
    ["secrets", "SecretID", "SecretName"],
    ["configs", "ConfigID", "ConfigName"],
  ] as const) {
    if (!cs[key]) continue;
    c[key === "secrets" ? "Secrets" : "Configs"] = list(cs[key]).map((s) => ({
      File: { Name: s["fileName"], UID: s["fileUid"], GID: s["fileGid"], Mode: s["fileMode"] },
      [idKey]: s[key === "secrets" ? "secretId" : "configId"],
      [nameKey]: s[key === "secrets" ? "secretName" : "configName"],
    }));
  }
  const t: Json = { ContainerSpec: c };
  const resources = obj(task["resources"]);
  if (resources) {
    const r: Json = {};
    const lim = obj(resources["limits"]);
    if (lim) r["Limits"] = { NanoCPUs: lim["nanoCpus"], MemoryBytes: lim["memoryBytes"] };
    const res = obj(resources["reservation"]);
    if (res) r["Reservations"] = { NanoCPUs: res["nanoCpus"], MemoryBytes: res["memoryBytes"] };
    t["Resources"] = r;
  }
  const rp = obj(task["restartPolicy"]);
  if (rp) {
    const r: Json = {};
    set(r, "Condition", rp["condition"]);
    set(r, "Delay", goDuration(rp["delay"]));
    set(r, "MaxAttempts", rp["maxAttempts"]);
    set(r, "Window", goDuration(rp["window"]));
    t["RestartPolicy"] = r;
  }
  const pl = obj(task["placement"]);
  if (pl) {
    const p: Json = {};
    set(p, "Constraints", pl["constraints"]);
    if (pl["prefs"]) {
      p["Preferences"] = (pl["prefs"] as string[]).map((x) => ({ Spread: { SpreadDescriptor: x.replace(/^spread=/, "") } }));
    }
    set(p, "MaxReplicas", pl["maxReplicas"]);
    t["Placement"] = p;
  }
  if (task["networksAdvanceds"]) {
    t["Networks"] = list(task["networksAdvanceds"]).map((n) => ({ Target: networkName(String(n["id"])), Aliases: n["aliases"] }));
  }
  const log = obj(task["logDriver"]);
  if (log) {
    const l: Json = { Name: log["name"] };
    set(l, "Options", log["options"]);
    t["LogDriver"] = l;
  }
  spec["TaskTemplate"] = t;
  const mode = obj(inputs["mode"]);
  if (mode?.["global"] === true) spec["Mode"] = { Global: {} };
  else spec["Mode"] = { Replicated: { Replicas: obj(mode?.["replicated"])?.["replicas"] } };
  for (const [input, field] of [
    ["updateConfig", "UpdateConfig"],
    ["rollbackConfig", "RollbackConfig"],
  ] as const) {
    const u = obj(inputs[input]);
    if (!u) continue;
    const o: Json = {};
    set(o, "Parallelism", u["parallelism"]);
    set(o, "Delay", goDuration(u["delay"]));
    set(o, "FailureAction", u["failureAction"]);
    set(o, "Monitor", goDuration(u["monitor"]));
    if (u["maxFailureRatio"] !== undefined) o["MaxFailureRatio"] = Number(u["maxFailureRatio"]);
    set(o, "Order", u["order"]);
    spec[field] = o;
  }
  const ep = obj(inputs["endpointSpec"]);
  if (ep) {
    const e: Json = {};
    set(e, "Mode", ep["mode"]);
    if (ep["ports"]) {
      e["Ports"] = list(ep["ports"]).map((p) => {
        const out: Json = { Protocol: p["protocol"], TargetPort: p["targetPort"] };
        set(out, "PublishedPort", p["publishedPort"]);
        set(out, "PublishMode", p["publishMode"]);
        set(out, "Name", p["name"]);
        return out;
      });
    }
    spec["EndpointSpec"] = e;
  }
  return spec;
}

const UPDATE_DEFAULTS = { Parallelism: 1, FailureAction: "pause", Monitor: 5e9, MaxFailureRatio: 0, Order: "stop-first" };

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "object" && Object.keys(v as object).length === 0);
}

/**
 * One comparable form of a ServiceSpec: network targets as names (`networkName` maps ids), secret and config ids
 * dropped (their names are compared), env, hosts, networks and secret and config references sorted, hosts as "ip host", and the engine's values
 * for absent fields filled in (stop grace period 10s, restart any/5s, update and rollback pause/5s/stop-first,
 * endpoint mode vip, one replica); empty objects and engine-only bookkeeping (ForceUpdate 0, Runtime container,
 * default Privileges and Isolation) dropped.
 */
export function normalizeSpec(spec: Json, networkName: (id: string) => string): Json {
  const s = structuredClone(spec);
  const t = obj(s["TaskTemplate"])!;
  const c = obj(t["ContainerSpec"])!;
  const priv = obj(c["Privileges"]);
  if (priv && priv["CredentialSpec"] == null && priv["SELinuxContext"] == null && !priv["NoNewPrivileges"]) delete c["Privileges"];
  if (c["Isolation"] === "default") delete c["Isolation"];
  if (c["StopGracePeriod"] === undefined) c["StopGracePeriod"] = 10e9;
  if (isEmpty(c["DNSConfig"])) delete c["DNSConfig"];
  if (Array.isArray(c["Env"])) c["Env"] = [...(c["Env"] as string[])].sort();
  if (Array.isArray(c["Hosts"])) {
    c["Hosts"] = (c["Hosts"] as string[])
      .map((h) => {
        const fields = h.trim().split(/\s+/);
        if (fields.length > 1) return fields.join(" ");
        const colon = h.indexOf(":");
        return `${h.slice(colon + 1)} ${h.slice(0, colon)}`;
      })
      .sort();
  }
  for (const key of ["Secrets", "Configs"]) {
    if (!Array.isArray(c[key])) continue;
    // The engine keeps no meaningful order here (one secret mounted at two targets came back in either order), so
    // the references are compared as a set: sorted by their whole content.
    c[key] = (c[key] as Json[])
      .map((x) => {
        const { SecretID: _s, ConfigID: _c, ...rest } = x;
        return rest;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (t["ForceUpdate"] === 0) delete t["ForceUpdate"];
  if (t["Runtime"] === "container") delete t["Runtime"];
  if (isEmpty(t["Resources"])) delete t["Resources"];
  if (isEmpty(t["Placement"])) delete t["Placement"];
  t["RestartPolicy"] = { Condition: "any", Delay: 5e9, MaxAttempts: 0, ...obj(t["RestartPolicy"]) };
  if (Array.isArray(t["Networks"])) {
    t["Networks"] = (t["Networks"] as Json[])
      .map((n) => ({ ...n, Target: networkName(String(n["Target"])) }))
      .sort((a, b) => String(a["Target"]).localeCompare(String(b["Target"])));
  }
  const mode = obj(s["Mode"]);
  const replicated = obj(mode?.["Replicated"]);
  if (replicated && replicated["Replicas"] === undefined) replicated["Replicas"] = 1;
  for (const key of ["UpdateConfig", "RollbackConfig"]) {
    const u: Json = { ...UPDATE_DEFAULTS, ...obj(s[key]) };
    if (u["Delay"] === 0) delete u["Delay"];
    s[key] = u;
  }
  const ep: Json = { Mode: "vip", ...obj(s["EndpointSpec"]) };
  if (Array.isArray(ep["Ports"])) ep["Ports"] = (ep["Ports"] as Json[]).map((p) => ({ PublishMode: "ingress", ...p }));
  s["EndpointSpec"] = ep;
  return s;
}
