/**
 * A catalogue family: one plugin (or the core types) with every version Berth has facts for, and the rules for
 * choosing one: by the version in an import URL, or by a `plugin:NAME?version=` constraint.
 */
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

/** A parsed version: numeric parts and a pre-release suffix (`m1`, `rc2`, `.dev1`: earlier than the release). */
interface Parsed {
  nums: number[];
  pre: string;
}

/** Parses `4.1m1`, `2.14.26`, `7.1.0.dev1`; undefined when it does not start with a number. */
export function parseVersion(text: string): Parsed | undefined {
  const m = /^v?([0-9]+(?:\.[0-9]+)*)(.*)$/.exec(text.trim());
  if (!m) return undefined;
  return { nums: m[1]!.split(".").map(Number), pre: m[2]!.replace(/^[.-]/, "") };
}

/** Compares two versions (negative when a < b). */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? { nums: [], pre: a };
  const pb = parseVersion(b) ?? { nums: [], pre: b };
  for (let i = 0; i < Math.max(pa.nums.length, pb.nums.length); i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === "") return 1;
  if (pb.pre === "") return -1;
  return pa.pre < pb.pre ? -1 : 1;
}

/** One comparison of a version constraint. */
interface Clause {
  op: "==" | "!=" | ">=" | "<=" | ">" | "<" | "~=";
  version: string;
}

/**
 * Parses a `?version=` constraint: comma-separated clauses, each an operator (`>=`, `>`, `<=`, `<`, `==`, `=`, `!=`,
 * `~=`) and a version, or a bare version (exact); spaces anywhere. Undefined when a clause cannot be read.
 */
export function parseConstraint(text: string): Clause[] | undefined {
  const clauses: Clause[] = [];
  for (const raw of text.split(",")) {
    const part = raw.replace(/\s+/g, "");
    if (part === "") continue;
    const m = /^(==|!=|>=|<=|~=|>|<|=)?(.+)$/.exec(part);
    if (!m || !parseVersion(m[2]!)) return undefined;
    const op = (m[1] === "=" || m[1] === undefined ? "==" : m[1]) as Clause["op"];
    clauses.push({ op, version: m[2]! });
  }
  return clauses;
}

/** True when `version` satisfies every clause. */
export function satisfies(version: string, clauses: readonly Clause[]): boolean {
  return clauses.every((c) => {
    const d = compareVersions(version, c.version);
    switch (c.op) {
      case "==":
        return d === 0;
      case "!=":
        return d !== 0;
      case ">=":
        return d >= 0;
      case "<=":
        return d <= 0;
      case ">":
        return d > 0;
      case "<":
        return d < 0;
      case "~=": {
        // Compatible release: >= the version and the same up to its last given part.
        const nums = parseVersion(c.version)!.nums;
        const v = parseVersion(version)!.nums;
        return d >= 0 && nums.slice(0, -1).every((n, i) => v[i] === n);
      }
    }
    return false;
  });
}

/** The versions of a family, newest first. */
export function newestFirst(family: Family): CatalogueVersion[] {
  return [...family.versions].sort((a, b) => compareVersions(b.version, a.version));
}

/** The newest catalogued version satisfying a constraint (all versions when there is none). */
export function pickByConstraint(family: Family, clauses: readonly Clause[]): CatalogueVersion | undefined {
  return newestFirst(family).find((v) => satisfies(v.version, clauses));
}

/**
 * The catalogued version for a version named in a URL: that version, else the newest of the same major version
 * below it, else the oldest of the same major above it (types change between majors, rarely within one).
 */
export function pickForVersion(family: Family, wanted: string): CatalogueVersion | undefined {
  const exact = family.versions.find((v) => compareVersions(v.version, wanted) === 0);
  if (exact) return exact;
  const major = parseVersion(wanted)?.nums[0];
  const same = newestFirst(family).filter((v) => parseVersion(v.version)?.nums[0] === major);
  return same.find((v) => compareVersions(v.version, wanted) <= 0) ?? same[same.length - 1];
}
