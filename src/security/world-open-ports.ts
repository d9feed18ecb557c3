import type { RecordedResource, RecordedValue } from "../resources/recorder";
import type { Finding, SecurityRule } from "./finding";
import { WORLD_CIDRS, managementPortsIn } from "./management-ports";

/** The id of {@link worldOpenManagementPorts}' findings. */
export const WORLD_OPEN_PORT_RULE = "world-open-management-port";

interface Opening {
  cidr: string;
  protocol: string;
  from: number;
  to: number;
}

function str(v: RecordedValue | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}
function num(v: RecordedValue | undefined, fallback: number): number {
  return typeof v === "number" ? v : fallback;
}
function strings(v: RecordedValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Protocols that reach TCP ports: tcp, and "all" in each cloud's spelling. */
function reachesTcp(protocol: string): boolean {
  return ["tcp", "6", "-1", "all", "any", ""].includes(protocol.toLowerCase());
}

/** Every ingress opening a resource makes, in one shape, for the resource types that open ports. */
export function ingressOpenings(r: RecordedResource): Opening[] {
  const i = r.inputs;
  switch (r.type) {
    case "openstack:networking/secGroupRule:SecGroupRule": {
      if (str(i["direction"]) !== "ingress") return [];
      // No remote prefix and no remote group: OpenStack opens the rule to every address.
      if (str(i["remoteGroupId"]) !== undefined && str(i["remoteIpPrefix"]) === undefined) return [];
      const cidr = str(i["remoteIpPrefix"]) ?? (str(i["ethertype"]) === "IPv6" ? "::/0" : "0.0.0.0/0");
      return [{ cidr, protocol: str(i["protocol"]) ?? "", from: num(i["portRangeMin"], 1), to: num(i["portRangeMax"], 65535) }];
    }
    case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
      const cidr = str(i["cidrIpv4"]) ?? str(i["cidrIpv6"]);
      if (cidr === undefined) return [];
      const protocol = str(i["ipProtocol"]) ?? "";
      const all = protocol === "-1";
      return [{ cidr, protocol, from: all ? 1 : num(i["fromPort"], 1), to: all ? 65535 : num(i["toPort"], 65535) }];
    }
    case "aws:ec2/securityGroupRule:SecurityGroupRule": {
      if (str(i["type"]) !== "ingress") return [];
      const protocol = str(i["protocol"]) ?? "";
      const all = protocol === "-1" || protocol === "all";
      return [...strings(i["cidrBlocks"]), ...strings(i["ipv6CidrBlocks"])].map((cidr) => ({
        cidr,
        protocol,
        from: all ? 1 : num(i["fromPort"], 1),
        to: all ? 65535 : num(i["toPort"], 65535),
      }));
    }
    case "aws:ec2/securityGroup:SecurityGroup": {
      const rules = Array.isArray(i["ingress"]) ? i["ingress"] : [];
      return rules.flatMap((rule) => {
        if (rule === null || typeof rule !== "object" || Array.isArray(rule)) return [];
        const protocol = str(rule["protocol"]) ?? "";
        const all = protocol === "-1" || protocol === "all";
        return [...strings(rule["cidrBlocks"]), ...strings(rule["ipv6CidrBlocks"])].map((cidr) => ({
          cidr,
          protocol,
          from: all ? 1 : num(rule["fromPort"], 1),
          to: all ? 65535 : num(rule["toPort"], 65535),
        }));
      });
    }
    default:
      return [];
  }
}

/**
 * A rule that finds ingress rules opening a management port (SSH, Docker, Swarm, Kubernetes, etcd, Mesos,
 * ZooKeeper, Marathon) to `0.0.0.0/0` or `::/0`, on OpenStack security-group rules and AWS security groups and
 * their rules. A world CIDR listed in `allowedCidrs` (a cluster's `adminCidrs`) is the user's own choice and allowed.
 */
export function worldOpenManagementPorts(allowedCidrs: readonly string[] = []): SecurityRule {
  return (resources) => {
    const findings: Finding[] = [];
    for (const r of resources) {
      for (const o of ingressOpenings(r)) {
        if (!WORLD_CIDRS.includes(o.cidr) || allowedCidrs.includes(o.cidr) || !reachesTcp(o.protocol)) continue;
        for (const port of managementPortsIn(o.from, o.to)) {
          const ports = port.from === port.to ? `${port.from}` : `${port.from}-${port.to}`;
          findings.push({
            rule: WORLD_OPEN_PORT_RULE,
            severity: "high",
            urn: r.urn,
            message: `${r.name} opens ${port.service} (tcp/${ports}) to ${o.cidr}: restrict it to your admin networks (adminCidrs), or list ${o.cidr} in adminCidrs if you really mean the whole internet.`,
          });
        }
      }
    }
    return findings;
  };
}
