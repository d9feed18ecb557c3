/**
 * Assembles a Compose project the way `docker compose` reads one, before any key is interpreted: each file parsed
 * (through the shared positioned-YAML parser, with its alias budget), nested no deeper than the bound, interpolated,
 * its relative paths made absolute; `include`d projects loaded with their own folder and environment and added
 * (a resource defined twice differently is an error); the `-f` files merged in order by Compose's rules;
 * `extends` applied (from the same file or another, recursively, cycles reported); `!reset` and `!override`
 * resolved; services outside the active profiles left out. The result is one tree and the {@link Origins} that
 * trace each part back to its file, line and column.
 *
 * Every file is reached through the {@link ComposeReader}, so reads stay inside the project root. Pure otherwise.
 */
import * as path from "node:path";
import { shown } from "../core/shown";
import { type ParsedYaml, parseYaml } from "../yaml/parse";
import { parseEnvFile } from "./env-file";
import { interpolate } from "./interpolate";
import { type ComposeLimits, count } from "./limits";
import type { VariableMarkers } from "./markers";
import { clone, merge, stripTags } from "./merge";
import { Origins, type TreePath } from "./origins";
import { resolveDocumentPaths } from "./paths";
import type { ComposeReader } from "./reader";
import { COMPOSE_SCHEMA, ComposeTag } from "./yaml-schema";

type Raw = unknown;
type Doc = Record<string, Raw>;

/** One finding about a Compose project. */
export interface ComposeDiagnostic {
  /** `info`: a key accepted and ignored by the target, said once so nothing goes unmentioned. */
  severity: "error" | "warning" | "info";
  /** `file:line:column`. */
  where: string;
  /** The key's path, e.g. `services.web.build`. */
  key: string;
  message: string;
}

/** One Compose file as the caller read it. */
export interface ComposeSourceFile {
  /** Its absolute path. */
  file: string;
  /** Its text. */
  text: string;
}

/** How to assemble a project. */
export interface AssembleOptions {
  /** The `-f` files, in order. */
  files: readonly ComposeSourceFile[];
  /** The project folder: relative paths of the `-f` files are relative to it. */
  projectDir: string;
  /** Variables for interpolation. */
  env: Readonly<Record<string, string | undefined>>;
  /** Where every other file is read. */
  reader: ComposeReader;
  /** The active profiles (`--profile`, `COMPOSE_PROFILES`). */
  profiles: readonly string[];
  /** The home folder, for `~`. */
  home: string;
  limits: ComposeLimits;
  /** With markers: values interpolated from the environment keep where their variables went (see markers.ts). */
  markers?: VariableMarkers;
  /**
   * The project name `${COMPOSE_PROJECT_NAME}` stands for, when the environment does not set it.
   * @default the last file's top-level `name`, else the project folder's name
   */
  projectName?: string;
}

/** The assembled tree (undefined after errors that leave nothing to read), its origins and the findings so far. */
export interface Assembled {
  doc: Doc | undefined;
  origins: Origins;
  diagnostics: ComposeDiagnostic[];
  /** Every Compose file read, in order (the `-f` files, then included and extended ones). */
  files: string[];
  /** Services left out because none of their profiles is active. */
  disabled: string[];
}

const isMap = (v: Raw): v is Record<string, Raw> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof ComposeTag);

/** The identity of the merged tree of the -f files, for extends within it (no file has this name). */
const PROJECT = "\u0000project";

/** Variables Compose sets itself: substituted as literals, never read from stack configuration. */
const BUILT_IN = new Set(["COMPOSE_PROJECT_NAME"]);

/** A loaded file: its tree (interpolated, paths absolute) and origins. */
interface Loaded {
  doc: Doc;
  origins: Origins;
  parsed: ParsedYaml;
}

class Assembler {
  readonly diagnostics: ComposeDiagnostic[] = [];
  readonly files: string[] = [];
  private readonly loadedFiles = new Map<string, Loaded | undefined>();
  /** The unset variables already warned about, per file: Compose's warning is said once per name and file. */
  private readonly warnedUnset = new Map<string, Set<string>>();

  constructor(private readonly options: AssembleOptions) {}

  private resolve = (s: string): string => (this.options.markers ? this.options.markers.resolve(s) : s);

