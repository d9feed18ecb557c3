/**
 * A `~` in a bind source is expanded with the home folder of the machine that reads the file. For a written program
 * (loaded with markers, as `berth compose` loads) that machine is not the one the program runs on, so each such
 * source is a warning at its file:line:col; a component (no markers) expands it where it runs, quietly.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCompose } from "../../src/compose/load";
import { VariableMarkers } from "../../src/compose/markers";
import { memoryFiles } from "./fixtures";

const FILE = "/p/compose.yaml";
const HOME = "/home/writer";

function load(text: string, target: "docker" | "swarm", program: boolean) {
  return loadCompose(text, {
    target,
    fileName: FILE,
    env: {},
    reader: memoryFiles(),
    home: HOME,
    ...(program ? { markers: VariableMarkers.random({}) } : {}),
  });
}

function file(lines: readonly string[]): string {
  return `services:\n  web:\n    image: img\n    volumes:\n${lines.map((l) => `      ${l}\n`).join("")}`;
}

function at(text: string, needle: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return `${FILE}:${i + 1}:${lines[i]!.indexOf(needle) + 1}`;
}

const SHAPES: { name: string; lines: string[]; written: string; expanded: string; needle: string }[] = [
  { name: "short ~/x", lines: ["- ~/x:/x"], written: "~/x", expanded: `${HOME}/x`, needle: "~/x" },
  { name: "short ~ alone", lines: ["- ~:/h"], written: "~", expanded: HOME, needle: "~:/h" },
  { name: "short ~/a/b:ro", lines: ["- ~/a/b:/b:ro"], written: "~/a/b", expanded: `${HOME}/a/b`, needle: "~/a/b" },
  { name: "short quoted", lines: ['- "~/q:/q:rw"'], written: "~/q", expanded: `${HOME}/q`, needle: '"~/q' },
  { name: "long source ~/y", lines: ["- type: bind", "  source: ~/y", "  target: /y"], written: "~/y", expanded: `${HOME}/y`, needle: "~/y" },
  { name: "long source \"~\" (quoted: a bare ~ is YAML null)", lines: ["- type: bind", '  source: "~"', "  target: /y", "  read_only: true"], written: "~", expanded: HOME, needle: '"~"' },
];

const about = (d: { message: string }): boolean => d.message.startsWith("the bind source");

for (const target of ["docker", "swarm"] as const) {
  for (const shape of SHAPES) {
    test(`${target}, written program, ${shape.name}: a warning at the source naming both paths`, () => {
      const text = file(shape.lines);
      const r = load(text, target, true);
      const found = r.diagnostics.filter(about);
      assert.equal(found.length, 1, JSON.stringify(r.diagnostics));
      assert.equal(found[0]!.severity, "warning");
      assert.equal(found[0]!.where, at(text, shape.needle));
      assert.ok(found[0]!.message.includes(`"${shape.written}" is expanded to "${shape.expanded}"`), found[0]!.message);
      assert.ok(r.model, JSON.stringify(r.diagnostics));
      assert.equal(r.model.services[0]!.mounts[0]!.source, shape.expanded);
    });
    test(`${target}, component, ${shape.name}: expanded quietly`, () => {
      const r = load(file(shape.lines), target, false);
      assert.deepEqual(r.diagnostics.filter(about), []);
      assert.equal(r.model!.services[0]!.mounts[0]!.source, shape.expanded);
    });
  }
  for (const quiet of [["- /abs:/a"], ["- ./rel:/r"], ["- data~:/d"], ["- type: bind", "  source: /srv/~x", "  target: /x"]]) {
    test(`${target}, written program, ${quiet.join(" ")}: no ~ to expand, no warning`, () => {
      const text = `${file(quiet)}volumes:\n  data~: {}\n`;
      assert.deepEqual(load(text, target, true).diagnostics.filter(about), []);
    });
  }
}
