/**
 * Bench child for row 2: one program of N containers under bare mocks, in a fresh process. `berth`: N
 * `DockerContainer`s; `raw`: N `docker.RemoteImage` + `docker.Container` pairs with the same settings. Times the
 * program from the first resource to the last registration settled (module loading excluded).
 *
 * usage: node --import tsx bench/children/containers.ts berth|raw N
 */
import * as pulumi from "@pulumi/pulumi";
import { failChild, reportResult } from "../child";
import { now } from "../measure";
import { installCountingMocks, settle } from "./mocks";

/** What the child reports. */
export interface ContainersChildResult {
  ms: number;
  custom: number;
  components: number;
}

/** The settings every container gets, on both sides. */
const REPOSITORY = "registry.example.com/app";
const TAG = "1.0";
const COMMAND = ["/app/serve", "--port", "8080"];
const RESTART = "unless-stopped";

async function main(): Promise<void> {
  const side = process.argv[2];
  const n = Number(process.argv[3]);
  if ((side !== "berth" && side !== "raw") || !Number.isInteger(n) || n < 1) throw new Error("usage: containers.ts berth|raw N");
  const counts = await installCountingMocks();
  const docker = await import("@pulumi/docker");
  const { DockerContainer } = await import("../../src/docker/index.js");
  // @pulumi/docker loads each resource class on first use: load them before the clock starts, for both sides.
  for (const cls of [docker.Provider, docker.RemoteImage, docker.Container]) if (typeof cls !== "function") throw new Error("@pulumi/docker is missing a class");
  // The runtime's first registration sets up the stack resource and the monitor: do it before the clock starts.
  new pulumi.ComponentResource("bench:index:Warmup", "warmup", {});
  await settle(counts);
  const before = { ...counts };
  const start = now();
  for (let i = 0; i < n; i++) {
    const name = `app-${i}`;
    if (side === "berth") {
      new DockerContainer(name, {
        name,
        image: { repository: REPOSITORY, tag: TAG },
        ports: [{ internal: 8080, external: 20000 + i }],
        env: { INDEX: String(i), MODE: "bench" },
        command: COMMAND,
        restart: RESTART,
        labels: { tier: "web" },
      });
    } else {
      const image = new docker.RemoteImage(`${name}-image`, { name: `${REPOSITORY}:${TAG}`, keepLocally: true });
      new docker.Container(
        `${name}-container`,
        {
          name,
          image: image.imageId,
          ports: [{ internal: 8080, external: 20000 + i }],
          envs: [`INDEX=${i}`, "MODE=bench"],
          command: COMMAND,
          restart: RESTART,
          labels: [{ label: "tier", value: "web" }],
        },
        { deleteBeforeReplace: true },
      );
    }
  }
  await settle(counts);
  const ms = now() - start;
  reportResult({ ms, custom: counts.custom - before.custom, components: counts.components - before.components } satisfies ContainersChildResult);
}

main().catch(failChild);
