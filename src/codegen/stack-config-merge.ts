/**
 * Keeping a user's stack configuration when a project is generated again: `Pulumi.<stack>.yaml` holds what the user
 * (or `pulumi config set`) put there since Berth wrote it, the stack's `encryptionsalt` and every `secure:` value
 * among it. A merge keeps all of that and adds only the keys the new generation brings.
 */
import * as yaml from "js-yaml";

/** True for a file name of a stack's configuration (`Pulumi.dev.yaml`), not the project file (`Pulumi.yaml`). */
export function isStackConfigFile(rel: string): boolean {
  return /^Pulumi\.[^/\\]+\.ya?ml$/.test(rel);
}

function asMap(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * The stack configuration to write: the user's file with every top-level key kept (`encryptionsalt`,
 * `secretsprovider`, `encryptedkey`, ...) and every config value kept as the user has it, plus the config keys only
 * the new generation has. Returns undefined when the user's file is not a YAML mapping (the caller refuses then).
 *
 * @example mergeStackConfig("config:\n  a: 1\n", "encryptionsalt: x\nconfig:\n  a: 2\n") // keeps a: 2 and the salt
 */
export function mergeStackConfig(generated: string, existing: string): string | undefined {
  let user: Record<string, unknown> | undefined;
  try {
    user = asMap(yaml.load(existing, { schema: yaml.CORE_SCHEMA }) ?? {});
  } catch {
    return undefined;
  }
  if (!user) return undefined;
  const fresh = asMap(yaml.load(generated, { schema: yaml.CORE_SCHEMA }) ?? {}) ?? {};
  const userConfig = asMap(user["config"]) ?? {};
  const freshConfig = asMap(fresh["config"]) ?? {};
  const config: Record<string, unknown> = { ...userConfig };
  for (const [k, v] of Object.entries(freshConfig)) if (!Object.hasOwn(config, k)) config[k] = v;
  const merged: Record<string, unknown> = { ...fresh, ...user };
  if (Object.keys(config).length > 0) merged["config"] = config;
  return yaml.dump(merged, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, sortKeys: false });
}
