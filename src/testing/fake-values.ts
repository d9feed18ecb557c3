/**
 * Deterministic, plausible stand-ins for values a cloud or engine would assign at deployment: the same resource always
 * gets the same value, so previews are stable enough to diff and to keep as golden files. Every address comes from the
 * documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and every AWS account is the
 * documentation account 123456789012, so nothing here can point at a real machine.
 */
import { createHash } from "node:crypto";

/** The AWS account id used in every mock ARN (the one AWS's own documentation uses). */
export const PREVIEW_AWS_ACCOUNT = "123456789012";

/** The three RFC 5737 documentation networks, by the role the preview gives them. */
export const DOCUMENTATION_NETWORKS = {
  /** Private (VPC, tenant network) addresses. */
  private: "192.0.2",
  /** Container and service addresses on an engine. */
  container: "198.51.100",
  /** Public (floating, elastic) addresses. */
  public: "203.0.113",
} as const;

/** `length` lowercase hex characters derived from `seed` (sha256, repeated as needed). */
export function fakeHex(seed: string, length: number): string {
  let out = "";
  let round = 0;
  while (out.length < length) {
    out += createHash("sha256").update(`${seed}#${round}`).digest("hex");
    round++;
  }
  return out.slice(0, length);
}

/** A version-4-shaped UUID derived from `seed`. */
export function fakeUuid(seed: string): string {
  const h = fakeHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An IPv4 address in one of the documentation networks, host part 10–249, derived from `seed`. */
export function fakeIpv4(seed: string, network: keyof typeof DOCUMENTATION_NETWORKS): string {
  const host = 10 + (Number.parseInt(fakeHex(seed, 4), 16) % 240);
  return `${DOCUMENTATION_NETWORKS[network]}.${host}`;
}

/** A docker content id: `sha256:` and 64 hex characters. */
export function fakeSha256(seed: string): string {
  return `sha256:${fakeHex(seed, 64)}`;
}

/** An AWS-style id: `prefix-` and 17 hex characters (`i-0abc…`, `sg-…`, `vpc-…`). */
export function fakeAwsId(prefix: string, seed: string): string {
  return `${prefix}-0${fakeHex(seed, 16)}`;
}

/** An ARN: `arn:aws:service:region:account:resource` (region empty for global services such as IAM and S3). */
export function fakeArn(service: string, region: string, resource: string, account = PREVIEW_AWS_ACCOUNT): string {
  return `arn:aws:${service}:${region}:${account}:${resource}`;
}
