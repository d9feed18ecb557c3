/**
 * Berth's own SwarmCluster recorded under berthMocks() in update mode, then every security rule over it; prints the
 * findings as JSON ([] when there are none). Runs in its own process (mocks are process-wide); see
 * mocks-security.test.ts.
 */
import { Recorder } from "../../src/resources/recorder";
import { containerSecurityRules } from "../../src/security/containers";
import { checkClusterSecurity } from "../../src/security/check";
import { collectSecretValues } from "../../src/security/plain-secrets";
import { imageSecurityRules } from "../../src/security/images";
import { berthMocks } from "../../src/testing/mocks";

async function main(): Promise<void> {
  const mocks = berthMocks();
  const rec = await Recorder.install({
    outputs: async (args) => {
      const produced = await mocks.newResource(args);
      return { id: produced.id ?? `${args.name}-id`, state: produced.state as Record<string, unknown> };
    },
    calls: async (args) => (await mocks.call(args)) as Record<string, unknown>,
  });
  const cloud = { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ["203.0.113.0/24"] };
  const { SwarmCluster } = await import("../../src/swarm/cluster.js");
  new SwarmCluster("apps", { cloud, managers: { count: 3, image: "u", size: "s" }, workers: { count: 2, image: "u", size: "s" } });
  await rec.settle();
  const context = { secrets: collectSecretValues(rec.resources) };
  const findings = [
    ...checkClusterSecurity(rec.resources, { adminCidrs: cloud.adminCidrs }),
    ...[...containerSecurityRules, ...imageSecurityRules].flatMap((rule) => rule(rec.resources, context)),
  ];
  process.stdout.write(JSON.stringify({ resources: rec.resources.length, findings }));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
