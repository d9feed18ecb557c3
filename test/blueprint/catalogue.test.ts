// The offline catalogue: version constraints, every form of the core types URL for Cloudify 3.2 to 7.x with its
// version's type set, plugin:NAME resolution, and every catalogued entry loading cleanly against the core types.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileBlueprint } from "../../src/blueprint/compile";
import { CORE, PLUGIN_FAMILIES, lookupImport } from "../../src/blueprint/types/catalogue";
import { comparePluginVersions as compareVersions, parseVersionConstraint as parseConstraint, satisfiesVersion as satisfies } from "../../src/core/plugin-version";

test("versions compare numerically, pre-releases before their release", () => {
  const ordered = ["3.2", "3.3.1", "4.1m1", "4.1", "4.10", "7.1.0.dev1", "7.1"];
  for (let i = 1; i < ordered.length; i++) assert.ok(compareVersions(ordered[i - 1]!, ordered[i]!) < 0, `${ordered[i - 1]} < ${ordered[i]}`);
  assert.equal(compareVersions("2.0", "2.0.0"), 0);
});

test("constraints: operators, spaces, exact versions, lists", () => {
  const cases: [string, string, boolean][] = [
    [" >=1.22.1", "2.0.6", true],
    [">= 1.22.1", "1.9.0", false],
    ["!=2.11.0", "2.11.0", false],
    ["!=2.11.0", "2.13.16", true],
    ["2.14.26", "2.14.26", true],
    ["==3.0", "3.0.0", true],
    [">=2.0,<3", "2.14.26", true],
    [">=2.0,<3", "3.3.5", false],
    ["~=2.7", "2.13.16", true],
    ["~=2.7.0", "2.13.16", false],
  ];
  for (const [c, v, ok] of cases) assert.equal(satisfies(v, parseConstraint(c)!), ok, `${v} ${c}`);
  assert.equal(parseConstraint(">=banana"), undefined);
});

/** The node types a lookup's entry defines. */
function typesOf(entry: string): string[] {
  const r = lookupImport(entry);
  assert.ok(r && "hit" in r, `${entry}: ${r && "miss" in r ? r.miss : "not a catalogue form"}`);
  return Object.keys(r.hit.defs["node_types"] as Record<string, unknown>);
}

test("every form of the core types URL, Cloudify 3.2 to 7.x, gives its version's type set", () => {
  const forms: [string, string][] = [
    ["http://www.getcloudify.org/spec/cloudify/3.2/types.yaml", "3.2"],
    ["http://www.getcloudify.org/spec/cloudify/3.3.1/types.yaml", "3.3"],
    ["http://getcloudify.org.s3.amazonaws.com/spec/cloudify/3.4.2/types.yaml", "3.4"],
    ["http://www.getcloudify.org/spec/cloudify/4.1m1/types.yaml", "4.0"],
    ["https://raw.githubusercontent.com/cloudify-cosmo/cloudify-manager/4.1/resources/rest-service/cloudify/types/types.yaml", "4.1"],
    ["http://cloudify.co/spec/cloudify/5.0.5/types.yaml", "5.0.5"],
    ["http://cloudify.co/spec/cloudify/6.4.0/types.yaml", "6.4"],
    ["https://getcloudify.org/spec/cloudify/7.1.0.dev1/types.yaml", "7.0"],
    ["cloudify/types/types.yaml", "7.1"],
  ];
  for (const [url, version] of forms) {
    const r = lookupImport(url);
    assert.ok(r && "hit" in r && r.hit.family === CORE, url);
    assert.equal(r.hit.version.version, version, url);
  }
  assert.ok(!typesOf("http://www.getcloudify.org/spec/cloudify/3.2/types.yaml").includes("cloudify.nodes.FileSystem"));
  const compute = (url: string) => ((lookupImport(url) as unknown as { hit: { defs: { node_types: Record<string, { properties: Record<string, unknown> }> } } }).hit.defs.node_types["cloudify.nodes.Compute"]!.properties);
  assert.ok(!("agent_config" in compute("http://www.getcloudify.org/spec/cloudify/3.2/types.yaml")));
  assert.ok("agent_config" in compute("http://www.getcloudify.org/spec/cloudify/3.3.1/types.yaml"));
  assert.ok(!typesOf("http://www.getcloudify.org/spec/cloudify/4.2/types.yaml").includes("cloudify.nodes.Component"));
  assert.ok(typesOf("http://cloudify.co/spec/cloudify/5.0.5/types.yaml").includes("cloudify.nodes.SharedResource"));
  assert.ok(!typesOf("http://cloudify.co/spec/cloudify/5.0.5/types.yaml").includes("cloudify.nodes.ServiceComponent"));
  assert.ok(typesOf("cloudify/types/types.yaml").includes("cloudify.nodes.ServiceComponent"));
  const miss = lookupImport("http://www.getcloudify.org/spec/cloudify/2.7/types.yaml");
  assert.ok(miss && "miss" in miss && /Cloudify 2\.7 is not a version/.test(miss.miss));
});

