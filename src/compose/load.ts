/**
 * Loads a Compose file into the neutral model: YAML, variable interpolation, env files, the short and long syntaxes,
 * and the coverage table. Every key is accounted for: mapped, warned about (with file:line) or refused. Pure: the
 * file system is reached only through `readFile`.
 */
import * as yaml from "js-yaml";
import { type ComposeTarget, coverageOf } from "./coverage";
import { parseEnvFile } from "./env-file";
import { interpolate } from "./interpolate";
import type {
  ComposeDependency,
  ComposeDeploy,
  ComposeFileObject,
  ComposeFileRef,
  ComposeHealthcheck,
  ComposeModel,
  ComposeMount,
  ComposeNetwork,
  ComposePort,
  ComposeResources,
  ComposeService,
  ComposeServiceNetwork,
  ComposeUpdateConfig,
  ComposeVolume,
} from "./model";
import { type ParsedYaml, parseYaml } from "../yaml/parse";
import { parseShortPort, parseShortVolume, resolvePath, shellWords } from "./syntax";
import { parseBytes, parseCpus, parseDuration } from "./units";

/** One finding about a Compose file. */
export interface ComposeDiagnostic {
  severity: "warning" | "error";
  /** `file:line:column`. */
  where: string;
  /** The key's path, e.g. `services.web.build`. */
  key: string;
  message: string;
}

/** How to load a Compose file. */
export interface LoadComposeOptions {
  /** Which target the coverage table is read for. */
  target: ComposeTarget;
  /** The file's path, for messages; relative paths in the file are resolved against its folder. */
  fileName: string;
  /** Variables for `${VAR}` interpolation and bare `environment` names. */
  env: Readonly<Record<string, string | undefined>>;
  /** Reads a file (env files, config and secret files); throws when it is missing. */
  readFile: (path: string) => string;
  /** Turn warnings into errors. @default false */
  strict?: boolean;
  /** The home folder for `~` in paths. @default "/root" */
  home?: string;
}

/** The model (undefined when there were errors) and every diagnostic, in file order. */
export interface LoadedCompose {
  model?: ComposeModel;
  diagnostics: ComposeDiagnostic[];
}

type Raw = unknown;
type Path = (string | number)[];

/**
 * YAML as Compose files are written: the YAML 1.2 core types, plus YAML 1.1 octal integers (`mode: 0440` is 288, as
 * the Docker CLI reads it) and merge keys (`<<: *anchor`).
 */
// js-yaml exports its built-in types as `types` at run time; @types/js-yaml does not declare them.
const builtin = (yaml as unknown as { types: Record<"null" | "bool" | "int" | "float" | "merge", yaml.Type> }).types;
const COMPOSE_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    builtin.null,
    builtin.bool,
    new yaml.Type("tag:berth,2026:octal-int", {
      kind: "scalar",
      resolve: (data: string) => /^[-+]?0[0-7]+$/.test(data),
      construct: (data: string) => Number.parseInt(data, 8),
    }),
    builtin.int,
    builtin.float,
    builtin.merge,
  ],
});

function isMap(v: Raw): v is Record<string, Raw> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Loads Compose text. Never throws for bad input: problems come back as diagnostics. */
export function loadCompose(text: string, options: LoadComposeOptions): LoadedCompose {
  return new Loader(text, options).load();
}

class Loader {
  private readonly diagnostics: ComposeDiagnostic[] = [];
  /** The same text through the shared positioned-YAML parser, for file:line:column of every key and item. */
  private readonly positions: ParsedYaml;
  private readonly baseDir: string;
  private readonly home: string;

  constructor(
    text: string,
    private readonly options: LoadComposeOptions,
  ) {
    this.positions = parseYaml(text, options.fileName, { schema: COMPOSE_SCHEMA });
    const slash = options.fileName.lastIndexOf("/");
    this.baseDir = slash > 0 ? options.fileName.slice(0, slash) : slash === 0 ? "/" : ".";
    this.home = options.home ?? "/root";
  }

  private where(path: Path): string {
    const p = this.positions.locateKey(path);
    return `${this.options.fileName}:${p.line}:${p.col}`;
  }

  private error(path: Path, message: string): void {
    this.diagnostics.push({ severity: "error", where: this.where(path), key: path.join("."), message });
  }

  private warn(path: Path, message: string): void {
    const severity = this.options.strict ? "error" : "warning";
    const suffix = this.options.strict ? " (an error because of strict mode)" : "";
    this.diagnostics.push({ severity, where: this.where(path), key: path.join("."), message: message + suffix });
  }

