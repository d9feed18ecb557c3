/**
 * Mocks for users' unit tests: `pulumi.runtime.setMocks(berthMocks(), ...)` makes every resource return what its
 * provider would (ids, addresses, keys, a command's output) from the one table of plausible outputs that
 * `berth preview` also uses, so that Berth's components, which read some of those outputs (a swarm's join tokens,
 * a cluster's addresses and CA key), run under a user's update-mode tests exactly as they do in a deployment.
 *
 * @example
 * ```ts
 * import * as pulumi from "@pulumi/pulumi";
 * import { berthMocks } from "berth/testing";
 *
 * pulumi.runtime.setMocks(berthMocks(), "project", "test", false);
 * // Load the program (or the components) only after the mocks are installed.
 * const { SwarmCluster } = require("berth/swarm") as typeof import("berth/swarm");
 * ```
 */
import type * as pulumi from "@pulumi/pulumi";
import { fakeUuid } from "./fake-values";
import { mockOutputsFor } from "./plausible-outputs";

/** Options for {@link berthMocks}. */
export interface BerthMocksOptions {
  /**
   * Your own outputs for a resource, merged over the table's (return undefined to keep the table's).
   * @default none
   */
  outputs?: (args: pulumi.runtime.MockResourceArgs) => Record<string, unknown> | undefined;
  /** Your own answer to an invoke; return undefined for the table's. @default none */
  calls?: (args: pulumi.runtime.MockCallArgs) => Record<string, unknown> | undefined;
  /** The AWS region in mock ARNs. @default "us-east-1" */
  region?: string;
}

/** Plausible answers for the invokes Berth's components make, by token. */
export const PLAUSIBLE_CALLS: Readonly<Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>> = {
  "openstack:networking/getNetwork:getNetwork": (inputs) => {
    const name = typeof inputs["name"] === "string" ? inputs["name"] : "private";
    return { ...inputs, id: typeof inputs["networkId"] === "string" ? inputs["networkId"] : fakeUuid(`network::${name}`), name };
  },
  "docker:index/getNetwork:getNetwork": (inputs) => {
    const name = typeof inputs["name"] === "string" ? inputs["name"] : "network";
    return { ...inputs, id: fakeUuid(`docker-network::${name}`).replaceAll("-", "").slice(0, 25), name, driver: "overlay", scope: "swarm" };
  },
};

/**
 * Mocks (for `pulumi.runtime.setMocks`) that return, for every resource, its inputs plus the plausible outputs of
 * its type, including what only a deployment produces; a type the table does not know gets its inputs back and the
 * id `<name>-id`. Invokes get their inputs back unless {@link PLAUSIBLE_CALLS} knows them.
 */
export function berthMocks(options: BerthMocksOptions = {}): pulumi.runtime.Mocks {
  const region = options.region ?? "us-east-1";
  return {
    newResource(args) {
      const inputs = args.inputs as Record<string, unknown>;
      const m = mockOutputsFor({ type: args.type, name: args.name, inputs, region: typeof inputs["region"] === "string" ? inputs["region"] : region });
      const own = options.outputs?.(args) ?? {};
      return { id: m.id ?? `${args.name}-id`, state: { ...inputs, ...m.outputs, ...m.deployOutputs, ...own } };
    },
    call(args) {
      const own = options.calls?.(args);
      if (own) return own;
      const inputs = args.inputs as Record<string, unknown>;
      return PLAUSIBLE_CALLS[args.token]?.(inputs) ?? inputs;
    },
  };
}
