import assert from "node:assert/strict";
import { test } from "node:test";
import type { RecordedResource } from "../../src/resources/recorder";
import { checkClusterSecurity } from "../../src/security/check";
import { managementPortsIn } from "../../src/security/management-ports";
import { collectSecretValues, secretStringsOf } from "../../src/security/plain-secrets";
import { ingressOpenings } from "../../src/security/world-open-ports";
import { recordedResource } from "../helpers/recorded";

const OS = "openstack:networking/secGroupRule:SecGroupRule";
const AWS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

const table: { name: string; r: RecordedResource; allowed?: string[]; findings: string[] }[] = [
  { name: "OpenStack SSH to the world", r: recordedResource(OS, "a", { direction: "ingress", ethertype: "IPv4", protocol: "tcp", portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: "0.0.0.0/0" }), findings: ["SSH"] },
  { name: "OpenStack SSH to the world, allowed by adminCidrs", r: recordedResource(OS, "a", { direction: "ingress", ethertype: "IPv4", protocol: "tcp", portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: "0.0.0.0/0" }), allowed: ["0.0.0.0/0"], findings: [] },
  { name: "OpenStack rule with no remote at all is world-open", r: recordedResource(OS, "a", { direction: "ingress", ethertype: "IPv6", protocol: "tcp", portRangeMin: 6443, portRangeMax: 6443 }), findings: ["Kubernetes API server"] },
  { name: "OpenStack rule to its own group", r: recordedResource(OS, "a", { direction: "ingress", ethertype: "IPv4", remoteGroupId: "sg" }), findings: [] },
  { name: "OpenStack egress", r: recordedResource(OS, "a", { direction: "egress", ethertype: "IPv4", remoteIpPrefix: "0.0.0.0/0" }), findings: [] },
  { name: "OpenStack UDP only", r: recordedResource(OS, "a", { direction: "ingress", ethertype: "IPv4", protocol: "udp", portRangeMin: 2181, portRangeMax: 2181, remoteIpPrefix: "0.0.0.0/0" }), findings: [] },
  { name: "AWS Docker 2375-2377 to ::/0", r: recordedResource(AWS, "b", { ipProtocol: "tcp", fromPort: 2375, toPort: 2377, cidrIpv6: "::/0" }), findings: ["Docker Engine API without TLS", "Docker Engine API (TLS)", "Swarm cluster management"] },
  { name: "AWS all traffic from the world", r: recordedResource(AWS, "b", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }), findings: ["SSH", "Docker Engine API without TLS", "Docker Engine API (TLS)", "Swarm cluster management", "Kubernetes API server", "kubelet API", "etcd", "Mesos master", "ZooKeeper", "Marathon"] },
  { name: "AWS HTTPS to the world is fine", r: recordedResource(AWS, "b", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }), findings: [] },
  { name: "AWS SSH from an office", r: recordedResource(AWS, "b", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "203.0.113.0/24" }), findings: [] },
  { name: "AWS inline ingress on a security group", r: recordedResource("aws:ec2/securityGroup:SecurityGroup", "g", { ingress: [{ protocol: "tcp", fromPort: 5050, toPort: 5050, cidrBlocks: ["0.0.0.0/0"] }] }), findings: ["Mesos master"] },
  { name: "AWS SecurityGroupRule ingress", r: recordedResource("aws:ec2/securityGroupRule:SecurityGroupRule", "g", { type: "ingress", protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }), findings: ["Marathon"] },
];
for (const row of table) {
  test(`world-open management ports: ${row.name}`, () => {
    const findings = checkClusterSecurity([row.r], { adminCidrs: row.allowed ?? [] });
    assert.deepEqual(findings.map((f) => f.message.replace(/^.* opens (.+) \(tcp\/.*$/, "$1")), row.findings);
    for (const f of findings) {
      assert.equal(f.rule, "world-open-management-port");
      assert.equal(f.severity, "high");
      assert.equal(f.urn, row.r.urn);
    }
  });
}

test("managementPortsIn finds etcd inside a range", () => {
  assert.deepEqual(managementPortsIn(2380, 2400).map((p) => p.service), ["etcd"]);
  assert.deepEqual(ingressOpenings(recordedResource("x:y:Z", "n", {})), []);
});

test("plain secrets: a secret value inside a plain input is found; in a secret input it is not", () => {
  const key = "-----BEGIN KEY-----abcdefghijklmnop";
  const resources = [
    recordedResource("t:a:A", "holder", { key, host: "10.0.0.1" }, ["key", "host"]),
    recordedResource("t:a:B", "leak", { script: `echo ${key}` }),
    recordedResource("t:a:C", "fine", { script: key }, ["script"]),
    recordedResource("t:a:D", "address", { host: "10.0.0.1" }),
  ];
  assert.deepEqual([...collectSecretValues(resources)], [key]);
  const findings = checkClusterSecurity(resources);
  assert.deepEqual(findings.map((f) => [f.rule, f.urn]), [["secret-in-plain-text", resources[1]!.urn]]);
  assert.match(findings[0]!.message, /^leak\.script holds a secret value in plain text/);
});

test("secretStringsOf: the strings at or under each secret path, in the value's order", () => {
  const value = { a: "x", b: [{ c: "y" }, "z"], d: { e: "w" } };
  assert.deepEqual(secretStringsOf(value, ["b[0]", "d.e"]), ["y", "w"]);
  assert.deepEqual(secretStringsOf(value, ["b"]), ["y", "z"]);
  assert.deepEqual(secretStringsOf(value, []), []);
});
