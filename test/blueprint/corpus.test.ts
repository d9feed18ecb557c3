import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { load } from "js-yaml";
import { compileBlueprint } from "../../src/blueprint/compile";
import { formatDiagnostics } from "../../src/yaml";

const CORPUS = path.join(__dirname, "../../../shared/blueprints");
const OWN = path.join(__dirname, "../fixtures/blueprints/corpus");

/** Imports the corpus files name that are not in the corpus (relative copies of plugins), and the inputs they need. */
const SETUP: Record<string, { importMap?: Record<string, string>; inputs?: Record<string, unknown> }> = {
  "test_pull-blueprint.yaml": { inputs: { test_repo: "nginx", test_tag: "1.27" } },
  "test_import_image-blueprint.yaml": { inputs: { test_image_src: "/tmp/image.tar" } },
  "swarm-microservice-test.yaml": {
    importMap: {
      "plugins/cloudify-swarm-plugin/plugin.yaml": path.join(CORPUS, "cloudify-examples__cloudify-swarm-plugin/plugin.yaml"),
      "plugins/cloudify-proxy-plugin/plugin.yaml": path.join(OWN, "proxy-plugin.yaml"),
    },
  },
};
const K8S_PLUGIN = { "plugin.yaml": path.join(CORPUS, "cloudify-cosmo__cloudify-kubernetes-plugin/plugin.yaml") };

function blueprints(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return blueprints(p);
    if (!f.endsWith(".yaml")) return [];
    const v = load(readFileSync(p, "utf8"));
    return v !== null && typeof v === "object" && "node_templates" in v ? [p] : [];
  });
}

if (!existsSync(CORPUS)) {
  test("corpus: ../shared/blueprints is not present, so the corpus import test does not run", () => {
    assert.equal(existsSync(CORPUS), false);
  });
} else {
  const files = blueprints(CORPUS).sort();
  test("corpus: the reference blueprints are found", () => assert.ok(files.length >= 7, `${files.length} blueprints`));
  for (const file of files) {
    const base = path.basename(file);
    test(`corpus: ${path.relative(CORPUS, file)} imports with a report`, () => {
      const setup = SETUP[base] ?? {};
      const importMap = { ...(file.includes("kubernetes-plugin/examples") ? K8S_PLUGIN : {}), ...setup.importMap };
      // The repository is the blueprint's root folder: its tests import the plugin.yaml at the repository's top.
      const root = path.join(CORPUS, path.relative(CORPUS, file).split(path.sep)[0]!);
      const result = compileBlueprint(file, { importMap, inputs: setup.inputs, root });
      assert.equal(formatDiagnostics(result.diagnostics), "");
      const report = result.plan!.report;
      assert.ok(report.length > 0);
      for (const r of report) assert.ok(r.at.line >= 1 && ["converted", "partial", "not converted"].includes(r.status));
    });
  }
}
