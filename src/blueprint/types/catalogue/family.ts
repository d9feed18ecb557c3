/**
 * A catalogue family: one plugin (or the core types) with every version Berth has facts for, and the rules for
 * choosing one: by the version in an import URL, or by a `plugin:NAME?version=` constraint.
 */
import { comparePluginVersions, parsePluginVersion, satisfiesVersion, type VersionClause } from "../../../core/plugin-version";
import type { Defs } from "./dsl";

/** One catalogued version of a family. */
export interface CatalogueVersion {
  /** The version (`3.2.4`, `4.2`, `7.0`). */
  version: string;
  /** Its definitions, built on first use. */
  defs: () => Defs;
  /**
   * True when the entry knows the type and relationship names and their derivation but not every property: values
   * of properties it does not list are kept, not reported as undeclared.
   * @default false
   */
  namesOnly?: boolean;
}

/** A family of catalogue entries. */
export interface Family {
  /** How the report names it ("openstack plugin", "Cloudify core types"). */
  title: string;
  /** The names `plugin:NAME` uses (the package name, `cloudify-openstack-plugin`). @default none */
  packages: readonly string[];
  /** The names in spec and repository URLs (`openstack-plugin`, `cloudify-openstack-plugin`). @default none */
  urlNames: readonly string[];
  /** The versions, any order. */
  versions: readonly CatalogueVersion[];
}

/** The versions of a family, newest first. */
export function newestFirst(family: Family): CatalogueVersion[] {
  return [...family.versions].sort((a, b) => comparePluginVersions(b.version, a.version));
}

/** The newest catalogued version satisfying a constraint (all versions when there is none). */
export function pickByConstraint(family: Family, clauses: readonly VersionClause[]): CatalogueVersion | undefined {
  return newestFirst(family).find((v) => satisfiesVersion(v.version, clauses));
}

/**
 * The catalogued version for a version named in a URL: that version, else the newest of the same major version
 * below it, else the oldest of the same major above it (types change between majors, rarely within one).
 */
export function pickForVersion(family: Family, wanted: string): CatalogueVersion | undefined {
  const exact = family.versions.find((v) => comparePluginVersions(v.version, wanted) === 0);
  if (exact) return exact;
  const major = parsePluginVersion(wanted)?.release[0];
  const same = newestFirst(family).filter((v) => parsePluginVersion(v.version)?.release[0] === major);
  return same.find((v) => comparePluginVersions(v.version, wanted) <= 0) ?? same[same.length - 1];
}
