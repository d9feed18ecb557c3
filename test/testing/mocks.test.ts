/**
 * berthMocks() as users install it: under `pulumi.runtime.setMocks(berthMocks())` in update mode, every cluster
 * component runs and its outputs resolve to plausible values (the swarm's join tokens decrypted from what the mocked
 * manager printed). Each program runs in its own process (mocks are process-wide); see mocks-program.ts.
 * Under mocks that only echo inputs, a component that reads a provider-set output stops with an error naming the
 * resource, the output and the fix, never a TypeError from inside Berth.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { test } from "node:test";

const PROGRAM = path.join(__dirname, "mocks-program.ts");

function run(component: string, mocks: "berth" | "bare"): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(process.execPath, ["--import", "tsx", PROGRAM, component, mocks], { encoding: "utf8", stdio: "pipe" });
    return { code: 0, out, err: "" };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

for (const component of ["swarm", "kubernetes", "mesos"]) {
  test(`${component}: runs under berthMocks() in update mode, its outputs plausible`, () => {
    const r = run(component, "berth");
    assert.equal(r.code, 0, r.err);
    const outputs = JSON.parse(r.out) as Record<string, unknown>;
    for (const [k, v] of Object.entries(outputs)) assert.ok(v !== undefined && v !== null && v !== "", `${component}.${k} resolved (${JSON.stringify(v)})`);
    if (component === "swarm") assert.match(String(outputs["workerToken"]), /^SWMTKN-1-/);
  });

  test(`${component}: under mocks that only echo inputs, the error names the missing output and the fix`, () => {
    const r = run(component, "bare");
    assert.notEqual(r.code, 0);
    assert.match(r.err, /: its output [A-Za-z]+ is missing\. A deployment always sets it; under unit-test mocks, return it from your mocks' newResource, or use berth\/testing's berthMocks\(\), which does/);
    assert.doesNotMatch(r.err, /TypeError|Cannot read properties/);
  });
}