  load(): LoadedCompose {
    // One parse gives both the value and the positions of every key and item.
    const syntax = this.positions.problems[0];
    if (syntax) {
      this.diagnostics.push({ severity: "error", where: `${syntax.file}:${syntax.line}:${syntax.col}`, key: "", message: syntax.message });
      return { diagnostics: this.diagnostics };
    }
    const doc = this.positions.value as Raw;
    if (!isMap(doc)) {
      this.error([], "a Compose file must be a mapping with a `services` key");
      return { diagnostics: this.diagnostics };
    }
    const root = this.interpolateAll(doc, []) as Record<string, Raw>;
    const usable = this.checkKeys(root, []);
    const top = (k: string): Raw => (usable.has(k) ? root[k] : undefined);
    const networks = this.networks(top("networks"));
    const volumes = this.volumes(top("volumes"));
    const configs = this.fileObjects(top("configs"), "configs");
    const secrets = this.fileObjects(top("secrets"), "secrets");
    const services: ComposeService[] = [];
    const rawServices = root["services"];
    if (!isMap(rawServices) || Object.keys(rawServices).length === 0) {
      this.error(["services"], "`services` must be a mapping with at least one service");
    } else {
      for (const [name, raw] of Object.entries(rawServices)) {
        const s = this.service(name, raw, { networks, volumes, configs, secrets });
        if (s) services.push(s);
      }
    }
    // The implicit `default` network, when a service uses it without the file declaring it.
    if (services.some((s) => s.networks.some((n) => n.name === "default")) && !networks.some((n) => n.key === "default")) {
      networks.unshift({ key: "default", external: false, driverOpts: {}, labels: {} });
    }
    for (const s of services) {
      for (const d of s.dependsOn) {
        if (!services.some((o) => o.name === d.service)) {
          this.error(["services", s.name, "depends_on"], `depends on "${d.service}", which is not a service of this file`);
        }
      }
    }
    const model: ComposeModel = { services, networks, volumes, configs, secrets };
    if (typeof root["name"] === "string") model.name = root["name"];
    const failed = this.diagnostics.some((d) => d.severity === "error");
    return failed ? { diagnostics: this.diagnostics } : { model, diagnostics: this.diagnostics };
  }

