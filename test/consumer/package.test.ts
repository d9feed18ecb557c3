/**
 * What the tarball holds and what its command does once installed: the LICENSE and README ship, the tests do not;
 * `npx berth --version` prints the packed version; and `tsx` is a runtime dependency for one reason only, which the
 * test names: `berth preview` runs users' TypeScript programs with it.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { workspace } from "./workspace";

const ws = workspace();
const installed = path.join(ws.template, "node_modules", "berth");

test("the tarball ships LICENSE, README.md, the build and the command, and no tests", () => {
  const list = execFileSync("tar", ["-tzf", ws.tarball], { encoding: "utf8" }).split("\n").filter((l) => l !== "");
  for (const f of ["package/LICENSE", "package/README.md", "package/package.json", "package/bin/berth.js", "package/dist/index.js", "package/dist/dynamic.js"]) {
    assert.ok(list.includes(f), `${f} is in the tarball`);
  }
  assert.deepEqual(list.filter((f) => f.startsWith("package/test/")), []);
});

test("npx berth --version prints the installed version", () => {
  const out = execFileSync(path.join(ws.template, "node_modules", ".bin", "berth"), ["--version"], { cwd: ws.template, encoding: "utf8" });
  assert.equal(out, `berth ${ws.version}\n`);
});

test("tsx is loaded by the installed package only to run users' programs in berth preview", () => {
  const users: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js") && /require(?:\.resolve)?\("tsx(?:\/[a-z]+)?"\)/.test(fs.readFileSync(p, "utf8"))) users.push(path.relative(installed, p));
    }
  };
  walk(path.join(installed, "dist"));
  assert.deepEqual(users, ["dist/preview/runner.js"]);
});
