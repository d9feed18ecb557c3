/**
 * Reads a service's `build` (a context path, or the mapping of context, dockerfile, args, target, ...) into
 * {@link ComposeBuild}. The context must be a folder inside the project root and its Dockerfile a file inside the
 * context (the provider sends the context alone); a remote (Git or HTTP) context is refused, since Berth could not
 * tell when it changed.
 */
import * as path from "node:path";
import { shownPath } from "../core/shown";
import { readUlimits } from "./load-host";
import type { ComposeBuild, ComposeBuildSecret, ComposeFileObject } from "./model";
import { isRemoteContext } from "./paths";
import type { ComposeReader } from "./reader";
import { isMap, type Path, type Raw, shown, type TypedReader } from "./typed";

/** What reading a build needs besides the value. */
export interface BuildContext {
  reader: ComposeReader;
  /** The folder a build without `context` builds (the folder of the file that declared it). */
  defaultContext: string;
  /** The top-level secrets, for `build.secrets`. */
  secrets: readonly ComposeFileObject[];
  /** The service's own `platform`, the default of `build.platforms`. */
  platform?: string;
  /** The environment, for args given without a value. */
  env: Readonly<Record<string, string | undefined>>;
}

function extraHosts(t: TypedReader, v: Raw, p: Path): { host: string; ip: string }[] {
  if (v === undefined || v === null) return [];
  if (isMap(v)) {
    return Object.entries(v).flatMap(([host, ip]) => (Array.isArray(ip) ? ip : [ip]).map((x, i) => ({ host, ip: t.str(x, [...p, host, ...(Array.isArray(ip) ? [i] : [])]) ?? "" })));
  }
  const out: { host: string; ip: string }[] = [];
  t.listAt(v, p).forEach((item, i) => {
    const s = t.str(item, [...p, i]) ?? "";
    const m = /^([^:=]+)[:=](.+)$/.exec(s);
    if (!m) t.error([...p, i], `${shown(s)} is not HOST:IP or HOST=IP`);
    else out.push({ host: m[1]!, ip: m[2]! });
  });
  return out;
}

