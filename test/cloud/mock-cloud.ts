/**
 * Test support for the cluster components under Pulumi's mocks: plausible ids, addresses, keys and command output
 * for every resource type the clusters create, and graph measures over recorded resources.
 */
import assert from "node:assert/strict";
import * as crypto from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import type { MockState, RecordedResource, Recorder } from "../../src/resources/recorder";
import { assertSecure } from "../security/assert-secure";

const ROLES: Record<string, number> = { manager: 1, worker: 2, control: 3, node: 4, master: 5, agent: 6 };

/** `10.0.<role>.<10+i>` for machine `<cluster>-<role>-<i>`. */
export function privateAddressOf(name: string): string {
  const m = /-([a-z]+)-(\d+)(?:-[a-z]+)?$/.exec(name);
  if (!m) return "10.0.0.1";
  return `10.0.${ROLES[m[1]!] ?? 9}.${10 + Number(m[2])}`;
}

/** `198.51.100.<role*10+i>` for machine `<cluster>-<role>-<i>`. */
export function publicAddressOf(name: string): string {
  const m = /-([a-z]+)-(\d+)(?:-[a-z]+)?$/.exec(name);
  if (!m) return "198.51.100.1";
  return `198.51.100.${(ROLES[m[1]!] ?? 9) * 10 + Number(m[2])}`;
}

let rsa: { publicKeyPem: string; privateKeyPem: string } | undefined;
/** One real RSA key per process (so that encrypted command output can really be decrypted). */
export function rsaKey(): { publicKeyPem: string; privateKeyPem: string } {
  if (!rsa) {
    const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    rsa = {
      publicKeyPem: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
      privateKeyPem: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    };
  }
  return rsa;
}

/** The join tokens the mocked manager 0 hands out. */
export const MOCK_WORKER_TOKEN = "SWMTKN-1-0mock0worker0token0000000000000000000000000000-abcdefghijklmnopqrstuvwxy";
export const MOCK_MANAGER_TOKEN = "SWMTKN-1-0mock0manager0token000000000000000000000000000-zyxwvutsrqponmlkjihgfedcb";

function fakeBase64(name: string, salt: string): string {
  return crypto.createHash("sha256").update(`${salt}:${name}`).digest("base64");
}

