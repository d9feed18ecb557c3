/**
 * A network with `driver: bridge` on the swarm target: swarm services cannot join a node-local bridge, so the stack
 * creates it as an overlay network and says so (naming the network, at its driver's file:line:col). On one host it
 * stays a bridge; an external network with a driver is refused.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCompose } from "../../src/compose/load";
import { networkArgs } from "../../src/compose/targets/swarm";
import { memoryFiles } from "./fixtures";

const FILE = "/p/compose.yaml";

function load(text: string, target: "docker" | "swarm") {
  return loadCompose(text, { target, fileName: FILE, env: {}, reader: memoryFiles() });
}

/** The file:line:col of the first line starting (after indentation) with `prefix`, at the `n`-th occurrence. */
function whereOf(text: string, prefix: string, n = 0): string {
  const lines = text.split("\n");
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trimStart();
    if (trimmed.startsWith(prefix) && seen++ === n) return `${FILE}:${i + 1}:${lines[i]!.length - trimmed.length + 1}`;
  }
  throw new Error(`${prefix} not in the text`);
}

/** Extra keys a bridge network may carry next to its driver (each kept as it is). */
const EXTRAS: readonly { yaml: string[]; check: (args: Record<string, unknown>) => void }[] = [
  { yaml: [], check: () => undefined },
  { yaml: ["attachable: true"], check: (a) => assert.equal(a["attachable"], true) },
  { yaml: ["internal: true"], check: (a) => assert.equal(a["internal"], true) },
  { yaml: ["name: shared-net"], check: (a) => assert.equal(a["name"], "shared-net") },
  { yaml: ["labels:", "  tier: web"], check: (a) => assert.ok(JSON.stringify(a["labels"]).includes("tier")) },
  { yaml: ["driver_opts:", "  encrypted: 'true'"], check: (a) => assert.deepEqual(a["options"], { encrypted: "true" }) },
];

/** A project with `count` bridge networks, each with the given extras, every service joining all of them. */
function project(count: number, extra: readonly string[], driverFirst: boolean): string {
  const names = Array.from({ length: count }, (_, i) => `net${i}`);
  const lines = ["services:", "  web:", "    image: img", "    networks:", ...names.map((n) => `      - ${n}`), "networks:"];
  for (const n of names) {
    lines.push(`  ${n}:`);
    const body = driverFirst ? ["driver: bridge", ...extra] : [...extra, "driver: bridge"];
    for (const b of body) lines.push(`    ${b}`);
  }
  return `${lines.join("\n")}\n`;
}

for (const extra of EXTRAS) {
  for (const count of [1, 3]) {
    for (const driverFirst of [true, false]) {
      const label = `${count} bridge network(s), extras ${JSON.stringify(extra.yaml)}, driver ${driverFirst ? "first" : "last"}`;
      test(`swarm, ${label}: each becomes overlay with a warning naming it, at its driver`, () => {
        const text = project(count, extra.yaml, driverFirst);
        const r = load(text, "swarm");
        assert.equal(r.diagnostics.filter((d) => d.severity === "error").length, 0, JSON.stringify(r.diagnostics));
        const warnings = r.diagnostics.filter((d) => d.message.includes("driver bridge"));
        assert.equal(warnings.length, count);
        warnings.forEach((w, i) => {
          assert.equal(w.severity, "warning");
          assert.equal(w.key, `networks.net${i}.driver`);
          assert.equal(w.where, whereOf(text, "driver: bridge", i));
          assert.ok(w.message.includes(`"net${i}"`), w.message);
          assert.ok(w.message.includes("overlay"), w.message);
        });
        assert.ok(r.model);
        const args = networkArgs(r.model, "stk");
        assert.equal(args.length, count);
        for (const a of args) {
          assert.equal(a.args.driver, "overlay");
          extra.check(a.args as Record<string, unknown>);
        }
      });
      test(`docker, ${label}: stays a bridge, no warning`, () => {
        const r = load(project(count, extra.yaml, driverFirst), "docker");
        assert.deepEqual(
          r.diagnostics.filter((d) => d.message.includes("driver bridge")),
          [],
        );
        assert.ok(r.model, JSON.stringify(r.diagnostics));
        for (const n of r.model.networks) assert.equal(n.driver, "bridge");
      });
    }
  }
}

for (const driver of ["overlay", undefined, "macvlan"]) {
  test(`swarm, driver ${driver ?? "(none)"}: left as written, no bridge warning`, () => {
    const text = `services:\n  web:\n    image: img\n    networks: [n]\nnetworks:\n  n:\n${driver ? `    driver: ${driver}\n` : "    attachable: true\n"}`;
    const r = load(text, "swarm");
    assert.deepEqual(
      r.diagnostics.filter((d) => d.message.includes("driver bridge")),
      [],
    );
    assert.ok(r.model, JSON.stringify(r.diagnostics));
    assert.equal(networkArgs(r.model, "stk")[0]!.args.driver, driver ?? "overlay");
  });
}

for (const order of [["external: true", "driver: bridge"], ["driver: bridge", "external: true"]]) {
  test(`swarm, an external network with driver bridge (${order.join(", ")}) is refused, not mapped`, () => {
    const text = `services:\n  web:\n    image: img\n    networks: [n]\nnetworks:\n  n:\n    name: host-bridge\n${order.map((l) => `    ${l}\n`).join("")}`;
    const r = load(text, "swarm");
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.where, whereOf(text, "n:"));
    assert.match(errors[0]!.message, /external network is used as it is; remove driver/);
    assert.deepEqual(
      r.diagnostics.filter((d) => d.message.includes("driver bridge")),
      [],
    );
    assert.equal(r.model, undefined);
  });
}
