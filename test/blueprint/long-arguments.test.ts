/**
 * Big argument lists are written as arrays: a `concat` with more arguments than a JavaScript call may be written with
 * (65,535) becomes a program that parses, type-checks and computes the same text.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import ts from "typescript";
import { blueprintCall, blueprintCallList } from "../../src/blueprint/runtime";
import { main } from "../../src/cli/main";
import { typeCheckProjects } from "../helpers/typecheck";

const dir = mkdtempSync(path.join(tmpdir(), "berth-longargs-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("the array form computes what the argument form does", () => {
  const parts = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? "x" : true));
  assert.equal(blueprintCallList("concat", parts), blueprintCall("concat", ...parts));
});

test("concat of 100 to 100,000 arguments: every written program parses and type-checks", async () => {
  const projects: string[] = [];
  for (const count of [100, 300, 70_000, 100_000]) {
    const args = Array.from({ length: count }, (_, i) => `p${i % 10}`);
    writeFileSync(
      path.join(dir, `bp${count}.yaml`),
      `tosca_definitions_version: cloudify_dsl_1_3\noutputs:\n  joined:\n    value: { concat: [${args.join(", ")}, { get_input: tail }] }\ninputs:\n  tail: { default: end }\n`,
    );
    let printed = "";
    const print = (t: string): void => {
      printed += t;
    };
    const out = `out${count}`;
    const code = await main(["import", `bp${count}.yaml`, "--out", out], { out: print, err: print, cwd: dir, env: {} });
    assert.ok([0, 3].includes(code), `${count}: exit ${code}\n${printed.slice(0, 2000)}`);
    const index = readFileSync(path.join(dir, out, "index.ts"), "utf8");
    const parsed = ts.createSourceFile("index.ts", index, ts.ScriptTarget.ES2020, true);
    const diagnostics = (parsed as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), [], `${count}: the program does not parse`);
    assert.equal(index.includes("blueprintCallList(\"concat\", ["), count > 256, `${count}: the array form is used above 256 arguments only`);
    projects.push(path.join(dir, out));
  }
  typeCheckProjects(projects);
});
