import type { RecordedResource, RecordedValue } from "../resources/recorder";
import { UNKNOWN_VALUE } from "../resources/recorder";
import type { Finding, SecurityContext, SecurityRule } from "./finding";

/** The id of {@link plainTextSecrets}' findings. */
export const PLAIN_SECRET_RULE = "secret-in-plain-text";

/** Secrets shorter than this are not searched for (addresses and user names end up inside secret connections). */
export const MIN_SECRET_LENGTH = 16;

function isUnder(path: string, secretPaths: readonly string[]): boolean {
  return secretPaths.some((s) => path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[`));
}

function walk(value: RecordedValue, path: string, visit: (path: string, text: string) => void): void {
  if (typeof value === "string") visit(path, value);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`, visit);
  }
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, visit);
  }
}

/** The strings at or under any of the secret paths (`a.b`, `c[0]`) of a value, in the value's order. */
export function secretStringsOf(value: RecordedValue, secretPaths: readonly string[]): string[] {
  const found: string[] = [];
  walk(value, "", (path, text) => {
    if (isUnder(path, secretPaths)) found.push(text);
  });
  return found;
}

/** Every string (of at least {@link MIN_SECRET_LENGTH} characters) found at a secret path of any resource. */
export function collectSecretValues(resources: readonly RecordedResource[]): Set<string> {
  const secrets = new Set<string>();
  for (const r of resources) {
    for (const text of secretStringsOf(r.inputs, r.secretPaths)) {
      if (text.length >= MIN_SECRET_LENGTH && text !== UNKNOWN_VALUE) secrets.add(text);
    }
  }
  return secrets;
}

/**
 * A rule that finds a known secret value (`context.secrets`) inside an input that is not secret: a key, token or
 * certificate key that would be stored in plain text in the state (and shown by `pulumi preview`).
 */
export const plainTextSecrets: SecurityRule = (resources, context: SecurityContext) => {
  const findings: Finding[] = [];
  const secrets = [...context.secrets].filter((s) => s.length >= MIN_SECRET_LENGTH);
  for (const r of resources) {
    walk(r.inputs, "", (path, text) => {
      if (isUnder(path, r.secretPaths)) return;
      if (secrets.some((s) => text.includes(s))) {
        findings.push({
          rule: PLAIN_SECRET_RULE,
          severity: "high",
          urn: r.urn,
          message: `${r.name}.${path} holds a secret value in plain text: wrap it in pulumi.secret() (or list it in additionalSecretOutputs) so the state encrypts it.`,
        });
      }
    });
  }
  return findings;
};
