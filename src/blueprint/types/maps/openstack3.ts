/**
 * openstack-plugin 3.x (`cloudify.nodes.openstack.*`): each node's `resource_config` becomes the provider resource's
 * arguments, the connections its relationships make (ports to subnets and security groups, servers to ports and
 * keypairs, floating IPs to ports, subnets to routers) become arguments or association resources, and
 * `client_config` becomes an explicit openstack provider.
 */
import type { Value } from "../../functions/values";
import type { ExtraResource, MapContext, TypeMapping } from "../target";
import { openstackProvider } from "./providers";
import { agentNote } from "./agent";
import { TARGETS } from "./targets";
import { type Obj, clean, first, list, obj } from "./values";

const NS = "cloudify.nodes.openstack.";
const ATTRS = { id: "id", external_id: "id", name: "name" };

/** The node's `resource_config`, its `kwargs` merged in (the plugin passes them to the API call). */
function rc(ctx: MapContext): Obj {
  const c = obj(ctx.props["resource_config"]);
  return { ...obj(c["kwargs"]), ...c };
}

/** The id of the first related node of a type, or the value given. */
function idOf(ctx: MapContext, given: Value | undefined, type: string, output = "id"): Value | undefined {
  return first(given, ctx.relatedByType(`${NS}${type}`)[0]?.output(output));
}

/** Every related node of a type (`id` or another output). */
function allOf(ctx: MapContext, type: string, output = "id"): Value[] {
  return ctx.relatedByType(`${NS}${type}`).map((r) => r.output(output));
}

const lookupByConfig = (ctx: MapContext): Value => first(rc(ctx)["id"], rc(ctx)["name"], ctx.props["resource_id"]) ?? null;

/** A row of the table with the shared parts (provider, lookup id, attributes). */
function row(type: string, target: TypeMapping["target"], args: TypeMapping["args"], more: Partial<TypeMapping> = {}): TypeMapping {
  return { type: `${NS}${type}`, target, attributes: ATTRS, args, provider: openstackProvider, lookupId: lookupByConfig, ...more };
}

