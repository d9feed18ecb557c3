// Plugin versions with PEP 440 semantics: orderings as a table (rc2 < rc10, post after the release, dev first), every
// operator and wildcard, constraints that cannot be read, and a sort of generated versions checked against pairs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { comparePluginVersions, parsePluginVersion, parseVersionConstraint, satisfiesVersion } from "../../src/core/plugin-version";

/** Each row is in ascending order. */
const ascending: string[][] = [
  ["1.0rc2", "1.0rc10"],
  ["1.0a1", "1.0b1", "1.0rc1", "1.0"],
  ["1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a1.post1", "1.0", "1.0.post1.dev1", "1.0.post1", "1.0.post2", "1.1"],
  ["1.0", "1.0+local.1", "1.0+local.2", "1.0.post1"],
  ["3.2", "3.3.1", "4.1m1", "4.1", "4.10", "7.1.0.dev1", "7.1"],
  ["1.9", "1.10", "1.10.1", "2!0.1"],
  ["2.0b1", "2.0c2", "2.0rc3"],
];
for (const row of ascending) {
  test(`versions ascend: ${row.join(" < ")}`, () => {
    for (let i = 0; i < row.length; i++) {
      for (let j = 0; j < row.length; j++) {
        const want = Math.sign(i - j);
        assert.equal(Math.sign(comparePluginVersions(row[i]!, row[j]!)), want, `${row[i]} vs ${row[j]}`);
      }
    }
  });
}

const equal: [string, string][] = [
  ["2.0", "2.0.0"],
  ["1.0-1", "1.0.post1"],
  ["1.0RC1", "1.0rc1"],
  ["1.0-alpha.1", "1.0a1"],
  ["v1.2", "1.2"],
  ["1.0.dev", "1.0.dev0"],
];
for (const [a, b] of equal) test(`${a} == ${b}`, () => assert.equal(comparePluginVersions(a, b), 0));

const cases: [string, string, boolean][] = [
  [">=1.0", "1.0.post1", true],
  [">=1.0", "1.0rc1", false],
  [" >=1.22.1", "2.0.6", true],
  [">= 1.22.1", "1.9.0", false],
  ["!=2.11.0", "2.11.0", false],
  ["!=2.11.0", "2.13.16", true],
  ["2.14.26", "2.14.26", true],
  ["=2.14.26", "2.14.26", true],
  ["==3.0", "3.0.0", true],
  ["==3.0", "3.0+build.5", true],
  ["==3.0+build.5", "3.0", false],
  [">=2.0,<3", "2.14.26", true],
  [">=2.0,<3", "3.3.5", false],
  ["<3", "3.0rc1", false],
  ["<3rc2", "3.0rc1", true],
  [">1.0", "1.0.post1", false],
  [">1.0.post1", "1.0.post2", true],
  [">1.0", "1.0.1", true],
  ["<=1.0", "1.0", true],
  ["<=1.0", "1.0.post1", false],
  ["~=2.7", "2.13.16", true],
  ["~=2.7", "3.0", false],
  ["~=2.7.0", "2.13.16", false],
  ["~=2.7.0", "2.7.9", true],
  ["~=2.7.1", "2.7.0", false],
  ["==1.2.*", "1.2", true],
  ["==1.2.*", "1.2.9", true],
  ["==1.2.*", "1.2rc1", true],
  ["==1.2.*", "1.3", false],
  ["==1.2.*", "1.20", false],
  ["!=1.2.*", "1.3", true],
  ["!=1.2.*", "1.2.1", false],
  ["===1.0", "1.0", true],
  ["===1.0", "1.0.0", false],
  ["", "0.1", true],
];
for (const [c, v, ok] of cases) {
  test(`${JSON.stringify(v)} ${ok ? "satisfies" : "does not satisfy"} ${JSON.stringify(c)}`, () => {
    const clauses = parseVersionConstraint(c);
    assert.ok(clauses, c);
    assert.equal(satisfiesVersion(v, clauses), ok);
  });
}

const unreadable = [">=banana", "<>1.0", ">=1.2.*", "~=1.*", "~=1", "==1.2rc1.*", ">=", "=>1.0"];
for (const c of unreadable) test(`parseVersionConstraint(${JSON.stringify(c)}) cannot be read`, () => assert.equal(parseVersionConstraint(c), undefined));

test("parsePluginVersion reads every part", () => {
  assert.deepEqual(parsePluginVersion("1!2.3rc4.post5.dev6+ubuntu.7"), { epoch: 1, release: [2, 3], pre: { rank: 3, tag: "rc", n: 4 }, post: 5, dev: 6, local: ["ubuntu", 7] });
  assert.deepEqual(parsePluginVersion("4.1m1"), { epoch: 0, release: [4, 1], pre: { rank: 0, tag: "m", n: 1 } });
  assert.equal(parsePluginVersion("latest"), undefined);
});

test("sorting generated versions agrees with every pairwise comparison and puts rc numbers in numeric order", () => {
  const versions: string[] = [];
  for (const base of ["1.0", "1.2", "1.10", "2.0.0"]) {
    for (const suffix of ["", "a1", "a12", "b2", "rc2", "rc10", ".post1", ".post10", ".dev3", "rc1.dev1", "+l.1"]) versions.push(base + suffix);
  }
  const sorted = [...versions].sort(comparePluginVersions);
  for (let i = 1; i < sorted.length; i++) assert.ok(comparePluginVersions(sorted[i - 1]!, sorted[i]!) <= 0, `${sorted[i - 1]} <= ${sorted[i]}`);
  for (const base of ["1.0", "1.2", "1.10", "2.0.0"]) assert.ok(sorted.indexOf(`${base}rc2`) < sorted.indexOf(`${base}rc10`), base);
});
