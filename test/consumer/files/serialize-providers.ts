/**
 * Run in a user's project (folder A) under plain mocks: builds DockerContainers that need each of Berth's dynamic
 * resources (a readiness wait, a tarball image, an adopted container) and writes what Pulumi would store in the state
 * for each (the serialized provider text and the inputs) to the JSON file named on the command line.
 *
 * Usage: node --import tsx serialize-providers.ts OUT.json   (DOCKER_HOST, BERTH_TEST_TARBALL, ADOPT_NAME set)
 */
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";

const out = process.argv[2]!;
const dynamic: Record<string, Record<string, unknown>> = {};
pulumi.runtime.setMocks(
  {
    newResource(args) {
      if (args.type.startsWith("pulumi-nodejs:dynamic")) dynamic[args.name] = args.inputs as Record<string, unknown>;
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: (args) => args.inputs,
  },
  "provider-test",
  "dev",
  false,
);

async function main(): Promise<void> {
  const { DockerContainer } = await import("berth/docker");
  const host = { url: process.env["DOCKER_HOST"]! };
  new DockerContainer("waits", { host, image: { repository: "busybox", tag: "1" }, start: { processesToWaitFor: ["sleep"], retryInterval: 1, timeout: 30 } });
  new DockerContainer("imported", { host, image: { src: process.env["BERTH_TEST_TARBALL"]!, repository: "berth-consumer/imported", tag: "v1" } });
  new DockerContainer("adopted", { host, name: process.env["ADOPT_NAME"]!, useExternalResource: true });
  for (let i = 0; i < 50 && Object.keys(dynamic).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
  fs.writeFileSync(out, JSON.stringify(dynamic, null, 2));
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
