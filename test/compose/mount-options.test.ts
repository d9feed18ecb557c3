/**
 * A bind's propagation and a volume's nocopy on the docker target: Berth's containers take mounts without them, so
 * each is a warning at its file:line:col (the mount still mounts); the engine defaults (rprivate, nocopy false) are
 * left out quietly. Swarm carries both.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCompose } from "../../src/compose/load";
import { dockerPlan } from "../../src/compose/targets/docker";
import { memoryFiles } from "./fixtures";

const FILE = "/p/compose.yaml";
const PROPAGATIONS = ["shared", "rshared", "slave", "rslave", "private"] as const;

function load(text: string, target: "docker" | "swarm") {
  return loadCompose(text, { target, fileName: FILE, env: {}, reader: memoryFiles() });
}

function file(mounts: readonly string[]): string {
  return `services:\n  web:\n    image: img\n    volumes:\n${mounts.map((m) => `      ${m}\n`).join("")}volumes:\n  data: {}\n`;
}

/** 1-based line and column of `needle` on the first line that holds it. */
function at(text: string, needle: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return `${FILE}:${i + 1}:${lines[i]!.indexOf(needle) + 1}`;
}

interface Shape {
  name: string;
  /** The lines under `volumes:`. */
  lines: string[];
  /** What the warning names, and where it is (the text its position starts at). */
  warns?: { about: RegExp; at: string; key: string };
  /** The mount as the docker plan carries it. */
  plan: { containerPath: string; hostPath?: string; volumeName?: string; readOnly?: boolean };
  /** The option as swarm's model keeps it. */
  swarm: { propagation?: string; noCopy?: boolean };
}

const SHAPES: Shape[] = [
  ...PROPAGATIONS.flatMap((prop): Shape[] => [
    {
      name: `short bind :${prop}`,
      lines: [`- /srv/h:/c:${prop}`],
      warns: { about: new RegExp(`bind propagation "${prop}" of "/c"`), at: "/srv/h", key: "services.web.volumes.0" },
      plan: { containerPath: "/c", hostPath: "/srv/h" },
      swarm: { propagation: prop },
    },
    {
      name: `short bind :ro,${prop}`,
      lines: [`- /srv/h:/c:ro,${prop}`],
      warns: { about: new RegExp(`bind propagation "${prop}"`), at: "/srv/h", key: "services.web.volumes.0" },
      plan: { containerPath: "/c", hostPath: "/srv/h", readOnly: true },
      swarm: { propagation: prop },
    },
    {
      name: `long bind propagation ${prop}`,
      lines: ["- type: bind", "  source: /srv/h", "  target: /c", "  bind:", `    propagation: ${prop}`],
      warns: { about: new RegExp(`bind propagation "${prop}"`), at: "propagation:", key: "services.web.volumes.0.bind.propagation" },
      plan: { containerPath: "/c", hostPath: "/srv/h" },
      swarm: { propagation: prop },
    },
  ]),
  {
    name: "short volume :nocopy",
    lines: ["- data:/d:nocopy"],
    warns: { about: /nocopy on "\/d" is left out on docker/, at: "data:/d", key: "services.web.volumes.0" },
    plan: { containerPath: "/d", volumeName: "p_data" },
    swarm: { noCopy: true },
  },
  {
    name: "short volume :ro,nocopy",
    lines: ["- data:/d:ro,nocopy"],
    warns: { about: /nocopy on "\/d"/, at: "data:/d", key: "services.web.volumes.0" },
    plan: { containerPath: "/d", volumeName: "p_data", readOnly: true },
    swarm: { noCopy: true },
  },
  {
    name: "long volume nocopy: true",
    lines: ["- type: volume", "  source: data", "  target: /d", "  volume:", "    nocopy: true"],
    warns: { about: /nocopy on "\/d"/, at: "nocopy:", key: "services.web.volumes.0.volume.nocopy" },
    plan: { containerPath: "/d", volumeName: "p_data" },
    swarm: { noCopy: true },
  },
  {
    name: "long volume nocopy: false (the default)",
    lines: ["- type: volume", "  source: data", "  target: /d", "  volume:", "    nocopy: false"],
    plan: { containerPath: "/d", volumeName: "p_data" },
    swarm: { noCopy: false },
  },
  {
    name: "short bind :rprivate (the default)",
    lines: ["- /srv/h:/c:rprivate"],
    plan: { containerPath: "/c", hostPath: "/srv/h" },
    swarm: { propagation: "rprivate" },
  },
  {
    name: "long bind propagation rprivate (the default)",
    lines: ["- type: bind", "  source: /srv/h", "  target: /c", "  bind:", "    propagation: rprivate"],
    plan: { containerPath: "/c", hostPath: "/srv/h" },
    swarm: { propagation: "rprivate" },
  },
  {
    name: "plain bind, no options",
    lines: ["- /srv/h:/c"],
    plan: { containerPath: "/c", hostPath: "/srv/h" },
    swarm: {},
  },
];

const about = (d: { message: string }): boolean => /bind propagation|nocopy on/.test(d.message);

for (const shape of SHAPES) {
  test(`docker, ${shape.name}: ${shape.warns ? "a warning at the option" : "quiet"}, and the mount still mounts`, () => {
    const text = file(shape.lines);
    const r = load(text, "docker");
    const found = r.diagnostics.filter(about);
    if (shape.warns) {
      assert.equal(found.length, 1, JSON.stringify(r.diagnostics));
      assert.equal(found[0]!.severity, "warning");
      assert.equal(found[0]!.where, at(text, shape.warns.at));
      assert.equal(found[0]!.key, shape.warns.key);
      assert.match(found[0]!.message, shape.warns.about);
      assert.match(found[0]!.message, /left out on docker/);
    } else assert.deepEqual(found, []);
    assert.ok(r.model, JSON.stringify(r.diagnostics));
    const mount = r.model.services[0]!.mounts[0]!;
    assert.equal(mount.propagation, undefined);
    assert.equal(mount.noCopy, undefined);
    assert.deepEqual(dockerPlan(r.model, "p").services[0]!.volumes, [shape.plan]);
  });
  test(`swarm, ${shape.name}: carried, no word`, () => {
    const r = load(file(shape.lines), "swarm");
    assert.deepEqual(r.diagnostics.filter(about), []);
    assert.ok(r.model, JSON.stringify(r.diagnostics));
    const mount = r.model.services[0]!.mounts[0]!;
    assert.equal(mount.propagation, shape.swarm.propagation);
    assert.equal(mount.noCopy, shape.swarm.noCopy);
  });
}

test("docker: several mounts with options, each warned at its own line", () => {
  const lines = ["- /a:/a:rshared", "- data:/d:nocopy", "- /b:/b:rprivate", "- /c:/c:slave"];
  const text = file(lines);
  const found = load(text, "docker").diagnostics.filter(about);
  assert.deepEqual(
    found.map((d) => d.where),
    [at(text, "/a:/a"), at(text, "data:/d"), at(text, "/c:/c")],
  );
});
