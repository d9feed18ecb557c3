/**
 * The offline catalogue: the type files blueprints import by URL or by `plugin:NAME`, written by us as facts (names,
 * derivation, properties and defaults, operations), one file per family with its versions inside. This is the one
 * lookup: an import string in, the definitions of the version it stands for (and how that version was chosen) out.
 */
import { ANSIBLE } from "./ansible";
import { AWS } from "./aws";
import { AZURE } from "./azure";
import { CORE } from "./core";
import { DIAMOND } from "./diamond";
import { DOCKER } from "./docker";
import type { Defs } from "./dsl";
import { FABRIC } from "./fabric";
import { parseVersionConstraint } from "../../../core/plugin-version";
import { type CatalogueVersion, type Family, newestFirst, pickByConstraint, pickForVersion } from "./family";
import { GCP } from "./gcp";
import { HELM } from "./helm";
import { HOST_POOL } from "./host-pool";
import { KUBERNETES } from "./kubernetes";
import { OPENSTACK } from "./openstack";
import { SWARM } from "./swarm";
import { TERRAFORM } from "./terraform";
import { UTILITIES } from "./utilities";
import { VCLOUD } from "./vcloud";
import { VSPHERE } from "./vsphere";

export type { Family, CatalogueVersion } from "./family";

/** Every plugin family the catalogue knows. */
export const PLUGIN_FAMILIES: readonly Family[] = [ANSIBLE, AWS, AZURE, DIAMOND, DOCKER, FABRIC, GCP, HELM, HOST_POOL, KUBERNETES, OPENSTACK, SWARM, TERRAFORM, UTILITIES, VCLOUD, VSPHERE];

/** The core types family. */
export { CORE };

/** A catalogue entry an import resolved to. */
export interface CatalogueHit {
  family: Family;
  version: CatalogueVersion;
  /** The definitions (built once per version). */
  defs: Defs;
  /** How the version was chosen, when it is not the one the import names (for the report). @default none */
  note?: string;
}

/** The result of a lookup: a hit, a miss with the reason, or `undefined` when the import is not a catalogue form. */
export type CatalogueLookup = { hit: CatalogueHit } | { miss: string } | undefined;

const built = new WeakMap<CatalogueVersion, Defs>();

function hit(family: Family, version: CatalogueVersion, note?: string): CatalogueLookup {
  let defs = built.get(version);
  if (!defs) {
    defs = version.defs();
    built.set(version, defs);
  }
  return { hit: { family, version, defs, note } };
}

/** The path of a core types URL's version: getcloudify.org/cloudify.co spec URLs and the manager's own resources. */
const CORE_URL = [
  /^https?:\/\/(?:www\.)?(?:getcloudify\.org(?:\.s3\.amazonaws\.com)?|cloudify\.co|docs\.cloudify\.co)\/spec\/cloudify\/([^/]+)\/types\.yaml$/i,
  /^https?:\/\/(?:raw\.githubusercontent\.com|github\.com)\/cloudify-cosmo\/cloudify-manager\/(?:raw\/|blob\/)?([^/]+)\/resources\/rest-service\/cloudify\/types\/types\.yaml$/i,
];

/** Plugin URLs: spec URLs (`/spec/openstack-plugin/2.0.1/plugin.yaml`) and repository files and releases. */
const PLUGIN_URL = [
  /^https?:\/\/(?:www\.)?(?:getcloudify\.org(?:\.s3\.amazonaws\.com)?|cloudify\.co|docs\.cloudify\.co)\/spec\/([a-z0-9-]+)\/([^/]+)\/plugin\.yaml$/i,
  /^https?:\/\/(?:raw\.githubusercontent\.com|github\.com)\/[A-Za-z0-9_.-]+\/([a-z0-9-]+)\/(?:raw\/|blob\/|releases\/download\/|archive\/)?([^/]+)\/plugin\.yaml$/i,
];

/** The built-in types path Cloudify 5 and later serve from the manager. */
export const BUILTIN_TYPES = "cloudify/types/types.yaml";

/**
 * Looks an import up: the manager's built-in `cloudify/types/types.yaml` (the newest core set), the core types URL of
 * any Cloudify version, a plugin's `plugin.yaml` URL, or `plugin:NAME[?version=CONSTRAINT]` (the newest catalogued
 * version that satisfies the constraint).
 */
