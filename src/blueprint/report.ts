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
  /** A node template, or a group's monitoring policy. @default "node" */
  kind?: "node" | "group-policy";
}

/** A blueprint-level report line: how an import was resolved, a workflow or policy that is not converted, ... */
export interface ReportLine {
  /** What it is about (`import`, `workflow`, `policy`, `output`, `labels`). */
  kind: string;
  name: string;
  message: string;
  at: SourcePosition;
  /** True when it is something the program does not reproduce. */
  partial: boolean;
}

/** The totals of a report: nodes by status (group policies are not nodes). */
export function totalsOf(report: readonly NodeReport[]): Record<ConversionStatus, number> {
  const out: Record<ConversionStatus, number> = { converted: 0, partial: 0, "not converted": 0 };
  for (const r of report) if ((r.kind ?? "node") === "node") out[r.status]++;
  return out;
}

/** The exit code of `berth import` for a report: 0 all converted, 3 something not converted (2 with `strict`). */
export function exitCodeFor(report: readonly NodeReport[], strict: boolean, lines: readonly ReportLine[] = []): 0 | 2 | 3 {
  const incomplete = report.some((r) => r.status !== "converted") || lines.some((l) => l.partial);
  if (!incomplete) return 0;
  return strict ? 2 : 3;
}

/** The report as text: blueprint-level lines, then one line per node plus its notes (`file:line:col: node (type): status`), then the totals. */
export function formatReport(report: readonly NodeReport[], blueprintLines: readonly ReportLine[] = []): string {
  const lines: string[] = [];
  for (const l of blueprintLines) lines.push(`${l.at.file}:${l.at.line}:${l.at.col}: ${l.message}`);
  for (const r of report) {
    const made = r.resources.length > 0 ? ` -> ${r.resources.join(", ")}` : "";
    lines.push(`${r.at.file}:${r.at.line}:${r.at.col}: ${r.node} (${r.type}): ${r.status}${made}`);
    for (const n of r.notes) lines.push(`    - ${n}`);
  }
  const t = totalsOf(report);
  lines.push(`${t.converted} converted, ${t.partial} partly converted, ${t["not converted"]} not converted`);
  return lines.join("\n");
}
