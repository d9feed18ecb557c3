/**
 * Compose's merge rules, for `-f a -f b` and for `extends`: mappings merge by key, sequences append, and the
 * exceptions of the Compose Specification ("Merge"): `command`, `entrypoint` and `healthcheck.test` are replaced;
 * `ports`, `volumes`, `secrets` and `configs` are unique by their key (a later entry with the same key replaces the
 * earlier one in place); key/value lists (`environment`, `labels`, build `args`, ...) merge by key whatever form each
 * side is written in; `depends_on` and `networks` merge as mappings; `logging` merges only when both name the same
 * driver; `!reset` removes a value and `!override` replaces it. Pure: it builds a new tree and records, in
 * {@link Origins}, where each part came from.
 */
import type { Origins, TreePath } from "./origins";
import { parseShortPort, parseShortVolume } from "./syntax";
import { ComposeTag } from "./yaml-schema";

type Raw = unknown;

/** How one key merges. */
type Rule =
  | { kind: "replace" }
  | { kind: "key-value" }
  | { kind: "unique"; key: (item: Raw, resolve: (s: string) => string) => string }
  | { kind: "mapping-of"; item: (name: string) => Raw }
  | { kind: "logging" }
  | { kind: "ulimit" }
  | { kind: "build" };

const isMap = (v: Raw): v is Record<string, Raw> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof ComposeTag);

const itself = (item: Raw, resolve: (s: string) => string) => (typeof item === "string" ? resolve(item) : JSON.stringify(item));

const portKey = (item: Raw, resolve: (s: string) => string): string => {
  if (isMap(item)) return JSON.stringify([item["host_ip"] ?? "", String(item["target"] ?? ""), String(item["published"] ?? ""), String(item["protocol"] ?? "tcp")]);
  const spec = resolve(String(item));
  const parsed = parseShortPort(spec);
  const first = parsed.error ? undefined : parsed.spec;
  return first ? JSON.stringify([first.hostIp ?? "", first.target.join("-"), first.published?.join("-") ?? "", first.protocol]) : spec;
};

const volumeKey = (item: Raw, resolve: (s: string) => string): string => {
  if (isMap(item)) return String(item["target"] ?? "");
  const spec = resolve(String(item));
  return parseShortVolume(spec, "/", "/").mount?.target ?? spec;
};

const mountKey =
  (dir: string) =>
  (item: Raw, resolve: (s: string) => string): string => {
    if (isMap(item)) {
      const target = item["target"];
      if (typeof target === "string") return target.startsWith("/") ? resolve(target) : `${dir}/${resolve(target)}`;
      return `${dir}/${resolve(String(item["source"] ?? ""))}`;
    }
    return `${dir}/${resolve(String(item))}`;
  };

const deviceKey = (item: Raw, resolve: (s: string) => string): string => {
  if (isMap(item)) return String(item["target"] ?? item["source"] ?? "");
  const parts = resolve(String(item)).split(":");
  return parts[1] ?? parts[0] ?? "";
};

const envFileKey = (item: Raw, resolve: (s: string) => string): string => (isMap(item) ? resolve(String(item["path"] ?? "")) : resolve(String(item)));

const KEY_VALUE: Rule = { kind: "key-value" };
const REPLACE: Rule = { kind: "replace" };
const SET: Rule = { kind: "unique", key: itself };

/** The merge rules, by key path (`*` for a user-chosen name). A key without a rule merges by the default rules. */
export const MERGE_RULES: Readonly<Record<string, Rule>> = {
  "services.*.command": REPLACE,
  "services.*.entrypoint": REPLACE,
  "services.*.healthcheck.test": REPLACE,
  "services.*.environment": KEY_VALUE,
  "services.*.labels": KEY_VALUE,
  "services.*.annotations": KEY_VALUE,
  "services.*.sysctls": KEY_VALUE,
  "services.*.storage_opt": KEY_VALUE,
  "services.*.build.args": KEY_VALUE,
  "services.*.build.labels": KEY_VALUE,
  "services.*.build.additional_contexts": KEY_VALUE,
  "services.*.deploy.labels": KEY_VALUE,
  "services.*.logging.options": KEY_VALUE,
  "networks.*.labels": KEY_VALUE,
  "networks.*.driver_opts": KEY_VALUE,
  "volumes.*.labels": KEY_VALUE,
  "volumes.*.driver_opts": KEY_VALUE,
  "configs.*.labels": KEY_VALUE,
  "secrets.*.labels": KEY_VALUE,
  "services.*.ports": { kind: "unique", key: portKey },
  "services.*.volumes": { kind: "unique", key: volumeKey },
  "services.*.secrets": { kind: "unique", key: mountKey("/run/secrets") },
  "services.*.configs": { kind: "unique", key: mountKey("") },
  "services.*.devices": { kind: "unique", key: deviceKey },
  "services.*.env_file": { kind: "unique", key: envFileKey },
  "services.*.expose": SET,
  "services.*.dns": SET,
  "services.*.dns_opt": SET,
  "services.*.dns_search": SET,
  "services.*.tmpfs": SET,
  "services.*.cap_add": SET,
  "services.*.cap_drop": SET,
  "services.*.group_add": SET,
  "services.*.security_opt": SET,
  "services.*.device_cgroup_rules": SET,
  "services.*.extra_hosts": SET,
  "services.*.build.extra_hosts": SET,
  "services.*.build.cache_from": SET,
  "services.*.build.tags": SET,
  "services.*.build.platforms": SET,
  "services.*.profiles": SET,
  "services.*.links": SET,
  "services.*.external_links": SET,
  "services.*.volumes_from": SET,
  "services.*.networks.*.aliases": SET,
  "services.*.depends_on": { kind: "mapping-of", item: () => ({ condition: "service_started" }) },
  "services.*.networks": { kind: "mapping-of", item: () => null },
  "services.*.logging": { kind: "logging" },
  "services.*.ulimits.*": { kind: "ulimit" },
  "services.*.build": { kind: "build" },
};

