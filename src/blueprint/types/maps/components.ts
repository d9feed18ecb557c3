/**
 * Cloudify 5+ service composition: a `cloudify.nodes.SharedResource` (an existing deployment this one consumes) and a
 * `cloudify.nodes.Component` (a deployment of another blueprint this one creates) both become a Pulumi
 * `StackReference`: the deployment's capabilities are the stack's outputs, the stack named by the `stacks` config.
 */
import { HelperRef } from "../../functions/values";
import type { MapContext, TypeMapping } from "../target";
import { TARGETS } from "./targets";
import { obj } from "./values";

/** The deployment id a Component or SharedResource names (`resource_config.deployment.id`). */
function deploymentId(ctx: MapContext) {
  const rc = obj(ctx.props["resource_config"]);
  return obj(rc["deployment"])["id"] ?? ctx.node.name;
}

const ATTRIBUTES = { capabilities: "outputs", outputs: "outputs", deployment: "=deployment" };

const sharedResource: TypeMapping = {
  type: "cloudify.nodes.SharedResource",
  target: TARGETS.stackReference,
  attributes: ATTRIBUTES,
  staticAttributes: (ctx) => ({ deployment: { id: deploymentId(ctx) } }),
  args: (ctx) => {
    ctx.known("client");
    ctx.note("reads the capabilities of an existing deployment as the outputs of its stack (the stacks config names it)");
    return { name: new HelperRef("blueprintStackName", [deploymentId(ctx)]) };
  },
};

const component: TypeMapping = {
  type: "cloudify.nodes.Component",
  target: TARGETS.stackReference,
  attributes: ATTRIBUTES,
  staticAttributes: (ctx) => ({ deployment: { id: deploymentId(ctx) } }),
  args: (ctx) => {
    const rc = obj(ctx.props["resource_config"]);
    const blueprint = obj(rc["blueprint"]);
    const deployment = obj(rc["deployment"]);
    void blueprint["external_resource"];
    void blueprint["id"];
    void blueprint["main_file_name"];
    void deployment["auto_inc_suffix"];
    void deployment["logs"];
    ctx.known("client");
    ctx.drop(
      `the deployment of blueprint ${JSON.stringify(blueprint["id"] ?? blueprint["blueprint_archive"] ?? "?")} (a component): this program reads that stack's outputs; deploy it as its own stack (berth import its blueprint)`,
      ["resource_config", "blueprint"],
    );
    if (deployment["inputs"] !== undefined) ctx.drop("the component's deployment inputs (set them in that stack's config)", ["resource_config", "deployment", "inputs"]);
    for (const k of ["plugins", "secrets"]) if (ctx.props[k] !== undefined && ctx.props[k] !== null) ctx.drop(`${k} uploaded to the manager before the component is deployed`, [k]);
    void rc["executions_start_args"];
    return { name: new HelperRef("blueprintStackName", [deploymentId(ctx)]) };
  },
};

/** The service-composition mappings. */
export const COMPONENT_MAPPINGS: readonly TypeMapping[] = [sharedResource, component];
