/**
 * The helm plugin: `cloudify.nodes.helm.Binary` (installs helm), `Repo` (adds a chart repository) and `Release`
 * (installs a chart into a cluster). Names and derivation only: the nodes are kept as placeholders.
 */
import type { Family } from "./family";
import { namesOnly } from "./names";

function v0() {
  return namesOnly(
    "helm",
    "cloudify-helm-plugin",
    { "cloudify.nodes.helm.Binary": "cloudify.nodes.SoftwareComponent", "cloudify.nodes.helm.Repo": undefined, "cloudify.nodes.helm.Release": undefined },
    [],
    ["cloudify.helm.relationships.run_on_host", "cloudify.relationships.helm.run_on_host", "cloudify.relationships.helm.connected_to_shared_cluster"],
  );
}

/** The helm plugin's catalogued versions. */
export const HELM: Family = {
  title: "helm plugin",
  packages: ["cloudify-helm-plugin"],
  urlNames: ["helm-plugin", "cloudify-helm-plugin"],
  versions: [{ version: "0.4.11", defs: v0, namesOnly: true }],
};
