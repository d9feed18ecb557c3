// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is the data under test.
/**
 * An unset variable with no default stands for "" and is warned about, as `docker compose` does: once per name and
 * file, at the value's file:line:col, on both targets. docker-compose (when installed) is the oracle for which shapes
 * warn.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { interpolate } from "../../src/compose/interpolate";
import { loadCompose } from "../../src/compose/load";
import { memoryFiles } from "./fixtures";

const FILE = "/p/compose.yaml";
const ENV = { SET: "s", EMPTY: "" };

/** Reference shapes that warn about V (unset), each with the text it leaves. */
const WARNS: readonly { ref: string; value: string }[] = [
  { ref: "$V", value: "" },
  { ref: "${V}", value: "" },
  { ref: "pre-$V-post", value: "pre--post" },
  { ref: "pre${V}post", value: "prepost" },
  { ref: "${SET}$V${SET}", value: "ss" },
  { ref: "${SET:-x}${V}", value: "s" },
  { ref: "${UNSET_OTHER:-${V}}x", value: "x" },
  { ref: "a $$X $V", value: "a $X " },
];

/** Shapes that do not warn: set (even empty), a default, a replacement, an escaped `$$`. */
const QUIET: readonly { ref: string; value: string }[] = [
  { ref: "${EMPTY}", value: "" },
  { ref: "$EMPTY", value: "" },
  { ref: "x${SET}", value: "xs" },
  { ref: "${V:-d}", value: "d" },
  { ref: "${V-d}", value: "d" },
  { ref: "${V:-}", value: "" },
  { ref: "${V-}", value: "" },
  { ref: "${V:+r}", value: "" },
  { ref: "${V+r}", value: "" },
  { ref: "$$V", value: "$V" },
  { ref: "$${V}", value: "${V}" },
];

/** Where a reference may stand, as a file with `REF` in one place; image is swapped to a fixed name when REF is not there. */
const PLACES: readonly { name: string; text: (ref: string) => string; key: string }[] = [
  { name: "environment map", key: "services.web.environment.A", text: (r) => `services:\n  web:\n    image: img\n    environment:\n      A: "${r}"\n` },
  { name: "environment list", key: "services.web.environment.0", text: (r) => `services:\n  web:\n    image: img\n    environment:\n      - "A=${r}"\n` },
  { name: "labels", key: "services.web.labels.l", text: (r) => `services:\n  web:\n    image: img\n    labels:\n      l: "${r}"\n` },
  { name: "image", key: "services.web.image", text: (r) => `services:\n  web:\n    image: "img${r}"\n` },
  { name: "command string", key: "services.web.command", text: (r) => `services:\n  web:\n    image: img\n    command: "echo ${r}"\n` },
  { name: "command list", key: "services.web.command.1", text: (r) => `services:\n  web:\n    image: img\n    command: ["echo", "${r}"]\n` },
];

/** The file:line:col of the quoted scalar holding `ref` in `text`. */
function whereOf(text: string, ref: string): string {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i]!.indexOf(ref);
    if (at >= 0) return `${FILE}:${i + 1}:${lines[i]!.lastIndexOf('"', at) + 1}`;
  }
  throw new Error(`${ref} not in the text`);
}

for (const target of ["docker", "swarm"] as const) {
  for (const place of PLACES) {
    for (const shape of WARNS) {
      test(`${target}, ${place.name}: ${shape.ref} warns that V is unset, at the value, and leaves it blank`, () => {
        const text = place.text(shape.ref);
        const r = loadCompose(text, { target, fileName: FILE, env: ENV, reader: memoryFiles() });
        const warnings = r.diagnostics.filter((d) => d.message.includes("variable is not set"));
        assert.deepEqual(
          warnings.map((d) => ({ severity: d.severity, where: d.where, key: d.key })),
          [{ severity: "warning", where: whereOf(text, shape.ref), key: place.key }],
        );
        assert.match(warnings[0]!.message, /^The "V" variable is not set\. Defaulting to a blank string\./);
        assert.ok(r.model, JSON.stringify(r.diagnostics));
        assert.equal(r.diagnostics.filter((d) => d.severity === "error").length, 0);
        const web = r.model.services[0]!;
        if (place.name === "image") assert.equal(web.image, `img${shape.value}`);
        if (place.name.startsWith("environment")) assert.equal(web.environment?.["A"], shape.value);
        if (place.name === "labels") assert.equal(web.labels?.["l"], shape.value);
        if (place.name === "command list") assert.deepEqual(web.command, ["echo", shape.value]);
      });
    }
    for (const shape of QUIET) {
      test(`${target}, ${place.name}: ${shape.ref} is not warned about`, () => {
        const r = loadCompose(place.text(shape.ref), { target, fileName: FILE, env: ENV, reader: memoryFiles() });
        assert.deepEqual(
          r.diagnostics.filter((d) => d.message.includes("variable is not set")),
          [],
        );
      });
    }
  }
}