  error(where: string, key: TreePath, message: string): void {
    this.diagnostics.push({ severity: "error", where, key: key.join("."), message });
  }

  warn(where: string, key: TreePath, message: string): void {
    this.diagnostics.push({ severity: "warning", where, key: key.join("."), message });
  }

  /** Parses, checks, interpolates and resolves the paths of one file's text. */
  parse(file: string, text: string, baseDir: string, env: Readonly<Record<string, string | undefined>>, preParsed?: ParsedYaml): Loaded | undefined {
    if (this.files.length >= this.options.limits.maxFiles) {
      this.error(`${file}:1:1`, [], `the project reads more than ${count(this.options.limits.maxFiles)} Compose files (-f, include and extends); that is over the limit`);
      return undefined;
    }
    this.files.push(file);
    const parsed = preParsed ?? parseYaml(text, file, { schema: COMPOSE_SCHEMA });
    const syntax = parsed.problems[0];
    if (syntax) {
      this.error(`${syntax.file}:${syntax.line}:${syntax.col}`, [], syntax.message);
      return undefined;
    }
    const origins = Origins.of(parsed);
    const value = parsed.value;
    if (value === undefined || value === null) {
      this.error(`${file}:1:1`, [], "the Compose file is empty; it needs at least a `services` mapping");
      return undefined;
    }
    if (!isMap(value)) {
      this.error(`${file}:1:1`, [], "a Compose file must be a mapping with a `services` key");
      return undefined;
    }
    const deep = tooDeep(value, this.options.limits.maxDepth);
    if (deep) {
      this.error(origins.where(deep), deep, `collections nest more than ${this.options.limits.maxDepth} levels deep here; no Compose key needs that`);
      return undefined;
    }
    const proto = protoKeys(value);
    if (proto.length > 0) {
      // JavaScript objects give `__proto__` a meaning of its own: refused by name, never dropped without a word.
      for (const p of proto) this.error(origins.where(p), p, "`__proto__` cannot be a name here (a service, key, label or variable): JavaScript gives it a meaning of its own, so Berth cannot carry it faithfully; rename it");
      return undefined;
    }
    const doc = this.interpolateAll(value, [], origins, env, file) as Doc;
    const onHome = (at: readonly (string | number)[], written: string, expanded: string): void =>
      this.warn(
        origins.whereValue(at),
        at,
        `the bind source ${shown(written)} is expanded to ${shown(expanded)} now, with this machine's home folder; the written program mounts that path wherever it runs. Write the absolute path, or a \${VARIABLE}, if it should differ`,
      );
    // Only a written program (markers) runs elsewhere; a component expands `~` on the machine that runs it.
    resolveDocumentPaths(doc, { baseDir, home: this.options.home, resolve: this.resolve, ...(this.options.markers ? { onHome } : {}) });
    return { doc, origins, parsed };
  }

  /** Reads and parses a file referred to by another (an include or an extends), once per file. */
  load(file: string, from: { where: string; key: TreePath }, env: Readonly<Record<string, string | undefined>>): Loaded | undefined {
    if (this.loadedFiles.has(file)) return this.loadedFiles.get(file);
    const r = this.options.reader.read(file, "/");
    if (!r.ok) {
      this.error(from.where, from.key, `cannot read the Compose file: ${r.message}`);
      this.loadedFiles.set(file, undefined);
      return undefined;
    }
    const loaded = this.parse(r.file, r.text, path.dirname(r.file), env);
    this.loadedFiles.set(file, loaded);
    return loaded;
  }

  /** Interpolates every string scalar (not keys); `x-` extension fields are left as written. */
  private interpolateAll(value: Raw, at: TreePath, origins: Origins, env: Readonly<Record<string, string | undefined>>, file: string): Raw {
    if (typeof value === "string") {
      const markers = this.options.markers;
      const r = interpolate(value, env, markers ? { marker: (n) => markers.mark(n), literal: BUILT_IN } : {});
      for (const e of r.errors) this.error(origins.where(at), at, e);
      this.warnUnset(r.unset, at, origins, file);
      return r.template ?? r.value;
    }
    if (value instanceof ComposeTag) return new ComposeTag(value.tag, this.interpolateAll(value.value, at, origins, env, file));
    if (Array.isArray(value)) return value.map((v, i) => this.interpolateAll(v, [...at, i], origins, env, file));
    if (isMap(value)) {
      const out: Doc = {};
      for (const [k, v] of Object.entries(value)) out[k] = k.startsWith("x-") ? v : this.interpolateAll(v, [...at, k], origins, env, file);
      return out;
    }
    return value;
  }

