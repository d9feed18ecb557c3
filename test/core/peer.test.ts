// Optional peers: every module that uses a peer package loads it through core/peer (no static import anywhere in
// src), the table names only peers package.json declares optional, and a missing peer is an error naming the package
// and the install command while other load failures pass through unchanged.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { loadPeer, missingPeerMessage, PEER_USES, type PeerUser } from "../../src/core/peer";

const root = path.resolve(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const PEERS = ["@pulumi/aws", "@pulumi/openstack", "@pulumi/kubernetes"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

test("package.json: each peer is an optional peer dependency, a dev dependency, and not a dependency", () => {
  for (const name of PEERS) {
    assert.ok(pkg.peerDependencies[name], `${name} in peerDependencies`);
    assert.equal(pkg.peerDependenciesMeta[name]?.optional, true, `${name} optional`);
    assert.equal(pkg.devDependencies[name], pkg.peerDependencies[name], `${name} in devDependencies at the same range`);
    assert.equal(pkg.dependencies[name], undefined, `${name} not in dependencies`);
  }
  for (const use of Object.values(PEER_USES)) assert.ok(PEERS.includes(use.peer));
});

test("no file of src imports a peer as a value; every file that uses one is in the table and loads it by its own key", () => {
  const src = path.join(root, "src");
  const users = new Set<string>();
  for (const file of sources(src)) {
    const text = readFileSync(file, "utf8");
    const key = path.relative(src, file).replace(/\\/g, "/").replace(/\.ts$/, "");
    for (const name of PEERS) {
      const valueImport = new RegExp(`^import (?!type )[^;]*from "${name}"|require\\("${name}"\\)`, "m");
      assert.doesNotMatch(text, valueImport, `${key} imports ${name} as a value`);
    }
    for (const m of text.matchAll(/loadPeer<[^>]*>\("([^"]+)"\)/g)) {
      assert.equal(m[1], key, `${key} loads a peer under the key of another module`);
      users.add(m[1]!);
    }
  }
  assert.deepEqual([...users].sort(), Object.keys(PEER_USES).sort());
});

const keys = Object.keys(PEER_USES) as PeerUser[];
for (const user of keys) {
  test(`a missing peer for ${user} names ${PEER_USES[user].peer} and the install command`, () => {
    const name = PEER_USES[user].peer;
    const missing = (n: string): never => {
      throw Object.assign(new Error(`Cannot find module '${n}'\nRequire stack:\n- x.js`), { code: "MODULE_NOT_FOUND" });
    };
    assert.throws(() => loadPeer(user, missing), (e: Error) => e.message === missingPeerMessage(user));
    assert.match(missingPeerMessage(user), new RegExp(`needs ${name}.*npm install ${name}$`));
  });
}

test("a peer that is installed loads; a failure inside it is not reported as missing", () => {
  const loaded = loadPeer<{ ok: boolean }>("cloud/aws/site", () => ({ ok: true }));
  assert.deepEqual(loaded, { ok: true });
  const inner = (): never => {
    throw Object.assign(new Error("Cannot find module 'some-dependency-of-aws'"), { code: "MODULE_NOT_FOUND" });
  };
  assert.throws(() => loadPeer("cloud/aws/site", inner), /some-dependency-of-aws/);
  const broken = (): never => {
    throw new SyntaxError("Unexpected token");
  };
  assert.throws(() => loadPeer("kubernetes/workload", broken), SyntaxError);
});

test("the real loader loads an installed peer", () => {
  const k8s = loadPeer<{ Provider: unknown }>("kubernetes/cluster");
  assert.equal(typeof k8s.Provider, "function");
});

test("requiring any subpath (and the root) loads none of the peers until a resource that needs one is created", () => {
  for (const sub of ["", "/docker", "/swarm", "/kubernetes", "/mesos", "/cloud", "/blueprint", "/security", "/testing"]) {
    const script = `require("./src${sub}");
      process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((p) => /node_modules\\/@pulumi\\/(aws|openstack|kubernetes)\\//.test(p))));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: root, encoding: "utf8" })) as string[];
    assert.deepEqual(loaded, [], `berth${sub}`);
  }
});