export function lookupImport(entry: string): CatalogueLookup {
  const text = entry.trim();
  if (text === BUILTIN_TYPES || text === `/${BUILTIN_TYPES}`) {
    const newest = newestFirst(CORE)[0]!;
    return hit(CORE, newest, `${BUILTIN_TYPES} is the manager's built-in types; read as the Cloudify ${newest.version} type set`);
  }
  if (text.startsWith("plugin:")) return lookupPlugin(text.slice("plugin:".length));
  const url = text.replace(/[?#].*$/, "");
  for (const re of CORE_URL) {
    const m = re.exec(url);
    if (!m) continue;
    const wanted = m[1]!;
    const version = /^[0-9]/.test(wanted) ? pickForVersion(CORE, wanted) : newestFirst(CORE)[0];
    if (!version) return { miss: `Cloudify ${wanted} is not a version Berth's catalogue has core types for (it has ${CORE.versions.map((v) => v.version).join(", ")})` };
    return hit(CORE, version, version.version === wanted ? undefined : `core types ${wanted} read as the Cloudify ${version.version} type set`);
  }
  for (const re of PLUGIN_URL) {
    const m = re.exec(url);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const family = PLUGIN_FAMILIES.find((f) => f.urlNames.includes(name) || f.packages.includes(name));
    if (!family) return { miss: `the ${name} plugin is not in Berth's offline catalogue` };
    const wanted = m[2]!;
    const version = /^[0-9]/.test(wanted) ? pickForVersion(family, wanted) : newestFirst(family)[0];
    if (!version) return { miss: `Berth's catalogue of the ${family.title} has no ${wanted.split(".")[0]}.x version (it has ${family.versions.map((v) => v.version).join(", ")})` };
    return hit(family, version, version.version === wanted ? undefined : `${family.title} ${wanted} read as catalogued version ${version.version}`);
  }
  return undefined;
}

function lookupPlugin(spec: string): CatalogueLookup {
  const q = spec.indexOf("?");
  const name = (q < 0 ? spec : spec.slice(0, q)).trim().toLowerCase();
  const query = q < 0 ? "" : spec.slice(q + 1);
  const family = PLUGIN_FAMILIES.find((f) => f.packages.includes(name));
  if (!family) return { miss: `the plugin ${name} is not in Berth's offline catalogue` };
  const versionParam = query
    .split("&")
    .map((p) => p.trim())
    .find((p) => /^version\s*=/.test(p));
  if (versionParam === undefined) {
    const newest = newestFirst(family)[0]!;
    return hit(family, newest, `plugin:${name} (no version given): read as the newest catalogued version, ${newest.version}`);
  }
  const constraint = versionParam.replace(/^version\s*=/, "");
  const clauses = parseVersionConstraint(constraint);
  if (!clauses) return { miss: `the version constraint ${JSON.stringify(constraint.trim())} cannot be read; write e.g. version= >=1.2.0` };
  const version = pickByConstraint(family, clauses);
  if (!version) {
    return { miss: `no catalogued version of ${name} satisfies ${constraint.trim()} (Berth has ${family.versions.map((v) => v.version).join(", ")})` };
  }
  return hit(family, version, `plugin:${name} ${constraint.trim()}: chose ${version.version}, the newest catalogued version that satisfies it`);
}

/** The catalogued plugin versions that define a node or relationship type of this name (any version, newest first). */
export function catalogueVersionsDefining(typeName: string): { family: Family; version: CatalogueVersion }[] {
  const found: { family: Family; version: CatalogueVersion }[] = [];
  for (const family of PLUGIN_FAMILIES) {
    for (const version of newestFirst(family)) {
      const looked = hit(family, version);
      const defs = looked && "hit" in looked ? looked.hit.defs : undefined;
      const nodes = defs?.["node_types"] as Record<string, unknown> | undefined;
      const rels = defs?.["relationships"] as Record<string, unknown> | undefined;
      if ((nodes && Object.hasOwn(nodes, typeName)) || (rels && Object.hasOwn(rels, typeName))) found.push({ family, version });
    }
  }
  return found;
}

/** The plugin family some catalogued version of which defines a type of this name, if any (its title). */
export function catalogueFamilyOf(typeName: string): string | undefined {
  return catalogueVersionsDefining(typeName)[0]?.family.title;
}
