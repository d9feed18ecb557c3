/**
 * The `secret-literal` rule: a password, token or key written as a plain value in the environment of a docker.Container
 * (`envs: ["K=V"]`) or a swarm docker.Service (`taskSpec.containerSpec.env`). A `_FILE` variable (a path to a mounted
 * secret, such as `/run/secrets/x`) is the fix, never a finding.
 */
import type { Finding, SecurityRule } from "./finding";
import { literalSecretsOf } from "./secret-env";

/** The id of {@link secretLiterals}' findings. */
export const SECRET_LITERAL_RULE = "secret-literal";

/**
 * `secret-literal` (high): a secret-named environment variable given a literal, unencrypted value (the names and the
 * values that count are decided in secret-env.ts: `_FILE` names, `${VAR}` placeholders, `/run/secrets` paths and
 * Pulumi secrets are not literals).
 */
export const secretLiterals: SecurityRule = (resources) => {
  const findings: Finding[] = [];
  for (const r of resources) {
    for (const e of literalSecretsOf(r)) {
      findings.push({
        rule: SECRET_LITERAL_RULE,
        severity: "high",
        urn: r.urn,
        message:
          `${r.type} "${r.name}" sets ${e.name} to a literal value (${e.path}): it is stored in plain text in the state and ` +
          `shown by docker inspect; mount it as a secret and set ${e.name}_FILE to its path (/run/secrets/...), or wrap it in pulumi.secret()`,
      });
    }
  }
  return findings;
};

/** The secret-literal rules, for `berth preview`'s report. */
export const secretLiteralSecurityRules: readonly SecurityRule[] = [secretLiterals];
