import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import * as yaml from "js-yaml";
import { COMPOSE_COVERAGE, type ComposeTarget, coverageOf } from "../../src/compose/coverage";
import { renderCoverageTable } from "../../src/compose/coverage-doc";
import { loadCompose } from "../../src/compose/load";
import { fixture, readFile } from "./fixtures";

const FILES = ["stack.yaml", "ignored.yaml", "spec-only.yaml", "warned-spec.yaml", "refused.yaml", "project.yaml"];
const ENV = { BERTH_TEST_IMAGE: "img:1", API_KEY: "k", BANNER: "b" };

/** The first concrete path (file and key path) in the fixtures that a row's pattern stands for. */
function findUse(pattern: string): { file: string; path: string[] } | undefined {
  const parts = pattern.split(".");
  for (const file of FILES) {
    const doc = yaml.load(readFile(fixture(file))) as Record<string, unknown>;
    const walk = (value: unknown, i: number, trail: string[]): string[] | undefined => {
      if (i === parts.length) return trail;
      if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const p = parts[i]!;
        const matches = p === "*" || p === k || (p === "x-*" && k.startsWith("x-"));
        if (!matches) continue;
        const found = walk(v, i + 1, [...trail, k]);
        if (found) return found;
      }
      return undefined;
    };
    const found = walk(doc, 0, []);
    if (found) return { file, path: found };
  }
  return undefined;
}

function diagnosticsFor(file: string, target: ComposeTarget, key: string) {
  const r = loadCompose(readFile(fixture(file)), { target, fileName: fixture(file), env: ENV, readFile });
  return r.diagnostics.filter((d) => d.key === key);
}

for (const row of COMPOSE_COVERAGE) {
  test(`coverage row ${row.key}: swarm ${row.swarm}, docker ${row.docker}`, () => {
    const use = findUse(row.key);
    assert.ok(use, `no fixture uses ${row.key}`);
    assert.equal(coverageOf(use.path), row);
    for (const target of ["swarm", "docker"] as const) {
      // A key under a parent the target leaves out or refuses is not looked at on its own.
      const parentLeftOut = use.path.slice(0, -1).some((_, i) => {
        const parent = coverageOf(use.path.slice(0, i + 1));
        return parent !== undefined && parent[target] !== "supported";
      });
      const found = diagnosticsFor(use.file, target, use.path.join("."));
      const leaf: string = use.path[use.path.length - 1]!;
      const status = parentLeftOut || row.key === "x-*" ? "none" : row[target];
      if (status === "warned") {
        assert.deepEqual(
          found.map((d) => [d.severity, d.message]),
          [["warning", `"${leaf}" is left out on ${target}: ${row.note}`]],
        );
      } else if (status === "refused") {
        assert.deepEqual(
          found.filter((d) => d.message.startsWith(`"${leaf}" is refused`)).map((d) => [d.severity, d.message]),
          [["error", `"${leaf}" is refused: ${row.note}`]],
        );
      } else {
        assert.deepEqual(
          found.filter((d) => /is left out on|is refused|is not a Compose key/.test(d.message)),
          [],
          `${target} should map ${use.path.join(".")}`,
        );
      }
    }
  });
}

test("docs/workloads.md carries the coverage table exactly as rendered from the data", () => {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/workloads.md"), "utf8");
  assert.ok(doc.includes(`${renderCoverageTable()}\n`), "regenerate the table in docs/workloads.md from renderCoverageTable()");
});

test("the rendered table has one line per row, escaped", () => {
  const lines = renderCoverageTable().split("\n");
  assert.equal(lines.length, COMPOSE_COVERAGE.length + 4);
  assert.equal(lines[3], "| `version` | warned | warned | obsolete in the Compose Specification; ignored |");
  assert.equal(
    lines.find((l) => l.startsWith("| `include`")),
    "| `include` | **refused** | **refused** | other Compose files are not merged; merge them into one file first |",
  );
});