  /** Warns, as Compose does, that each unset variable (the first time it appears in `file`) stands for "". */
  private warnUnset(names: readonly string[], at: TreePath, origins: Origins, file: string): void {
    if (names.length === 0) return;
    let warned = this.warnedUnset.get(file);
    if (!warned) {
      warned = new Set();
      this.warnedUnset.set(file, warned);
    }
    for (const name of names) {
      if (warned.has(name)) continue;
      warned.add(name);
      this.warn(
        origins.whereValue(at),
        at,
        `The "${name}" variable is not set. Defaulting to a blank string. Set it in the environment or an env file, or write \${${name}:-default} (or \${${name}-} for a deliberate blank)`,
      );
    }
  }

  /** A project: its files loaded, includes added, merged, extends applied. */
  project(files: readonly { loaded: Loaded; file: string }[], env: Readonly<Record<string, string | undefined>>, stack: string[]): { doc: Doc; origins: Origins } {
    const origins = new Origins();
    let doc: Doc = {};
    files.forEach(({ loaded, file }, n) => {
      this.includes(loaded, file, env, stack);
      if (n === 0) {
        doc = loaded.doc;
        origins.link([], loaded.origins, []);
        return;
      }
      doc = merge(doc, loaded.doc, [], [], {
        origins,
        overOrigins: loaded.origins,
        resolve: this.resolve,
        problem: (p, message) => this.error(loaded.origins.where(p), p, message),
      }) as Doc;
    });
    // The merged tree is not any one file: a service extending one of the -f files by name reads that file afresh.
    this.applyExtends(doc, origins, PROJECT, env);
    return { doc, origins };
  }

