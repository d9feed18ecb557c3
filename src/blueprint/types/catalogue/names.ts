/**
 * Helpers for families Berth knows by their type and relationship names and derivation only (no Pulumi mapping, so
 * the properties are kept as written and every operation is the plugin's own code).
 */
import { type Defs, nodeType, plugin, relType } from "./dsl";

/** Node types by name, each derived from the given parent (default `cloudify.nodes.Root`), running the plugin's code. */
export function namedTypes(pluginName: string, types: Record<string, string | undefined>): Record<string, unknown> {
  const ops = { "lifecycle.create": `${pluginName}.*`, "lifecycle.delete": `${pluginName}.*` };
  return Object.fromEntries(Object.entries(types).map(([n, parent]) => [n, nodeType(parent ?? "cloudify.nodes.Root", {}, ops)]));
}

/** Relationship types by name: `contained_in` or `connected_to` ones. */
export function namedRelationships(contained: readonly string[], connected: readonly string[]): Record<string, unknown> {
  return {
    ...Object.fromEntries(contained.map((n) => [n, relType("cloudify.relationships.contained_in")])),
    ...Object.fromEntries(connected.map((n) => [n, relType("cloudify.relationships.connected_to")])),
  };
}

/** A names-only entry. */
export function namesOnly(pluginName: string, packageName: string, types: Record<string, string | undefined>, contained: readonly string[] = [], connected: readonly string[] = []): Defs {
  return {
    plugins: { [pluginName]: plugin("central_deployment_agent", packageName) },
    node_types: namedTypes(pluginName, types),
    relationships: namedRelationships(contained, connected),
  };
}
