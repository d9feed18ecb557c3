/**
 * Typed reading of an assembled Compose tree: small readers for strings, numbers, sizes, durations, lists and
 * key/value maps, each of which reports a value that does not fit its type as an error at the value's
 * file:line:column (nothing is dropped without a word), and the key check against the target's coverage table.
 *
 * Strings may hold variable markers (markers.ts). Readers of free-form text (`text`, `texts`, `dict` values) keep
 * them, so a written program can read those values from its stack configuration; every other reader resolves them
 * first, because its value is parsed (a port, a size, a policy name) and is written as what it was.
 */
import { shown as shownValue } from "../core/shown";
import { type ComposeTarget, coverageOf } from "./coverage";
import type { ComposeDiagnostic } from "./assemble";
import type { VariableMarkers } from "./markers";
import type { Origins, TreePath } from "./origins";
import { namedSecret } from "./program-values";
import { parseDuration } from "../core/duration";
import { parseBytes } from "../core/size";
import { parseCpus } from "./units";

export type Raw = unknown;
export type Path = (string | number)[];

/** True for a YAML mapping. */
export function isMap(v: Raw): v is Record<string, Raw> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const TRUE = new Set(["true", "True", "TRUE", "yes", "Yes", "YES", "y", "Y", "on", "On", "ON"]);
const FALSE = new Set(["false", "False", "FALSE", "no", "No", "NO", "n", "N", "off", "Off", "OFF"]);

/** Shortens a value for a message: one line, quoted, at most {@link SHOWN_MAX} characters. */
export function shown(v: Raw): string {
  return shownValue(typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));
}

/** The readers, their diagnostics and the context they need. */
export class TypedReader {
  public readonly diagnostics: ComposeDiagnostic[] = [];

  constructor(
    public readonly target: ComposeTarget,
    private readonly origins: Origins,
    private readonly strict: boolean,
    public readonly markers: VariableMarkers | undefined,
  ) {}

  /** `file:line:column` of a path. */
  public where(path: TreePath): string {
    return this.origins.where(path);
  }

  /** The file the node at `path` was written in. */
  public fileOf(path: TreePath): string | undefined {
    return this.origins.fileOf(path);
  }

  public error(path: TreePath, message: string): void {
    this.diagnostics.push({ severity: "error", where: this.where(path), key: path.join("."), message });
  }

  /** A key or value left out on the target: a warning, or an error under `strict`. */
  public warn(path: TreePath, message: string): void {
    const severity = this.strict ? "error" : "warning";
    const suffix = this.strict ? " (an error because of strict mode)" : "";
    this.diagnostics.push({ severity, where: this.where(path), key: path.join("."), message: message + suffix });
  }

  /** A key accepted and ignored by design. */
  public info(path: TreePath, message: string): void {
    this.diagnostics.push({ severity: "info", where: this.where(path), key: path.join("."), message });
  }

  /** A string with its markers resolved. */
  public resolve(s: string): string {
    return this.markers ? this.markers.resolve(s) : s;
  }

  /**
   * A string with its markers resolved, for a value Berth parses or checks (a port, a size, a policy): a written
   * program holds such a value as it is now, so that is said (an info line), and refused for a secret (it would be
   * written into the program in plain text).
   */
  public resolveAt(s: string, path: TreePath): string {
    if (this.markers?.marked(s)) {
      const names = [...new Set(this.markers.names(s))];
      const secret = names.filter((n) => namedSecret(n));
      const list = names.map((n) => `\${${n}}`).join(", ");
      if (secret.length > 0) {
        this.error(path, `uses the secret ${secret.map((n) => `\${${n}}`).join(", ")} in a value Berth reads now (it would be written into the program in plain text); give this setting a value that is not a secret`);
      } else {
        this.info(path, `${list} from the environment ${names.length === 1 ? "is" : "are"} read now for this value, which Berth checks: the program holds the value as it is now (edit it there, or write the program again)`);
      }
    }
    return this.resolve(s);
  }

  /** True when a string holds a variable marker. */
  public marked(s: string): boolean {
    return this.markers ? this.markers.marked(s) : false;
  }

