/**
 * The Compose coverage table: every key of the Compose Specification, and what each target does with it. One table
 * per target (coverage-swarm.ts, coverage-docker.ts), both over the same keys; this file holds the lookup.
 *
 * - `mapped`: the key is carried onto the target (the note says how).
 * - `warned`: the key has no equivalent on the target and is left out with a warning naming it and its file:line
 *   (an error under `strict`).
 * - `refused`: using the key is always an error, because leaving it out would change what the file means.
 * - `ignored`: accepted and ignored by design, because it has no effect on what runs (the obsolete `version`, the
 *   development-time `develop`); said once as an `info` line, never an error.
 */
import { DOCKER_COVERAGE } from "./coverage-docker";
import { SWARM_COVERAGE } from "./coverage-swarm";

/** What a target does with a key. */
export type Support = "mapped" | "warned" | "refused" | "ignored";

/** A target's row for one key. */
export interface TargetRow {
  support: Support;
  /** How the key is mapped, or why it is not. */
  note: string;
}

/** One target's table: key path (with `*` for a user-chosen name) → row. */
export type CoverageTable = Readonly<Record<string, TargetRow>>;

/** The target a Compose file is loaded for. */
export type ComposeTarget = "swarm" | "docker";

/** The tables, by target. */
export const COVERAGE: Readonly<Record<ComposeTarget, CoverageTable>> = { swarm: SWARM_COVERAGE, docker: DOCKER_COVERAGE };

/** One row of the joined table (for the docs). */
export interface CoverageRow {
  key: string;
  swarm: TargetRow;
  docker: TargetRow;
}

/** Both tables joined by key, in the order of the Swarm table. */
export const COMPOSE_COVERAGE: readonly CoverageRow[] = Object.keys(SWARM_COVERAGE).map((key) => ({
  key,
  swarm: SWARM_COVERAGE[key]!,
  docker: DOCKER_COVERAGE[key]!,
}));

/** The pattern of a concrete key path: user-chosen names (service, network, ... names) become `*`. */
export function coveragePattern(path: readonly (string | number)[]): string {
  const parts = path.map(String);
  if (parts.length === 1 && parts[0]!.startsWith("x-")) return "x-*";
  return parts.map((p, i) => (i === 1 && parts.length > 1 ? "*" : p)).join(".");
}

/** The target's row for a concrete key path (`services.web.build` → `services.*.build`), or undefined when unknown. */
export function coverageOf(path: readonly (string | number)[], target: ComposeTarget): TargetRow | undefined {
  return COVERAGE[target][coveragePattern(path)];
}

/** How many keys each target maps, warns about, refuses and ignores. */
export function coverageTotals(target: ComposeTarget): Record<Support, number> {
  const totals: Record<Support, number> = { mapped: 0, warned: 0, refused: 0, ignored: 0 };
  for (const row of Object.values(COVERAGE[target])) totals[row.support]++;
  return totals;
}
