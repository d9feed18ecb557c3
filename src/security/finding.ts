import type { RecordedResource } from "../resources/recorder";

/** How bad a finding is; `berth preview --fail-on high` fails on `high` ones. */
export type Severity = "high" | "medium" | "low";

/** One security problem found in a recorded program. */
export interface Finding {
  /** The rule's stable id, e.g. `world-open-management-port`. */
  rule: string;
  severity: Severity;
  /** The URN of the resource it concerns. */
  urn: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/**
 * A security rule: a pure function over every recorded resource of a program. Rules never throw; they return
 * findings. `context.secrets` lists values known to be secret (from the program's secret inputs and outputs), for
 * rules that look for them in plain text.
 */
export type SecurityRule = (resources: readonly RecordedResource[], context: SecurityContext) => Finding[];

/** What a rule may know beyond the resources. */
export interface SecurityContext {
  /** Values that are secret somewhere in the program; seeing one in a plain input is a leak. */
  secrets: ReadonlySet<string>;
}
