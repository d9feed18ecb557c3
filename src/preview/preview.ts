/**
 * The library side of `berth preview`: runs a resolved target in a child process, runs the security rules over what it
 * registered, and returns the document. It never prints and never exits; the CLI does both.
 */
import { type PreviewDocument, buildDocument } from "./document";
import type { ChildError, ChildJob } from "./protocol";
import { BERTH_SOURCE_DIR, runInChild } from "./runner";
import { runSecurityRules, secretValues, securityRuleLists } from "./security-report";
import type { BlueprintTarget, ProgramTarget } from "./target";

/** Options for {@link previewTarget}. */
export interface PreviewOptions {
  /** Everything the program prints. @default ignored */
  onOutput?: (text: string) => void;
  /** Resources registered so far, now and then. @default ignored */
  onProgress?: (registered: number) => void;
  /** @default 120000 */
  timeoutMs?: number;
}

/** The outcome of a preview. */
export type PreviewOutcome =
  | { ok: true; document: PreviewDocument; ruleCount: number }
  | { ok: false; error: ChildError; registered: number };

/** Previews one program or blueprint. */
export async function previewTarget(target: ProgramTarget | BlueprintTarget, options: PreviewOptions = {}): Promise<PreviewOutcome> {
  const job: Omit<ChildJob, "resultFile"> =
    target.kind === "program"
      ? {
          entry: target.entry,
          project: target.project,
          stack: target.stack,
          config: target.config.values,
          secretKeys: target.config.secretKeys,
          internalDirs: [BERTH_SOURCE_DIR],
        }
      : {
          blueprint: { file: target.file, name: target.name, inputs: target.inputs },
          project: target.project,
          stack: target.stack,
          config: target.config.values,
          secretKeys: target.config.secretKeys,
          internalDirs: [BERTH_SOURCE_DIR],
        };
  const outcome = await runInChild(job, {
    cwd: target.kind === "program" ? target.dir : process.cwd(),
    onOutput: options.onOutput,
    onProgress: options.onProgress,
    timeoutMs: options.timeoutMs,
  });
  if ("failure" in outcome) return { ok: false, error: { name: "Error", message: outcome.failure, stack: "" }, registered: 0 };
  const result = outcome.result;
  if (result.error) return { ok: false, error: result.error, registered: result.resources.length };
  const configSecrets = target.config.secretKeys.map((k) => target.config.values[k]!);
  const rules = securityRuleLists().flatMap((list) => list.rules);
  const findings = runSecurityRules(rules, result.resources, {
    secrets: secretValues(result.resources, result.states, configSecrets),
  });
  return {
    ok: true,
    document: buildDocument(result, { project: target.project, stack: target.stack }, findings),
    ruleCount: rules.length,
  };
}
