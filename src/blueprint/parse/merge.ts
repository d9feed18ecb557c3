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
]);

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
  for (const doc of docs) {
    const value = doc.value as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      if (!KNOWN_TOP.has(key)) diagnostics.at({ doc, path: [key] }, `unknown top-level key "${key}"`, true);
    }
    const v = value["tosca_definitions_version"];
    if (doc !== main && v !== undefined && typeof version === "string" && v !== version) {
      diagnostics.at({ doc, path: ["tosca_definitions_version"] }, `this imported file is ${String(v)} but the main blueprint is ${version}; they must match`);
    }
    for (const section of MERGED_SECTIONS) {
      const body = value[section];
      if (body === undefined || body === null) continue;
      const site: Site = { doc, path: [section] };
      if (!isMap(body)) {
        diagnostics.at(site, `${section} must be a mapping of names to definitions`);
        continue;
      }
      const target = sections[section];
      for (const [name, def] of Object.entries(body)) {
        const at: Site = { doc, path: [section, name] };
        const prior = target.get(name);
        if (prior) {
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
