import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main";
import { formatProblems } from "../../src/core/problems";
import { shown, shownPath } from "../../src/core/shown";
import { hasActiveCharacters, visible } from "../../src/core/terminal";

/** Every character a terminal acts on: C0 but newline and tab, DEL, C1, separators, direction marks and overrides. */
const ACTIVE: string[] = [];
for (let c = 0; c < 0x20; c++) if (c !== 0x0a && c !== 0x09) ACTIVE.push(String.fromCharCode(c));
for (let c = 0x7f; c <= 0x9f; c++) ACTIVE.push(String.fromCharCode(c));
for (const c of [0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) ACTIVE.push(String.fromCharCode(c));

/** Real attack shapes: clipboard write (OSC 52), screen clear, hyperlink, title, cursor moves, a reversed name. */
const SEQUENCES = ["\u001b]52;c;Y3VybCBldmlsLnNofHNo\u0007", "\u001b[2J\u001b[H", "\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "\u001b]0;title\u0007", "\u009b31m", "\r\u001b[1A", "\u202egpj.exe"];

test("visible escapes every terminal-active character and keeps everything else", () => {
  for (const ch of ACTIVE) {
    const out = visible(`a${ch}b`);
    assert.equal(hasActiveCharacters(out), false, `U+${ch.charCodeAt(0).toString(16)} left raw`);
    assert.match(out, /^a\\(x[0-9a-f]{2}|u[0-9a-f]{4})b$/);
  }
  assert.equal(visible("web\u001b[2J"), "web\\x1b[2J");
  assert.equal(visible("ünïcode ✓ 名前\n\ttab"), "ünïcode ✓ 名前\n\ttab");
  for (const s of SEQUENCES) assert.equal(visible(visible(s)), visible(s), "idempotent on its own output");
});

test("quoted values and paths in messages carry no active character", () => {
  for (const ch of [...ACTIVE, ...SEQUENCES]) {
    for (const out of [shown(`x${ch}y`), shown(`${"x".repeat(200)}${ch}`), shownPath(`/a/${ch}/b`), formatProblems("t", `n${ch}`, [{ where: `w${ch}`, message: `m${ch}` }])]) {
      assert.equal(hasActiveCharacters(out), false, JSON.stringify(out));
    }
  }
});

test("berth prints reports and errors with every escape sequence in a node or type name shown, not run", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "berth-terminal-"));
  try {
    let cases = 0;
    for (const seq of [...SEQUENCES, ...ACTIVE.filter((c) => c !== "\r")]) {
      // A YAML double-quoted key can hold any character as an escape: the node name and a type name carry it.
      const escaped = JSON.stringify(seq).slice(1, -1);
      writeFileSync(
        path.join(dir, "bp.yaml"),
        `tosca_definitions_version: cloudify_dsl_1_3\nnode_templates:\n  "web${escaped}":\n    type: "my.Type${escaped}"\n`,
      );
      let printed = "";
      const print = (t: string): void => {
        printed += t;
      };
      const io = { out: print, err: print, cwd: dir, env: {} };
      const code = await main(["import", "bp.yaml", "--out", `out${cases}`], io);
      assert.ok([0, 2, 3].includes(code), `exit ${code}: ${printed}`);
      assert.ok(printed.includes("web"), printed);
      assert.equal(hasActiveCharacters(printed), false, `raw escape printed for ${JSON.stringify(seq)}: ${JSON.stringify(printed)}`);
      cases++;
    }
    process.stdout.write(`# terminal: ${cases} names with escape sequences imported, none printed raw\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