  /** Adds the resources of each `include` entry to the file's tree, then removes `include`. */
  private includes(loaded: Loaded, file: string, env: Readonly<Record<string, string | undefined>>, stack: string[]): void {
    const raw = loaded.doc["include"];
    if (raw === undefined) return;
    delete loaded.doc["include"];
    const at: TreePath = ["include"];
    const where = (p: TreePath) => loaded.origins.where(p);
    if (!Array.isArray(raw)) {
      this.error(where(at), at, "`include` must be a list of files or of {path, project_directory, env_file}");
      return;
    }
    const dir = path.dirname(file);
    raw.forEach((entry, i) => {
      const p: TreePath = [...at, i];
      let paths: string[] = [];
      let projectDir: string | undefined;
      let envFiles: string[] | undefined;
      if (typeof entry === "string") paths = [entry];
      else if (isMap(entry)) {
        for (const k of Object.keys(entry)) {
          if (!["path", "project_directory", "env_file"].includes(k)) this.error(where([...p, k]), [...p, k], `"${k}" is not a key of an include entry; the keys are path, project_directory, env_file`);
        }
        const pv = entry["path"];
        paths = typeof pv === "string" ? [pv] : Array.isArray(pv) ? pv.map(String) : [];
        if (typeof entry["project_directory"] === "string") projectDir = path.resolve(dir, this.resolve(entry["project_directory"]));
        const ev = entry["env_file"];
        if (ev !== undefined) envFiles = (typeof ev === "string" ? [ev] : Array.isArray(ev) ? ev.map(String) : []).map((f) => path.resolve(dir, this.resolve(f)));
      }
      if (paths.length === 0) {
        this.error(where(p), p, "an include entry needs `path`: the Compose file (or files) to include");
        return;
      }
      const absolute = paths.map((f) => path.resolve(dir, this.resolve(f)));
      const cycle = absolute.find((f) => stack.includes(f) || f === file);
      if (cycle) {
        this.error(where(p), p, `include cycle detected: ${[...stack, file, cycle].map((f) => path.basename(f)).join(" → ")}`);
        return;
      }
      const includedDir = projectDir ?? path.dirname(absolute[0]!);
      // The included project's environment: its env files (default: the .env of its folder) under the including one's.
      const own: Record<string, string> = {};
      for (const envFile of envFiles ?? [path.join(includedDir, ".env")]) {
        const r = this.options.reader.read(envFile, "/");
        if (!r.ok) {
          if (envFiles !== undefined) this.error(where([...p, "env_file"]), [...p, "env_file"], `cannot read the env file: ${r.message}`);
          continue;
        }
        const parsed = parseEnvFile(r.text, env);
        for (const problem of parsed.problems) this.error(where(p), p, `${r.file}:${problem.line}: ${problem.message}`);
        Object.assign(own, parsed.values);
      }
      const includedEnv = { ...own, ...env };
      const loadedFiles: { loaded: Loaded; file: string }[] = [];
      for (const f of absolute) {
        const r = this.options.reader.read(f, "/");
        if (!r.ok) {
          this.error(where(p), p, `cannot read the included Compose file: ${r.message}`);
          return;
        }
        const l = this.parse(r.file, r.text, includedDir, includedEnv);
        if (!l) return;
        loadedFiles.push({ loaded: l, file: r.file });
      }
      const included = this.project(loadedFiles, includedEnv, [...stack, file]);
      for (const kind of ["services", "networks", "volumes", "configs", "secrets", "models"]) {
        const theirs = included.doc[kind];
        if (!isMap(theirs)) continue;
        let ours = loaded.doc[kind];
        if (!isMap(ours)) {
          ours = {};
          loaded.doc[kind] = ours;
          loaded.origins.link([kind], included.origins, [kind]);
        }
        const mine = ours as Doc;
        for (const [name, def] of Object.entries(theirs)) {
          if (name in mine) {
            if (JSON.stringify(mine[name]) !== JSON.stringify(def)) {
              this.error(where(p), p, `the included file ${path.basename(absolute[0]!)} defines conflicting ${kind.replace(/s$/, "")} ${name}: it is also defined, differently, at ${loaded.origins.where([kind, name])}`);
            }
            continue;
          }
          mine[name] = def;
          loaded.origins.link([kind, name], included.origins, [kind, name]);
        }
      }
      for (const [k, v] of Object.entries(included.doc)) {
        if (!(k in loaded.doc) && k !== "name" && k !== "version" && !["services", "networks", "volumes", "configs", "secrets", "models"].includes(k)) {
          loaded.doc[k] = v;
          loaded.origins.link([k], included.origins, [k]);
        }
      }
    });
  }

  /** Applies `extends` to every service of the tree, in place. */
  private applyExtends(doc: Doc, origins: Origins, file: string, env: Readonly<Record<string, string | undefined>>): void {
    const services = doc["services"];
    if (!isMap(services)) return;
    const done = new Set<string>();
    for (const name of Object.keys(services)) this.extendService(doc, origins, file, name, env, [], done);
  }

