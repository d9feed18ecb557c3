import assert from "node:assert/strict";
import { test } from "node:test";
import { COMPOSE_COVERAGE } from "../../src/compose/coverage";
import { DOCKER_HOST_PARAMS } from "../../src/compose/docker-host-params";
import { dockerPlan } from "../../src/compose/docker-plan";
import { loadCompose } from "../../src/compose/load";
import { DOCKER_PY_PARAMS } from "../../src/docker/params-table";
import { mapDockerPyParams } from "../../src/docker/params";
import { readFile } from "./fixtures";

/** One service on one host, setting one key; what its docker-py param and Container argument must be. */
const CASES: Record<string, { yaml: string; param: unknown; container: Record<string, unknown> }> = {
  "services.*.working_dir": { yaml: "working_dir: /srv", param: "/srv", container: { workingDir: "/srv" } },
  "services.*.user": { yaml: "user: '1000:1000'", param: "1000:1000", container: { user: "1000:1000" } },
  "services.*.hostname": { yaml: "hostname: web1", param: "web1", container: { hostname: "web1" } },
  "services.*.stop_signal": { yaml: "stop_signal: SIGQUIT", param: "SIGQUIT", container: { stopSignal: "SIGQUIT" } },
  "services.*.stop_grace_period": { yaml: "stop_grace_period: 1m30s", param: 90, container: { stopTimeout: 90 } },
  "services.*.read_only": { yaml: "read_only: true", param: true, container: { readOnly: true } },
  "services.*.init": { yaml: "init: true", param: true, container: { init: true } },
  "services.*.cap_add": { yaml: "cap_add: [NET_ADMIN]", param: ["NET_ADMIN"], container: { capabilities: { adds: ["NET_ADMIN"] } } },
  "services.*.cap_drop": { yaml: "cap_drop: [ALL]", param: ["ALL"], container: { capabilities: { drops: ["ALL"] } } },
  "services.*.extra_hosts": {
    yaml: "extra_hosts: ['db.internal:10.0.0.5']",
    param: { "db.internal": "10.0.0.5" },
    container: { hosts: [{ host: "db.internal", ip: "10.0.0.5" }] },
  },
  "services.*.dns": { yaml: "dns: [192.0.2.53]", param: ["192.0.2.53"], container: { dns: ["192.0.2.53"] } },
  "services.*.dns_search": { yaml: "dns_search: [corp.example]", param: ["corp.example"], container: { dnsSearches: ["corp.example"] } },
  "services.*.dns_opt": { yaml: "dns_opt: [ndots:2]", param: ["ndots:2"], container: { dnsOpts: ["ndots:2"] } },
  "services.*.sysctls": { yaml: "sysctls: { net.core.somaxconn: '1024' }", param: { "net.core.somaxconn": "1024" }, container: { sysctls: { "net.core.somaxconn": "1024" } } },
  "services.*.group_add": { yaml: "group_add: [audio]", param: ["audio"], container: { groupAdds: ["audio"] } },
  "services.*.logging": {
    yaml: "logging: { driver: json-file, options: { max-size: 10m } }",
    param: { type: "json-file", config: { "max-size": "10m" } },
    container: { logDriver: "json-file", logOpts: { "max-size": "10m" } },
  },
};

test("every host param row has a case, is supported on one host in the coverage table, and is a docker-py param Berth maps", () => {
  assert.deepEqual(Object.keys(CASES).sort(), DOCKER_HOST_PARAMS.map((r) => r.compose).sort());
  const dockerPy = new Set(DOCKER_PY_PARAMS.map((r) => r.key));
  for (const row of DOCKER_HOST_PARAMS) {
    assert.equal(COMPOSE_COVERAGE.find((c) => c.key === row.compose)?.docker, "supported", row.compose);
    assert.ok(dockerPy.has(row.dockerPy), `${row.dockerPy} is in the docker-py params table`);
  }
});

for (const row of DOCKER_HOST_PARAMS) {
  const c = CASES[row.compose]!;
  test(`${row.compose} on one host: the docker-py param ${row.dockerPy}, mapped onto the Container without a problem`, () => {
    const text = `services:\n  web:\n    image: nginx:1.27\n    ${c.yaml}\n`;
    const loaded = loadCompose(text, { target: "docker", fileName: "/p/compose.yaml", env: {}, readFile });
    assert.deepEqual(loaded.diagnostics, []);
    const plan = dockerPlan(loaded.model!, "p");
    const params = plan.services[0]!.params;
    assert.deepEqual(params[row.dockerPy], c.param);
    const mapped = mapDockerPyParams({ create: params });
    assert.deepEqual(mapped.problems, []);
    for (const [k, v] of Object.entries(c.container)) assert.deepEqual((mapped.container as Record<string, unknown>)[k], v, k);
  });
}