test("interpolate: unset lists each unset name once, in order, and only the ones without a default", () => {
  for (const shape of WARNS) assert.deepEqual(interpolate(shape.ref, ENV).unset, ["V"], shape.ref);
  for (const shape of WARNS) assert.equal(interpolate(shape.ref, ENV).value, shape.value, shape.ref);
  for (const shape of QUIET) assert.deepEqual(interpolate(shape.ref, ENV).unset, [], shape.ref);
  for (const shape of QUIET) assert.equal(interpolate(shape.ref, ENV).value, shape.value, shape.ref);
  assert.deepEqual(interpolate("$B ${A} $B $A ${C:-$D}", {}).unset, ["B", "A", "D"]);
});

test("once per name per file: many uses of two unset variables give two warnings, at each first use", () => {
  const lines = ["services:"];
  for (let i = 0; i < 40; i++) lines.push(`  s${i}:`, `    image: "img$X"`, `    environment:`, `      A: "\${Y}-$X"`);
  const text = `${lines.join("\n")}\n`;
  for (const target of ["docker", "swarm"] as const) {
    const r = loadCompose(text, { target, fileName: FILE, env: {}, reader: memoryFiles() });
    const warnings = r.diagnostics.filter((d) => d.message.includes("variable is not set"));
    assert.deepEqual(
      warnings.map((d) => [d.where, d.message.slice(0, 8)]),
      [
        [`${FILE}:3:12`, 'The "X" '],
        [`${FILE}:5:10`, 'The "Y" '],
      ],
    );
  }
});

test("once per file: the same unset variable in an included file is warned about there too", () => {
  const main = `include:\n  - other.yaml\nservices:\n  web:\n    image: "img$X"\n`;
  const other = `services:\n  db:\n    image: "db$X"\n`;
  const r = loadCompose(main, { target: "docker", fileName: FILE, env: {}, reader: memoryFiles({ "/p/other.yaml": other }) });
  const warnings = r.diagnostics.filter((d) => d.message.includes("variable is not set"));
  assert.deepEqual(warnings.map((d) => d.where).sort(), ["/p/compose.yaml:5:12", "/p/other.yaml:3:12"]);
});

/** docker-compose, when installed: does it warn that V is unset for this file text? */
function composeWarns(text: string): boolean | undefined {
  const probe = spawnSync("docker-compose", ["version"], { encoding: "utf8" });
  if (probe.status !== 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-unset-"));
  try {
    fs.writeFileSync(path.join(dir, "compose.yaml"), text);
    const r = spawnSync("docker-compose", ["-f", path.join(dir, "compose.yaml"), "config"], {
      encoding: "utf8",
      cwd: dir,
      env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: dir, SET: "s", EMPTY: "" },
    });
    assert.equal(r.status, 0, r.stderr);
    return /The "?V"? variable is not set/.test(r.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Shapes docker-compose 1.29 understands (it predates `:+`, `+` and a `${...}` nested in a default). */
const ORACLE = [...WARNS, ...QUIET].filter((s) => !s.ref.includes("+") && !/\$\{[^}]*\$\{/.test(s.ref));

test("docker-compose agrees on which shapes warn (skipped only when docker-compose is not installed)", (t) => {
  const place = PLACES[0]!;
  let asked = 0;
  for (const shape of ORACLE) {
    const text = place.text(shape.ref);
    const theirs = composeWarns(text);
    if (theirs === undefined) {
      t.skip("docker-compose is not installed");
      return;
    }
    asked++;
    const ours = loadCompose(text, { target: "docker", fileName: FILE, env: ENV, reader: memoryFiles() }).diagnostics.some((d) =>
      d.message.includes('"V" variable is not set'),
    );
    assert.equal(ours, theirs, `${shape.ref}: docker-compose ${theirs ? "warns" : "is quiet"}, Berth ${ours ? "warns" : "is quiet"}`);
  }
  assert.equal(asked, ORACLE.length);
});
