/**
 * The security report at the end of every preview: every rule list exported from src/security (each rules file
 * exports one `…SecurityRules` list), run over the recorded resources, sorted most severe first.
 */
import * as security from "../security";
import type { Finding, SecurityContext, SecurityRule, Severity } from "../security/finding";
import { secretStringsOf } from "../security/plain-secrets";
import type { RecordedResource } from "../resources/recorder";
import type { RecordedState } from "./protocol";

/** The order of severities, most severe first. */
export const SEVERITIES: readonly Severity[] = ["high", "medium", "low"];

function isRuleList(value: unknown): value is readonly SecurityRule[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "function");
}

/**
 * Every rule list exported by src/security (names ending in `SecurityRules`), by export name, sorted by name.

 */
export function securityRuleLists(
  module: Readonly<Record<string, unknown>> = security,
): { name: string; rules: readonly SecurityRule[] }[] {
  return Object.keys(module)
    .filter((name) => name.endsWith("SecurityRules") && isRuleList(module[name]))
    .sort()
    .map((name) => ({ name, rules: module[name] as readonly SecurityRule[] }));
}

/** Every value the program marks secret: secret inputs, secret computed outputs, and secret configuration values. */
export function secretValues(
  resources: readonly RecordedResource[],
  states: Readonly<Record<string, RecordedState>>,
  extra: readonly string[] = [],
): Set<string> {
  const found = new Set<string>(extra);
  for (const r of resources) for (const s of secretStringsOf(r.inputs, r.secretPaths)) found.add(s);
  // Outputs that echo an input are skipped: the mock state marks a whole input secret when anything inside it is
  // (an object holding one secret field), which would turn every string beside that field into a "secret".
  const inputsByUrn = new Map(resources.map((r) => [r.urn, r.inputs]));
  for (const [urn, s] of Object.entries(states)) {
    const inputs = inputsByUrn.get(urn) ?? {};
    const computed = s.secretPaths.filter((p) => !(p.split(/[.[]/)[0]! in inputs));
    for (const v of secretStringsOf(s.state, computed)) found.add(v);
  }
  found.delete("");
  return found;
}

/** Runs `rules` and sorts the findings: severity, then rule, then URN, then message. */
export function runSecurityRules(
  rules: readonly SecurityRule[],
  resources: readonly RecordedResource[],
  context: SecurityContext,
): Finding[] {
  const findings = rules.flatMap((rule) => rule(resources, context));
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  return findings.sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      a.rule.localeCompare(b.rule) ||
      a.urn.localeCompare(b.urn) ||
      a.message.localeCompare(b.message),
  );
}

/** Whether any finding is at least as severe as `threshold`. */
export function reaches(findings: readonly Finding[], threshold: Severity): boolean {
  return findings.some((f) => SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(threshold));
}

/** The report as text, for stderr. */
export function renderSecurityReport(findings: readonly Finding[], ruleCount: number, resourceCount: number): string {
  const scope = `${ruleCount} rules over ${resourceCount} resources`;
  if (findings.length === 0) return `Security: no findings (${scope}).\n`;
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
  const lines = [`Security: ${findings.length} finding${findings.length === 1 ? "" : "s"} (${counts}; ${scope})`];
  for (const f of findings) lines.push(`  ${f.severity.toUpperCase().padEnd(6)} ${f.rule}: ${f.message}`);
  return `${lines.join("\n")}\n`;
}
