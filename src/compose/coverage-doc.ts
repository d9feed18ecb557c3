/** The Compose coverage table as Markdown, rendered from the data in coverage.ts (the README's copy is checked against it). */
import { COMPOSE_COVERAGE, type Support } from "./coverage";

/** The first line of the table in the docs. */
export const COVERAGE_BEGIN = "<!-- compose-coverage:begin (generated from src/compose/coverage.ts; do not edit) -->";
/** The line after the table. */
export const COVERAGE_END = "<!-- compose-coverage:end -->";

const WORD: Record<Support, string> = { supported: "supported", warned: "warned", refused: "**refused**" };

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** The table, between its markers: one row per key, with what Swarm and a single Docker host do with it. */
export function renderCoverageTable(): string {
  const lines = [COVERAGE_BEGIN, "| Compose key | Swarm (`SwarmStack`) | One host (`ComposeProject`) | Notes |", "|---|---|---|---|"];
  for (const r of COMPOSE_COVERAGE) {
    lines.push(`| \`${cell(r.key)}\` | ${WORD[r.swarm]} | ${WORD[r.docker]} | ${cell(r.note)} |`);
  }
  lines.push(COVERAGE_END);
  return lines.join("\n");
}