  /** Resolves one service's `extends` (its base first), replacing it in `doc.services` by the merged service. */
  private extendService(doc: Doc, origins: Origins, file: string, name: string, env: Readonly<Record<string, string | undefined>>, trail: string[], done: Set<string>): void {
    const services = doc["services"] as Doc;
    const id = `${file}#${name}`;
    if (done.has(id)) return;
    const service = services[name];
    const at: TreePath = ["services", name];
    if (trail.includes(id)) {
      const cycle = [...trail.slice(trail.indexOf(id)), id].map((s) => s.slice(s.lastIndexOf("#") + 1)).join(" → ");
      const first = trail[trail.indexOf(id)]!;
      const firstAt: TreePath = ["services", first.slice(first.lastIndexOf("#") + 1), "extends"];
      this.error(origins.where(firstAt), firstAt, `extends has a cycle: ${cycle}`);
      done.add(id);
      return;
    }
    if (!isMap(service) || service["extends"] === undefined) {
      done.add(id);
      return;
    }
    if (trail.length >= this.options.limits.maxFiles) {
      this.error(origins.where([...at, "extends"]), [...at, "extends"], `extends chains more than ${count(this.options.limits.maxFiles)} services`);
      done.add(id);
      return;
    }
    const ext = service["extends"];
    const extAt: TreePath = [...at, "extends"];
    delete service["extends"];
    let baseName: string | undefined;
    let baseFile: string | undefined;
    if (typeof ext === "string") baseName = this.resolve(ext);
    else if (isMap(ext)) {
      for (const k of Object.keys(ext)) {
        if (k !== "service" && k !== "file") this.error(origins.where([...extAt, k]), [...extAt, k], `"${k}" is not a key of extends; the keys are service and file`);
      }
      if (typeof ext["service"] === "string") baseName = this.resolve(ext["service"]);
      if (typeof ext["file"] === "string") baseFile = this.resolve(ext["file"]);
    }
    if (baseName === undefined) {
      this.error(origins.where(extAt), extAt, "extends needs `service`: the name of the service to extend");
      done.add(id);
      return;
    }
    let base: Raw;
    let baseOrigins: Origins;
    let basePath: TreePath;
    if (baseFile === undefined) {
      if (!(baseName in services)) {
        this.error(origins.where(extAt), extAt, `extends service "${baseName}", which is not a service of this file`);
        done.add(id);
        return;
      }
      this.extendService(doc, origins, file, baseName, env, [...trail, id], done);
      base = services[baseName];
      baseOrigins = origins;
      basePath = ["services", baseName];
    } else {
      const loaded = this.load(baseFile, { where: origins.where([...extAt, "file"]), key: [...extAt, "file"] }, env);
      if (!loaded) {
        done.add(id);
        return;
      }
      const theirs = loaded.doc["services"];
      if (!isMap(theirs) || !(baseName in theirs)) {
        this.error(origins.where(extAt), extAt, `extends service "${baseName}" of ${path.basename(baseFile)}, which has no such service`);
        done.add(id);
        return;
      }
      this.extendService(loaded.doc, loaded.origins, baseFile, baseName, env, [...trail, id], done);
      base = (loaded.doc["services"] as Doc)[baseName];
      baseOrigins = loaded.origins;
      basePath = ["services", baseName];
    }
    const merged = new Origins();
    merged.link([], baseOrigins === origins ? origins.subtree(basePath) : baseOrigins, baseOrigins === origins ? [] : basePath);
    const local = origins.subtree(at);
    const result = merge(clone(base ?? {}), service, [], [], {
      origins: merged,
      overOrigins: local,
      rulePrefix: at,
      resolve: this.resolve,
      problem: (p, message) => this.error(local.where(p), [...at, ...p], message),
    });
    services[name] = result;
    origins.link(at, merged, []);
    done.add(id);
  }
}

/** The first path (in document order) at which collections nest deeper than `max`, or undefined. */
/** The paths of every `__proto__` key (an own key of a parsed mapping) in a Compose tree. */
function protoKeys(value: Raw): TreePath[] {
  const found: TreePath[] = [];
  const todo: { v: Raw; p: TreePath }[] = [{ v: value, p: [] }];
  const seen = new Set<object>();
  while (todo.length > 0) {
    const { v, p } = todo.pop()!;
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof ComposeTag) {
      todo.push({ v: v.value, p });
      continue;
    }
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) todo.push({ v: v[i], p: [...p, i] });
    else {
      if (Object.hasOwn(v, "__proto__")) found.push([...p, "__proto__"]);
      for (const [k, x] of Object.entries(v as Doc).reverse()) todo.push({ v: x, p: [...p, k] });
    }
  }
  return found;
}

function tooDeep(value: Raw, max: number): TreePath | undefined {
  const todo: { v: Raw; p: TreePath }[] = [{ v: value, p: [] }];
  const seen = new Set<object>();
  while (todo.length > 0) {
    const { v, p } = todo.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (p.length > max) return p;
    // A shared (aliased) value is checked once, at its shallowest use found first.
    if (seen.has(v)) continue;
    seen.add(v);
    const inner = v instanceof ComposeTag ? [[p.length, v.value] as const] : [];
    if (inner.length > 0) {
      todo.push({ v: (v as ComposeTag).value, p });
      continue;
    }
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) todo.push({ v: v[i], p: [...p, i] });
    else for (const [k, x] of Object.entries(v as Doc).reverse()) todo.push({ v: x, p: [...p, k] });
  }
  return undefined;
}