/** The rule for a concrete path, or undefined for the default rules. */
export function mergeRule(path: TreePath): Rule | undefined {
  const parts = path.map(String);
  for (const [pattern, rule] of Object.entries(MERGE_RULES)) {
    const p = pattern.split(".");
    if (p.length === parts.length && p.every((x, i) => x === "*" || x === parts[i])) return rule;
  }
  return undefined;
}

/** What a merge needs besides the two trees. */
export interface MergeContext {
  /** Origins of the result tree (it starts as the base's). */
  origins: Origins;
  /** Origins of the overriding tree. */
  overOrigins: Origins;
  /** Resolves interpolation markers in a string (for unique keys). */
  resolve: (s: string) => string;
  /** Records a problem at a path of the overriding tree. */
  problem: (overPath: TreePath, message: string) => void;
  /** Where the merged trees sit in a project, for the rules (`["services", "web"]` when merging one service). @default [] */
  rulePrefix?: TreePath;
}

/** A deep copy of a loaded tree (tags kept). */
export function clone(v: Raw): Raw {
  if (Array.isArray(v)) return v.map(clone);
  if (v instanceof ComposeTag) return new ComposeTag(v.tag, clone(v.value));
  if (isMap(v)) {
    const out: Record<string, Raw> = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out;
  }
  return v;
}

/**
 * A key/value list (`["A=1", "B"]`) or mapping as entries `[key, value | null, index]` (the index into the list, or
 * the key itself, for origins).
 */
function keyValues(v: Raw, resolve: (s: string) => string): [string, Raw, string | number][] {
  if (Array.isArray(v)) {
    return v.map((item, i) => {
      const s = typeof item === "string" ? item : String(item);
      const eq = s.indexOf("=");
      return eq < 0 ? [resolve(s), null, i] : [resolve(s.slice(0, eq)), s.slice(eq + 1), i];
    });
  }
  if (isMap(v)) return Object.entries(v).map(([k, x]) => [k, x, k]);
  return [];
}