/** Reads `build` (undefined when the value is unusable; the problems are recorded). */
export function readBuild(t: TypedReader, raw: Raw, buildAt: Path, ctx: BuildContext): ComposeBuild | undefined {
  const m: Record<string, Raw> | undefined = typeof raw === "string" ? { context: raw } : t.mapAt(raw, buildAt);
  if (!m) return undefined;
  const usable = typeof raw === "string" ? new Set(["context"]) : t.checkKeys(m, buildAt);
  const get = (k: string): Raw => (usable.has(k) ? m[k] : undefined);
  const at = (k: string): Path => (typeof raw === "string" ? buildAt : [...buildAt, k]);
  const contextText = t.str(get("context"), at("context")) ?? (m["context"] === undefined ? ctx.defaultContext : undefined);
  if (contextText === undefined) return undefined;
  if (isRemoteContext(contextText)) {
    t.error(at("context"), `${shown(contextText)} is a remote build context; Berth builds a folder of the project, whose content it can follow: clone it into the project and point context at the folder`);
    return undefined;
  }
  const resolved = ctx.reader.resolve(contextText, "/");
  if (!resolved.ok) {
    t.error(at("context"), `the build context ${resolved.message}`);
    return undefined;
  }
  const context = resolved.file;
  const kind = ctx.reader.kind(context);
  if (kind !== "folder") {
    t.error(at("context"), `the build context ${shownPath(contextText)} is ${kind === "missing" ? "missing" : kind === "file" ? "a file, not a folder (the Dockerfile's name goes in `dockerfile`)" : "not a folder"}`);
    return undefined;
  }
  const dockerfile = t.str(get("dockerfile"), at("dockerfile")) ?? "Dockerfile";
  const dockerfilePath = path.resolve(context, dockerfile);
  const rel = path.relative(context, dockerfilePath);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    t.error(at("dockerfile"), `${shownPath(dockerfile)} is outside the build context ${shownPath(context)}; the provider sends the context alone, so move the Dockerfile into it`);
    return undefined;
  }
  const df = ctx.reader.read(dockerfilePath, "/");
  if (!df.ok) {
    t.error(m["dockerfile"] !== undefined ? at("dockerfile") : at("context"), `the Dockerfile of this build cannot be read: ${df.message}`);
    return undefined;
  }
  const b: ComposeBuild = {
    context,
    dockerfile: rel,
    args: t.dict(get("args"), at("args"), "env", ctx.env),
    labels: t.dict(get("labels"), at("labels"), "empty"),
    cacheFrom: t.strings(get("cache_from"), at("cache_from")),
    cacheTo: t.strings(get("cache_to"), at("cache_to")),
    additionalContexts: {},
    extraHosts: extraHosts(t, get("extra_hosts"), at("extra_hosts")),
    secrets: [],
    tags: t.texts(get("tags"), at("tags")),
    ulimits: readUlimits(t, get("ulimits"), at("ulimits")),
  };
  const additional = t.dict(get("additional_contexts"), at("additional_contexts"), "empty");
  for (const [name, value] of Object.entries(additional)) {
    const v = t.resolve(value);
    if (/^[a-z][a-z0-9+.-]*:/.test(v) && !v.startsWith("/")) b.additionalContexts[name] = v;
    else {
      const r = ctx.reader.resolve(path.resolve(context, v), "/");
      if (!r.ok) t.error([...at("additional_contexts"), name], `the additional context ${r.message}`);
      else b.additionalContexts[name] = r.file;
    }
  }
  const target = t.str(get("target"), at("target"));
  if (target !== undefined) b.target = target;
  const network = t.str(get("network"), at("network"));
  if (network !== undefined) b.network = network;
  for (const k of ["provenance", "sbom"] as const) {
    const v = t.str(get(k), at(k));
    if (v !== undefined) b[k] = v;
  }
  const noCache = t.bool(get("no_cache"), at("no_cache"));
  if (noCache !== undefined) b.noCache = noCache;
  const pull = t.bool(get("pull"), at("pull"));
  if (pull !== undefined) b.pull = pull;
  const shm = t.bytes(get("shm_size"), at("shm_size"));
  if (shm !== undefined) b.shmSize = shm;
  const isolation = t.str(get("isolation"), at("isolation"));
  if (isolation !== undefined) b.isolation = isolation;
  const platforms = t.strings(get("platforms"), at("platforms"));
  if (platforms.length > 1) {
    t.error(at("platforms"), `a build for ${platforms.length} platforms needs a multi-platform builder and a registry; the provider builds one platform: keep one`);
  } else if (platforms.length === 1) b.platform = platforms[0]!;
  else if (ctx.platform !== undefined) b.platform = ctx.platform;
  t.listAt(get("secrets"), at("secrets")).forEach((item, i) => {
    const p = [...at("secrets"), i];
    let source: string | undefined;
    if (isMap(item)) {
      t.only(item, p, ["source"], { target: "the provider mounts a build secret by its id", uid: "not mapped", gid: "not mapped", mode: "not mapped" });
      source = t.str(item["source"], [...p, "source"]);
    } else source = t.str(item, p);
    if (source === undefined) return;
    const declared = ctx.secrets.find((s) => s.key === source);
    if (!declared) {
      t.error(p, `${shown(source)} is not declared under the top-level \`secrets\``);
      return;
    }
    const secret: ComposeBuildSecret = { id: source };
    if (declared.file !== undefined) secret.file = declared.file;
    else if (declared.environment !== undefined) secret.environment = declared.environment;
    else {
      t.error(p, `the build secret ${shown(source)} must come from a file or an environment variable (the provider reads it itself)`);
      return;
    }
    b.secrets.push(secret);
  });
  return b;
}
