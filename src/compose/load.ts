/**
 * Loads a Compose project into the neutral model: the files assembled as `docker compose` assembles them
 * (assemble.ts: `-f` files, `include`, `extends`, profiles, interpolation), then every key read against the target's
 * coverage table: mapped, warned about (with file:line), ignored (said once) or refused. Every value that does not
 * fit its type is an error at its file:line:column, all of them at once; the work is bounded (limits.ts). Pure: files
 * are reached only through the {@link ComposeReader}.
 */
import * as path from "node:path";
import { type AssembleOptions, type ComposeDiagnostic, type ComposeSourceFile, assembleCompose } from "./assemble";
import type { ComposeTarget } from "./coverage";
import { parseEnvFile } from "./env-file";
import { type ComposeLimits, composeLimits, count } from "./limits";
import { readBuild } from "./load-build";
import { noHostSettings, readDeviceRequest, readHostSettings } from "./load-host";
import type { VariableMarkers } from "./markers";
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
import type { TreePath } from "./origins";
import type { ComposeReader } from "./reader";
import { shellWords } from "../core/shell-words";
import { expandPorts, type PortSpec, parseShortPort, parseShortVolume, portCount } from "./syntax";
import { isMap, type Path, type Raw, shown, TypedReader } from "./typed";

export type { ComposeDiagnostic, ComposeSourceFile } from "./assemble";

/** How to load a Compose project. */
export interface LoadComposeOptions {
  /** Which target the coverage table is read for. */
  target: ComposeTarget;
  /** The Compose files (`-f`), in order, with their absolute paths. */
  files: readonly ComposeSourceFile[];
  /** The project folder: relative paths are relative to it. @default the first file's folder */
  projectDir?: string;
  /** Variables for `${VAR}` interpolation and bare `environment` names (see variables.ts for how they are gathered). */
  env: Readonly<Record<string, string | undefined>>;
  /** Reads every file the project refers to, confined to the project root. */
  reader: ComposeReader;
  /** Turn warnings into errors. @default false */
  strict?: boolean;
  /** The home folder for `~` in paths. @default "/root" */
  home?: string;
  /** The active profiles. @default none (services with `profiles` are left out) */
  profiles?: readonly string[];
  /** Bounds on the work. @default {@link DEFAULT_COMPOSE_LIMITS} */
  limits?: Partial<ComposeLimits>;
  /** Keep where interpolated variables went, for a written program (see markers.ts). @default none */
  markers?: VariableMarkers;
  /** What `${COMPOSE_PROJECT_NAME}` stands for. @default the environment's, a file's `name`, else the folder's name */
  projectName?: string;
}

/** The model (undefined when there were errors) and every diagnostic, in file order. */
export interface LoadedCompose {
  model?: ComposeModel;
  diagnostics: ComposeDiagnostic[];
  /** Every Compose file read. */
  files: string[];
  /** The markers the model's strings may hold (given in the options). */
  markers?: VariableMarkers;
}

/** Loads a Compose project. Never throws for bad input: problems come back as diagnostics. */
export function loadComposeProject(options: LoadComposeOptions): LoadedCompose {
  const limits = composeLimits(options.limits);
  const projectDir = options.projectDir ?? path.dirname(options.files[0]?.file ?? "/");
  const assembleOptions: AssembleOptions = {
    files: options.files,
    projectDir,
    env: options.env,
    reader: options.reader,
    profiles: options.profiles ?? [],
    home: options.home ?? "/root",
    limits,
    ...(options.markers ? { markers: options.markers } : {}),
    ...(options.projectName !== undefined ? { projectName: options.projectName } : {}),
  };
  const assembled = assembleCompose(assembleOptions);
  const t = new TypedReader(options.target, assembled.origins, options.strict ?? false, options.markers);
  let model: ComposeModel | undefined;
  if (assembled.doc) model = new Loader(t, options, limits, projectDir).load(assembled.doc);
  const diagnostics = [...assembled.diagnostics, ...t.diagnostics];
  const failed = diagnostics.some((d) => d.severity === "error");
  const out: LoadedCompose = { diagnostics, files: assembled.files };
  if (model && !failed) out.model = model;
  if (options.markers) out.markers = options.markers;
  return out;
}

/** Loads one Compose file's text (named `fileName`, an absolute path) as a project. */
export function loadCompose(text: string, options: Omit<LoadComposeOptions, "files"> & { fileName: string }): LoadedCompose {
  const { fileName, ...rest } = options;
  return loadComposeProject({ ...rest, files: [{ file: fileName, text }] });
}

const RESTART = /^(no|always|unless-stopped|on-failure(:\d{1,9})?)$/;

class Loader {
  private portsSeen = 0;

  constructor(
    private readonly t: TypedReader,
    private readonly options: LoadComposeOptions,
    private readonly limits: ComposeLimits,
    private readonly projectDir: string,
  ) {}

  private get target(): ComposeTarget {
    return this.options.target;
  }

