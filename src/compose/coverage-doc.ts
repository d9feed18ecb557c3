/** The Compose coverage table as Markdown, rendered from the data in coverage*.ts (the docs' copy is checked against it). */
import { COMPOSE_COVERAGE, type Support, coverageTotals } from "./coverage";

/** The first line of the table in the docs. */
export const COVERAGE_BEGIN = "<!-- compose-coverage:begin (generated from src/compose/coverage*.ts; do not edit) -->";
/** The line after the table. */
export const COVERAGE_END = "<!-- compose-coverage:end -->";

const WORD: Record<Support, string> = { mapped: "mapped", warned: "warned", refused: "**refused**", ignored: "ignored" };

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** The totals line of each target. */
export function renderCoverageTotals(): string {
  const line = (label: string, t: Record<Support, number>) =>
    `${label}: ${t.mapped} mapped, ${t.warned} warned, ${t.refused} refused, ${t.ignored} accepted and ignored`;
  return [line("Swarm", coverageTotals("swarm")), line("One host", coverageTotals("docker"))].join("; ");
}

/** The table, between its markers: one row per key, with what Swarm and a single Docker host do with it. */
export function renderCoverageTable(): string {
  const lines = [
    COVERAGE_BEGIN,
    `Totals: ${renderCoverageTotals()}.`,
    "",
    "| Compose key | Swarm (`SwarmStack`) | One host (`ComposeProject`) | Notes |",
    "|---|---|---|---|",
  ];
  for (const r of COMPOSE_COVERAGE) {
    const note = r.swarm.note === r.docker.note ? r.swarm.note : `Swarm: ${r.swarm.note}. One host: ${r.docker.note}`;
    lines.push(`| \`${cell(r.key)}\` | ${WORD[r.swarm.support]} | ${WORD[r.docker.support]} | ${cell(note)} |`);
  }
  lines.push(COVERAGE_END);
  return lines.join("\n");
}
