/**
 * Plausible outputs per resource type, as one data table for `berth preview` and for unit tests (berth/testing's
 * {@link berthMocks}): what the provider would return after creating the resource, made up deterministically from
 * the resource's type and name (see fake-values.ts). A type that is not in the table gets no id and no outputs: in a
 * preview they stay unknown and are shown as `(known after deploy)`, never invented.
 *
 * Rows also say what only a deployment produces (`deployOutputs`: private keys, a command's output). The preview
 * leaves those unknown, as the real engine does; unit tests in update mode get them, so that every Berth component
 * can read what it needs (a swarm's join tokens, a cluster's CA key) under a user's mocks.
 */
import {
  PREVIEW_AWS_ACCOUNT,
  fakeArn,
  fakeAwsId,
  fakeHex,
  fakeIpv4,
  fakeSha256,
  fakeUuid,
} from "./fake-values";
import { deployedCommandOutput, deployedKeyPair } from "./deploy-values";
import { PLACEHOLDER_CERTIFICATE_PEM, PLACEHOLDER_ED25519_PUBLIC_KEY_PEM, PLACEHOLDER_PUBLIC_KEY_PEM } from "./placeholder-pem";
import { parseImageRef } from "../core/image-ref";

/** What a rule knows about the resource being created. */
export interface MockContext {
  type: string;
  name: string;
  /** The resource's inputs as the program gave them (unknown ones absent). */
  inputs: Readonly<Record<string, unknown>>;
  /** The AWS region: the resource's `region` input, else `aws:region` from config, else `us-east-1`. */
  region: string;
}

/** One row of the table: how to make the id and the computed outputs of one resource type. */
export interface MockOutputRule {
  /** The physical id. @default no id: the id stays unknown */
  id?: (c: MockContext) => string;
  /** Computed outputs, merged over the inputs (which every provider echoes back). @default none */
  outputs?: (c: MockContext) => Record<string, unknown>;
  /** Output names the provider marks secret; the preview marks them secret too. @default none */
  secretOutputs?: readonly string[];
  /**
   * Outputs only a deployment produces (a private key, what a command printed): left unknown in a preview, returned
   * by unit-test mocks in update mode, over `outputs`. @default none
   */
  deployOutputs?: (c: MockContext) => Record<string, unknown>;
}

/** What {@link mockOutputsFor} decided for one resource. */
export interface MockOutputs {
  /** Outputs only a deployment produces (see {@link MockOutputRule.deployOutputs}); not part of a preview. */
  deployOutputs: Record<string, unknown>;
  /** The id, or undefined when it stays unknown. */
  id: string | undefined;
  /** Computed outputs (not including the echoed inputs). */
  outputs: Record<string, unknown>;
  /** Names among `outputs` that are secret. */
  secretOutputs: readonly string[];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}
function seed(c: MockContext, what = ""): string {
  return `${c.type}::${c.name}::${what}`;
}
/** Pulumi's auto-name: the logical name plus a 7-character suffix, chosen during preview by the real engine too. */
function autoName(c: MockContext, key = "name"): string {
  return str(c.inputs[key]) ?? `${c.name}-${fakeHex(seed(c, "autoname"), 7)}`;
}
function awsId(prefix: string): (c: MockContext) => string {
  return (c) => fakeAwsId(prefix, seed(c));
}
/** `{ arn }` for an EC2 object whose id has `prefix` (the ARN names the same id as the row's `id`). */
function ec2Arn(kind: string, prefix: string): (c: MockContext) => Record<string, unknown> {
  return (c) => ({ arn: fakeArn("ec2", c.region, `${kind}/${fakeAwsId(prefix, seed(c))}`) });
}
function randomInteger(c: MockContext): number {
  const min = num(c.inputs["min"]) ?? 0;
  const max = num(c.inputs["max"]) ?? min + 100;
  return min + (Number.parseInt(fakeHex(seed(c), 6), 16) % (max - min + 1));
}
function repository(image: string): string {
  return parseImageRef(image).repository;
}
function fakeBase64(seedText: string, bytes: number): string {
  return Buffer.from(fakeHex(seedText, bytes * 2), "hex").toString("base64");
}
function dockerNetworks(c: MockContext): Record<string, unknown>[] {
  const advanced = Array.isArray(c.inputs["networksAdvanced"]) ? (c.inputs["networksAdvanced"] as unknown[]) : [];
  const names = advanced
    .map((n) => (n !== null && typeof n === "object" ? str((n as Record<string, unknown>)["name"]) : undefined))
    .filter((n): n is string => n !== undefined);
  const list = names.length > 0 ? names : [str(c.inputs["networkMode"]) ?? "bridge"];
  return list.map((network) => ({
    networkName: network,
    ipAddress: fakeIpv4(seed(c, network), "container"),
    ipPrefixLength: 24,
    gateway: "198.51.100.1",
    macAddress: `02:42:${(fakeHex(seed(c, `mac${network}`), 8).match(/../g) ?? []).join(":")}`,
  }));
}
function k8sMetadata(c: MockContext): Record<string, unknown> {
  const given = c.inputs["metadata"];
  const metadata = given !== null && typeof given === "object" ? (given as Record<string, unknown>) : {};
  return { ...metadata, name: str(metadata["name"]) ?? autoName(c), uid: fakeUuid(seed(c, "uid")) };
}
const PETS = ["calm", "brave", "quiet", "swift"];
const ANIMALS = ["heron", "otter", "lynx", "wren"];