/** `base` merged with `over`, both at path `at` of the result. */
export function merge(base: Raw, over: Raw, at: TreePath, overAt: TreePath, ctx: MergeContext): Raw {
  if (over instanceof ComposeTag) {
    ctx.origins.link(at, ctx.overOrigins, overAt);
    return over.tag === "reset" ? over : clone(over.value);
  }
  if (base instanceof ComposeTag) base = base.tag === "reset" ? undefined : base.value;
  if (base === undefined || base === null) {
    ctx.origins.link(at, ctx.overOrigins, overAt);
    return clone(over);
  }
  const rule = mergeRule([...(ctx.rulePrefix ?? []), ...at]);
  if (rule?.kind === "replace") {
    ctx.origins.link(at, ctx.overOrigins, overAt);
    return clone(over);
  }
  if (rule?.kind === "key-value" && (Array.isArray(base) || isMap(base)) && (Array.isArray(over) || isMap(over))) {
    const out: Record<string, Raw> = {};
    // The base's entries keep their own origins; a list item's is re-recorded under its key, where it now lives.
    for (const [k, v, i] of keyValues(base, ctx.resolve)) {
      out[k] = v;
      const source = typeof i === "number" ? ctx.origins.source([...at, i]) : undefined;
      if (source) ctx.origins.setParsed([...at, k], source.parsed, source.path);
    }
    for (const [k, v, i] of keyValues(over, ctx.resolve)) {
      out[k] = v instanceof ComposeTag ? (v.tag === "reset" ? v : clone(v.value)) : clone(v);
      ctx.origins.link([...at, k], ctx.overOrigins, [...overAt, i]);
    }
    return out;
  }
  if (rule?.kind === "mapping-of" && (Array.isArray(base) || isMap(base)) && (Array.isArray(over) || isMap(over))) {
    return mergeMaps(asMapping(base, rule.item, ctx.resolve), asMapping(over, rule.item, ctx.resolve), at, overAt, ctx, Array.isArray(over));
  }
  if (rule?.kind === "build") {
    const b = typeof base === "string" ? { context: base } : base;
    const o = typeof over === "string" ? { context: over } : over;
    if (isMap(b) && isMap(o)) return mergeMaps(b, o, at, overAt, ctx, false, typeof over === "string");
  }
  if (rule?.kind === "logging" && isMap(base) && isMap(over)) {
    const d1 = base["driver"];
    const d2 = over["driver"];
    if (d1 !== undefined && d2 !== undefined && d1 !== d2) {
      ctx.origins.link(at, ctx.overOrigins, overAt);
      return clone(over);
    }
  }
  if (rule?.kind === "ulimit" && !isMap(over)) {
    ctx.origins.link(at, ctx.overOrigins, overAt);
    return clone(over);
  }
  if (rule?.kind === "unique" && Array.isArray(base) && Array.isArray(over)) {
    const out = [...base];
    const index = new Map<string, number>();
    base.forEach((item, i) => {
      index.set(rule.key(item, ctx.resolve), i);
    });
    over.forEach((item, j) => {
      const key = rule.key(item, ctx.resolve);
      const i = index.get(key);
      const slot = i ?? out.length;
      if (i === undefined) index.set(key, slot);
      out[slot] = clone(item);
      ctx.origins.link([...at, slot], ctx.overOrigins, [...overAt, j]);
    });
    return out;
  }
  if (isMap(base) && isMap(over)) return mergeMaps(base, over, at, overAt, ctx, false);
  if (Array.isArray(base) && Array.isArray(over)) {
    const out = [...base];
    over.forEach((item, j) => {
      ctx.origins.link([...at, out.length], ctx.overOrigins, [...overAt, j]);
      out.push(clone(item));
    });
    return out;
  }
  if ((isMap(base) || Array.isArray(base)) !== (isMap(over) || Array.isArray(over)) || isMap(base) !== isMap(over)) {
    if (isMap(base) || Array.isArray(base)) {
      ctx.problem(overAt, `cannot override a ${isMap(base) ? "mapping" : "list"} with a ${describe(over)}; write the same kind of value as the earlier file`);
      return base;
    }
  }
  ctx.origins.link(at, ctx.overOrigins, overAt);
  return clone(over);
}

function describe(v: Raw): string {
  return Array.isArray(v) ? "list" : isMap(v) ? "mapping" : "single value";
}

/** A list of names (`[db, cache]`) as a mapping `{db: item(db), cache: item(cache)}`; a mapping as is. */
function asMapping(v: Raw, item: (name: string) => Raw, resolve: (s: string) => string): Record<string, Raw> {
  if (isMap(v)) return v;
  const out: Record<string, Raw> = {};
  for (const x of v as Raw[]) out[resolve(String(x))] = item(String(x));
  return out;
}

function mergeMaps(
  base: Record<string, Raw>,
  over: Record<string, Raw>,
  at: TreePath,
  overAt: TreePath,
  ctx: MergeContext,
  overIsList: boolean,
  overIsScalar = false,
): Record<string, Raw> {
  const out: Record<string, Raw> = { ...base };
  const names = Object.keys(over);
  names.forEach((k, j) => {
    // A list item's origin is its index in the list, a mapping member's its key.
    const from: TreePath = overIsScalar ? overAt : overIsList ? [...overAt, j] : [...overAt, k];
    if (k.startsWith("x-") || !(k in out)) {
      const v = over[k];
      out[k] = v instanceof ComposeTag ? (v.tag === "reset" ? v : clone(v.value)) : clone(v);
      ctx.origins.link([...at, k], ctx.overOrigins, from);
      return;
    }
    out[k] = merge(out[k], over[k], [...at, k], from, ctx);
  });
  return out;
}

/** The tree with every merge tag resolved: `!reset` values removed, `!override` values unwrapped. */
export function stripTags(v: Raw): Raw {
  if (v instanceof ComposeTag) return v.tag === "reset" ? undefined : stripTags(v.value);
  if (Array.isArray(v)) return v.map(stripTags).filter((x) => x !== undefined);
  if (isMap(v)) {
    const out: Record<string, Raw> = {};
    for (const [k, x] of Object.entries(v)) {
      const s = stripTags(x);
      if (s !== undefined) out[k] = s;
    }
    return out;
  }
  return v;
}
