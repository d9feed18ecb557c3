// The importer on real blueprints: every top-level file of the community examples (Cloudify 5 to 7) and of the
// reference blueprints (3.x and 4.x) imported with no inputs. At least 95% must give a project; each file that does
// not is listed below with the reason Cloudify's own parser would give. Every project is written and all of them are
// type-checked in one tsc program; the per-node totals are printed.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { compileBlueprint } from "../../src/blueprint/compile";
import { writeProject } from "../../src/blueprint/emit/code";
import { type NodeReport, totalsOf } from "../../src/blueprint/report";
import { typeCheckProjects } from "../helpers/typecheck";

const ROOT = path.join(__dirname, "../..");
const SHARED = path.join(ROOT, "../shared");
const COMMUNITY = path.join(SHARED, "corpus/cloudify-community__blueprint-examples");
const REFERENCE = path.join(SHARED, "blueprints");
const OWN = path.join(__dirname, "../fixtures/blueprints/corpus");

/** Files Cloudify's parser refuses too, with its reason. */
const REFUSED: Record<string, string> = {
  "cloudify-community__blueprint-examples/getting-started/mc-localstack.yaml": "YAML syntax error: a mapping entry is badly indented (line 32)",
  "cloudify-community__blueprint-examples/docker/ansible/ansible-install-uninstall/blueprint_local_conn.yaml": "get_input of inputs the blueprint does not declare (docker_host, docker_user)",
  "cloudify-community__blueprint-examples/hello-world-example/vsphere.yaml": "get_input of an input the blueprint does not declare (resource_suffix)",
};

/**
 * The reference blueprints that import a plugin file kept elsewhere in their repository (as they were used): the
 * same files, named with --import-map.
 */
const IMPORT_MAPS: Record<string, Record<string, string>> = {
  "cloudify-cosmo__cloudify-kubernetes-plugin/examples": { "plugin.yaml": path.join(REFERENCE, "cloudify-cosmo__cloudify-kubernetes-plugin/plugin.yaml") },
  "cloudify-examples__cloudify-swarm-plugin/examples": {
    "plugins/cloudify-swarm-plugin/plugin.yaml": path.join(REFERENCE, "cloudify-examples__cloudify-swarm-plugin/plugin.yaml"),
    "plugins/cloudify-proxy-plugin/plugin.yaml": path.join(OWN, "proxy-plugin.yaml"),
  },
};

/** Every YAML file under `dir` that starts with `tosca_definitions_version` (what Cloudify accepts as a blueprint). */
function blueprints(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    if (f.startsWith(".")) return [];
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return blueprints(p);
    if (!/\.ya?ml$/.test(f)) return [];
    return /^\s*tosca_definitions_version\s*:/m.test(readFileSync(p, "utf8").slice(0, 4096)) ? [p] : [];
  });
}

if (!existsSync(COMMUNITY) || !existsSync(REFERENCE)) {
  // The corpus ships beside the checkout (CI copies ../shared there): its absence is a failure that names what is
  // missing, never a test that passes without data.
  test("corpus: the real blueprints of ../shared are present", () => {
    assert.fail(`the corpus test needs ${existsSync(COMMUNITY) ? REFERENCE : COMMUNITY}; put ../shared beside the checkout`);
  });
} else {
  const files = [...blueprints(COMMUNITY), ...blueprints(REFERENCE)].sort();
  const work = mkdtempSync(path.join(tmpdir(), "berth-corpus-"));
  after(() => rmSync(work, { recursive: true, force: true }));
  const projects: string[] = [];
  const refused = new Map<string, string>();
  const reports: NodeReport[] = [];
  const reasons = new Map<string, number>();

  test(`corpus: ${files.length} blueprints import with no inputs, each to a project or a refusal Cloudify would give too`, (t) => {
    assert.ok(files.length >= 170, `${files.length} files`);
    for (const file of files) {
      const rel = path.relative(path.join(SHARED, file.startsWith(COMMUNITY) ? "corpus" : "blueprints"), file);
      // The repository a blueprint lives in is its root folder (`--root`): examples import and run files of it.
      const root = path.join(file.startsWith(COMMUNITY) ? path.join(SHARED, "corpus") : REFERENCE, rel.split(path.sep)[0]!);
      const importMap = Object.entries(IMPORT_MAPS).find(([dir]) => rel.startsWith(`${dir}/`))?.[1];
      const result = compileBlueprint(file, { root, importMap });
      if (!result.plan) {
        refused.set(rel, result.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`).join("; "));
        continue;
      }
      for (const d of result.diagnostics) assert.fail(`${rel}: a plan with diagnostics: ${d.message}`);
      reports.push(...result.plan.report);
      for (const r of result.plan.report) {
        assert.ok(r.at.line >= 1 && r.at.col >= 1, `${rel}: ${r.node} has a position`);
        assert.ok(!r.notes.some((n) => n.includes("could not read this node's values")), `${rel}: a mapping failed on ${r.node}: ${r.notes[0]}`);
        if (r.status === "converted") continue;
        const why = (r.notes[0] ?? "").replace(/^[^ ]+:\d+:\d+: /, "").replace(/^not converted: /, "").replace(/"[^"]*"|\b[\w.-]+\.(yaml|sh|py)\b/g, "…").slice(0, 80);
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
      const name = `p${projects.length}`;
      const dir = path.join(work, name);
      mkdirSync(dir);
      for (const [f, text] of Object.entries(writeProject(result.plan, { name }))) writeFileSync(path.join(dir, f), text);
      projects.push(dir);
    }
    assert.deepEqual([...refused.keys()].sort(), Object.keys(REFUSED).sort(), `refused:\n${[...refused].map(([f, why]) => `  ${f}: ${why}`).join("\n")}`);
    const share = projects.length / files.length;
    assert.ok(share >= 0.95, `${projects.length} of ${files.length} gave a project (${(share * 100).toFixed(1)}%)`);
    const totals = totalsOf(reports);
    t.diagnostic(`${projects.length} of ${files.length} files give a project (${(share * 100).toFixed(1)}%); refused: ${refused.size}`);
    t.diagnostic(`nodes: ${totals.converted} converted, ${totals.partial} partial, ${totals["not converted"]} not converted`);
    for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)) t.diagnostic(`  ${n} × ${why}`);
  });

  test("corpus: every generated project type-checks with its own tsconfig, berth resolved to the published types (one tsc program)", () => {
    assert.ok(projects.length > 0);
    typeCheckProjects(projects);
  });
}