  /** Interpolates every string scalar (not keys); `x-` extension fields are left as written. */
  private interpolateAll(value: Raw, path: Path): Raw {
    if (typeof value === "string") {
      const r = interpolate(value, this.options.env);
      for (const e of r.errors) this.error(path, e);
      return r.value;
    }
    if (Array.isArray(value)) return value.map((v, i) => this.interpolateAll(v, [...path, i]));
    if (isMap(value)) {
      const out: Record<string, Raw> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = k.startsWith("x-") ? v : this.interpolateAll(v, [...path, k]);
      }
      return out;
    }
    return value;
  }

  /** Checks the keys of a mapping against the coverage table: unknown and refused keys are errors, warned keys warnings. */
  private checkKeys(map: Record<string, Raw>, path: string[]): Set<string> {
    const usable = new Set<string>();
    for (const key of Object.keys(map)) {
      const full = [...path, key];
      if (key.startsWith("x-")) continue;
      const row = coverageOf(full);
      if (!row) {
        this.error(full, `"${key}" is not a Compose key Berth knows; check the spelling against the Compose Specification`);
        continue;
      }
      const support = row[this.options.target];
      if (support === "supported") usable.add(key);
      else if (support === "warned") this.warn(full, `"${key}" is left out on ${this.options.target}: ${row.note}`);
      else this.error(full, `"${key}" is refused: ${row.note}`);
    }
    return usable;
  }

  // ---- small typed readers; each reports a wrong shape with the path ----

  private str(v: Raw, path: Path): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    this.error(path, "must be a string");
    return undefined;
  }

  private bool(v: Raw, path: Path): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    this.error(path, "must be true or false");
    return undefined;
  }

  private int(v: Raw, path: Path): number | undefined {
    if (v === undefined || v === null) return undefined;
    const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n === "number" && Number.isInteger(n) && n >= 0) return n;
    this.error(path, "must be a whole number");
    return undefined;
  }

  private duration(v: Raw, path: Path): number | undefined {
    if (v === undefined || v === null) return undefined;
    const d = typeof v === "string" || typeof v === "number" ? parseDuration(v) : undefined;
    if (d === undefined) this.error(path, `"${String(v)}" is not a duration; write e.g. "10s", "1m30s" or "500ms"`);
    return d;
  }

  private strings(v: Raw, path: Path): string[] {
    if (v === undefined || v === null) return [];
    if (typeof v === "string") return [v];
    if (Array.isArray(v)) return v.map((x, i) => this.str(x, [...path, i]) ?? "");
    this.error(path, "must be a string or a list of strings");
    return [];
  }

  /** A `KEY=VALUE` list or a mapping, as a map. `bare` decides what a list item without `=` means. */
  private dict(v: Raw, path: Path, bare: "env" | "empty"): Record<string, string> {
    const out: Record<string, string> = {};
    if (v === undefined || v === null) return out;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        const s = this.str(item, [...path, i]);
        if (s === undefined) return;
        const eq = s.indexOf("=");
        if (eq >= 0) out[s.slice(0, eq)] = s.slice(eq + 1);
        else if (bare === "empty") out[s] = "";
        else if (this.options.env[s] !== undefined) out[s] = this.options.env[s]!;
      });
      return out;
    }
    if (isMap(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (x === null || x === undefined) {
          if (bare === "empty") out[k] = "";
          else if (this.options.env[k] !== undefined) out[k] = this.options.env[k]!;
        } else {
          const s = this.str(x, [...path, k]);
          if (s !== undefined) out[k] = s;
        }
      }
      return out;
    }
    this.error(path, "must be a list of KEY=VALUE strings or a mapping");
    return out;
  }

  /** Rejects keys of a nested mapping outside `known`; `warned` keys are warned about instead. */
  private only(map: Record<string, Raw>, path: Path, known: string[], warned: Record<string, string> = {}): void {
    for (const k of Object.keys(map)) {
      if (known.includes(k)) continue;
      if (k in warned) this.warn([...path, k], `"${k}" is left out on ${this.options.target}: ${warned[k]}`);
      else this.error([...path, k], `"${k}" is not a key here; the keys are: ${[...known, ...Object.keys(warned)].join(", ")}`);
    }
  }

  private mapAt(v: Raw, path: Path): Record<string, Raw> | undefined {
    if (v === undefined || v === null) return undefined;
    if (isMap(v)) return v;
    this.error(path, "must be a mapping");
    return undefined;
  }

  private readText(file: string, path: Path, what: string): string | undefined {
    const full = resolvePath(file, this.baseDir, this.home);
    try {
      return this.options.readFile(full);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      this.error(path, `cannot read the ${what} ${full}: ${why}`);
      return undefined;
    }
  }

  // ---- top-level objects ----

  private entries(v: Raw, key: string): [string, Record<string, Raw>][] {
    const map = this.mapAt(v, [key]);
    if (!map) return [];
    return Object.entries(map).map(([k, x]) => {
      if (x === null || x === undefined) return [k, {}];
      if (isMap(x)) return [k, x];
      this.error([key, k], "must be a mapping (or empty)");
      return [k, {}];
    });
  }

  private networks(v: Raw): ComposeNetwork[] {
    return this.entries(v, "networks").map(([key, raw]) => {
      this.checkKeys(raw, ["networks", key]);
      const path = ["networks", key];
      const n: ComposeNetwork = {
        key,
        external: this.external(raw["external"], [...path, "external"]),
        driverOpts: this.dict(raw["driver_opts"], [...path, "driver_opts"], "empty"),
        labels: this.dict(raw["labels"], [...path, "labels"], "empty"),
      };
      const name = this.str(raw["name"], [...path, "name"]);
      if (name !== undefined) n.name = name;
      const driver = this.str(raw["driver"], [...path, "driver"]);
      if (driver !== undefined) n.driver = driver;
      const attachable = this.bool(raw["attachable"], [...path, "attachable"]);
      if (attachable !== undefined) n.attachable = attachable;
      const internal = this.bool(raw["internal"], [...path, "internal"]);
      if (internal !== undefined) n.internal = internal;
      return n;
    });
  }

  private external(v: Raw, path: Path): boolean {
    if (isMap(v)) {
      this.error(path, "the `external: {name: ...}` form is obsolete; write `external: true` and `name:`");
      return true;
    }
    return this.bool(v, path) ?? false;
  }

  private volumes(v: Raw): ComposeVolume[] {
    return this.entries(v, "volumes").map(([key, raw]) => {
      this.checkKeys(raw, ["volumes", key]);
      const path = ["volumes", key];
      const vol: ComposeVolume = {
        key,
        external: this.external(raw["external"], [...path, "external"]),
        driverOpts: this.dict(raw["driver_opts"], [...path, "driver_opts"], "empty"),
        labels: this.dict(raw["labels"], [...path, "labels"], "empty"),
      };
      const name = this.str(raw["name"], [...path, "name"]);
      if (name !== undefined) vol.name = name;
      const driver = this.str(raw["driver"], [...path, "driver"]);
      if (driver !== undefined) vol.driver = driver;
      return vol;
    });
  }

  private fileObjects(v: Raw, kind: "configs" | "secrets"): ComposeFileObject[] {
    const out: ComposeFileObject[] = [];
    for (const [key, raw] of this.entries(v, kind)) {
      const usable = this.checkKeys(raw, [kind, key]);
      const path = [kind, key];
      const sources = ["file", "content", "environment"].filter((k) => raw[k] !== undefined && usable.has(k));
      if (raw["external"] !== undefined) continue;
      if (sources.length !== 1) {
        this.error(path, `${kind} "${key}" needs exactly one of file, ${kind === "configs" ? "content, " : ""}environment`);
        continue;
      }
      const source = sources[0]!;
      let content: string | undefined;
      let origin = source;
      if (source === "file") {
        const file = this.str(raw["file"], [...path, "file"]);
        if (file !== undefined) content = this.readText(file, [...path, "file"], "file");
        origin = `file ${file}`;
      } else if (source === "content") {
        content = this.str(raw["content"], [...path, "content"]);
      } else {
        const variable = this.str(raw["environment"], [...path, "environment"]) ?? "";
        content = this.options.env[variable];
        origin = `environment ${variable}`;
        if (content === undefined) this.error([...path, "environment"], `the variable ${variable} is not set`);
      }
      if (content === undefined) continue;
      const obj: ComposeFileObject = { key, content, origin, labels: this.dict(raw["labels"], [...path, "labels"], "empty") };
      const name = this.str(raw["name"], [...path, "name"]);
      if (name !== undefined) obj.name = name;
      out.push(obj);
    }
    return out;
  }

  // ---- services ----

  private service(
    name: string,
    raw: Raw,
    top: { networks: ComposeNetwork[]; volumes: ComposeVolume[]; configs: ComposeFileObject[]; secrets: ComposeFileObject[] },
  ): ComposeService | undefined {
    const path = ["services", name];
    if (!isMap(raw)) {
      this.error(path, "a service must be a mapping");
      return undefined;
    }
    const usable = this.checkKeys(raw, path);
    const get = (k: string): Raw => (usable.has(k) ? raw[k] : undefined);
    const at = (k: string): Path => [...path, k];
    const image = this.str(raw["image"], at("image"));
    if (image === undefined) {
      this.error(path, `service "${name}" has no image; Berth never builds images, so set \`image\``);
    }
    const s: ComposeService = {
      name,
      image: image ?? "",
      environment: {},
      ports: [],
      mounts: [],
      networks: [],
      deploy: { mode: "replicated", constraints: [], preferences: [], labels: {} },
      configs: [],
      secrets: [],
      labels: this.dict(get("labels"), at("labels"), "empty"),
      capAdd: this.strings(get("cap_add"), at("cap_add")),
      capDrop: this.strings(get("cap_drop"), at("cap_drop")),
      extraHosts: this.extraHosts(get("extra_hosts"), at("extra_hosts")),
      dns: this.strings(get("dns"), at("dns")),
      dnsSearch: this.strings(get("dns_search"), at("dns_search")),
      dnsOptions: this.strings(get("dns_opt"), at("dns_opt")),
      sysctls: this.dict(get("sysctls"), at("sysctls"), "empty"),
      groups: this.strings(get("group_add"), at("group_add")),
      dependsOn: this.dependsOn(get("depends_on"), at("depends_on")),
    };
    const command = this.argv(get("command"), at("command"));
    if (command) s.command = command;
    const entrypoint = this.argv(get("entrypoint"), at("entrypoint"));
    if (entrypoint) s.entrypoint = entrypoint;
    s.environment = { ...this.envFiles(get("env_file"), at("env_file")), ...this.dict(get("environment"), at("environment"), "env") };
    s.ports = this.ports(get("ports"), at("ports"));
    s.mounts = this.mounts(get("volumes"), at("volumes"), top.volumes);
    s.networks = this.serviceNetworks(get("networks"), at("networks"), top.networks);
    const deploy = this.mapAt(get("deploy"), at("deploy"));
    if (deploy) s.deploy = this.deploy(deploy, [...path, "deploy"]);
    const hc = this.mapAt(get("healthcheck"), at("healthcheck"));
    if (hc) s.healthcheck = this.healthcheck(hc, at("healthcheck"));
    s.configs = this.refs(get("configs"), at("configs"), top.configs, "configs");
    s.secrets = this.refs(get("secrets"), at("secrets"), top.secrets, "secrets");
    const strs: [keyof ComposeService & string, string][] = [
      ["workingDir", "working_dir"],
      ["user", "user"],
      ["hostname", "hostname"],
      ["stopSignal", "stop_signal"],
      ["restart", "restart"],
      ["containerName", "container_name"],
    ];
    const record = s as unknown as Record<string, unknown>;
    for (const [field, key] of strs) {
      const v = this.str(get(key), at(key));
      if (v !== undefined) record[field] = v;
    }
    if (s.restart !== undefined && !/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(s.restart)) {
      this.error(at("restart"), `"${s.restart}" is not a restart policy; use no, always, unless-stopped or on-failure[:N]`);
    }
    const grace = this.duration(get("stop_grace_period"), at("stop_grace_period"));
    if (grace !== undefined) s.stopGracePeriod = grace;
    const readOnly = this.bool(get("read_only"), at("read_only"));
    if (readOnly !== undefined) s.readOnly = readOnly;
    const init = this.bool(get("init"), at("init"));
    if (init !== undefined) s.init = init;
    const logging = this.mapAt(get("logging"), at("logging"));
    if (logging) {
      this.only(logging, at("logging"), ["driver", "options"]);
      s.logging = {
        driver: this.str(logging["driver"], [...path, "logging", "driver"]) ?? "json-file",
        options: this.dict(logging["options"], [...path, "logging", "options"], "empty"),
      };
    }
    if (s.networks.length === 0 && get("networks") === undefined) s.networks = [{ name: "default", aliases: [] }];
    return s;
  }

  private argv(v: Raw, path: Path): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") {
      const r = shellWords(v);
      if (r.error) this.error(path, `${r.error} in "${v}"`);
      return r.words;
    }
    return this.strings(v, path);
  }

  private extraHosts(v: Raw, path: Path): { host: string; ip: string }[] {
    const pairs = Array.isArray(v)
      ? v.map((x, i) => {
          const s = this.str(x, [...path, i]) ?? "";
          const m = /^([^:=]+)[:=](.+)$/.exec(s);
          if (!m) this.error([...path, i], `"${s}" is not HOST:IP or HOST=IP`);
          return m ? { host: m[1]!, ip: m[2]! } : undefined;
        })
      : Object.entries(this.dict(v, path, "empty")).map(([host, ip]) => ({ host, ip }));
    return pairs.filter((p): p is { host: string; ip: string } => p !== undefined);
  }

  private dependsOn(v: Raw, path: Path): ComposeDependency[] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) {
      return this.strings(v, path).map((service) => ({ service, condition: "service_started", required: true }));
    }
    const map = this.mapAt(v, path) ?? {};
    return Object.entries(map).map(([service, raw]) => {
      const p = [...path, service];
      const m = this.mapAt(raw, p) ?? {};
      this.only(m, p, ["condition", "required", "restart"]);
      const condition = this.str(m["condition"], [...p, "condition"]) ?? "service_started";
      if (!["service_started", "service_healthy", "service_completed_successfully"].includes(condition)) {
        this.error([...p, "condition"], `"${condition}" is not service_started, service_healthy or service_completed_successfully`);
      }
      return { service, condition, required: this.bool(m["required"], [...p, "required"]) ?? true };
    });
  }

  private envFiles(v: Raw, path: Path): Record<string, string> {
    if (v === undefined || v === null) return {};
    const items = Array.isArray(v) ? v : [v];
    let out: Record<string, string> = {};
    items.forEach((item, i) => {
      const p = Array.isArray(v) ? [...path, i] : path;
      let file: string | undefined;
      let required = true;
      if (isMap(item)) {
        this.only(item, p, ["path", "required", "format"]);
        file = this.str(item["path"], [...p, "path"]);
        required = this.bool(item["required"], [...p, "required"]) ?? true;
      } else {
        file = this.str(item, p);
      }
      if (file === undefined) return;
      const full = resolvePath(file, this.baseDir, this.home);
      let text: string;
      try {
        text = this.options.readFile(full);
      } catch (err) {
        if (required) this.error(p, `cannot read the env file ${full}: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      const parsed = parseEnvFile(text, this.options.env);
      for (const problem of parsed.problems) this.error(p, `${full}:${problem.line}: ${problem.message}`);
      out = { ...out, ...parsed.values };
    });
    return out;
  }

  private ports(v: Raw, path: Path): ComposePort[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.error(path, "must be a list");
      return [];
    }
    const out: ComposePort[] = [];
    v.forEach((item, i) => {
      const p = [...path, i];
      if (typeof item === "string" || typeof item === "number") {
        const r = parseShortPort(String(item));
        if (r.error) this.error(p, r.error);
        // A range is one entry in the file: one warning for it.
        r.ports.forEach((port, k) => {
          out.push(this.checkPort(port, p, k === 0));
        });
        return;
      }
      const m = this.mapAt(item, p);
      if (!m) return;
      this.only(m, p, ["target", "published", "protocol", "mode", "host_ip", "name"], { app_protocol: "informational only" });
      const target = this.int(m["target"], [...p, "target"]);
      if (target === undefined) {
        this.error(p, "a long-syntax port needs `target`");
        return;
      }
      const port: ComposePort = { target, protocol: (this.str(m["protocol"], [...p, "protocol"]) ?? "tcp").toLowerCase() };
      const published = this.str(m["published"], [...p, "published"]);
      if (published !== undefined) {
        if (!/^\d+$/.test(published)) this.error([...p, "published"], `"${published}" must be one port number here`);
        else port.published = Number(published);
      }
      const mode = this.str(m["mode"], [...p, "mode"]);
      if (mode !== undefined) {
        if (mode !== "ingress" && mode !== "host") this.error([...p, "mode"], `"${mode}" is not ingress or host`);
        port.mode = mode;
      }
      const hostIp = this.str(m["host_ip"], [...p, "host_ip"]);
      if (hostIp !== undefined) port.hostIp = hostIp;
      const name = this.str(m["name"], [...p, "name"]);
      if (name !== undefined) port.name = name;
      out.push(this.checkPort(port, p));
    });
    return out;
  }

  private checkPort(port: ComposePort, path: Path, report = true): ComposePort {
    if (port.hostIp !== undefined && this.options.target === "swarm") {
      if (report) this.warn(path, `the host address ${port.hostIp} is left out on swarm: the routing mesh publishes on every node`);
      const { hostIp: _dropped, ...rest } = port;
      return rest;
    }
    return port;
  }

  private mounts(v: Raw, path: Path, volumes: ComposeVolume[]): ComposeMount[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.error(path, "must be a list");
      return [];
    }
    const out: ComposeMount[] = [];
    v.forEach((item, i) => {
      const p = [...path, i];
      let mount: ComposeMount | undefined;
      if (typeof item === "string") {
        const r = parseShortVolume(item, this.baseDir, this.home);
        if (r.error) this.error(p, r.error);
        mount = r.mount;
      } else {
        mount = this.longMount(item, p);
      }
      if (!mount) return;
      if (mount.type === "volume" && mount.source !== undefined && !volumes.some((x) => x.key === mount.source)) {
        this.error(p, `the volume "${mount.source}" is not declared under the top-level \`volumes\``);
        return;
      }
      out.push(mount);
    });
    return out;
  }

  private longMount(item: Raw, p: Path): ComposeMount | undefined {
    const m = this.mapAt(item, p);
    if (!m) return undefined;
    this.only(m, p, ["type", "source", "target", "read_only", "bind", "volume", "tmpfs"], {
      consistency: "a Docker Desktop setting",
    });
    const type = this.str(m["type"], [...p, "type"]);
    const target = this.str(m["target"], [...p, "target"]);
    if (type !== "volume" && type !== "bind" && type !== "tmpfs") {
      this.error([...p, "type"], `"${type ?? ""}" is not volume, bind or tmpfs`);
      return undefined;
    }
    if (target === undefined || !target.startsWith("/")) {
      this.error([...p, "target"], "a mount needs an absolute `target`");
      return undefined;
    }
    const mount: ComposeMount = { type, target, readOnly: this.bool(m["read_only"], [...p, "read_only"]) ?? false };
    const source = this.str(m["source"], [...p, "source"]);
    if (source !== undefined) mount.source = type === "bind" ? resolvePath(source, this.baseDir, this.home) : source;
    if (type === "bind" && source === undefined) this.error(p, "a bind mount needs `source`");
    const bind = this.mapAt(m["bind"], [...p, "bind"]);
    if (bind) {
      this.only(bind, [...p, "bind"], ["propagation"], { create_host_path: "the host path must exist", selinux: "not mapped" });
      const prop = this.str(bind["propagation"], [...p, "bind", "propagation"]);
      if (prop !== undefined) mount.propagation = prop;
    }
    const volume = this.mapAt(m["volume"], [...p, "volume"]);
    if (volume) {
      this.only(volume, [...p, "volume"], ["nocopy"], { subpath: "not mapped" });
      const nocopy = this.bool(volume["nocopy"], [...p, "volume", "nocopy"]);
      if (nocopy !== undefined) mount.noCopy = nocopy;
    }
    const tmpfs = this.mapAt(m["tmpfs"], [...p, "tmpfs"]);
    if (tmpfs) {
      this.only(tmpfs, [...p, "tmpfs"], ["size", "mode"]);
      const size = tmpfs["size"];
      if (size !== undefined) {
        const bytes = typeof size === "string" || typeof size === "number" ? parseBytes(size) : undefined;
        if (bytes === undefined) this.error([...p, "tmpfs", "size"], `"${String(size)}" is not a size; write e.g. "64m"`);
        else mount.tmpfsSize = bytes;
      }
      const mode = this.int(tmpfs["mode"], [...p, "tmpfs", "mode"]);
      if (mode !== undefined) mount.tmpfsMode = mode;
    }
    return mount;
  }

  private serviceNetworks(v: Raw, path: Path, networks: ComposeNetwork[]): ComposeServiceNetwork[] {
    if (v === undefined || v === null) return [];
    const known = (name: string, p: Path): boolean => {
      if (name === "default" || networks.some((n) => n.key === name)) return true;
      this.error(p, `the network "${name}" is not declared under the top-level \`networks\``);
      return false;
    };
    if (Array.isArray(v)) {
      return this.strings(v, path)
        .filter((name, i) => known(name, [...path, i]))
        .map((name) => ({ name, aliases: [] }));
    }
    const map = this.mapAt(v, path) ?? {};
    return Object.entries(map)
      .filter(([name]) => known(name, [...path, name]))
      .map(([name, raw]) => {
        const p = [...path, name];
        const m = this.mapAt(raw, p) ?? {};
        this.only(m, p, ["aliases"], {
          ipv4_address: "static addresses are not mapped",
          ipv6_address: "static addresses are not mapped",
          link_local_ips: "not mapped",
          mac_address: "not mapped",
          driver_opts: "not mapped",
          gw_priority: "not mapped",
          priority: "not mapped",
        });
        return { name, aliases: this.strings(m["aliases"], [...p, "aliases"]) };
      });
  }

  private deploy(m: Record<string, Raw>, path: Path): ComposeDeploy {
    const usable = this.checkKeys(m, path.map(String));
    const get = (k: string): Raw => (usable.has(k) ? m[k] : undefined);
    const at = (...k: string[]): Path => [...path, ...k];
    const d: ComposeDeploy = {
      mode: this.str(get("mode"), at("mode")) ?? "replicated",
      constraints: [],
      preferences: [],
      labels: this.dict(get("labels"), at("labels"), "empty"),
    };
    if (d.mode !== "replicated" && d.mode !== "global") {
      this.error(at("mode"), `"${d.mode}" is not replicated or global`);
    }
    const replicas = this.int(get("replicas"), at("replicas"));
    if (replicas !== undefined) {
      if (d.mode === "global") this.error(at("replicas"), "replicas cannot be set with mode: global");
      d.replicas = replicas;
    }
    const endpoint = this.str(get("endpoint_mode"), at("endpoint_mode"));
    if (endpoint !== undefined) {
      if (endpoint !== "vip" && endpoint !== "dnsrr") this.error(at("endpoint_mode"), `"${endpoint}" is not vip or dnsrr`);
      d.endpointMode = endpoint;
    }
    const resources = this.mapAt(get("resources"), at("resources"));
    if (resources) {
      this.only(resources, at("resources"), ["limits", "reservations"]);
      const limits = this.resources(resources["limits"], at("resources", "limits"));
      if (limits) d.limits = limits;
      const reservations = this.resources(resources["reservations"], at("resources", "reservations"));
      if (reservations) d.reservations = reservations;
    }
    const restart = this.mapAt(get("restart_policy"), at("restart_policy"));
    if (restart) {
      this.only(restart, at("restart_policy"), ["condition", "delay", "max_attempts", "window"]);
      const rp: NonNullable<ComposeDeploy["restartPolicy"]> = {};
      const condition = this.str(restart["condition"], at("restart_policy", "condition"));
      if (condition !== undefined) {
        if (!["none", "on-failure", "any"].includes(condition)) {
          this.error(at("restart_policy", "condition"), `"${condition}" is not none, on-failure or any`);
        }
        rp.condition = condition;
      }
      const delay = this.duration(restart["delay"], at("restart_policy", "delay"));
      if (delay !== undefined) rp.delay = delay;
      const attempts = this.int(restart["max_attempts"], at("restart_policy", "max_attempts"));
      if (attempts !== undefined) rp.maxAttempts = attempts;
      const window = this.duration(restart["window"], at("restart_policy", "window"));
      if (window !== undefined) rp.window = window;
      d.restartPolicy = rp;
    }
    const update = this.updateConfig(get("update_config"), at("update_config"));
    if (update) d.updateConfig = update;
    const rollback = this.updateConfig(get("rollback_config"), at("rollback_config"));
    if (rollback) d.rollbackConfig = rollback;
    const placement = this.mapAt(get("placement"), at("placement"));
    if (placement) {
      this.only(placement, at("placement"), ["constraints", "preferences", "max_replicas_per_node"]);
      d.constraints = this.strings(placement["constraints"], at("placement", "constraints"));
      const prefs = placement["preferences"];
      if (Array.isArray(prefs)) {
        prefs.forEach((p, i) => {
          const pm = this.mapAt(p, [...at("placement", "preferences"), i]) ?? {};
          this.only(pm, [...at("placement", "preferences"), i], ["spread"]);
          const spread = this.str(pm["spread"], [...at("placement", "preferences"), i, "spread"]);
          if (spread !== undefined) d.preferences.push(spread);
        });
      } else if (prefs !== undefined) {
        this.error(at("placement", "preferences"), "must be a list of {spread: LABEL}");
      }
      const max = this.int(placement["max_replicas_per_node"], at("placement", "max_replicas_per_node"));
      if (max !== undefined) d.maxReplicasPerNode = max;
    }
    return d;
  }

  private resources(v: Raw, path: Path): ComposeResources | undefined {
    const m = this.mapAt(v, path);
    if (!m) return undefined;
    this.only(m, path, ["cpus", "memory"], {
      pids: "a Swarm service spec in API 1.41 has no pids limit",
      devices: "device reservations are not mapped",
      generic_resources: "generic resources are not mapped",
    });
    const r: ComposeResources = {};
    const cpus = m["cpus"];
    if (cpus !== undefined) {
      const n = typeof cpus === "string" || typeof cpus === "number" ? parseCpus(cpus) : undefined;
      if (n === undefined) this.error([...path, "cpus"], `"${String(cpus)}" is not a CPU count; write e.g. "0.5"`);
      else r.nanoCpus = n;
    }
    const memory = m["memory"];
    if (memory !== undefined) {
      const n = typeof memory === "string" || typeof memory === "number" ? parseBytes(memory) : undefined;
      if (n === undefined) this.error([...path, "memory"], `"${String(memory)}" is not a size; write e.g. "512M"`);
      else r.memoryBytes = n;
    }
    return r;
  }

  private updateConfig(v: Raw, path: Path): ComposeUpdateConfig | undefined {
    const m = this.mapAt(v, path);
    if (!m) return undefined;
    this.only(m, path, ["parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order"]);
    const u: ComposeUpdateConfig = {};
    const parallelism = this.int(m["parallelism"], [...path, "parallelism"]);
    if (parallelism !== undefined) u.parallelism = parallelism;
    const delay = this.duration(m["delay"], [...path, "delay"]);
    if (delay !== undefined) u.delay = delay;
    const action = this.str(m["failure_action"], [...path, "failure_action"]);
    if (action !== undefined) {
      if (!["pause", "continue", "rollback"].includes(action)) {
        this.error([...path, "failure_action"], `"${action}" is not pause, continue or rollback`);
      }
      u.failureAction = action;
    }
    const monitor = this.duration(m["monitor"], [...path, "monitor"]);
    if (monitor !== undefined) u.monitor = monitor;
    const ratio = m["max_failure_ratio"];
    if (ratio !== undefined) {
      const n = Number(ratio);
      if (!Number.isFinite(n) || n < 0 || n > 1) this.error([...path, "max_failure_ratio"], "must be a number from 0 to 1");
      else u.maxFailureRatio = n;
    }
    const order = this.str(m["order"], [...path, "order"]);
    if (order !== undefined) {
      if (order !== "stop-first" && order !== "start-first") this.error([...path, "order"], `"${order}" is not stop-first or start-first`);
      u.order = order;
    }
    return u;
  }

  private healthcheck(m: Record<string, Raw>, path: Path): ComposeHealthcheck {
    this.only(m, path, ["test", "interval", "timeout", "retries", "start_period", "disable"], {
      start_interval: "API 1.41 has no start interval",
    });
    if (this.bool(m["disable"], [...path, "disable"]) === true) return { test: ["NONE"] };
    const h: ComposeHealthcheck = {};
    const test = m["test"];
    if (typeof test === "string") h.test = ["CMD-SHELL", test];
    else if (test !== undefined) h.test = this.strings(test, [...path, "test"]);
    if (h.test && !["CMD", "CMD-SHELL", "NONE"].includes(h.test[0] ?? "")) {
      this.error([...path, "test"], 'a test list must start with "CMD", "CMD-SHELL" or "NONE"');
    }
    const interval = this.duration(m["interval"], [...path, "interval"]);
    if (interval !== undefined) h.interval = interval;
    const timeout = this.duration(m["timeout"], [...path, "timeout"]);
    if (timeout !== undefined) h.timeout = timeout;
    const retries = this.int(m["retries"], [...path, "retries"]);
    if (retries !== undefined) h.retries = retries;
    const start = this.duration(m["start_period"], [...path, "start_period"]);
    if (start !== undefined) h.startPeriod = start;
    return h;
  }

  private refs(v: Raw, path: Path, declared: ComposeFileObject[], kind: "configs" | "secrets"): ComposeFileRef[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.error(path, "must be a list");
      return [];
    }
    const out: ComposeFileRef[] = [];
    v.forEach((item, i) => {
      const p = [...path, i];
      let source: string | undefined;
      let target: string | undefined;
      const ref = { uid: "0", gid: "0", mode: 0o444 };
      if (typeof item === "string") {
        source = item;
      } else {
        const m = this.mapAt(item, p) ?? {};
        this.only(m, p, ["source", "target", "uid", "gid", "mode"]);
        source = this.str(m["source"], [...p, "source"]);
        target = this.str(m["target"], [...p, "target"]);
        ref.uid = this.str(m["uid"], [...p, "uid"]) ?? "0";
        ref.gid = this.str(m["gid"], [...p, "gid"]) ?? "0";
        const mode = m["mode"];
        if (mode !== undefined) {
          const n = typeof mode === "number" ? mode : typeof mode === "string" && /^0?[0-7]+$/.test(mode) ? Number.parseInt(mode, 8) : Number.NaN;
          if (Number.isNaN(n)) this.error([...p, "mode"], "must be a file mode, e.g. 0440");
          else ref.mode = n;
        }
      }
      if (source === undefined) {
        this.error(p, `a ${kind} entry needs \`source\``);
        return;
      }
      if (!declared.some((d) => d.key === source)) {
        this.error(p, `"${source}" is not declared under the top-level \`${kind}\``);
        return;
      }
      out.push({ source, target: target ?? source, ...ref });
    });
    return out;
  }
}