  /**
   * Checks the keys of a mapping against the coverage table: unknown and refused keys are errors, warned keys
   * warnings, ignored keys an info line. Returns the keys the target maps.
   */
  public checkKeys(map: Record<string, Raw>, path: TreePath): Set<string> {
    const usable = new Set<string>();
    for (const key of Object.keys(map)) {
      const full = [...path, key];
      if (key.startsWith("x-")) continue;
      const row = coverageOf(full, this.target);
      if (!row) {
        this.error(full, `"${key}" is not a Compose key Berth knows; check the spelling against the Compose Specification`);
        continue;
      }
      if (row.support === "mapped") usable.add(key);
      else if (row.support === "warned") this.warn(full, `"${key}" is left out on ${this.target}: ${row.note}`);
      else if (row.support === "ignored") this.info(full, `"${key}" is accepted and ignored on ${this.target}: ${row.note}`);
      else this.error(full, `"${key}" is refused: ${row.note}`);
    }
    return usable;
  }

  /**
   * Rejects keys of a nested mapping outside `known`; `warned` keys are warned about, `ignored` ones said once.
   */
  public only(map: Record<string, Raw>, path: TreePath, known: readonly string[], warned: Record<string, string> = {}, ignored: Record<string, string> = {}): void {
    for (const k of Object.keys(map)) {
      if (known.includes(k) || k.startsWith("x-")) continue;
      if (k in warned) this.warn([...path, k], `"${k}" is left out on ${this.target}: ${warned[k]}`);
      else if (k in ignored) this.info([...path, k], `"${k}" is accepted and ignored on ${this.target}: ${ignored[k]}`);
      else this.error([...path, k], `"${k}" is not a key here; the keys are: ${[...known, ...Object.keys(warned), ...Object.keys(ignored)].join(", ")}`);
    }
  }

  /** A scalar as a string with markers resolved (numbers and booleans as written); undefined for null. */
  public str(v: Raw, path: TreePath): string | undefined {
    const t = this.text(v, path);
    return t === undefined ? undefined : this.resolveAt(t, path);
  }