/** The recorder's `outputs` function for the cluster tests. */
export function mockOutputs(args: pulumi.runtime.MockResourceArgs): MockState | undefined {
  const inputs = args.inputs as Record<string, unknown>;
  const id = `${args.name}-id`;
  switch (args.type) {
    case "tls:index/privateKey:PrivateKey": {
      if (inputs["algorithm"] === "RSA") {
        const key = rsaKey();
        return { id, state: { ...inputs, ...key, privateKeyOpenssh: key.privateKeyPem, publicKeyOpenssh: `ssh-rsa ${fakeBase64(args.name, "rsa")}` } };
      }
      return {
        id,
        state: {
          ...inputs,
          privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${fakeBase64(args.name, "pem")}\n-----END PRIVATE KEY-----\n`,
          privateKeyOpenssh: `-----BEGIN OPENSSH PRIVATE KEY-----\n${fakeBase64(args.name, "openssh")}\n-----END OPENSSH PRIVATE KEY-----\n`,
          publicKeyOpenssh: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5${fakeBase64(args.name, "pub")}\n`,
          publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${fakeBase64(args.name, "pubpem")}\n-----END PUBLIC KEY-----\n`,
        },
      };
    }
    case "tls:index/selfSignedCert:SelfSignedCert":
    case "tls:index/locallySignedCert:LocallySignedCert":
      return { id, state: { ...inputs, certPem: `-----BEGIN CERTIFICATE-----\n${fakeBase64(args.name, "cert")}\n-----END CERTIFICATE-----\n` } };
    case "tls:index/certRequest:CertRequest":
      return { id, state: { ...inputs, certRequestPem: `-----BEGIN CERTIFICATE REQUEST-----\n${fakeBase64(args.name, "csr")}\n-----END CERTIFICATE REQUEST-----\n` } };
    case "random:index/randomString:RandomString": {
      const length = typeof inputs["length"] === "number" ? inputs["length"] : 16;
      const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
      const digest = crypto.createHash("sha256").update(args.name).digest();
      const result = Array.from({ length }, (_, i) => alphabet[digest[i % digest.length]! % alphabet.length]).join("");
      return { id, state: { ...inputs, result } };
    }
    case "random:index/randomId:RandomId": {
      const hex = crypto.createHash("sha256").update(args.name).digest("hex").slice(0, 2 * Number(inputs["byteLength"] ?? 32));
      return { id, state: { ...inputs, hex } };
    }
    case "openstack:networking/port:Port":
      return { id, state: { ...inputs, allFixedIps: [privateAddressOf(args.name)] } };
    case "openstack:networking/floatingIp:FloatingIp":
      return { id, state: { ...inputs, address: publicAddressOf(args.name) } };
    case "openstack:networking/secGroup:SecGroup":
    case "openstack:compute/keypair:Keypair":
      return { id, state: { ...inputs } };
    case "aws:ec2/networkInterface:NetworkInterface":
      return { id, state: { ...inputs, privateIp: privateAddressOf(args.name) } };
    case "aws:ec2/eip:Eip":
      return { id, state: { ...inputs, publicIp: publicAddressOf(args.name) } };
    case "aws:ec2/launchTemplate:LaunchTemplate":
      return { id, state: { ...inputs, latestVersion: 1 } };
    case "command:remote:Command": {
      const create = typeof inputs["create"] === "string" ? inputs["create"] : "";
      if (create.includes("BEGIN PUBLIC KEY")) {
        const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(create)![0];
        const enc = (t: string) =>
          crypto.publicEncrypt({ key: pem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, Buffer.from(t)).toString("base64");
        return { id, state: { ...inputs, stdout: `${enc(MOCK_WORKER_TOKEN)}\n${enc(MOCK_MANAGER_TOKEN)}\n`, stderr: "" } };
      }
      return { id, state: { ...inputs, stdout: "", stderr: "" } };
    }
    default:
      return undefined;
  }
}

/** The recorder's `calls` function: network look-ups answer with an id. */
export function mockCalls(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
  if (args.token === "openstack:networking/getNetwork:getNetwork") {
    const inputs = args.inputs as Record<string, unknown>;
    return { ...inputs, id: typeof inputs["networkId"] === "string" ? inputs["networkId"] : "net-private-id", name: inputs["name"] ?? "private" };
  }
  return args.inputs as Record<string, unknown>;
}

/**
 * The number of resources on the longest chain of the recorded graph, following dependencies and parent edges:
 * how many resources must be created one after another.
 */
export function criticalPath(resources: readonly RecordedResource[]): number {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const memo = new Map<string, number>();
  const depth = (urn: string, seen: Set<string>): number => {
    const known = memo.get(urn);
    if (known !== undefined) return known;
    const r = byUrn.get(urn);
    if (!r || seen.has(urn)) return 0;
    seen.add(urn);
    const preds = [...r.dependencies, ...(r.parent ? [r.parent] : [])];
    const d = 1 + Math.max(0, ...preds.map((p) => depth(p, seen)));
    seen.delete(urn);
    memo.set(urn, d);
    return d;
  };
  return Math.max(0, ...resources.map((r) => depth(r.urn, new Set())));
}

/** Recorded resources as `type name` → inputs, for comparing two runs. */
export function inputsByName(resources: readonly RecordedResource[]): Map<string, string> {
  return new Map(resources.map((r) => [`${r.type} ${r.name}`, JSON.stringify({ inputs: r.inputs, secrets: r.secretPaths, deps: r.dependencies.slice().sort(), parent: r.parent })]));
}

/** What changed between two runs' {@link inputsByName}: resources added, removed, and kept with other inputs. */
export function diffInputs(a: Map<string, string>, b: Map<string, string>): { added: string[]; removed: string[]; changed: string[] } {
  return {
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
    changed: [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k)).sort(),
  };
}

/**
 * Runs one cluster program under the recorder and returns what it registered (each run stands for one `pulumi up`):
 * the recorder is reset, `build` creates the cluster and returns an output to await, and the security rules must
 * find nothing (with `adminCidrs` allowed).
 */
export async function recordRun(
  rec: Recorder,
  build: () => pulumi.Output<unknown>,
  adminCidrs: readonly string[],
): Promise<RecordedResource[]> {
  rec.reset();
  const out = build();
  await rec.settle();
  await new Promise((resolve) => out.apply(resolve));
  const resources = [...rec.resources];
  assertSecure(resources, adminCidrs);
  return resources;
}

/**
 * Asserts that every machine of a pool can be replaced alone: machine i's resources (those named `<prefix><i>...`)
 * are machine 0's once its own name, its address (`<addressPrefix><10+i>`) and its index are replaced by
 * placeholders, so its bootstrap depends only on cluster-level values; and nothing outside machine i depends on it.
 * Returns how many resources one machine has.
 */
export function assertReplaceableMachines(
  resources: readonly RecordedResource[],
  prefix: string,
  count: number,
  addressPrefix: string,
): number {
  const normalised = (i: number) =>
    resources
      .filter((r) => r.name.startsWith(`${prefix}${i}`))
      .map((r) =>
        JSON.stringify({ type: r.type, name: r.name, inputs: r.inputs, secrets: r.secretPaths, deps: r.dependencies, parent: r.parent })
          .replaceAll(`${prefix}${i}`, `${prefix}N`)
          .replaceAll(`${addressPrefix}${10 + i}`, "ADDR")
          .replace(/subnet-[ab]/g, "SUBNET")
          .replace(/INDEX=\d+/, "INDEX=N")
          .replace(/"index":\d+/, ""),
      )
      .sort();
  const reference = normalised(0);
  assert.ok(reference.length > 0, `no resources named ${prefix}0`);
  for (let i = 1; i < count; i++) assert.deepEqual(normalised(i), reference, `${prefix}${i} differs from ${prefix}0 beyond its index`);
  for (let i = 0; i < count; i++) {
    const own = new Set(resources.filter((r) => r.name.startsWith(`${prefix}${i}`)).map((r) => r.urn));
    const dependents = resources.filter((r) => !own.has(r.urn) && r.dependencies.some((d) => own.has(d)));
    assert.deepEqual(dependents.map((r) => r.name), [], `something outside ${prefix}${i} depends on it`);
  }
  return reference.length;
}