/** The outputs of Berth's dynamic resources, by type. */
const DYNAMIC_OUTPUTS: Readonly<Record<string, (c: MockContext) => Record<string, unknown>>> = {
  "pulumi-nodejs:dynamic/berth:Readiness": () => ({ ready: true }),
  "pulumi-nodejs:dynamic/berth:ImageImport": (c) => ({
    imageId: fakeSha256(seed(c)),
    contentHash: fakeSha256(seed(c, "content")),
    repoTag: `${str(c.inputs["repository"]) ?? c.name}:${str(c.inputs["tag"]) ?? "latest"}`,
  }),
  "pulumi-nodejs:dynamic/berth:ContainerAdoption": (c) => ({
    containerId: fakeHex(seed(c), 64),
    containerName: str(c.inputs["name"]) ?? c.name,
    imageId: fakeSha256(seed(c, "image")),
    ipAddress: fakeIpv4(seed(c), "container"),
    ports: [],
    networkSettings: { Networks: { bridge: { IPAddress: fakeIpv4(seed(c), "container"), IPPrefixLen: 24, Gateway: "198.51.100.1", MacAddress: "" } } },
    running: true,
  }),
};

/** The table, by exact type token. */
export const MOCK_OUTPUT_RULES: Readonly<Record<string, MockOutputRule>> = {
  // Docker
  "docker:index/remoteImage:RemoteImage": {
    id: (c) => `${fakeSha256(seed(c))}${str(c.inputs["name"]) ?? ""}`,
    outputs: (c) => ({
      imageId: fakeSha256(seed(c)),
      repoDigest: `${repository(str(c.inputs["name"]) ?? c.name)}@${fakeSha256(seed(c, "digest"))}`,
    }),
  },
  "docker:index/image:Image": {
    id: (c) => fakeSha256(seed(c)),
    outputs: (c) => ({ repoDigest: `${repository(str(c.inputs["imageName"]) ?? c.name)}@${fakeSha256(seed(c, "digest"))}` }),
  },
  "docker:index/container:Container": {
    id: (c) => fakeHex(seed(c), 64),
    outputs: (c) => ({ networkDatas: dockerNetworks(c) }),
  },
  "docker:index/network:Network": {
    id: (c) => fakeHex(seed(c), 64),
    outputs: (c) => ({ scope: str(c.inputs["driver"]) === "overlay" ? "swarm" : "local" }),
  },
  "docker:index/volume:Volume": {
    id: (c) => autoName(c),
    outputs: (c) => ({ name: autoName(c), mountpoint: `/var/lib/docker/volumes/${autoName(c)}/_data` }),
  },
  "docker:index/service:Service": { id: (c) => fakeHex(seed(c), 25) },
  "docker:index/secret:Secret": { id: (c) => fakeHex(seed(c), 25) },
  "docker:index/serviceConfig:ServiceConfig": { id: (c) => fakeHex(seed(c), 25) },
  // AWS
  "aws:ec2/instance:Instance": {
    id: awsId("i"),
    outputs: (c) => {
      const privateIp = fakeIpv4(seed(c), "private");
      const publicIp = fakeIpv4(seed(c), "public");
      return {
        arn: fakeArn("ec2", c.region, `instance/${fakeAwsId("i", seed(c))}`),
        privateIp,
        privateDns: `ip-${privateIp.replaceAll(".", "-")}.${c.region}.compute.internal`,
        publicIp,
        publicDns: `ec2-${publicIp.replaceAll(".", "-")}.${c.region}.compute.amazonaws.com`,
        primaryNetworkInterfaceId: fakeAwsId("eni", seed(c)),
        instanceState: "running",
      };
    },
  },
  "aws:ec2/securityGroup:SecurityGroup": {
    id: awsId("sg"),
    outputs: (c) => ({ ...ec2Arn("security-group", "sg")(c), ownerId: PREVIEW_AWS_ACCOUNT, name: autoName(c) }),
  },
  "aws:ec2/vpc:Vpc": {
    id: awsId("vpc"),
    outputs: (c) => ({
      ...ec2Arn("vpc", "vpc")(c),
      defaultSecurityGroupId: fakeAwsId("sg", seed(c, "default")),
      mainRouteTableId: fakeAwsId("rtb", seed(c, "main")),
      defaultRouteTableId: fakeAwsId("rtb", seed(c, "main")),
      ownerId: PREVIEW_AWS_ACCOUNT,
    }),
  },
  "aws:ec2/subnet:Subnet": { id: awsId("subnet"), outputs: ec2Arn("subnet", "subnet") },
  "aws:ec2/internetGateway:InternetGateway": { id: awsId("igw"), outputs: ec2Arn("internet-gateway", "igw") },
  "aws:ec2/routeTable:RouteTable": { id: awsId("rtb"), outputs: ec2Arn("route-table", "rtb") },
  "aws:ec2/keyPair:KeyPair": {
    id: (c) => autoName(c, "keyName"),
    outputs: (c) => ({
      keyName: autoName(c, "keyName"),
      keyPairId: fakeAwsId("key", seed(c)),
      arn: fakeArn("ec2", c.region, `key-pair/${autoName(c, "keyName")}`),
      fingerprint: (fakeHex(seed(c, "fp"), 32).match(/../g) ?? []).join(":"),
    }),
  },
  "aws:ec2/networkInterface:NetworkInterface": {
    id: awsId("eni"),
    outputs: (c) => {
      const privateIp = fakeIpv4(seed(c), "private");
      return { privateIp, privateIps: [privateIp], macAddress: `0a:${(fakeHex(seed(c, "mac"), 10).match(/../g) ?? []).join(":")}` };
    },
  },
  "aws:ec2/eipAssociation:EipAssociation": { id: awsId("eipassoc") },
  "aws:ec2/eip:Eip": {
    id: awsId("eipalloc"),
    outputs: (c) => ({
      allocationId: fakeAwsId("eipalloc", seed(c)),
      publicIp: fakeIpv4(seed(c), "public"),
      arn: fakeArn("ec2", c.region, `elastic-ip/${fakeAwsId("eipalloc", seed(c))}`),
    }),
  },
  "aws:ec2/launchTemplate:LaunchTemplate": {
    id: awsId("lt"),
    outputs: (c) => ({ ...ec2Arn("launch-template", "lt")(c), name: autoName(c), latestVersion: 1, defaultVersion: 1 }),
  },
  "aws:autoscaling/group:Group": {
    id: (c) => autoName(c),
    outputs: (c) => ({
      name: autoName(c),
      arn: fakeArn(
        "autoscaling",
        c.region,
        `autoScalingGroup:${fakeUuid(seed(c))}:autoScalingGroupName/${autoName(c)}`,
      ),
    }),
  },
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
    id: awsId("sgr"),
    outputs: (c) => ({ arn: fakeArn("ec2", c.region, `security-group-rule/${fakeAwsId("sgr", seed(c))}`) }),
  },
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
    id: awsId("sgr"),
    outputs: (c) => ({ arn: fakeArn("ec2", c.region, `security-group-rule/${fakeAwsId("sgr", seed(c))}`) }),
  },
  "aws:iam/role:Role": {
    id: (c) => autoName(c),
    outputs: (c) => ({
      name: autoName(c),
      arn: fakeArn("iam", "", `role/${autoName(c)}`),
      uniqueId: `AROA${fakeHex(seed(c), 17).toUpperCase()}`,
    }),
  },
  "aws:iam/instanceProfile:InstanceProfile": {
    id: (c) => autoName(c),
    outputs: (c) => ({ name: autoName(c), arn: fakeArn("iam", "", `instance-profile/${autoName(c)}`) }),
  },
  "aws:s3/bucket:Bucket": {
    id: (c) => autoName(c, "bucket"),
    outputs: (c) => ({
      bucket: autoName(c, "bucket"),
      arn: `arn:aws:s3:::${autoName(c, "bucket")}`,
      bucketDomainName: `${autoName(c, "bucket")}.s3.amazonaws.com`,
    }),
  },
  // OpenStack
  "openstack:compute/instance:Instance": {
    id: (c) => fakeUuid(seed(c)),
    outputs: (c) => {
      const networks = Array.isArray(c.inputs["networks"]) ? (c.inputs["networks"] as unknown[]) : [];
      const filled = networks.map((n, i) => {
        const net = n !== null && typeof n === "object" ? (n as Record<string, unknown>) : {};
        return { ...net, fixedIpV4: str(net["fixedIpV4"]) ?? fakeIpv4(seed(c, `net${i}`), "private") };
      });
      const first = filled[0]?.fixedIpV4 ?? fakeIpv4(seed(c, "net0"), "private");
      return { accessIpV4: first, networks: filled };
    },
  },
  "openstack:networking/floatingIp:FloatingIp": {
    id: (c) => fakeUuid(seed(c)),
    outputs: (c) => ({ address: fakeIpv4(seed(c), "public") }),
  },
  "openstack:networking/floatingIpAssociate:FloatingIpAssociate": { id: (c) => fakeUuid(seed(c)) },
  "openstack:compute/floatingIpAssociate:FloatingIpAssociate": { id: (c) => fakeUuid(seed(c)) },
  "openstack:networking/secGroup:SecGroup": { id: (c) => fakeUuid(seed(c)) },
  "openstack:networking/secGroupRule:SecGroupRule": { id: (c) => fakeUuid(seed(c)) },
  "openstack:networking/network:Network": { id: (c) => fakeUuid(seed(c)) },
  "openstack:networking/subnet:Subnet": { id: (c) => fakeUuid(seed(c)) },
  "openstack:networking/router:Router": { id: (c) => fakeUuid(seed(c)) },
  "openstack:networking/routerInterface:RouterInterface": { id: (c) => fakeUuid(seed(c)) },
  "openstack:networking/port:Port": {
    id: (c) => fakeUuid(seed(c)),
    outputs: (c) => ({ allFixedIps: [fakeIpv4(seed(c), "private")] }),
  },
  "openstack:compute/keypair:Keypair": {
    id: (c) => autoName(c),
    outputs: (c) => ({ name: autoName(c), fingerprint: (fakeHex(seed(c, "fp"), 32).match(/../g) ?? []).join(":") }),
  },
  "openstack:blockstorage/volume:Volume": { id: (c) => fakeUuid(seed(c)) },
  // TLS: public halves are plausible; private keys stay unknown (they are secret and only exist after deploy).
  "tls:index/privateKey:PrivateKey": {
    id: (c) => fakeHex(seed(c), 40),
    outputs: (c) => {
      const algorithm = str(c.inputs["algorithm"]) ?? "RSA";
      const openssh =
        algorithm === "ED25519"
          ? `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${fakeBase64(seed(c, "pub"), 32)}`
          : `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${fakeBase64(seed(c, "pub"), 96)}`;
      return {
        publicKeyOpenssh: `${openssh}\n`,
        publicKeyPem: algorithm === "ED25519" ? PLACEHOLDER_ED25519_PUBLIC_KEY_PEM : PLACEHOLDER_PUBLIC_KEY_PEM,
        publicKeyFingerprintSha256: `SHA256:${fakeBase64(seed(c, "fp"), 32).replace(/=+$/, "")}`,
      };
    },
    secretOutputs: ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"],
    deployOutputs: (c) => deployedKeyPair(str(c.inputs["algorithm"]) ?? "RSA", c.name),
  },
  "tls:index/selfSignedCert:SelfSignedCert": {
    id: (c) => String(Number.parseInt(fakeHex(seed(c), 12), 16)),
    outputs: () => ({ certPem: PLACEHOLDER_CERTIFICATE_PEM }),
  },
  "tls:index/locallySignedCert:LocallySignedCert": {
    id: (c) => String(Number.parseInt(fakeHex(seed(c), 12), 16)),
    outputs: () => ({ certPem: PLACEHOLDER_CERTIFICATE_PEM }),
  },
  "tls:index/certRequest:CertRequest": {
    id: (c) => fakeHex(seed(c), 40),
    outputs: (c) => ({ certRequestPem: `-----BEGIN CERTIFICATE REQUEST-----\n${fakeBase64(seed(c, "csr"), 48)}\n-----END CERTIFICATE REQUEST-----\n` }),
  },
  // Berth's own dynamic resources.
  ...Object.fromEntries(
    Object.entries(DYNAMIC_OUTPUTS).map(([type, outputs]) => [type, { id: (c: MockContext) => `${c.name}-${fakeHex(seed(c), 12)}`, outputs }]),
  ),
  // Commands: what they print exists only after they ran.
  "command:remote:Command": {
    id: (c) => `${c.name}-${fakeHex(seed(c), 8)}`,
    deployOutputs: (c) => deployedCommandOutput(str(c.inputs["create"]) ?? ""),
    secretOutputs: [],
  },
  "command:local:Command": {
    id: (c) => `${c.name}-${fakeHex(seed(c), 8)}`,
    deployOutputs: () => ({ stdout: "", stderr: "" }),
  },
  // Random: the values are stand-ins; the secret ones stay secret.
  "random:index/randomPassword:RandomPassword": {
    id: () => "none",
    outputs: (c) => ({ result: `preview-${fakeHex(seed(c), Math.max(8, (num(c.inputs["length"]) ?? 16) - 8))}` }),
    secretOutputs: ["result"],
  },
  "random:index/randomString:RandomString": {
    id: (c) => fakeHex(seed(c), num(c.inputs["length"]) ?? 16),
    outputs: (c) => ({ result: fakeHex(seed(c), num(c.inputs["length"]) ?? 16) }),
  },
  "random:index/randomId:RandomId": {
    id: (c) => Buffer.from(fakeHex(seed(c), (num(c.inputs["byteLength"]) ?? 8) * 2), "hex").toString("base64url"),
    outputs: (c) => {
      const hex = fakeHex(seed(c), (num(c.inputs["byteLength"]) ?? 8) * 2);
      const bytes = Buffer.from(hex, "hex");
      return { hex, b64Url: bytes.toString("base64url"), b64Std: bytes.toString("base64"), dec: BigInt(`0x${hex}`).toString() };
    },
  },
  "random:index/randomPet:RandomPet": {
    id: (c) => {
      const h = Number.parseInt(fakeHex(seed(c), 4), 16);
      return `${PETS[h % PETS.length]}-${ANIMALS[(h >> 4) % ANIMALS.length]}`;
    },
  },
  "random:index/randomInteger:RandomInteger": {
    id: (c) => String(randomInteger(c)),
    outputs: (c) => ({ result: randomInteger(c) }),
  },
  "random:index/randomUuid:RandomUuid": {
    id: (c) => fakeUuid(seed(c)),
    outputs: (c) => ({ result: fakeUuid(seed(c)) }),
  },
};

