import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { compileBlueprint } from "../../src/blueprint/compile";

const dir = mkdtempSync(path.join(tmpdir(), "berth-bp-params-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const BLUEPRINT = `tosca_definitions_version: cloudify_dsl_1_3
imports:
  - http://www.getcloudify.org/spec/cloudify/4.2/types.yaml
  - http://www.getcloudify.org/spec/docker-plugin/1.3.2/plugin.yaml
node_templates:
  app:
    type: cloudify.docker.Container
    properties:
      name: app
      image: { repository: shop/app, tag: "2.1" }
    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          implementation: docker.docker_plugin.tasks.create_container
          inputs:
            params:
              ports: [8080]
              environment: { MODE: production }
        start:
          implementation: docker.docker_plugin.tasks.start
          inputs:
            params:
              port_bindings: { 8080: 80 }
              links: { db: db }
              lxc_conf: { lxc.utsname: app }
`;

test("docker-py params DockerContainer would refuse are left out of the program and reported as dropped, with why", () => {
  const file = path.join(dir, "blueprint.yaml");
  writeFileSync(file, BLUEPRINT);
  const result = compileBlueprint(file);
  assert.deepEqual(result.diagnostics, []);
  const report = result.plan!.report.find((r) => r.node === "app")!;
  assert.equal(report.status, "partial");
  assert.equal(report.notes.length, 2);
  // Each at its file:line:col, and accounted for (no second "not carried over" line for the keys inside).
  assert.match(report.notes[0]!, /blueprint\.yaml:\d+:\d+: dropped start\.params\.links \(has no equivalent: .*user-defined network/);
  assert.match(report.notes[1]!, /blueprint\.yaml:\d+:\d+: dropped start\.params\.lxc_conf \(/);
  const args = result.plan!.resources.find((r) => r.node === "app")!.args as Record<string, Record<string, unknown>>;
  assert.deepEqual(args["start"]!["params"], { port_bindings: { 8080: 80 } });
  assert.deepEqual(args["create"]!["params"], { ports: [8080], environment: { MODE: "production" } });
});