test("plugin:NAME?version= resolves to the newest catalogued version that satisfies it, and says which", () => {
  const hit = (entry: string) => {
    const r = lookupImport(entry);
    assert.ok(r && "hit" in r, entry);
    return r.hit;
  };
  assert.equal(hit("plugin:cloudify-utilities-plugin?version= >=1.22.1").version.version, "2.0.6");
  assert.match(hit("plugin:cloudify-utilities-plugin?version= >=1.22.1").note ?? "", /chose 2\.0\.6, the newest catalogued version that satisfies it/);
  assert.equal(hit("plugin:cloudify-kubernetes-plugin?version= !=2.11.0").version.version, "2.13.16");
  assert.equal(hit("plugin:cloudify-openstack-plugin?version=2.14.26").version.version, "2.14.26");
  assert.equal(hit("plugin:cloudify-openstack-plugin?version=>=2.0,<3").version.version, "2.14.26");
  assert.equal(hit("plugin:cloudify-aws-plugin").version.version, "3.2.4");
  assert.equal(hit("plugin:cloudify-aws-plugin?version= >=2.12.3&distribution=centos").version.version, "3.2.4");
  for (const [entry, why] of [
    ["plugin:cloudify-aws-plugin?version= >=9", /no catalogued version of cloudify-aws-plugin satisfies >=9 \(Berth has/],
    ["plugin:cloudify-nonesuch-plugin", /the plugin cloudify-nonesuch-plugin is not in Berth's offline catalogue/],
    ["plugin:cloudify-aws-plugin?version=latest", /cannot be read/],
  ] as const) {
    const r = lookupImport(entry);
    assert.ok(r && "miss" in r && why.test(r.miss), `${entry}: ${JSON.stringify(r)}`);
  }
  assert.equal(hit("http://www.getcloudify.org/spec/openstack-plugin/2.0.1/plugin.yaml").version.version, "2.0.1");
  assert.equal(hit("https://github.com/cloudify-cosmo/cloudify-aws-plugin/releases/download/2.5.0/plugin.yaml").version.version, "2.0.0");
  assert.match(hit("https://github.com/cloudify-cosmo/cloudify-aws-plugin/releases/download/2.5.0/plugin.yaml").note ?? "", /read as catalogued version 2\.0\.0/);
});

test("every catalogued family version loads against the core types, every type's derivation complete", () => {
  let loaded = 0;
  for (const family of PLUGIN_FAMILIES) {
    for (const v of family.versions) {
      const entry = `plugin:${family.packages[0]}?version==${v.version}`;
      const types = Object.keys((v.defs()["node_types"] as Record<string, unknown> | undefined) ?? {});
      const templates = types.map((t, i) => `  n${i}: { type: "${t}" }`).join("\n");
      const text = `tosca_definitions_version: cloudify_dsl_1_4\nimports:\n  - cloudify/types/types.yaml\n  - "${entry}"\n${types.length > 0 ? `node_templates:\n${templates}\n` : ""}`;
      const result = compileBlueprint("catalogue.yaml", { readFile: () => text });
      assert.deepEqual(result.diagnostics.map((d) => d.message), [], `${family.title} ${v.version}`);
      for (const r of result.plan!.report) {
        assert.ok(!r.notes.some((n) => /which no file Berth could load defines|is not defined by any file|could not read this node.s values/.test(n)), `${family.title} ${v.version}: ${r.type}: ${r.notes[0]}`);
      }
      loaded++;
    }
  }
  assert.ok(loaded >= 25, `${loaded} versions`);
});

test("a type the chosen version lacks but another catalogued version defines says which version has it", () => {
  const text = `tosca_definitions_version: cloudify_dsl_1_3
imports:
  - http://cloudify.co/spec/cloudify/4.5/types.yaml
  - plugin:cloudify-openstack-plugin?version= >=2.14.7
node_templates:
  vm:
    type: cloudify.openstack.nodes.Server
    properties: { image: img, flavor: small }
`;
  const result = compileBlueprint("bp.yaml", { readFile: () => text });
  assert.deepEqual(result.diagnostics.map((d) => d.message), []);
  const vm = result.plan!.report.find((r) => r.node === "vm")!;
  assert.equal(vm.status, "not converted");
  assert.match(vm.notes.join("\n"), /openstack plugin defines it in version 2\.14\.26.*resolved to 3\.3\.5.*plugin:cloudify-openstack-plugin\?version=2\.14\.26/);
});
