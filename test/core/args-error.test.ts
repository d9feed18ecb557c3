import assert from "node:assert/strict";
import { test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import * as root from "../../src";
import * as dockerEntry from "../../src/docker";
import * as swarmEntry from "../../src/swarm";
import * as kubernetesEntry from "../../src/kubernetes";
import * as mesosEntry from "../../src/mesos";
import * as cloudEntry from "../../src/cloud";
import { berthMocks } from "../../src/testing";

test("ArgsError is exported from the package root and every component entry point, as one class", () => {
  for (const entry of [dockerEntry, swarmEntry, kubernetesEntry, mesosEntry, cloudEntry]) assert.equal(entry.ArgsError, root.ArgsError);
});

test("a component's bad arguments throw that ArgsError, with every problem to inspect", async () => {
  await pulumi.runtime.setMocks(berthMocks(), "project", "stack", false);
  let caught: unknown;
  try {
    new root.DockerContainer("bad", { image: "" } as unknown as root.DockerContainerArgs);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof root.ArgsError, `expected an ArgsError, got ${String(caught)}`);
  assert.deepEqual(caught.problems.map((p) => p.where), ["image"], caught.message);
  assert.match(caught.message, /^berth:index:DockerContainer "bad" has 1 problem in its arguments:\n {2}- image: is required/);
});