/** The environment with COMPOSE_PROJECT_NAME set (unless it is set already): `projectName`, a file's `name`, the folder. */
function withProjectName(options: AssembleOptions, parsed: readonly ParsedYaml[]): Readonly<Record<string, string | undefined>> {
  if (options.env["COMPOSE_PROJECT_NAME"] !== undefined) return options.env;
  let fromFiles: string | undefined;
  for (const p of parsed) {
    const v = isMap(p.value) ? p.value["name"] : undefined;
    if (typeof v === "string") fromFiles = interpolate(v, options.env).value;
  }
  return { ...options.env, COMPOSE_PROJECT_NAME: options.projectName ?? fromFiles ?? projectNameOf(options.projectDir) };
}

/** A folder's name as a Compose project name: lowercase letters, digits, - and _ (as Compose normalises it). */
export function projectNameOf(dir: string): string {
  return path.basename(dir).toLowerCase().replace(/[^a-z0-9_-]+/g, "").replace(/^[^a-z0-9]+/, "") || "project";
}

/** Assembles the project of the `-f` files. */
export function assembleCompose(options: AssembleOptions): Assembled {
  const a = new Assembler(options);
  const parsed = options.files.map((f) => parseYaml(f.text, f.file, { schema: COMPOSE_SCHEMA }));
  const env = withProjectName(options, parsed);
  const loadedFiles: { loaded: Loaded; file: string }[] = [];
  options.files.forEach((f, n) => {
    const l = a.parse(f.file, f.text, options.projectDir, env, parsed[n]);
    if (l) loadedFiles.push({ loaded: l, file: f.file });
  });
  if (loadedFiles.length < options.files.length) return { doc: undefined, origins: new Origins(), diagnostics: a.diagnostics, files: a.files, disabled: [] };
  const { doc, origins } = a.project(loadedFiles, env, []);
  const stripped = stripTags(doc) as Doc;
  const disabled = selectProfiles(stripped, origins, options.profiles, a);
  return { doc: stripped, origins, diagnostics: a.diagnostics, files: a.files, disabled };
}

/**
 * Leaves out the services none of whose `profiles` is active (a service without profiles is always active; `*`
 * activates every profile). A dependency on a left-out service is an error unless it is `required: false`.
 */
function selectProfiles(doc: Doc, origins: Origins, active: readonly string[], a: Assembler): string[] {
  const services = doc["services"];
  if (!isMap(services)) return [];
  const all = active.includes("*");
  const disabled: string[] = [];
  for (const [name, raw] of Object.entries(services)) {
    if (!isMap(raw)) continue;
    const profiles = raw["profiles"];
    if (profiles === undefined || profiles === null) continue;
    const list = Array.isArray(profiles) ? profiles.map(String) : [String(profiles)];
    if (list.length === 0 || all || list.some((p) => active.includes(p))) continue;
    disabled.push(name);
  }
  for (const name of disabled) {
    const profiles = (services[name] as Doc)["profiles"];
    for (const [other, raw] of Object.entries(services)) {
      if (disabled.includes(other) || !isMap(raw)) continue;
      const deps = raw["depends_on"];
      const names = Array.isArray(deps) ? deps.map(String) : isMap(deps) ? Object.keys(deps) : [];
      if (!names.includes(name)) continue;
      const at: TreePath = ["services", other, "depends_on"];
      const required = isMap(deps) && isMap(deps[name]) ? deps[name]["required"] : undefined;
      if (required === false || required === "false") {
        a.warn(origins.where([...at, name]), [...at, name], `depends on ${name}, which is left out (its profiles ${JSON.stringify(profiles)} are not active); the dependency is optional, so ${other} starts without it`);
        if (isMap(deps)) delete deps[name];
        continue;
      }
      a.error(origins.where(at), at, `depends on ${name}, which is only in the profiles ${JSON.stringify(profiles)}; activate one with --profile, or make the dependency \`required: false\``);
      // Said once: the dependency goes, so no later check reports it again as an unknown service.
      if (isMap(deps)) delete deps[name];
      else if (Array.isArray(deps)) raw["depends_on"] = deps.filter((d) => String(d) !== name);
    }
  }
  for (const name of disabled) delete services[name];
  return disabled;
}
