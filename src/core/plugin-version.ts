/**
 * Plugin versions and version constraints with PEP 440 semantics (Cloudify plugins are Python packages):
 * `1.0rc2 < 1.0rc10 < 1.0 < 1.0.post1`, `1.0.dev1` before every other form of 1.0, `2.0 == 2.0.0`, and the
 * specifier operators `==`, `!=`, `<=`, `>=`, `<`, `>`, `~=`, `===` with `==1.2.*` / `!=1.2.*` wildcards.
 * Two leniencies for what Cloudify blueprints write: `=` and a bare version mean `==`, and a version that is not
 * PEP 440 but starts with a number (Cloudify's `4.1m1` milestones) reads as that release with a pre-release tag
 * that sorts before `a`. Pre-releases are not filtered out of a match (a catalogue lists only what it means).
 * A maintained library (`@renovatebot/pep440`) does the same; this is the subset Berth needs.
 */

/** A parsed version. */
export interface PluginVersion {
  /** The epoch (`1!2.0` → 1). */
  epoch: number;
  /** The release numbers (`2.14.26` → [2, 14, 26]). */
  release: number[];
  /** The pre-release: its rank (unknown tag 0, a 1, b 2, rc 3), tag and number. @default none */
  pre?: { rank: number; tag: string; n: number };
  /** The post-release number. @default none */
  post?: number;
  /** The development release number. @default none */
  dev?: number;
  /** The local label's parts (`+ubuntu.1` → ["ubuntu", 1]). @default none */
  local?: (string | number)[];
}

const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

const PRE_RANK: Record<string, [number, string]> = {
  a: [1, "a"],
  alpha: [1, "a"],
  b: [2, "b"],
  beta: [2, "b"],
  c: [3, "rc"],
  rc: [3, "rc"],
  pre: [3, "rc"],
  preview: [3, "rc"],
};