  /** A scalar as free-form text, markers kept. */
  public text(v: Raw, path: TreePath): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    this.error(path, `must be a string, not a ${Array.isArray(v) ? "list" : "mapping"}`);
    return undefined;
  }

  public bool(v: Raw, path: TreePath): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "boolean") return v;
    const s = typeof v === "string" ? this.resolveAt(v, path) : undefined;
    if (s !== undefined && TRUE.has(s)) return true;
    if (s !== undefined && FALSE.has(s)) return false;
    this.error(path, `${shown(v)} must be true or false`);
    return undefined;
  }

  /** A whole number within [min, max]. */
  public int(v: Raw, path: TreePath, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (v === undefined || v === null) return undefined;
    const s = typeof v === "string" ? this.resolveAt(v, path).trim() : undefined;
    const n = s !== undefined && /^[-+]?\d{1,16}$/.test(s) ? Number(s) : v;
    if (typeof n === "number" && Number.isSafeInteger(n) && n >= min && n <= max) return n;
    const range = max === Number.MAX_SAFE_INTEGER ? (min === 0 ? "a whole number, 0 or more" : `a whole number of at least ${min}`) : `a whole number from ${min} to ${max}`;
    this.error(path, `${shown(v)} must be ${range}`);
    return undefined;
  }

  /** A finite number within [min, max]. */
  public number(v: Raw, path: TreePath, min = -Number.MAX_VALUE, max = Number.MAX_VALUE): number | undefined {
    if (v === undefined || v === null) return undefined;
    const s = typeof v === "string" ? this.resolveAt(v, path).trim() : undefined;
    const n = s !== undefined && /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : v;
    if (typeof n === "number" && Number.isFinite(n) && n >= min && n <= max) return n;
    this.error(path, `${shown(v)} must be a number${min > -Number.MAX_VALUE ? ` from ${min}` : ""}${max < Number.MAX_VALUE ? ` to ${max}` : ""}`);
    return undefined;
  }

  public duration(v: Raw, path: TreePath): number | undefined {
    if (v === undefined || v === null) return undefined;
    const x = typeof v === "string" ? this.resolveAt(v, path) : v;
    const d = typeof x === "string" || typeof x === "number" ? parseDuration(x) : undefined;
    if (d === undefined || !Number.isSafeInteger(d)) {
      this.error(path, `${shown(x)} is not a duration; write e.g. "10s", "1m30s" or "500ms"`);
      return undefined;
    }
    return d;
  }

  /** A byte size (`512m`, `1g`, a number of bytes); `-1` only when `allowUnlimited`. */
  public bytes(v: Raw, path: TreePath, allowUnlimited = false): number | undefined {
    if (v === undefined || v === null) return undefined;
    const x = typeof v === "string" ? this.resolveAt(v, path) : v;
    if (allowUnlimited && (x === -1 || x === "-1")) return -1;
    const n = typeof x === "string" || typeof x === "number" ? parseBytes(x) : undefined;
    if (n === undefined || !Number.isSafeInteger(n)) {
      this.error(path, `${shown(x)} is not a size; write e.g. "512m", "1g" or a number of bytes`);
      return undefined;
    }
    return n;
  }

  /** A CPU count as nano-CPUs. */
  public cpus(v: Raw, path: TreePath): number | undefined {
    if (v === undefined || v === null) return undefined;
    const x = typeof v === "string" ? this.resolveAt(v, path) : v;
    const n = typeof x === "string" || typeof x === "number" ? parseCpus(x) : undefined;
    if (n === undefined || !Number.isSafeInteger(n)) {
      this.error(path, `${shown(x)} is not a CPU count; write e.g. "0.5"`);
      return undefined;
    }
    return n;
  }

  /** A string or a list of strings, markers resolved. */
  public strings(v: Raw, path: TreePath): string[] {
    return this.texts(v, path).map((s, i) => this.resolveAt(s, Array.isArray(v) ? [...path, i] : path));
  }

  /** A string or a list of strings, markers kept. */
  public texts(v: Raw, path: TreePath): string[] {
    if (v === undefined || v === null) return [];
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return [String(v)];
    if (Array.isArray(v)) {
      const out: string[] = [];
      v.forEach((x, i) => {
        const s = this.text(x, [...path, i]);
        if (s !== undefined) out.push(s);
      });
      return out;
    }
    this.error(path, "must be a string or a list of strings");
    return [];
  }

  /**
   * A `KEY=VALUE` list or a mapping, as a map (keys resolved, values free-form text). `bare` decides what a name
   * without a value means: `env` takes it from `env` (warning when unset: the name is left out), `empty` makes it "".
   */
  public dict(v: Raw, path: TreePath, bare: "env" | "empty", env: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
    const out: Record<string, string> = {};
    if (v === undefined || v === null) return out;
    const fromEnv = (name: string, at: TreePath) => {
      const value = env[name];
      if (value === undefined) {
        this.warn(at, `${name} is given without a value and is not set in the environment, so it is left out (as Compose leaves it out); set it, or give a value`);
        return;
      }
      out[name] = this.markers ? this.markers.mark(name) : value;
    };
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        const s = this.text(item, [...path, i]);
        if (s === undefined) return;
        const eq = s.indexOf("=");
        if (eq >= 0) out[this.resolve(s.slice(0, eq))] = s.slice(eq + 1);
        else if (bare === "empty") out[this.resolve(s)] = "";
        else fromEnv(this.resolve(s), [...path, i]);
      });
      return out;
    }
    if (isMap(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (x === null || x === undefined) {
          if (bare === "empty") out[k] = "";
          else fromEnv(k, [...path, k]);
        } else {
          const s = this.text(x, [...path, k]);
          if (s !== undefined) out[k] = s;
        }
      }
      return out;
    }
    this.error(path, "must be a list of KEY=VALUE strings or a mapping");
    return out;
  }

  public mapAt(v: Raw, path: TreePath): Record<string, Raw> | undefined {
    if (v === undefined || v === null) return undefined;
    if (isMap(v)) return v;
    this.error(path, `must be a mapping, not ${Array.isArray(v) ? "a list" : shown(v)}`);
    return undefined;
  }

  public listAt(v: Raw, path: TreePath): Raw[] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.error(path, "must be a list");
    return [];
  }

  /** One of `allowed` (resolved), or an error listing them. */
  public oneOf(v: Raw, path: TreePath, allowed: readonly string[]): string | undefined {
    const s = this.str(v, path);
    if (s === undefined) return undefined;
    if (allowed.includes(s)) return s;
    this.error(path, `${shown(s)} is not ${allowed.slice(0, -1).join(", ")}${allowed.length > 1 ? " or " : ""}${allowed[allowed.length - 1]}`);
    return undefined;
  }
}
