import type { SourcePosition } from "../yaml";

/** How far a node (or group policy) was converted. */
export type ConversionStatus = "converted" | "partial" | "not converted";

/** The import result of one node template (or a group's policy). */
export interface NodeReport {
  /** The node template (or `group/policy`) name. */
  node: string;
  /** Its Cloudify type. */
  type: string;
  status: ConversionStatus;
  /** The Pulumi type tokens created for it. */
  resources: string[];
  /** What was dropped or changed, and why (empty when fully converted). */
  notes: string[];
  /** Where it is defined. */
  at: SourcePosition;
}

/** The exit code of `berth import` for a report: 0 all converted, 3 something not converted (2 with `strict`). */
export function exitCodeFor(report: readonly NodeReport[], strict: boolean): 0 | 2 | 3 {
  const incomplete = report.some((r) => r.status !== "converted");
  if (!incomplete) return 0;
  return strict ? 2 : 3;
}

/** The report as text, one line per node plus its notes: `file:line:col: node (type): status`. */
export function formatReport(report: readonly NodeReport[]): string {
  const lines: string[] = [];
  for (const r of report) {
    const made = r.resources.length > 0 ? ` -> ${r.resources.join(", ")}` : "";
    lines.push(`${r.at.file}:${r.at.line}:${r.at.col}: ${r.node} (${r.type}): ${r.status}${made}`);
    for (const n of r.notes) lines.push(`    - ${n}`);
  }
  const count = (s: string) => report.filter((r) => r.status === s).length;
  lines.push(`${count("converted")} converted, ${count("partial")} partly converted, ${count("not converted")} not converted`);
  return lines.join("\n");
}
