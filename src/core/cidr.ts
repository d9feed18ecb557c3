/**
 * CIDR blocks (`203.0.113.0/24`, `2001:db8::/48`), read with Node's own address parser (`node:net`), so every
 * address form Node accepts is accepted and nothing else (`::::::/64`, `256.0.0.0/8`, `10.0.0.0/33` are not).
 */
import { BlockList, isIP } from "node:net";

/** A CIDR block's address, family and prefix length. */
export interface Cidr {
  /** The address as written. */
  address: string;
  /** 4 or 6. */
  family: 4 | 6;
  /** The prefix length (0 to 32 for IPv4, 0 to 128 for IPv6). */
  prefix: number;
}

/** Reads `ADDRESS/PREFIX`; undefined when it is not a CIDR block. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  const family = isIP(address);
  if ((family !== 4 && family !== 6) || address.includes("%") || !/^(0|[1-9][0-9]{0,2})$/.test(bits)) return undefined;
  const prefix = Number(bits);
  if (prefix > (family === 4 ? 32 : 128)) return undefined;
  return { address, family, prefix };
}

/** True when `text` is a well-formed IPv4 or IPv6 CIDR block. */
export function isCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** True for an IPv6 CIDR block. */
export function isIpv6Cidr(text: string): boolean {
  return parseCidr(text)?.family === 6;
}

/** True when `address` (an IPv4 or IPv6 address) lies in the CIDR block `cidr`; false when either is malformed. */
export function cidrContains(cidr: string, address: string): boolean {
  const block = parseCidr(cidr);
  const family = isIP(address);
  if (!block || family === 0) return false;
  const list = new BlockList();
  list.addSubnet(block.address, block.prefix, block.family === 4 ? "ipv4" : "ipv6");
  return list.check(address, family === 4 ? "ipv4" : "ipv6");
}
