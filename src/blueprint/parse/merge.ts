import type { Diagnostics, Site, SourceDoc } from "../model/site";
import { isMap } from "../model/site";

/** A named definition and where it was written. */
export interface Entry {
  name: string;
  value: unknown;
  site: Site;
}

/** The sections merged from every file (names unique across files). */
export type MergedSections = Record<(typeof MERGED_SECTIONS)[number], Map<string, Entry>>;

/** The merged blueprint: sections, plus the main file's version and description. */
export interface Merged {
  sections: MergedSections;
  version: string | undefined;
  description: string | undefined;
  main: SourceDoc;
}

/** Sections merged from imported files; defining a name twice is an error. */
export const MERGED_SECTIONS = [
  "node_types",
  "relationships",
  "plugins",
  "workflows",
  "policy_types",
  "policy_triggers",
  "groups",
  "data_types",
  "interfaces",
  "inputs",
  "outputs",
  "node_templates",
  "capabilities",
  "policies",
] as const;

const KNOWN_TOP = new Set<string>([
  ...MERGED_SECTIONS,
  "tosca_definitions_version",
  "imports",
  "dsl_definitions",
  "description",
  "metadata",
  "labels",
  "blueprint_labels",
  "resource_tags",
  "deployment_settings",
]);

/** The sections whose names a namespaced import prefixes with `NS--`. */
const NAMESPACED = new Set<string>(MERGED_SECTIONS);

/** The DSL version number of `cloudify_dsl_1_N` (N), or undefined. */
function dslMinor(v: unknown): number | undefined {
  const m = typeof v === "string" ? /^cloudify_dsl_1_([0-9])/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * A namespaced file's definition with its references to names the same namespace defines prefixed too (template
 * and relationship types, relationship targets, `derived_from`, group members and policy targets).
 */
function withNamespace(section: string, def: unknown, ns: string, defines: (section: string, name: string) => boolean): unknown {
  if (!isMap(def)) return def;
  const pre = (sec: string, v: unknown): unknown => (typeof v === "string" && defines(sec, v) ? `${ns}--${v}` : v);
  const out: Record<string, unknown> = { ...def };
  if ("derived_from" in out) out["derived_from"] = pre(section === "relationships" ? "relationships" : section, out["derived_from"]);
  if (section === "node_templates") {
    out["type"] = pre("node_types", out["type"]);
    if (Array.isArray(out["relationships"])) {
      out["relationships"] = out["relationships"].map((r) => (isMap(r) ? { ...r, type: pre("relationships", r["type"]), target: pre("node_templates", r["target"]) } : r));
    }
  }
  if (section === "groups" && Array.isArray(out["members"])) out["members"] = out["members"].map((m) => pre("node_templates", m) === m ? pre("groups", m) : pre("node_templates", m));
  if (section === "policies" && Array.isArray(out["targets"])) out["targets"] = out["targets"].map((t) => pre("groups", t));
  return out;
}

const VERSION = /^cloudify_dsl_1_[0-5](_[0-9]+)?$/;

/** Merges the loaded files per the DSL's import rules (reference: cloudify.md §5.2). */
export function mergeFiles(docs: readonly SourceDoc[], diagnostics: Diagnostics): Merged | undefined {
  const main = docs[0];
  if (!main) return undefined;
  const sections = Object.fromEntries(MERGED_SECTIONS.map((s) => [s, new Map<string, Entry>()])) as MergedSections;
  const mainValue = main.value as Record<string, unknown>;
  const version = mainValue["tosca_definitions_version"];
  if (version === undefined) {
    diagnostics.at({ doc: main, path: [] }, "tosca_definitions_version is missing; add e.g. `tosca_definitions_version: cloudify_dsl_1_3`");
  } else if (typeof version !== "string" || !VERSION.test(version)) {
    diagnostics.at({ doc: main, path: ["tosca_definitions_version"] }, `unsupported tosca_definitions_version ${JSON.stringify(version)}; use cloudify_dsl_1_0 to cloudify_dsl_1_5`);
  }
  // What each namespace defines, so a namespaced file's references to its own names are prefixed as well.
  const defined = new Map<string, Set<string>>();
  for (const doc of docs) {
    if (!doc.namespace) continue;
    const set = defined.get(doc.namespace) ?? new Set<string>();
    for (const section of MERGED_SECTIONS) {
      const body = (doc.value as Record<string, unknown>)[section];
      if (isMap(body)) for (const n of Object.keys(body)) set.add(`${section}\0${n}`);
    }
    defined.set(doc.namespace, set);
  }
  for (const doc of docs) {
    const value = doc.value as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (!KNOWN_TOP.has(key)) diagnostics.at({ doc, path: [key] }, `unknown top-level key "${key}"`, true);
    }
    const v = value["tosca_definitions_version"];
    if (doc !== main && v !== undefined && typeof version === "string" && (dslMinor(v) ?? 0) > (dslMinor(version) ?? 9)) {
      diagnostics.at({ doc, path: ["tosca_definitions_version"] }, `this imported file is ${String(v)}, newer than the main blueprint's ${version}; an import may not use a newer DSL version`);
    }
    const ns = doc.namespace;
    const defines = (section: string, name: string): boolean => (ns ? (defined.get(ns)?.has(`${section}\0${name}`) ?? false) : false);
    for (const section of MERGED_SECTIONS) {
      const body = value[section];
      if (body === undefined || body === null) continue;
      const site: Site = { doc, path: [section] };
      if (!isMap(body)) {
        diagnostics.at(site, `${section} must be a mapping of names to definitions`);
        continue;
      }
      const target = sections[section];
      for (const [key, raw] of Object.entries(body)) {
        const at: Site = { doc, path: [section, key] };
        const name = ns && NAMESPACED.has(section) ? `${ns}--${key}` : key;
        const def = ns ? withNamespace(section, raw, ns, defines) : raw;
        const prior = target.get(name);
        if (prior) {
          // A plugin's catalogue entry gives way to a file that defines the same names (a local copy of the plugin
          // file); the core types do not (Cloudify refuses a blueprint that redefines them).
          const core = (d: SourceDoc) => d.catalogue?.family === "Cloudify core types";
          const pluginEntry = (prior.site.doc.catalogue && !core(prior.site.doc)) || (doc.catalogue && !core(doc));
          if (prior.site.doc.catalogue && !doc.catalogue && !core(prior.site.doc)) target.set(name, { name, value: def, site: at });
          if (pluginEntry || JSON.stringify(prior.value) === JSON.stringify(def)) continue;
          const [here, other] = doc.parsed || !prior.site.doc.parsed ? [at, prior.site] : [prior.site, at];
          diagnostics.at(here, `${section} "${name}" is defined twice (also in ${other.doc.file}); a name may be defined once`, true);
          continue;
        }
        target.set(name, { name, value: def, site: at });
      }
    }
  }
  const description = typeof mainValue["description"] === "string" ? mainValue["description"] : undefined;
  return { sections, version: typeof version === "string" ? version : undefined, description, main };
}
