/**
 * Stack configuration read the way the Pulumi CLI reads it, without decrypting anything: defaults from `Pulumi.yaml`,
 * values from `Pulumi.<stack>.yaml`, then `--config KEY=VALUE` from the command line, each key namespaced by the
 * project when it has no namespace of its own. `secure:` values cannot be decrypted offline (no passphrase, no
 * secrets provider), so each becomes a placeholder that the program sees as a secret.
 */

import { SHOWN_MAX, shown } from "../core/shown";

/** What a program's `Pulumi.yaml` says that matters to a preview. */
export interface ProjectSettings {
  /** The project name (`name:`). */
  name: string;
  /** The program's entry (`main:`), relative to the project directory. @default the directory itself */
  main?: string;
  /** The `config:` section (declarations and defaults), as written. @default {} */
  config: Record<string, unknown>;
}

/** The configuration a program runs with, as Pulumi's runtime receives it. */
export interface ResolvedConfig {
  /** `namespace:key` → the value as a string (objects and lists as JSON, like the CLI). */
  values: Record<string, string>;
  /** The keys whose values are secret. */
  secretKeys: string[];
  /** Things the user should know (secrets replaced by placeholders). */
  notes: string[];
  /** Things that stop the preview (a required value missing, a malformed `--config`). */
  problems: string[];
}

/** The value a program sees for a `secure:` configuration value, which cannot be decrypted offline. */
export function secretPlaceholder(key: string): string {
  return `(secret ${key}: not decrypted offline)`;
}

/** `key` with the project namespace added when it has none (`port` → `web:port`; `aws:region` stays). */
export function namespacedKey(key: string, project: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isSecure(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 1 && typeof value["secure"] === "string";
}

/** Replaces every `{ secure: … }` inside a structured value; returns whether there was one. */
function replaceSecure(value: unknown, key: string): { value: unknown; secret: boolean } {
  if (isSecure(value)) return { value: secretPlaceholder(key), secret: true };
  if (Array.isArray(value)) {
    let secret = false;
    const out = value.map((v) => {
      const r = replaceSecure(v, key);
      secret ||= r.secret;
      return r.value;
    });
    return { value: out, secret };
  }
  if (isRecord(value)) {
    let secret = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = replaceSecure(v, key);
      secret ||= r.secret;
      out[k] = r.value;
    }
    return { value: out, secret };
  }
  return { value, secret: false };
}

/** A configuration value as the CLI hands it to the program: strings as they are, everything else as JSON. */
export function configString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Reads `Pulumi.yaml`'s parsed document; problems name the field and the fix. */
export function readProjectSettings(doc: unknown, file: string): { settings?: ProjectSettings; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(doc)) return { problems: [`${file}: expected a mapping with at least \`name:\` and \`runtime:\``] };
  const name = doc["name"];
  if (typeof name !== "string" || name === "") problems.push(`${file}: \`name:\` must be the project's name`);
  const runtime = isRecord(doc["runtime"]) ? doc["runtime"]["name"] : doc["runtime"];
  if (runtime !== undefined && runtime !== "nodejs") {
    problems.push(`${file}: runtime is ${shown(runtime)}; berth preview runs Node.js (TypeScript/JavaScript) programs only`);
  }
  const main = doc["main"];
  if (main !== undefined && typeof main !== "string") problems.push(`${file}: \`main:\` must be a path`);
  const config = doc["config"];
  if (config !== undefined && config !== null && !isRecord(config)) {
    problems.push(`${file}: \`config:\` must be a mapping of keys to defaults or declarations`);
  }
  if (problems.length > 0) return { problems };
  return {
    settings: {
      name: name as string,
      main: typeof main === "string" ? main : undefined,
      config: isRecord(config) ? config : {},
    },
    problems,
  };
}

/**
 * Resolves the configuration for one stack: `Pulumi.yaml` defaults, then `Pulumi.<stack>.yaml` (`stackDoc`, its
 * parsed document or undefined when there is no such file), then `overrides` (`KEY=VALUE` from `--config`).
 */
export function resolveConfig(
  project: ProjectSettings,
  stackDoc: unknown,
  overrides: readonly string[],
  stackFile = "Pulumi.<stack>.yaml",
): ResolvedConfig {
  const values: Record<string, string> = {};
  const secret = new Set<string>();
  const notes: string[] = [];
  const problems: string[] = [];
  const required = new Map<string, string>();

  const set = (rawKey: string, raw: unknown): void => {
    const key = namespacedKey(rawKey, project.name);
    const replaced = replaceSecure(raw, key);
    values[key] = configString(replaced.value);
    if (replaced.secret) {
      secret.add(key);
      notes.push(`${key} is a secure value: it cannot be decrypted offline, the program sees a placeholder marked secret`);
    } else {
      secret.delete(key);
    }
    required.delete(key);
  };

  for (const [rawKey, decl] of Object.entries(project.config)) {
    const key = namespacedKey(rawKey, project.name);
    if (isRecord(decl) && ("default" in decl || "value" in decl)) {
      set(rawKey, "default" in decl ? decl["default"] : decl["value"]);
      if (decl["secret"] === true) secret.add(key);
    } else if (isRecord(decl) && "type" in decl) {
      required.set(key, rawKey);
      if (decl["secret"] === true) secret.add(key);
    } else if (decl !== null && decl !== undefined && !isRecord(decl)) {
      set(rawKey, decl);
    }
  }

  if (stackDoc !== undefined && stackDoc !== null) {
    const stackConfig = isRecord(stackDoc) ? stackDoc["config"] : undefined;
    if (stackConfig !== undefined && stackConfig !== null && !isRecord(stackConfig)) {
      problems.push(`${stackFile}: \`config:\` must be a mapping of keys to values`);
    } else if (isRecord(stackConfig)) {
      for (const [rawKey, value] of Object.entries(stackConfig)) set(rawKey, value);
    }
  }

  for (const pair of overrides) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      problems.push(`--config ${pair}: expected KEY=VALUE (for example --config ${project.name}:replicas=3)`);
      continue;
    }
    set(pair.slice(0, eq), pair.slice(eq + 1));
  }

  for (const [key, rawKey] of required) {
    problems.push(
      `configuration value ${key.length > SHOWN_MAX ? shown(key) : key} is declared in Pulumi.yaml without a default and is not set in ${stackFile}: ` +
        `pass --config ${rawKey.length > SHOWN_MAX ? shown(rawKey) : rawKey}=VALUE`,
    );
  }
  return { values, secretKeys: [...secret].filter((k) => k in values).sort(), notes, problems };
}