  load(root: Record<string, Raw>): ComposeModel | undefined {
    const t = this.t;
    const usable = t.checkKeys(root, []);
    const top = (k: string): Raw => (usable.has(k) ? root[k] : undefined);
    const networks = this.networks(top("networks"));
    const volumes = this.volumes(top("volumes"));
    const configs = this.fileObjects(top("configs"), "configs");
    const secrets = this.fileObjects(top("secrets"), "secrets");
    const services: ComposeService[] = [];
    const rawServices = root["services"];
    if (!isMap(rawServices) || Object.keys(rawServices).length === 0) {
      t.error(["services"], "`services` must be a mapping with at least one service (after profiles are applied)");
      return undefined;
    }
    for (const [name, raw] of Object.entries(rawServices)) {
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) {
        t.error(["services", name], `${shown(name)} is not a service name Compose accepts: letters, digits, _, . and -, starting with a letter or digit`);
        continue;
      }
      const s = this.service(name, raw, { networks, volumes, configs, secrets });
      if (s) services.push(s);
    }
    // The implicit `default` network, when a service uses it without the file declaring it.
    if (services.some((s) => s.networks.some((n) => n.name === "default")) && !networks.some((n) => n.key === "default")) {
      networks.unshift({ key: "default", external: false, driverOpts: {}, labels: {} });
    }
    for (const s of services) {
      for (const d of s.dependsOn) {
        if (!services.some((o) => o.name === d.service)) {
          t.error(["services", s.name, "depends_on"], `service "${s.name}" depends on undefined service "${d.service}"`);
        }
      }
      // Settings that name another service (network_mode, ipc, pid: service:NAME; volumes_from) need it too.
      for (const [key, other] of serviceRefs(s)) {
        if (!services.some((o) => o.name === other)) t.error(["services", s.name, key], `service "${s.name}" depends on undefined service "${other}"`);
      }
    }
    this.checkBounds(services);
    const model: ComposeModel = { services, networks, volumes, configs, secrets };
    const name = t.str(top("name"), ["name"]);
    if (name !== undefined) {
      if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) t.error(["name"], `${shown(name)} is not a project name: lowercase letters, digits, - and _, starting with a letter or digit`);
      model.name = name;
    }
    const registry = root["x-berth-registry"];
    if (registry !== undefined) {
      const r = t.str(registry, ["x-berth-registry"]);
      if (r !== undefined) model.registry = r;
    }
    return model;
  }

  /** The instance and port bounds, over the whole project, with the multiplication shown. */
  private checkBounds(services: ComposeService[]): void {
    const t = this.t;
    const instances = services.map((s) => ({ s, n: this.instancesOf(s) }));
    const total = instances.reduce((a, x) => a + x.n, 0);
    if (total > this.limits.maxInstances) {
      const big = [...instances].sort((a, b) => b.n - a.n).slice(0, 3);
      const terms = big.map((x) => `${x.s.name} ${count(x.n)}`).join(" + ");
      const rest = instances.length > big.length ? ` + ${count(instances.length - big.length)} more` : "";
      const at = big[0]!.s;
      t.error(["services", at.name], `the project would run ${count(total)} ${this.target === "docker" ? "containers" : "tasks"} (${terms}${rest}), over the limit of ${count(this.limits.maxInstances)}; lower the replicas, or raise the limit with --max-instances`);
    }
    if (this.target === "docker") {
      const ports = services.reduce((a, s) => a + s.ports.length * this.instancesOf(s), 0);
      if (ports > this.limits.maxPorts && this.portsSeen <= this.limits.maxPorts) {
        t.error(["services"], `the project would publish ${count(ports)} ports (ports × containers per service), over the limit of ${count(this.limits.maxPorts)}; raise it with --max-ports`);
      }
    }
  }

  private instancesOf(s: ComposeService): number {
    if (this.target === "docker") return s.scale ?? 1;
    return s.deploy.mode === "global" ? 1 : (s.deploy.replicas ?? 1);
  }

  private readFileText(file: string, path: TreePath, what: string): string | undefined {
    const r = this.options.reader.read(file, "/");
    if (!r.ok) {
      this.t.error(path, `cannot read the ${what}: ${r.message}`);
      return undefined;
    }
    return r.text;
  }

  // ---- top-level objects ----

  private entries(v: Raw, key: string): [string, Record<string, Raw>][] {
    const map = this.t.mapAt(v, [key]);
    if (!map) return [];
    return Object.entries(map).map(([k, x]) => {
      if (x === null || x === undefined) return [k, {}];
      if (isMap(x)) return [k, x];
      this.t.error([key, k], "must be a mapping (or empty)");
      return [k, {}];
    });
  }

  private resolvedDict(v: Raw, path: TreePath): Record<string, string> {
    return Object.fromEntries(Object.entries(this.t.dict(v, path, "empty")).map(([k, x]) => [k, this.t.resolveAt(x, [...path, k])]));
  }

  private networks(v: Raw): ComposeNetwork[] {
    const t = this.t;
    return this.entries(v, "networks").map(([key, raw]) => {
      const path = ["networks", key];
      const usable = t.checkKeys(raw, path);
      const get = (k: string): Raw => (usable.has(k) ? raw[k] : undefined);
      const n: ComposeNetwork = {
        key,
        external: this.external(get("external"), [...path, "external"]),
        driverOpts: this.resolvedDict(get("driver_opts"), [...path, "driver_opts"]),
        labels: t.dict(get("labels"), [...path, "labels"], "empty"),
      };
      const name = t.str(get("name"), [...path, "name"]);
      if (name !== undefined) n.name = name;
      const driver = t.str(get("driver"), [...path, "driver"]);
      if (driver !== undefined) n.driver = driver;
      const attachable = t.bool(get("attachable"), [...path, "attachable"]);
      if (attachable !== undefined) n.attachable = attachable;
      const internal = t.bool(get("internal"), [...path, "internal"]);
      if (internal !== undefined) n.internal = internal;
      const ipv6 = t.bool(get("enable_ipv6"), [...path, "enable_ipv6"]);
      if (ipv6 !== undefined) n.enableIpv6 = ipv6;
      const ipam = t.mapAt(get("ipam"), [...path, "ipam"]);
      if (ipam) {
        const p = [...path, "ipam"];
        t.only(ipam, p, ["driver", "config", "options"]);
        const out: NonNullable<ComposeNetwork["ipam"]> = { config: [], options: this.resolvedDict(ipam["options"], [...p, "options"]) };
        const d = t.str(ipam["driver"], [...p, "driver"]);
        if (d !== undefined) out.driver = d;
        t.listAt(ipam["config"], [...p, "config"]).forEach((c, i) => {
          const cp = [...p, "config", i];
          const m = t.mapAt(c, cp);
          if (!m) return;
          t.only(m, cp, ["subnet", "ip_range", "gateway", "aux_addresses"]);
          const entry: (typeof out.config)[number] = {};
          const subnet = t.str(m["subnet"], [...cp, "subnet"]);
          if (subnet !== undefined) entry.subnet = subnet;
          const range = t.str(m["ip_range"], [...cp, "ip_range"]);
          if (range !== undefined) entry.ipRange = range;
          const gateway = t.str(m["gateway"], [...cp, "gateway"]);
          if (gateway !== undefined) entry.gateway = gateway;
          const aux = this.resolvedDict(m["aux_addresses"], [...cp, "aux_addresses"]);
          if (Object.keys(aux).length > 0) entry.auxAddresses = aux;
          out.config.push(entry);
        });
        n.ipam = out;
      }
      if (n.external && (n.driver !== undefined || n.ipam !== undefined)) t.error(path, "an external network is used as it is; remove driver and ipam, or `external`");
      else if (this.target === "swarm" && n.driver === "bridge") {
        // Swarm services can only join swarm-scoped networks: a bridge network is local to one node.
        t.warn(
          [...path, "driver"],
          `the network "${key}" has driver bridge, which swarm services cannot join (a bridge is local to one node); it is created as an overlay network instead. Write \`driver: overlay\` to say so`,
        );
        n.driver = "overlay";
      }
      return n;
    });
  }

  private external(v: Raw, path: Path): boolean {
    if (isMap(v)) {
      this.t.error(path, "the `external: {name: ...}` form is obsolete; write `external: true` and `name:`");
      return true;
    }
    return this.t.bool(v, path) ?? false;
  }

  private volumes(v: Raw): ComposeVolume[] {
    const t = this.t;
    return this.entries(v, "volumes").map(([key, raw]) => {
      const path = ["volumes", key];
      const usable = t.checkKeys(raw, path);
      const get = (k: string): Raw => (usable.has(k) ? raw[k] : undefined);
      const vol: ComposeVolume = {
        key,
        external: this.external(get("external"), [...path, "external"]),
        driverOpts: this.resolvedDict(get("driver_opts"), [...path, "driver_opts"]),
        labels: t.dict(get("labels"), [...path, "labels"], "empty"),
      };
      const name = t.str(get("name"), [...path, "name"]);
      if (name !== undefined) vol.name = name;
      const driver = t.str(get("driver"), [...path, "driver"]);
      if (driver !== undefined) vol.driver = driver;
      return vol;
    });
  }

  private fileObjects(v: Raw, kind: "configs" | "secrets"): ComposeFileObject[] {
    const t = this.t;
    const out: ComposeFileObject[] = [];
    for (const [key, raw] of this.entries(v, kind)) {
      const path = [kind, key];
      const usable = t.checkKeys(raw, path);
      if (raw["external"] !== undefined) continue;
      const sources = ["file", "content", "environment"].filter((k) => raw[k] !== undefined && usable.has(k));
      if (sources.length !== 1) {
        t.error(path, `${kind} "${key}" needs exactly one of file, ${kind === "configs" ? "content, " : ""}environment`);
        continue;
      }
      const source = sources[0]!;
      let content: string | undefined;
      let origin = source;
      const obj: Partial<ComposeFileObject> = {};
      if (source === "file") {
        const file = t.str(raw["file"], [...path, "file"]);
        if (file !== undefined) {
          content = this.readFileText(file, [...path, "file"], `${kind === "configs" ? "config" : "secret"} file`);
          obj.file = file;
        }
        origin = `file ${file}`;
      } else if (source === "content") {
        content = t.text(raw["content"], [...path, "content"]);
      } else {
        const variable = t.str(raw["environment"], [...path, "environment"]) ?? "";
        content = this.options.env[variable];
        origin = `environment ${variable}`;
        obj.environment = variable;
        if (content === undefined) t.error([...path, "environment"], `the variable ${variable} is not set`);
      }
      if (content === undefined) continue;
      const o: ComposeFileObject = { key, content, origin, labels: t.dict(usable.has("labels") ? raw["labels"] : undefined, [...path, "labels"], "empty"), ...obj };
      const name = t.str(usable.has("name") ? raw["name"] : undefined, [...path, "name"]);
      if (name !== undefined) o.name = name;
      out.push(o);
    }
    return out;
  }

  // ---- services ----

  private service(
    name: string,
    raw: Raw,
    top: { networks: ComposeNetwork[]; volumes: ComposeVolume[]; configs: ComposeFileObject[]; secrets: ComposeFileObject[] },
  ): ComposeService | undefined {
    const t = this.t;
    const path = ["services", name];
    if (!isMap(raw)) {
      t.error(path, "a service must be a mapping");
      return undefined;
    }
    const usable = t.checkKeys(raw, path);
    const get = (k: string): Raw => (usable.has(k) ? raw[k] : undefined);
    const at = (k: string): Path => [...path, k];
    const env = this.options.env;
    const s: ComposeService = {
      name,
      environment: {},
      ports: [],
      mounts: [],
      networks: [],
      deploy: { mode: "replicated", constraints: [], preferences: [], labels: {} },
      configs: [],
      secrets: [],
      labels: {},
      host: noHostSettings(),
      capAdd: t.strings(get("cap_add"), at("cap_add")),
      capDrop: t.strings(get("cap_drop"), at("cap_drop")),
      extraHosts: this.extraHosts(get("extra_hosts"), at("extra_hosts")),
      dns: t.strings(get("dns"), at("dns")),
      dnsSearch: t.strings(get("dns_search"), at("dns_search")),
      dnsOptions: t.strings(get("dns_opt"), at("dns_opt")),
      sysctls: this.resolvedDict(get("sysctls"), at("sysctls")),
      groups: t.strings(get("group_add"), at("group_add")),
      dependsOn: this.dependsOn(get("depends_on"), at("depends_on")),
    };
    const image = t.text(get("image"), at("image"));
    if (image !== undefined) {
      if (t.resolve(image).trim() === "") t.error(at("image"), "is empty; name an image, e.g. nginx:1.27");
      s.image = image;
    }
    const platform = t.str(get("platform"), at("platform"));
    const buildRaw = get("build");
    if (buildRaw !== undefined && buildRaw !== null) {
      const origin = t.fileOf(at("build"));
      const build = readBuild(t, buildRaw, at("build"), {
        reader: this.options.reader,
        defaultContext: origin ? dirnameOf(origin) : this.projectDir,
        secrets: top.secrets,
        env,
        ...(platform !== undefined ? { platform } : {}),
      });
      if (build) s.build = build;
    }
    if (image === undefined && raw["build"] === undefined) {
      t.error(path, `service "${name}" has neither an image nor a build context specified; set \`image\` (or \`build\`)`);
    }
    const command = this.argv(get("command"), at("command"));
    if (command) s.command = command;
    const entrypoint = this.argv(get("entrypoint"), at("entrypoint"));
    if (entrypoint) s.entrypoint = entrypoint;
    s.environment = { ...this.envFiles(get("env_file"), at("env_file")), ...t.dict(get("environment"), at("environment"), "env", env) };
    s.labels = { ...this.envFiles(get("label_file"), at("label_file"), "label file"), ...t.dict(get("labels"), at("labels"), "empty") };
    s.ports = this.ports(get("ports"), at("ports"));
    s.mounts = this.mounts(get("volumes"), at("volumes"), top.volumes);
    s.networks = this.serviceNetworks(get("networks"), at("networks"), top.networks);
    const deploy = t.mapAt(get("deploy"), at("deploy"));
    if (deploy) s.deploy = this.deploy(deploy, [...path, "deploy"]);
    const hc = t.mapAt(get("healthcheck"), at("healthcheck"));
    if (hc) s.healthcheck = this.healthcheck(hc, at("healthcheck"));
    s.configs = this.refs(get("configs"), at("configs"), top.configs, "configs");
    s.secrets = this.refs(get("secrets"), at("secrets"), top.secrets, "secrets");
    const texts: [keyof ComposeService & string, string][] = [
      ["workingDir", "working_dir"],
      ["user", "user"],
      ["hostname", "hostname"],
      ["containerName", "container_name"],
    ];
    const record = s as unknown as Record<string, unknown>;
    for (const [field, key] of texts) {
      const v = t.text(get(key), at(key));
      if (v !== undefined) record[field] = v;
    }
    const stopSignal = t.str(get("stop_signal"), at("stop_signal"));
    if (stopSignal !== undefined) s.stopSignal = stopSignal;
    const restart = t.str(get("restart"), at("restart"));
    if (restart !== undefined) {
      if (!RESTART.test(restart)) t.error(at("restart"), `${shown(restart)} is not a restart policy; use no, always, unless-stopped or on-failure[:N]`);
      s.restart = restart;
    }
    const grace = t.duration(get("stop_grace_period"), at("stop_grace_period"));
    if (grace !== undefined) s.stopGracePeriod = grace;
    const readOnly = t.bool(get("read_only"), at("read_only"));
    if (readOnly !== undefined) s.readOnly = readOnly;
    const init = t.bool(get("init"), at("init"));
    if (init !== undefined) s.init = init;
    const logging = t.mapAt(get("logging"), at("logging"));
    if (logging) {
      t.only(logging, at("logging"), ["driver", "options"]);
      s.logging = {
        driver: t.str(logging["driver"], [...path, "logging", "driver"]) ?? "json-file",
        options: t.dict(logging["options"], [...path, "logging", "options"], "empty"),
      };
    }
    s.host = readHostSettings(t, get, at);
    if (this.target === "docker") this.dockerService(s, get, at);
    const pull = t.str(get("pull_policy"), at("pull_policy"));
    if (pull !== undefined) {
      s.pullPolicy = pull;
      if (!["missing", "if_not_present", "build", "always", "never", "daily", "weekly"].includes(pull) && !/^every_\w+$/.test(pull)) {
        t.error(at("pull_policy"), `${shown(pull)} is not a pull policy; use missing, always, never, build, daily, weekly or every_<duration>`);
      } else if (pull === "build" && !s.build) t.error(at("pull_policy"), "is build, but the service has no `build`");
      else if (!["missing", "if_not_present", "build"].includes(pull)) t.warn(at("pull_policy"), `${shown(pull)} is left out on ${this.target}: the image is pulled when it is missing`);
    }
    if (s.networks.length === 0 && get("networks") === undefined && !s.host.networkMode) s.networks = [{ name: "default", aliases: [] }];
    if (s.host.networkMode !== undefined && get("networks") !== undefined) {
      t.error(at("network_mode"), "a service with network_mode cannot also join `networks`; keep one of them");
    }
    return s;
  }

  /** What one host adds: replicas, deploy limits as container limits, restart_policy as restart. */
  private dockerService(s: ComposeService, get: (k: string) => Raw, at: (k: string) => Path): void {
    const t = this.t;
    const scale = t.int(get("scale"), at("scale"));
    const replicas = s.deploy.replicas;
    if (scale !== undefined && replicas !== undefined && scale !== replicas) {
      t.error(at("scale"), `is ${scale}, but deploy.replicas is ${replicas}; give one of them`);
    }
    const n = s.deploy.mode === "global" ? 1 : (scale ?? replicas);
    if (n !== undefined) s.scale = n;
    if ((s.scale ?? 1) > 1 && s.containerName !== undefined) {
      t.error(at("container_name"), `names one container, but the service runs ${count(s.scale!)}; remove container_name or run one`);
    }
    const limits = s.deploy.limits;
    const res = s.deploy.reservations;
    const same = (key: string, a: number | undefined, b: number | undefined, what: string): number | undefined => {
      if (a !== undefined && b !== undefined && a !== b) t.error(at(key), `differs from deploy.resources.${what}; give one of them`);
      return a ?? b;
    };
    const cpus = same("cpus", s.host.nanoCpus, limits?.nanoCpus, "limits.cpus");
    if (cpus !== undefined) s.host.nanoCpus = cpus;
    const mem = same("mem_limit", s.host.memLimit, limits?.memoryBytes, "limits.memory");
    if (mem !== undefined) s.host.memLimit = mem;
    const memRes = same("mem_reservation", s.host.memReservation, res?.memoryBytes, "reservations.memory");
    if (memRes !== undefined) s.host.memReservation = memRes;
    if (res?.nanoCpus !== undefined) t.warn([...at("deploy"), "resources", "reservations", "cpus"], `"cpus" is left out on docker: a plain host reserves no CPU`);
    const rp = s.deploy.restartPolicy;
    if (rp && s.restart === undefined) {
      s.restart = rp.condition === "none" ? "no" : rp.condition === "on-failure" ? (rp.maxAttempts !== undefined ? `on-failure:${rp.maxAttempts}` : "on-failure") : "always";
      for (const k of ["delay", "window"] as const) {
        if (rp[k] !== undefined) t.warn([...at("deploy"), "restart_policy", k], `"${k}" is left out on docker: the engine's restart policy has no ${k}`);
      }
    } else if (rp && s.restart !== undefined) {
      t.info([...at("deploy"), "restart_policy"], `"restart_policy" is accepted and ignored on docker: the service's own restart (${s.restart}) wins, as in Compose`);
    }
    if (s.deploy.deviceRequests) s.host.deviceRequests.push(...s.deploy.deviceRequests);
  }

  private argv(v: Raw, path: Path): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") {
      const template = shellWords(v);
      if (template.error) {
        this.t.error(path, `${template.error} in ${shown(this.t.resolve(v))}`);
        return template.words;
      }
      if (!this.t.marked(v)) return template.words;
      // With variables: the words of the value must be the template's words with each variable filled in, or the
      // written program would split differently than Compose does; then the value is written as it is.
      const resolved = shellWords(this.t.resolve(v)).words;
      const filled = template.words.map((w) => this.t.resolve(w));
      if (filled.length === resolved.length && filled.every((w, i) => w === resolved[i])) return template.words;
      return resolved;
    }
    return this.t.texts(v, path);
  }

  private extraHosts(v: Raw, path: Path): { host: string; ip: string }[] {
    const t = this.t;
    if (v === undefined || v === null) return [];
    if (isMap(v)) {
      return Object.entries(v).flatMap(([host, ip]) => (Array.isArray(ip) ? ip : [ip]).map((x) => ({ host, ip: t.str(x, [...path, host]) ?? "" })));
    }
    const out: { host: string; ip: string }[] = [];
    t.listAt(v, path).forEach((x, i) => {
      const s = t.str(x, [...path, i]) ?? "";
      const m = /^([^:=]+)[:=](.+)$/.exec(s);
      if (!m) t.error([...path, i], `${shown(s)} is not HOST:IP or HOST=IP`);
      else out.push({ host: m[1]!, ip: m[2]! });
    });
    return out;
  }

  private dependsOn(v: Raw, path: Path): ComposeDependency[] {
    const t = this.t;
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) {
      return t.strings(v, path).map((service) => ({ service, condition: "service_started", required: true }));
    }
    const map = t.mapAt(v, path) ?? {};
    return Object.entries(map).map(([service, raw]) => {
      const p = [...path, service];
      const m = t.mapAt(raw, p) ?? {};
      t.only(m, p, ["condition", "required"], { restart: "Berth does not restart dependants when a dependency is replaced" });
      const condition = t.oneOf(m["condition"], [...p, "condition"], ["service_started", "service_healthy", "service_completed_successfully"]) ?? "service_started";
      return { service, condition, required: t.bool(m["required"], [...p, "required"]) ?? true };
    });
  }

  /** `env_file` (or `label_file`): the variables of each file, in order, later files winning. */
  private envFiles(v: Raw, path: Path, what = "env file"): Record<string, string> {
    const t = this.t;
    if (v === undefined || v === null) return {};
    const items = Array.isArray(v) ? v : [v];
    let out: Record<string, string> = {};
    items.forEach((item, i) => {
      const p = Array.isArray(v) ? [...path, i] : path;
      let file: string | undefined;
      let required = true;
      if (isMap(item)) {
        t.only(item, p, ["path", "required", "format"]);
        file = t.str(item["path"], [...p, "path"]);
        required = t.bool(item["required"], [...p, "required"]) ?? true;
        const format = t.str(item["format"], [...p, "format"]);
        if (format !== undefined && format !== "raw") t.error([...p, "format"], `${shown(format)} is not an env file format; the only one is raw`);
        if (format === "raw") t.error([...p, "format"], "raw env files (no interpolation or quotes) are not read by Berth yet; remove `format`");
      } else {
        file = t.str(item, p);
      }
      if (file === undefined) return;
      const r = this.options.reader.read(file, "/");
      if (!r.ok) {
        if (required || r.reason !== "not-found") t.error(p, `cannot read the ${what}: ${r.message}`);
        return;
      }
      const markers = this.t.markers;
      const parsed = parseEnvFile(r.text, this.options.env, markers ? { marker: (n) => markers.mark(n) } : {});
      for (const problem of parsed.problems) t.error(p, `the ${what} ${JSON.stringify(file)}, line ${problem.line}, ${problem.message}`);
      if (parsed.unset.length > 0) {
        t.warn(p, `the ${what} ${JSON.stringify(file)} names ${parsed.unset.length === 1 ? "a variable" : `${parsed.unset.length} variables`} without a value that ${parsed.unset.length === 1 ? "is" : "are"} not set in the environment, so ${parsed.unset.length === 1 ? "it is" : "they are"} left out (as Compose leaves them out)`);
      }
      out = { ...out, ...parsed.values, ...parsed.templates };
    });
    return out;
  }

  private ports(v: Raw, path: Path): ComposePort[] {
    const t = this.t;
    const out: ComposePort[] = [];
    const items = t.listAt(v, path);
    // Count first: a range is expanded only once the project's ports are known to be within the bound.
    const specs: { spec: PortSpec; p: Path }[] = [];
    items.forEach((item, i) => {
      const p = [...path, i];
      if (typeof item === "string" || typeof item === "number") {
        const r = parseShortPort(t.resolveAt(String(item), p));
        if (r.error) t.error(p, r.error);
        if (r.spec) specs.push({ spec: r.spec, p });
      }
    });
    const ranged = specs.reduce((a, x) => a + portCount(x.spec), 0);
    const before = this.portsSeen;
    this.portsSeen += ranged + (items.length - specs.length);
    if (this.portsSeen > this.limits.maxPorts) {
      if (before <= this.limits.maxPorts) {
        const widest = [...specs].sort((a, b) => portCount(b.spec) - portCount(a.spec))[0];
        const detail = widest ? `; the widest entry, ${shown(items[widest.p[widest.p.length - 1] as number])}, alone is ${count(portCount(widest.spec))}` : "";
        t.error(path, `${items.length === 1 ? "this entry expands" : `these ${count(items.length)} entries expand`} to ${count(ranged)} ports, which takes the project to ${count(this.portsSeen)} ports, over the limit of ${count(this.limits.maxPorts)}${detail}; raise it with --max-ports`);
      }
      return [];
    }
    let k = 0;
    items.forEach((item, i) => {
      const p = [...path, i];
      if (typeof item === "string" || typeof item === "number") {
        const spec = specs[k]?.p[specs[k]!.p.length - 1] === i ? specs[k++]!.spec : undefined;
        if (!spec) return;
        expandPorts(spec).forEach((port, n) => {
          out.push(this.checkPort(port, p, n === 0));
        });
        return;
      }
      const m = t.mapAt(item, p);
      if (!m) return;
      t.only(m, p, ["target", "published", "protocol", "mode", "host_ip", "name"], {}, { app_protocol: "informational only" });
      const target = t.int(m["target"], [...p, "target"], 0, 65535);
      if (target === undefined) {
        if (m["target"] === undefined) t.error(p, "a long-syntax port needs `target`");
        return;
      }
      const port: ComposePort = { target, protocol: (t.oneOf(m["protocol"], [...p, "protocol"], ["tcp", "udp", "sctp"]) ?? "tcp").toLowerCase() };
      const published = t.str(m["published"], [...p, "published"]);
      if (published !== undefined) {
        if (!/^\d{1,5}$/.test(published) || Number(published) > 65535) t.error([...p, "published"], `${shown(published)} must be one port number from 0 to 65535 here`);
        else port.published = Number(published);
      }
      const mode = t.oneOf(m["mode"], [...p, "mode"], ["ingress", "host"]);
      if (mode !== undefined) port.mode = mode;
      const hostIp = t.str(m["host_ip"], [...p, "host_ip"]);
      if (hostIp !== undefined) port.hostIp = hostIp;
      const name = t.str(m["name"], [...p, "name"]);
      if (name !== undefined) port.name = name;
      out.push(this.checkPort(port, p));
    });
    return out;
  }

  private checkPort(port: ComposePort, path: Path, report = true): ComposePort {
    if (this.target === "docker" && report) {
      if (port.mode !== undefined) this.t.info([...path, "mode"], `"mode" is accepted and ignored on docker: one host publishes on itself (${port.mode} is a swarm's choice)`);
      if (port.name !== undefined) this.t.info([...path, "name"], `"name" is accepted and ignored on docker: the engine has no port names`);
    }
    if (port.hostIp !== undefined && this.target === "swarm") {
      if (report) this.t.warn(path, `the host address ${port.hostIp} is left out on swarm: the routing mesh publishes on every node`);
      const { hostIp: _dropped, ...rest } = port;
      return rest;
    }
    return port;
  }

  private mounts(v: Raw, path: Path, volumes: ComposeVolume[]): ComposeMount[] {
    const t = this.t;
    const out: ComposeMount[] = [];
    t.listAt(v, path).forEach((item, i) => {
      const p = [...path, i];
      let mount: ComposeMount | undefined;
      if (typeof item === "string") {
        const r = parseShortVolume(t.resolveAt(item, p), this.projectDir, this.options.home ?? "/root");
        if (r.error) t.error(p, r.error);
        mount = r.mount;
      } else {
        mount = this.longMount(item, p);
      }
      if (!mount) return;
      if (mount.selinux !== undefined) {
        t.warn(p, `the SELinux relabelling "${mount.selinux}" is left out on ${this.target}: not mapped by Berth yet`);
        delete mount.selinux;
      }
      if (this.target === "docker") this.dockerMountOptions(mount, p, typeof item === "string");
      if (mount.type === "volume" && mount.source !== undefined && !volumes.some((x) => x.key === mount.source)) {
        t.error(p, `the volume "${mount.source}" is not declared under the top-level \`volumes\``);
        return;
      }
      out.push(mount);
    });
    return out;
  }

  /**
   * One host's containers take volumes as host path or volume name, target and read-only, nothing more: a bind's
   * propagation and a volume's nocopy cannot reach the engine, so each is said and left out (rprivate, the engine's
   * default propagation, and `nocopy: false` change nothing and are left out quietly).
   */
  private dockerMountOptions(mount: ComposeMount, p: Path, short: boolean): void {
    if (mount.propagation !== undefined) {
      if (mount.propagation !== "rprivate") {
        this.t.warn(
          short ? p : [...p, "bind", "propagation"],
          `the bind propagation "${mount.propagation}" of ${shown(mount.target)} is left out on docker: Berth's containers take bind mounts without it, so the engine's default (rprivate) applies; drop it, or use the swarm target, which carries it`,
        );
      }
      delete mount.propagation;
    }
    if (mount.noCopy !== undefined) {
      if (mount.noCopy) {
        this.t.warn(
          short ? p : [...p, "volume", "nocopy"],
          `nocopy on ${shown(mount.target)} is left out on docker: Berth's containers take volumes without it, so a new, empty volume is filled with the image's files at that path; drop it, or use the swarm target, which carries it`,
        );
      }
      delete mount.noCopy;
    }
  }

  private longMount(item: Raw, p: Path): ComposeMount | undefined {
    const t = this.t;
    const m = t.mapAt(item, p);
    if (!m) return undefined;
    t.only(m, p, ["type", "source", "target", "read_only", "bind", "volume", "tmpfs"], {}, { consistency: "a Docker Desktop setting" });
    const type = t.str(m["type"], [...p, "type"]);
    const target = t.str(m["target"], [...p, "target"]);
    if (type !== "volume" && type !== "bind" && type !== "tmpfs") {
      t.error([...p, "type"], `${shown(type ?? "")} is not volume, bind or tmpfs`);
      return undefined;
    }
    if (target === undefined || !target.startsWith("/")) {
      t.error(p, "a mount needs an absolute `target`");
      return undefined;
    }
    const mount: ComposeMount = { type, target, readOnly: t.bool(m["read_only"], [...p, "read_only"]) ?? false };
    const source = t.str(m["source"], [...p, "source"]);
    if (source !== undefined) mount.source = source;
    if (type === "bind" && source === undefined) t.error(p, "a bind mount needs `source`");
    const bind = t.mapAt(m["bind"], [...p, "bind"]);
    if (bind) {
      t.only(bind, [...p, "bind"], ["propagation", "selinux"], { create_host_path: "the host path must exist" });
      const prop = t.str(bind["propagation"], [...p, "bind", "propagation"]);
      if (prop !== undefined) mount.propagation = prop;
      const selinux = t.oneOf(bind["selinux"], [...p, "bind", "selinux"], ["z", "Z"]);
      if (selinux === "z" || selinux === "Z") mount.selinux = selinux;
    }
    const volume = t.mapAt(m["volume"], [...p, "volume"]);
    if (volume) {
      t.only(volume, [...p, "volume"], ["nocopy"], { subpath: "not mapped" });
      const nocopy = t.bool(volume["nocopy"], [...p, "volume", "nocopy"]);
      if (nocopy !== undefined) mount.noCopy = nocopy;
    }
    const tmpfs = t.mapAt(m["tmpfs"], [...p, "tmpfs"]);
    if (tmpfs) {
      t.only(tmpfs, [...p, "tmpfs"], ["size", "mode"]);
      const size = t.bytes(tmpfs["size"], [...p, "tmpfs", "size"]);
      if (size !== undefined) mount.tmpfsSize = size;
      const mode = t.int(tmpfs["mode"], [...p, "tmpfs", "mode"]);
      if (mode !== undefined) mount.tmpfsMode = mode;
    }
    return mount;
  }

  private serviceNetworks(v: Raw, path: Path, networks: ComposeNetwork[]): ComposeServiceNetwork[] {
    const t = this.t;
    if (v === undefined || v === null) return [];
    const known = (name: string, p: Path): boolean => {
      if (name === "default" || networks.some((n) => n.key === name)) return true;
      t.error(p, `the network "${name}" is not declared under the top-level \`networks\``);
      return false;
    };
    if (Array.isArray(v)) {
      return t
        .strings(v, path)
        .filter((name, i) => known(name, [...path, i]))
        .map((name) => ({ name, aliases: [] }));
    }
    const map = t.mapAt(v, path) ?? {};
    const docker = this.target === "docker";
    const swarmOnly = "static addresses and endpoint settings are not mapped on swarm";
    return Object.entries(map)
      .filter(([name]) => known(name, [...path, name]))
      .map(([name, raw]) => {
        const p = [...path, name];
        const m = t.mapAt(raw, p) ?? {};
        const endpoint = ["ipv4_address", "ipv6_address", "link_local_ips", "mac_address", "driver_opts", "gw_priority"];
        t.only(m, p, ["aliases", ...(docker ? endpoint : [])], {
          ...(docker ? {} : Object.fromEntries(endpoint.map((k) => [k, swarmOnly]))),
          priority: "the order networks are joined in is not mapped",
          interface_name: "not mapped by Berth yet",
        });
        const n: ComposeServiceNetwork = { name, aliases: t.strings(m["aliases"], [...p, "aliases"]) };
        if (docker) {
          const v4 = t.str(m["ipv4_address"], [...p, "ipv4_address"]);
          if (v4 !== undefined) n.ipv4Address = v4;
          const v6 = t.str(m["ipv6_address"], [...p, "ipv6_address"]);
          if (v6 !== undefined) n.ipv6Address = v6;
          const ll = t.strings(m["link_local_ips"], [...p, "link_local_ips"]);
          if (ll.length > 0) n.linkLocalIps = ll;
          const mac = t.str(m["mac_address"], [...p, "mac_address"]);
          if (mac !== undefined) n.macAddress = mac;
          const opts = this.resolvedDict(m["driver_opts"], [...p, "driver_opts"]);
          if (Object.keys(opts).length > 0) n.driverOpts = opts;
          const gw = t.int(m["gw_priority"], [...p, "gw_priority"], -(2 ** 31), 2 ** 31 - 1);
          if (gw !== undefined) n.gwPriority = gw;
        }
        return n;
      });
  }

  private deploy(m: Record<string, Raw>, path: Path): ComposeDeploy {
    const t = this.t;
    const usable = t.checkKeys(m, path);
    const get = (k: string): Raw => (usable.has(k) ? m[k] : undefined);
    const at = (...k: string[]): Path => [...path, ...k];
    const d: ComposeDeploy = {
      mode: t.oneOf(get("mode"), at("mode"), ["replicated", "global"]) ?? "replicated",
      constraints: [],
      preferences: [],
      labels: t.dict(get("labels"), at("labels"), "empty"),
    };
    const replicas = t.int(get("replicas"), at("replicas"));
    if (replicas !== undefined) {
      if (d.mode === "global") t.error(at("replicas"), "replicas cannot be set with mode: global");
      d.replicas = replicas;
    }
    const endpoint = t.oneOf(get("endpoint_mode"), at("endpoint_mode"), ["vip", "dnsrr"]);
    if (endpoint !== undefined) d.endpointMode = endpoint;
    const resources = t.mapAt(get("resources"), at("resources"));
    if (resources) {
      t.only(resources, at("resources"), ["limits", "reservations"]);
      const limits = this.resources(resources["limits"], at("resources", "limits"), d);
      if (limits) d.limits = limits;
      const reservations = this.resources(resources["reservations"], at("resources", "reservations"), d);
      if (reservations) d.reservations = reservations;
    }
    const restart = t.mapAt(get("restart_policy"), at("restart_policy"));
    if (restart) {
      t.only(restart, at("restart_policy"), ["condition", "delay", "max_attempts", "window"]);
      const rp: NonNullable<ComposeDeploy["restartPolicy"]> = {};
      const condition = t.oneOf(restart["condition"], at("restart_policy", "condition"), ["none", "on-failure", "any"]);
      if (condition !== undefined) rp.condition = condition;
      const delay = t.duration(restart["delay"], at("restart_policy", "delay"));
      if (delay !== undefined) rp.delay = delay;
      const attempts = t.int(restart["max_attempts"], at("restart_policy", "max_attempts"));
      if (attempts !== undefined) rp.maxAttempts = attempts;
      const window = t.duration(restart["window"], at("restart_policy", "window"));
      if (window !== undefined) rp.window = window;
      d.restartPolicy = rp;
    }
    const update = this.updateConfig(get("update_config"), at("update_config"));
    if (update) d.updateConfig = update;
    const rollback = this.updateConfig(get("rollback_config"), at("rollback_config"));
    if (rollback) d.rollbackConfig = rollback;
    const placement = t.mapAt(get("placement"), at("placement"));
    if (placement) {
      t.only(placement, at("placement"), ["constraints", "preferences", "max_replicas_per_node"]);
      d.constraints = t.strings(placement["constraints"], at("placement", "constraints"));
      const prefs = placement["preferences"];
      if (Array.isArray(prefs)) {
        prefs.forEach((p, i) => {
          const pm = t.mapAt(p, [...at("placement", "preferences"), i]) ?? {};
          t.only(pm, [...at("placement", "preferences"), i], ["spread"]);
          const spread = t.str(pm["spread"], [...at("placement", "preferences"), i, "spread"]);
          if (spread !== undefined) d.preferences.push(spread);
        });
      } else if (prefs !== undefined) {
        t.error(at("placement", "preferences"), "must be a list of {spread: LABEL}");
      }
      const max = t.int(placement["max_replicas_per_node"], at("placement", "max_replicas_per_node"));
      if (max !== undefined) d.maxReplicasPerNode = max;
    }
    return d;
  }

  private resources(v: Raw, path: Path, d: ComposeDeploy): ComposeResources | undefined {
    const t = this.t;
    const m = t.mapAt(v, path);
    if (!m) return undefined;
    const reservations = path[path.length - 1] === "reservations";
    const docker = this.target === "docker";
    t.only(
      m,
      path,
      ["cpus", "memory", ...(docker && reservations ? ["devices"] : [])],
      {
        pids: docker ? "the provider's docker.Container has no pids limit" : "a Swarm service spec in API 1.41 has no pids limit",
        ...(docker && reservations ? {} : { devices: "device reservations are not mapped" }),
        generic_resources: "generic resources are not mapped",
      },
    );
    const r: ComposeResources = {};
    const cpus = t.cpus(m["cpus"], [...path, "cpus"]);
    if (cpus !== undefined) r.nanoCpus = cpus;
    const memory = t.bytes(m["memory"], [...path, "memory"]);
    if (memory !== undefined) r.memoryBytes = memory;
    if (docker && reservations && m["devices"] !== undefined) {
      const list = t.listAt(m["devices"], [...path, "devices"]);
      d.deviceRequests = list.flatMap((item, i) => {
        const req = readDeviceRequest(t, item, [...path, "devices", i]);
        return req ? [req] : [];
      });
    }
    return r;
  }

  private updateConfig(v: Raw, path: Path): ComposeUpdateConfig | undefined {
    const t = this.t;
    const m = t.mapAt(v, path);
    if (!m) return undefined;
    t.only(m, path, ["parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order"]);
    const u: ComposeUpdateConfig = {};
    const parallelism = t.int(m["parallelism"], [...path, "parallelism"]);
    if (parallelism !== undefined) u.parallelism = parallelism;
    const delay = t.duration(m["delay"], [...path, "delay"]);
    if (delay !== undefined) u.delay = delay;
    const action = t.oneOf(m["failure_action"], [...path, "failure_action"], ["pause", "continue", "rollback"]);
    if (action !== undefined) u.failureAction = action;
    const monitor = t.duration(m["monitor"], [...path, "monitor"]);
    if (monitor !== undefined) u.monitor = monitor;
    const ratio = t.number(m["max_failure_ratio"], [...path, "max_failure_ratio"], 0, 1);
    if (ratio !== undefined) u.maxFailureRatio = ratio;
    const order = t.oneOf(m["order"], [...path, "order"], ["stop-first", "start-first"]);
    if (order !== undefined) u.order = order;
    return u;
  }

  private healthcheck(m: Record<string, Raw>, path: Path): ComposeHealthcheck {
    const t = this.t;
    t.only(m, path, ["test", "interval", "timeout", "retries", "start_period", "disable"], {
      start_interval: "API 1.41 has no start interval",
    });
    if (t.bool(m["disable"], [...path, "disable"]) === true) return { test: ["NONE"] };
    const h: ComposeHealthcheck = {};
    const test = m["test"];
    if (typeof test === "string") h.test = ["CMD-SHELL", test];
    else if (test !== undefined) h.test = t.texts(test, [...path, "test"]);
    if (h.test && !["CMD", "CMD-SHELL", "NONE"].includes(t.resolve(h.test[0] ?? ""))) {
      t.error([...path, "test"], 'a test list must start with "CMD", "CMD-SHELL" or "NONE"');
    }
    const interval = t.duration(m["interval"], [...path, "interval"]);
    if (interval !== undefined) h.interval = interval;
    const timeout = t.duration(m["timeout"], [...path, "timeout"]);
    if (timeout !== undefined) h.timeout = timeout;
    const retries = t.int(m["retries"], [...path, "retries"]);
    if (retries !== undefined) h.retries = retries;
    const start = t.duration(m["start_period"], [...path, "start_period"]);
    if (start !== undefined) h.startPeriod = start;
    return h;
  }

  private refs(v: Raw, path: Path, declared: ComposeFileObject[], kind: "configs" | "secrets"): ComposeFileRef[] {
    const t = this.t;
    const out: ComposeFileRef[] = [];
    t.listAt(v, path).forEach((item, i) => {
      const p = [...path, i];
      let source: string | undefined;
      let target: string | undefined;
      const ref = { uid: "0", gid: "0", mode: 0o444 };
      if (typeof item === "string") {
        source = t.resolveAt(item, p);
      } else {
        const m = t.mapAt(item, p) ?? {};
        t.only(m, p, ["source", "target", "uid", "gid", "mode"]);
        source = t.str(m["source"], [...p, "source"]);
        target = t.str(m["target"], [...p, "target"]);
        ref.uid = t.str(m["uid"], [...p, "uid"]) ?? "0";
        ref.gid = t.str(m["gid"], [...p, "gid"]) ?? "0";
        for (const [k, id] of [["uid", ref.uid], ["gid", ref.gid]] as const) {
          if (!/^\d{1,10}$/.test(id)) t.error([...p, k], `${shown(id)} must be a numeric id`);
        }
        const mode = m["mode"];
        if (mode !== undefined) {
          const resolved = typeof mode === "string" ? t.resolveAt(mode, [...p, "mode"]) : mode;
          const n = typeof resolved === "number" ? resolved : typeof resolved === "string" && /^0?[0-7]{1,4}$/.test(resolved) ? Number.parseInt(resolved, 8) : Number.NaN;
          if (!Number.isInteger(n) || n < 0 || n > 0o7777) t.error([...p, "mode"], "must be a file mode, e.g. 0440");
          else ref.mode = n;
        }
      }
      if (source === undefined) {
        t.error(p, `a ${kind} entry needs \`source\``);
        return;
      }
      if (!declared.some((d) => d.key === source)) {
        t.error(p, `"${source}" is not declared under the top-level \`${kind}\``);
        return;
      }
      out.push({ source, target: target ?? source, ...ref });
    });
    return out;
  }
}

/** The services a service's host settings name, with the key that names each. */
function serviceRefs(s: ComposeService): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, mode] of [["pid", s.host.pid], ["ipc", s.host.ipc], ["network_mode", s.host.networkMode]] as const) {
    if (mode?.startsWith("service:")) out.push([key, mode.slice(8)]);
  }
  for (const v of s.host.volumesFrom) if (!v.startsWith("container:")) out.push(["volumes_from", v.replace(/^service:/, "").split(":")[0]!]);
  return out;
}

/** The folder of a file (the module `path` is shadowed by the key paths inside the loader). */
function dirnameOf(file: string): string {
  return path.dirname(file);
}
