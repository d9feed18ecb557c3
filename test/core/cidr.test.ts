// CIDR blocks: well-formed IPv4 and IPv6 blocks accepted, every malformed shape refused (generated), and containment.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cidrContains, isCidr, isIpv6Cidr, parseCidr } from "../../src/core/cidr";

const good: [string, 4 | 6, number][] = [
  ["203.0.113.0/24", 4, 24],
  ["0.0.0.0/0", 4, 0],
  ["10.1.2.3/32", 4, 32],
  ["::/0", 6, 0],
  ["2001:db8::/48", 6, 48],
  ["2001:db8::1/128", 6, 128],
  ["::ffff:192.0.2.0/120", 6, 120],
  ["FE80::/10", 6, 10],
];
for (const [cidr, family, prefix] of good) {
  test(`parseCidr(${cidr})`, () => assert.deepEqual(parseCidr(cidr), { address: cidr.slice(0, cidr.indexOf("/")), family, prefix }));
}

const bad = [
  "::::::/64",
  ":::/64",
  "1::2::3/64",
  "2001:db8::/129",
  "2001:db8:::/48",
  "12345::/16",
  "fe80::1%eth0/64",
  "10.0.0.0/33",
  "256.0.0.0/8",
  "10.0.0/8",
  "10.0.0.0.0/8",
  "010.0.0.0/8",
  "10.0.0.0",
  "10.0.0.0/",
  "10.0.0.0/-1",
  "10.0.0.0/08",
  "10.0.0.0/8/8",
  " 10.0.0.0/8",
  "10.0.0.0/8 ",
  "office",
  "/24",
  "",
];
for (const cidr of bad) test(`isCidr(${JSON.stringify(cidr)}) is false`, () => assert.equal(isCidr(cidr), false));

test("every run of 2 to 12 colons with no hex digits is refused, whatever the prefix", () => {
  for (let n = 2; n <= 12; n++) for (const prefix of [0, 1, 64, 128]) if (n !== 2) assert.equal(isCidr(`${":".repeat(n)}/${prefix}`), false, `${n} colons /${prefix}`);
  assert.equal(isCidr("::/64"), true);
});

test("isIpv6Cidr tells the families apart and refuses malformed blocks", () => {
  assert.equal(isIpv6Cidr("2001:db8::/32"), true);
  assert.equal(isIpv6Cidr("10.0.0.0/8"), false);
  assert.equal(isIpv6Cidr("::::::/64"), false);
});

const contains: [string, string, boolean][] = [
  ["10.0.0.0/8", "10.255.0.1", true],
  ["10.0.0.0/8", "11.0.0.1", false],
  ["0.0.0.0/0", "198.51.100.7", true],
  ["2001:db8::/32", "2001:db8:1::1", true],
  ["2001:db8::/32", "2001:db9::1", false],
  ["10.0.0.0/8", "2001:db8::1", false],
  ["::::::/64", "::1", false],
  ["10.0.0.0/8", "not an address", false],
];
for (const [cidr, address, ok] of contains) test(`cidrContains(${cidr}, ${address}) is ${ok}`, () => assert.equal(cidrContains(cidr, address), ok));
