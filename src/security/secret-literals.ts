/**
 * The `secret-literal` rule: a password, token or key written as a plain value in the environment of a docker.Container
 * (`envs: ["K=V"]`) or a swarm docker.Service (`taskSpec.containerSpec.env`). A `_FILE` variable (a path to a mounted
 * secret, such as `/run/secrets/x`) is the fix, never a finding.
 */
import { UNKNOWN_VALUE } from "../resources/recorder";
import type { RecordedResource, RecordedValue } from "../resources/recorder";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "./containers";
import type { Finding, SecurityRule } from "./finding";

/** The id of {@link secretLiterals}' findings. */
export const SECRET_LITERAL_RULE = "secret-literal";

const SECRET_NAME = /(PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)$/i;

/** True when an environment variable's name says it holds a secret value (and not a `_FILE` path to one). */
export function isSecretVariable(name: string): boolean {
  return !/_FILE$/i.test(name) && SECRET_NAME.test(name);
}

function isUnder(path: string, secretPaths: readonly string[]): boolean {
  return secretPaths.some((s) => path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[`));
}

/** `secret-literal` (high): a secret-named environment variable given a literal, unencrypted value. */
export const secretLiterals: SecurityRule = (resources) => {
  const findings: Finding[] = [];
  const check = (r: RecordedResource, where: string, name: string, value: RecordedValue | undefined): void => {
    if (typeof value !== "string" || value === "" || value === UNKNOWN_VALUE || !isSecretVariable(name)) return;
    if (isUnder(where, r.secretPaths)) return;
    findings.push({
      rule: SECRET_LITERAL_RULE,
      severity: "high",
      urn: r.urn,
      message:
        `${r.type} "${r.name}" sets ${name} to a literal value (${where}): it is stored in plain text in the state and ` +
        `shown by docker inspect; mount it as a secret and set ${name}_FILE to its path (/run/secrets/...), or wrap it in pulumi.secret()`,
    });
  };
  for (const r of resources) {
    if (r.type === DOCKER_CONTAINER_TYPE) {
      const envs = r.inputs["envs"];
      if (!Array.isArray(envs)) continue;
      envs.forEach((e, i) => {
        if (typeof e !== "string") return;
        const eq = e.indexOf("=");
        if (eq > 0) check(r, `envs[${i}]`, e.slice(0, eq), e.slice(eq + 1));
      });
    } else if (r.type === DOCKER_SERVICE_TYPE) {
      const spec = r.inputs["taskSpec"];
      const container = spec !== null && typeof spec === "object" && !Array.isArray(spec) ? spec["containerSpec"] : undefined;
      const env = container !== null && typeof container === "object" && !Array.isArray(container) ? container["env"] : undefined;
      if (env === null || typeof env !== "object" || Array.isArray(env)) continue;
      for (const [name, value] of Object.entries(env)) check(r, `taskSpec.containerSpec.env.${name}`, name, value);
    }
  }
  return findings;
};

/** The secret-literal rules, for `berth preview`'s report. */
export const secretLiteralSecurityRules: readonly SecurityRule[] = [secretLiterals];
