/**
 * `__proto__`, `constructor` and `prototype` as names in a Compose file: the last two are carried faithfully, and
 * `__proto__` (which JavaScript objects give a meaning of their own) is refused naming its file:line:col, wherever
 * it appears; never dropped without a word.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { main } from "../../src/cli/main";

const dir = mkdtempSync(path.join(tmpdir(), "berth-proto-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function compose(text: string, target: "docker" | "swarm"): Promise<{ code: number; printed: string; out: string }> {
  const file = `c${n}.yaml`;
  const out = `out${n++}`;
  writeFileSync(path.join(dir, file), text);
  let printed = "";
  const print = (t: string): void => {
    printed += t;
  };
  const code = await main(["compose", file, "--out", out, "--target", target, ...(target === "swarm" ? ["--registry", "127.0.0.1:5000"] : [])], { out: print, err: print, cwd: dir, env: {} });
  return { code, printed, out: path.join(dir, out) };
}

/** Every place a name goes, with NAME where the hostile name is put. */
const SHAPES: string[] = [
  "services:\n  NAME:\n    image: nginx:1.27\n",
  "services:\n  web:\n    image: nginx:1.27\n    labels:\n      NAME: x\n",
  "services:\n  web:\n    image: nginx:1.27\n    environment:\n      NAME: x\n",
  "services:\n  web:\n    image: nginx:1.27\n    networks: [NAME]\nnetworks:\n  NAME: {}\n",
  "services:\n  web:\n    image: nginx:1.27\n    volumes: ['NAME:/data']\nvolumes:\n  NAME: {}\n",
  "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      labels:\n        NAME: x\n",
  "services:\n  web:\n    image: nginx:1.27\nx-NAME: 1\nNAME: 2\n",
];

test("__proto__ anywhere is refused with its file:line:col, on both targets, and nothing is written", async () => {
  let cases = 0;
  for (const target of ["docker", "swarm"] as const) {
    for (const shape of SHAPES) {
      const text = shape.replaceAll("NAME", "__proto__");
      const r = await compose(text, target);
      assert.equal(r.code, 2, `${target}: ${text}\n${r.printed}`);
      assert.match(r.printed, /c\d+\.yaml:\d+:\d+.*`__proto__` cannot be a name here/, r.printed);
      cases++;
    }
  }
  process.stdout.write(`# __proto__: ${cases} shapes refused with a position\n`);
});

test("constructor and prototype are carried as names like any other", async () => {
  for (const name of ["constructor", "prototype", "hasOwnProperty", "toString", "valueOf"]) {
    for (const target of ["docker", "swarm"] as const) {
      const r = await compose(`services:\n  ${name}:\n    image: nginx:1.27\n    labels:\n      ${name}: x\n    environment:\n      ${name}: y\n`, target);
      assert.equal(r.code, 0, `${name} on ${target}: ${r.printed}`);
      assert.match(r.printed, /: 1 services for/, r.printed);
      const index = readFileSync(path.join(r.out, "index.ts"), "utf8");
      assert.ok(index.includes(`"${name}"`), `${name} on ${target} is not in the program`);
    }
  }
});