/** Parses a version; undefined when it does not start with a release number. */
export function parsePluginVersion(text: string): PluginVersion | undefined {
  const t = text.trim();
  const m = PEP440.exec(t);
  if (m) {
    const out: PluginVersion = { epoch: Number(m[1] ?? 0), release: m[2]!.split(".").map(Number) };
    if (m[3] !== undefined) {
      const [rank, tag] = PRE_RANK[m[3].toLowerCase()]!;
      out.pre = { rank, tag, n: Number(m[4] ?? 0) };
    }
    if (m[5] !== undefined) out.post = Number(m[5]);
    else if (m[6] !== undefined) out.post = Number(m[7] ?? 0);
    if (m[8] !== undefined) out.dev = Number(m[9] ?? 0);
    if (m[10] !== undefined) out.local = m[10].toLowerCase().split(/[-_.]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    return out;
  }
  const loose = /^v?(\d+(?:\.\d+)*)[-_.]?([a-z]+)?[-_.]?(\d+)?$/i.exec(t);
  if (!loose) return undefined;
  const out: PluginVersion = { epoch: 0, release: loose[1]!.split(".").map(Number) };
  if (loose[2] !== undefined || loose[3] !== undefined) out.pre = { rank: 0, tag: (loose[2] ?? "").toLowerCase(), n: Number(loose[3] ?? 0) };
  return out;
}

/** The version's release numbers without trailing zeros (`2.0.0` and `2` compare equal). */
function trimmed(release: readonly number[]): number[] {
  let end = release.length;
  while (end > 1 && release[end - 1] === 0) end--;
  return release.slice(0, end);
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** PEP 440's pre-release key: a dev release of the release itself first, then pre-releases, then the release. */
function preKey(v: PluginVersion): [number, string, number] {
  if (v.pre) return [v.pre.rank, v.pre.tag, v.pre.n];
  if (v.dev !== undefined && v.post === undefined) return [-1, "", 0];
  return [9, "", 0];
}

function compareLocal(a: PluginVersion["local"], b: PluginVersion["local"]): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x !== typeof y) return typeof x === "number" ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Compares two parsed versions (negative when a sorts first, 0 when equal, positive after). */
export function compareParsedVersions(a: PluginVersion, b: PluginVersion, withLocal = true): number {
  if (a.epoch !== b.epoch) return Math.sign(a.epoch - b.epoch);
  const r = compareNumbers(trimmed(a.release), trimmed(b.release));
  if (r !== 0) return r;
  const [ar, at, an] = preKey(a);
  const [br, bt, bn] = preKey(b);
  if (ar !== br) return Math.sign(ar - br);
  if (at !== bt) return at < bt ? -1 : 1;
  if (an !== bn) return Math.sign(an - bn);
  const ap = a.post ?? -1;
  const bp = b.post ?? -1;
  if (ap !== bp) return Math.sign(ap - bp);
  const ad = a.dev ?? Number.POSITIVE_INFINITY;
  const bd = b.dev ?? Number.POSITIVE_INFINITY;
  if (ad !== bd) return ad < bd ? -1 : 1;
  return withLocal ? compareLocal(a.local, b.local) : 0;
}

/** Compares two version strings; a string that is not a version sorts before every version, by its text. */
export function comparePluginVersions(a: string, b: string): number {
  const pa = parsePluginVersion(a);
  const pb = parsePluginVersion(b);
  if (pa && pb) return compareParsedVersions(pa, pb);
  if (pa || pb) return pa ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One clause of a version constraint. */
export interface VersionClause {
  /** The operator (`=` and a bare version read as `==`). */
  op: "==" | "!=" | ">=" | "<=" | ">" | "<" | "~=" | "===";
  /** The version as written (without a `.*` wildcard). */
  version: string;
  /** True for `==V.*` and `!=V.*`. @default false */
  wildcard?: boolean;
}

/**
 * Parses a constraint: comma-separated clauses, each an operator and a version (`>=1.2, <2`, `~=2.7`, `==1.2.*`),
 * spaces anywhere. Undefined when a clause cannot be read (an unknown operator, a version that is not one, `.*`
 * after an operator other than `==`/`!=` or after more than a release, `~=` with a single release number).
 */
export function parseVersionConstraint(text: string): VersionClause[] | undefined {
  const clauses: VersionClause[] = [];
  for (const raw of text.split(",")) {
    const part = raw.replace(/\s+/g, "");
    if (part === "") continue;
    const m = /^(===|==|!=|>=|<=|~=|>|<|=)?(.+)$/.exec(part);
    if (!m) return undefined;
    const op = (m[1] === "=" || m[1] === undefined ? "==" : m[1]) as VersionClause["op"];
    if (op === "===") {
      clauses.push({ op, version: m[2]! });
      continue;
    }
    const wildcard = m[2]!.endsWith(".*");
    const version = wildcard ? m[2]!.slice(0, -2) : m[2]!;
    const parsed = parsePluginVersion(version);
    if (!parsed || (wildcard && ((op !== "==" && op !== "!=") || parsed.pre || parsed.post !== undefined || parsed.dev !== undefined || parsed.local))) return undefined;
    if (op === "~=" && parsed.release.length < 2) return undefined;
    clauses.push(wildcard ? { op, version, wildcard } : { op, version });
  }
  return clauses;
}

/** True when `v`'s release starts with `prefix`'s (padded with zeros), as `==prefix.*` asks. */
function prefixMatch(v: PluginVersion, prefix: PluginVersion): boolean {
  return v.epoch === prefix.epoch && prefix.release.every((n, i) => (v.release[i] ?? 0) === n);
}

/** True when `version` satisfies one clause. */
export function satisfiesClause(version: string, clause: VersionClause): boolean {
  if (clause.op === "===") return version.trim().toLowerCase() === clause.version.toLowerCase();
  const v = parsePluginVersion(version);
  const c = parsePluginVersion(clause.version);
  if (!v || !c) return false;
  if (clause.wildcard) return prefixMatch(v, c) === (clause.op === "==");
  const d = compareParsedVersions(v, c, c.local !== undefined);
  switch (clause.op) {
    case "==":
      return d === 0;
    case "!=":
      return d !== 0;
    case ">=":
      return compareParsedVersions(v, c, false) >= 0;
    case "<=":
      return compareParsedVersions(v, c, false) <= 0;
    case "<":
      // Not a pre-release of the given release unless the given version is itself a pre-release.
      return d < 0 && !(c.pre === undefined && c.dev === undefined && v.pre !== undefined && sameRelease(v, c));
    case ">":
      // Not a post-release or local version of the given release unless it is itself one.
      return compareParsedVersions(v, c, false) > 0 && !(c.post === undefined && v.post !== undefined && sameRelease(v, c) && v.pre === undefined) && !(v.local !== undefined && compareParsedVersions(v, c, false) === 0);
    case "~=": {
      const prefix: PluginVersion = { epoch: c.epoch, release: c.release.slice(0, -1) };
      return compareParsedVersions(v, c, false) >= 0 && prefixMatch(v, prefix);
    }
  }
  return false;
}

function sameRelease(a: PluginVersion, b: PluginVersion): boolean {
  return a.epoch === b.epoch && compareNumbers(trimmed(a.release), trimmed(b.release)) === 0;
}

/** True when `version` satisfies every clause (no clauses: every version). */
export function satisfiesVersion(version: string, clauses: readonly VersionClause[]): boolean {
  return clauses.every((c) => satisfiesClause(version, c));
}
