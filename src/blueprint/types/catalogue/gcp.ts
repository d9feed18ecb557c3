/**
 * The gcp plugin (1.x): `cloudify.gcp.nodes.*` and, from 1.6, the `cloudify.nodes.gcp.*` names beside them. Names
 * and derivation only: Berth has no Pulumi mapping for Google Cloud, so these nodes are kept as placeholders.
 */
import type { Family } from "./family";
import { namesOnly } from "./names";

const KINDS: Record<string, string | undefined> = {
  Instance: "cloudify.nodes.Compute",
  WindowsInstance: "cloudify.nodes.Compute",
  Network: "cloudify.nodes.Network",
  SubNetwork: "cloudify.nodes.Subnet",
  FirewallRule: "cloudify.nodes.SecurityGroup",
  SecurityGroup: "cloudify.nodes.SecurityGroup",
  Volume: "cloudify.nodes.Volume",
  Snapshot: undefined,
  ExternalIP: "cloudify.nodes.VirtualIP",
  GlobalAddress: "cloudify.nodes.VirtualIP",
  StaticIP: "cloudify.nodes.VirtualIP",
  Route: undefined,
  Image: undefined,
  InstanceGroup: undefined,
  HealthCheck: undefined,
  BackendService: undefined,
  UrlMap: undefined,
  TargetProxy: undefined,
  SslCertificate: undefined,
  GlobalForwardingRule: undefined,
  KeyPair: undefined,
  DNSZone: undefined,
  DNSRecord: undefined,
  KubernetesCluster: undefined,
  KubernetesNodePool: undefined,
  KubernetesClusterMonitoring: undefined,
  KubernetesClusterNetworkPolicy: undefined,
  Gcp: undefined,
  IAM: undefined,
  Role: undefined,
  PolicyBinding: undefined,
  SpannerInstance: undefined,
  SpannerDatabase: undefined,
  StorageBucket: undefined,
};

const REL_CONTAINED = ["contained_in_network", "instance_contained_in_subnetwork"];
const REL_CONNECTED = [
  "instance_connected_to_security_group",
  "instance_connected_to_keypair",
  "instance_connected_to_disk",
  "instance_connected_to_ip",
  "instance_connected_to_instance_group",
  "uses_as_backend",
  "dns_record_connected_to_instance",
  "dns_record_connected_to_ip",
  "dns_record_contained_in_zone",
  "contained_in_compute",
];

function v1() {
  const types: Record<string, string | undefined> = {};
  for (const [k, parent] of Object.entries(KINDS)) {
    types[`cloudify.gcp.nodes.${k}`] = parent;
    types[`cloudify.nodes.gcp.${k}`] = parent;
  }
  const names = (prefix: string, list: readonly string[]) => list.map((n) => `${prefix}${n}`);
  return namesOnly(
    "gcp",
    "cloudify-gcp-plugin",
    types,
    [...names("cloudify.gcp.relationships.", REL_CONTAINED), ...names("cloudify.relationships.gcp.", REL_CONTAINED)],
    [...names("cloudify.gcp.relationships.", REL_CONNECTED), ...names("cloudify.relationships.gcp.", REL_CONNECTED)],
  );
}

/** The gcp plugin's catalogued versions. */
export const GCP: Family = {
  title: "gcp plugin",
  packages: ["cloudify-gcp-plugin"],
  urlNames: ["gcp-plugin", "cloudify-gcp-plugin"],
  versions: [{ version: "1.9.6", defs: v1, namesOnly: true }],
};