/** The openstack 3.x mappings. */
export const OPENSTACK3_MAPPINGS: readonly TypeMapping[] = [
  row("Network", TARGETS.osNetwork, (ctx) => {
    const c = rc(ctx);
    return clean({ name: c["name"], adminStateUp: c["admin_state_up"] ?? true, external: c["router:external"], shared: c["shared"], mtu: c["mtu"], description: c["description"] });
  }),
  row(
    "Subnet",
    TARGETS.osSubnet,
    (ctx) => {
      const c = rc(ctx);
      const pools = list(c["allocation_pools"]).map((p) => clean({ start: obj(p)["start"], end: obj(p)["end"] }));
      return clean({
        name: c["name"],
        networkId: idOf(ctx, c["network_id"], "Network"),
        cidr: c["cidr"],
        ipVersion: c["ip_version"] ?? 4,
        dnsNameservers: c["dns_nameservers"],
        gatewayIp: c["gateway_ip"],
        enableDhcp: c["enable_dhcp"],
        allocationPools: pools.length > 0 ? pools : undefined,
        hostRoutes: list(c["host_routes"]).length > 0 ? list(c["host_routes"]).map((h) => clean({ destinationCidr: obj(h)["destination"], nextHop: obj(h)["nexthop"] })) : undefined,
      });
    },
    {
      relationships: ["cloudify.relationships.openstack.subnet_connected_to_router"],
      extras: (ctx) =>
        ctx.related("cloudify.relationships.openstack.subnet_connected_to_router").map((r, i): ExtraResource => ({
          suffix: `router-${i}`,
          target: TARGETS.osRouterInterface,
          args: { routerId: r.output("id"), subnetId: ctx.self("id") },
          last: true,
        })),
    },
  ),
  row(
    "Port",
    TARGETS.osPort,
    (ctx) => {
      const c = rc(ctx);
      const subnets = allOf(ctx, "Subnet");
      const groups = allOf(ctx, "SecurityGroup");
      const fixed = list(c["fixed_ips"]).map((f) => clean({ subnetId: obj(f)["subnet_id"], ipAddress: obj(f)["ip_address"] }));
      return clean({
        name: c["name"],
        networkId: idOf(ctx, c["network_id"], "Network"),
        fixedIps: fixed.length > 0 ? fixed : subnets.length > 0 ? subnets.map((subnetId) => clean({ subnetId, ipAddress: ctx.props["fixed_ip"] })) : undefined,
        securityGroupIds: first(c["security_groups"], groups.length > 0 ? groups : undefined),
        adminStateUp: c["admin_state_up"],
        macAddress: c["mac_address"],
        allowedAddressPairs: list(c["allowed_address_pairs"]).length > 0 ? list(c["allowed_address_pairs"]).map((p) => clean({ ipAddress: obj(p)["ip_address"], macAddress: obj(p)["mac_address"] })) : undefined,
        portSecurityEnabled: c["port_security_enabled"],
      });
    },
    {
      attributes: { ...ATTRS, fixed_ip_address: "allFixedIps", ipv4_address: "allFixedIps", mac_address: "macAddress" },
      relationships: ["cloudify.relationships.openstack.port_connected_to_security_group", "cloudify.relationships.openstack.port_connected_to_subnet", "cloudify.relationships.openstack.port_connected_to_floating_ip"],
      extras: (ctx) =>
        ctx.related("cloudify.relationships.openstack.port_connected_to_floating_ip").map((r, i): ExtraResource => ({
          suffix: `floating-ip-${i}`,
          target: TARGETS.osFloatingIpAssociate,
          args: { floatingIp: r.output("address"), portId: ctx.self("id") },
          last: true,
        })),
    },
  ),
  row("Router", TARGETS.osRouter, (ctx) => {
    const c = rc(ctx);
    const gateway = obj(c["external_gateway_info"]);
    const external = ctx.relatedByType(`${NS}Network`)[0];
    return clean({ name: c["name"], adminStateUp: c["admin_state_up"], externalNetworkId: first(gateway["network_id"], external?.output("id")) });
  }),
  row(
    "SecurityGroup",
    TARGETS.osSecGroup,
    (ctx) => {
      const c = rc(ctx);
      return clean({ name: c["name"], description: c["description"], deleteDefaultRules: ctx.known("disable_default_egress_rules") === true ? true : undefined });
    },
    {
      extras: (ctx) =>
        list(ctx.props["security_group_rules"]).map((r, i): ExtraResource => {
          const o = obj(r);
          return {
            suffix: `rule-${i}`,
            target: TARGETS.osSecGroupRule,
            args: clean({
              securityGroupId: ctx.self("id"),
              direction: o["direction"] ?? "ingress",
              ethertype: o["ethertype"] ?? "IPv4",
              protocol: o["protocol"],
              portRangeMin: o["port_range_min"],
              portRangeMax: o["port_range_max"],
              remoteIpPrefix: o["remote_ip_prefix"],
              remoteGroupId: o["remote_group_id"],
            }),
          };
        }),
    },
  ),
  row(
    "FloatingIP",
    TARGETS.osFloatingIp,
    (ctx) => {
      const c = rc(ctx);
      const network = ctx.relatedByType(`${NS}Network`)[0];
      return clean({ pool: first(c["floating_network_name"], network?.output("name")), address: c["floating_ip_address"], description: c["description"], subnetId: c["subnet_id"] });
    },
    {
      attributes: { ...ATTRS, floating_ip_address: "address", ip: "address" },
      extras: (ctx) =>
        ctx.relatedByType(`${NS}Port`).map((r, i): ExtraResource => ({
          suffix: `port-${i}`,
          target: TARGETS.osFloatingIpAssociate,
          args: { floatingIp: ctx.self("address"), portId: r.output("id") },
          last: true,
        })),
    },
  ),
  row(
    "KeyPair",
    TARGETS.osKeypair,
    (ctx) => {
      const c = rc(ctx);
      const given = c["public_key"];
      if (given === undefined || given === null || given === "") ctx.note("the key pair's key is generated by the program (a tls.PrivateKey); servers connected to it are reached with it");
      return clean({ name: c["name"], publicKey: first(given, ctx.extra("key", "publicKeyOpenssh")) });
    },
    {
      attributes: { ...ATTRS, private_key: "=private_key", public_key: "publicKey" },
      staticAttributes: (ctx) => ({ private_key: ctx.extra("key", "privateKeyOpenssh") }),
      extras: () => [{ suffix: "key", target: TARGETS.tlsKey, args: { algorithm: "RSA", rsaBits: 4096 }, before: true }],
    },
  ),
  row(
    "Server",
    TARGETS.osInstance,
    (ctx) => {
      const c = rc(ctx);
      const ports = allOf(ctx, "Port").map((port) => ({ port }));
      const groups = allOf(ctx, "SecurityGroup", "name");
      const key = ctx.relatedByType(`${NS}KeyPair`)[0];
      ctx.known("agent_config");
      agentNote(ctx);
      ctx.known("use_public_ip");
      void ctx.props["use_ipv6_ip"];
      return clean({
        name: c["name"],
        imageId: c["image_id"],
        flavorId: c["flavor_id"],
        userData: c["user_data"],
        availabilityZone: c["availability_zone"],
        metadata: c["metadata"],
        keyPair: first(c["key_name"], key?.output("name")),
        networks: first(list(c["networks"]).length > 0 ? list(c["networks"]).map((n) => clean({ uuid: obj(n)["uuid"] ?? obj(n)["net-id"], port: obj(n)["port"], fixedIpV4: obj(n)["fixed_ip"] })) : undefined, ports.length > 0 ? ports : undefined),
        securityGroups: first(c["security_groups"], groups.length > 0 ? groups : undefined),
        configDrive: c["config_drive"],
      });
    },
    {
      attributes: { ...ATTRS, ip: "accessIpV4", public_ip: "accessIpV4", ipv4_address: "accessIpV4", ipv6_address: "accessIpV6" },
      relationships: ["cloudify.relationships.openstack.server_connected_to_port", "cloudify.relationships.openstack.server_connected_to_keypair", "cloudify.relationships.openstack.server_connected_to_security_group"],
    },
  ),
  row(
    "Volume",
    TARGETS.osVolume,
    (ctx) => {
      const c = rc(ctx);
      return clean({ name: c["name"], size: c["size"], availabilityZone: c["availability_zone"], volumeType: c["volume_type"], imageId: c["imageRef"] ?? c["image_id"], description: c["description"] });
    },
    {
      extras: (ctx) =>
        ctx.relatedByType(`${NS}Server`).map((r, i): ExtraResource => ({ suffix: `attach-${i}`, target: TARGETS.osVolumeAttach, args: { instanceId: r.output("id"), volumeId: ctx.self("id") }, last: true })),
    },
  ),
  row("Image", TARGETS.osImageLookup, (ctx) => {
    const c = rc(ctx);
    if (ctx.known("use_external_resource") !== true) ctx.drop("uploading the image (the program looks an existing image up by name or id instead)");
    void c["container_format"];
    void c["disk_format"];
    if (c["name"] === undefined && c["id"] !== undefined) ctx.drop("the image id (the data source finds images by name; give resource_config.name)", ["resource_config", "id"]);
    return clean({ name: c["name"], mostRecent: true });
  }),
];

