/**
 * Pure helpers for rules about secrets written as literal environment values: which variable names say they hold a
 * secret (in any spelling: `DB_PASSWORD`, `db-password`, `dbPassword`, `Api.Key`), which values are literals rather
 * than references (a `${VAR}` placeholder, a path to a mounted secret file), and the entries of an environment in
 * each shape docker.Container (`envs: ["K=V"]`) and docker.Service (`taskSpec.containerSpec.env`, a map or `K=V`
 * strings) record it.
 */
import { type RecordedResource, type RecordedValue, UNKNOWN_VALUE } from "../resources/recorder";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "./containers";

/**
 * Word sequences that, as the last words of a variable name, say it holds a secret value. `key` alone is not one
 * (`CACHE_KEY`, `S3_KEY_PREFIX`); the kinds of key that are secrets are listed with their first word.
 */
export const SECRET_NAME_TERMS: readonly (readonly string[])[] = [
  ["password"],
  ["passwd"],
  ["pwd"],
  ["pass"],
  ["passphrase"],
  ["secret"],
  ["token"],
  ["apikey"],
  ["api", "key"],
  ["privatekey"],
  ["private", "key"],
  ["accesskey"],
  ["access", "key"],
  ["secret", "key"],
  ["credential"],
  ["credentials"],
];

/**
 * The words of a variable name, lower-cased: split at every character that is not a letter or digit and at each
 * lower-to-upper case change (`dbPassword` → db, password; `APIKey` → api, key) and where digits follow letters
 * (`password2` → password, 2).
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])([0-9])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
}

/**
 * True when a variable's name says it holds a secret: its last words (after any trailing numbers, as in
 * `PASSWORD_2`) are one of {@link SECRET_NAME_TERMS}. A name ending in `file` (`MYSQL_PASSWORD_FILE`, the
 * convention for a path to a mounted secret) never is.
 */
export function isSecretVariableName(name: string): boolean {
  const words = nameWords(name);
  while (words.length > 0 && /^[0-9]+$/.test(words[words.length - 1]!)) words.pop();
  if (words.length === 0 || words[words.length - 1] === "file") return false;
  return SECRET_NAME_TERMS.some(
    (term) => term.length <= words.length && term.every((w, i) => words[words.length - term.length + i] === w),
  );
}

/** Folders whose files are mounted secrets (Docker and Kubernetes secrets, systemd credentials). */
export const SECRET_FILE_FOLDERS: readonly string[] = ["/run/secrets", "/var/run/secrets", "/run/credentials"];

/** True for an absolute path to a file under one of {@link SECRET_FILE_FOLDERS} (after `.`/`..`/`//` are resolved). */
export function isSecretFileReference(value: string): boolean {
  if (!value.startsWith("/")) return false;
  const parts: string[] = [];
  for (const part of value.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  const normal = `/${parts.join("/")}`;
  return SECRET_FILE_FOLDERS.some((f) => normal.startsWith(`${f}/`));
}

/**
 * True when an environment value is a literal: not empty, not known only after deploy, not a `${VAR}` or `$VAR`
 * placeholder left for the runtime to fill, and not a path to a mounted secret file.
 */
export function isLiteralValue(value: RecordedValue | undefined): value is string {
  if (typeof value !== "string" || value.trim() === "" || value === UNKNOWN_VALUE) return false;
  if (/\$\{[^}]*\}/.test(value) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return false;
  return !isSecretFileReference(value.trim());
}

/** One variable of a recorded environment, with where it was found (for messages). */
export interface EnvEntry {
  /** The input path, e.g. `envs[2]` or `taskSpec.containerSpec.env.DB_PASSWORD`. */
  path: string;
  name: string;
  value: RecordedValue;
}

/**
 * The variables of a recorded environment under `path`: a list of `NAME=value` strings (a string without `=` has no
 * value and is skipped) or a map of names to values.
 */
export function envEntries(env: RecordedValue | undefined, path: string): EnvEntry[] {
  if (Array.isArray(env)) {
    return env.flatMap((e, i) => {
      if (typeof e !== "string") return [];
      const eq = e.indexOf("=");
      return eq > 0 ? [{ path: `${path}[${i}]`, name: e.slice(0, eq), value: e.slice(eq + 1) }] : [];
    });
  }
  if (env !== null && typeof env === "object") {
    return Object.entries(env).map(([name, value]) => ({ path: `${path}.${name}`, name, value }));
  }
  return [];
}

/** True for an environment variable that is a secret written as a literal: a secret name with a literal value. */
export function isLiteralSecret(entry: EnvEntry): boolean {
  return isSecretVariableName(entry.name) && isLiteralValue(entry.value);
}

/**
 * Every environment variable a resource sets: a docker.Container's `envs`, a swarm docker.Service's
 * `taskSpec.containerSpec.env`; none for other types.
 */
export function resourceEnvEntries(r: RecordedResource): EnvEntry[] {
  if (r.type === DOCKER_CONTAINER_TYPE) return envEntries(r.inputs["envs"], "envs");
  if (r.type !== DOCKER_SERVICE_TYPE) return [];
  const spec = r.inputs["taskSpec"];
  const container = spec !== null && typeof spec === "object" && !Array.isArray(spec) ? spec["containerSpec"] : undefined;
  const env = container !== null && typeof container === "object" && !Array.isArray(container) ? container["env"] : undefined;
  return envEntries(env, "taskSpec.containerSpec.env");
}

/** The literal secrets a resource's environment holds, leaving out values at a secret path (Pulumi secrets). */
export function literalSecretsOf(r: RecordedResource): EnvEntry[] {
  const secret = (path: string) => r.secretPaths.some((s) => path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[`));
  return resourceEnvEntries(r).filter((e) => isLiteralSecret(e) && !secret(e.path));
}
