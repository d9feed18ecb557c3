/**
 * The layering rule of src/: each area (a folder, or a file at the top of src/) may import only the areas listed
 * for it below, and the table itself has no cycle, so the areas stack in layers. A new import across areas that the
 * table does not allow fails here, naming the file and the import; widening the table is a reviewed change.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

const SRC = path.join(__dirname, "..", "src");

/** What each area holds, and the areas it may use. */
const LAYERS: Record<string, { holds: string; uses: string[] }> = {
  core: { holds: "small algorithms and shared rules (image refs, shell words, graphs, files, shown values, secrets)", uses: [] },
  yaml: { holds: "YAML read with positions for file:line:col errors", uses: ["core"] },
  codegen: { holds: "writing TypeScript: identifiers, literals, the project writer", uses: ["core"] },
  "docker-py": { holds: "docker-py keyword arguments (Cloudify's docker plugin) mapped to @pulumi/docker arguments, pure", uses: ["core"] },
  resources: { holds: "the model of what a program registers, and the recorder that captures it", uses: ["core"] },
  compose: { holds: "Compose: load -> model -> targets (docker, swarm), pure, and the program writer", uses: ["core", "yaml", "codegen", "docker-py"] },
  dynamic: { holds: "the dynamic-provider entry point", uses: ["core", "docker"] },
  cloud: { holds: "machines, networks and cloud-init on OpenStack and AWS", uses: ["core"] },
  docker: { holds: "DockerContainer, ComposeProject and the Docker Engine API code", uses: ["core", "docker-py", "compose"] },
  swarm: { holds: "SwarmCluster, SwarmStack, SwarmService", uses: ["core", "cloud", "compose", "docker"] },
  kubernetes: { holds: "KubernetesCluster and KubernetesWorkload", uses: ["core", "cloud"] },
  mesos: { holds: "MesosCluster", uses: ["core", "cloud"] },
  testing: { holds: "the testing kit: berthMocks and plausible outputs", uses: ["core", "resources"] },
  security: { holds: "security rules over recorded resources", uses: ["core", "resources"] },
  blueprint: { holds: "the Cloudify blueprint importer: parse -> model -> plan -> emit", uses: ["core", "yaml", "codegen", "docker-py"] },
  preview: { holds: "berth preview: runs a program under mocks and renders what it registers", uses: ["core", "yaml", "codegen", "resources", "security", "testing"] },
  index: { holds: "the package root's exports", uses: ["core", "cloud", "docker", "swarm", "kubernetes", "mesos", "blueprint"] },
  cli: { holds: "the berth command: thin commands over the areas", uses: ["core", "yaml", "codegen", "blueprint", "compose", "docker", "swarm", "preview", "security"] },
};

function areaOf(file: string): string {
  const first = path.relative(SRC, file).split(path.sep)[0]!;
  return first.replace(/\.ts$/, "");
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

test("every area of src/ is in the layering table", () => {
  const areas = new Set(sources(SRC).map(areaOf));
  assert.deepEqual([...areas].filter((a) => !(a in LAYERS)).sort(), [], "add the new area to LAYERS with what it holds and uses");
});

test("the layering table has no cycle: the areas stack in layers", () => {
  const state = new Map<string, "open" | "done">();
  const cycles: string[] = [];
  for (const start of Object.keys(LAYERS)) {
    // Iterative depth-first search; a use that reaches an open area closes a cycle.
    const stack: { area: string; next: number; trail: string[] }[] = [{ area: start, next: 0, trail: [start] }];
    if (state.get(start) === "done") continue;
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const uses = LAYERS[top.area]!.uses;
      if (top.next >= uses.length) {
        state.set(top.area, "done");
        stack.pop();
        continue;
      }
      const used = uses[top.next++]!;
      assert.ok(used in LAYERS, `${top.area} uses ${used}, which is not an area`);
      if (state.get(used) === "open") cycles.push([...top.trail, used].join(" -> "));
      else if (state.get(used) !== "done") {
        state.set(used, "open");
        stack.push({ area: used, next: 0, trail: [...top.trail, used] });
      }
    }
  }
  assert.deepEqual(cycles, []);
});

test("every import across areas is one the table allows", () => {
  const bad: string[] = [];
  const importRe = /(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g;
  for (const file of sources(SRC)) {
    const area = areaOf(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(importRe)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      if (!target.startsWith(SRC)) continue;
      const used = areaOf(target);
      if (used !== area && !LAYERS[area]?.uses.includes(used)) {
        const line = text.slice(0, m.index).split("\n").length;
        bad.push(`${path.relative(path.join(SRC, ".."), file)}:${line}: ${area} imports ${used} ("${m[1]}")`);
      }
    }
  }
  assert.deepEqual(bad, [], "imports the layering table does not allow");
});