/** Rows that apply to every type starting with a prefix, tried after the exact table. */
export const MOCK_OUTPUT_PREFIX_RULES: ReadonlyArray<readonly [string, MockOutputRule]> = [
  // Providers get an id so that `urn::id` references are complete.
  ["pulumi:providers:", { id: (c) => fakeUuid(seed(c)) }],
  // Kubernetes objects: the name (auto-named like Pulumi does when none is given) and a uid; status stays unknown.
  [
    "kubernetes:",
    {
      id: (c) => {
        const metadata = k8sMetadata(c);
        const ns = str(metadata["namespace"]);
        return ns ? `${ns}/${String(metadata["name"])}` : String(metadata["name"]);
      },
      outputs: (c) => ({ metadata: k8sMetadata(c) }),
    },
  ],
];

/** Kubernetes types that are components or resources of the provider itself, not objects in a cluster. */
const KUBERNETES_NOT_OBJECTS = /^kubernetes:(yaml|helm\.sh|kustomize)[:/]/;

/** The row for a type, exact match first, then the prefix rows; undefined when the table does not know the type. */
export function mockRuleFor(type: string): MockOutputRule | undefined {
  const exact = MOCK_OUTPUT_RULES[type];
  if (exact) return exact;
  if (KUBERNETES_NOT_OBJECTS.test(type)) return undefined;
  return MOCK_OUTPUT_PREFIX_RULES.find(([prefix]) => type.startsWith(prefix))?.[1];
}

/** The id and computed outputs for one resource; an unknown type gets no id and no outputs. */
export function mockOutputsFor(c: MockContext): MockOutputs {
  const rule = mockRuleFor(c.type);
  return {
    id: rule?.id?.(c),
    outputs: rule?.outputs?.(c) ?? {},
    secretOutputs: rule?.secretOutputs ?? [],
    deployOutputs: rule?.deployOutputs?.(c) ?? {},
  };
}
