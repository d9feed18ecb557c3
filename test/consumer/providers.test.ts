/**
 * Berth's dynamic providers as Pulumi stores and runs them, across machines: serialized from a user's project in
 * folder A (under plain mocks, from the installed tarball), then A deleted, and the stored text's create, read, diff
 * and delete run in a plain `node` process in folder B, which installed the same project, against the real dockerd,
 * as Pulumi's dynamic-provider host would on another machine running `pulumi up`, `refresh` or `destroy`. Then Berth
 * is upgraded in place in B and the same stored text runs again; and the texts serialized by an earlier Berth
 * (fixtures/dynamic-protocol-1/, BERTH_UPDATE_GOLDEN=1 rewrites them) run against this one.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { Engine } from "../../src/docker/engine";
import { testEngine, uniqueName } from "../helpers/engine";
import { PULUMI_TEMPLATE_TSCONFIG, createProject, installOffline, workspace } from "./workspace";

const { engine: te, skip } = testEngine();
const exec = promisify(execFile);
const FIXTURES = path.join(__dirname, "fixtures", "dynamic-protocol-1");
const KINDS = { "waits-ready": "readiness", "imported-image": "image-import", "adopted-adopted": "container-adoption" } as const;

describe("dynamic providers serialized in folder A run from folder B", { skip }, () => {
  const ws = workspace();
  const a = path.join(ws.dir, "provider-a");
  const b = path.join(ws.dir, "provider-b");
  let engine: Engine;
  const containers: string[] = [];
  const stored: Record<string, { text: string; inputs: Record<string, unknown> }> = {};
  let adoptName = "";
  let sleeper = "";

  /** Runs one method of a stored provider text in a plain node process in B. */
  async function call(text: string, method: string, ...args: unknown[]): Promise<unknown> {
    const file = path.join(b, `provider-${Math.random().toString(36).slice(2)}.js`);
    const argsFile = `${file}.args.json`;
    fs.writeFileSync(file, text);
    fs.writeFileSync(argsFile, JSON.stringify(args));
    try {
      const { stdout } = await exec(process.execPath, [path.join(b, "run-serialized.js"), file, method, argsFile], { cwd: b, env: { PATH: process.env["PATH"] ?? "" } });
      return JSON.parse(stdout) as unknown;
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`${method} failed in B:\n${e.stderr ?? e.message}`);
    } finally {
      fs.rmSync(file, { force: true });
      fs.rmSync(argsFile, { force: true });
    }
  }

  async function runContainer(name: string): Promise<string> {
    const c = await engine.docker.createContainer({ name, Image: te!.image, Cmd: ["sleep", "1000"] });
    containers.push(c.id);
    await c.start();
    return c.id;
  }

  before(async () => {
    engine = new Engine({ url: te!.host });
    adoptName = uniqueName("berth-consumer-adopt");
    await runContainer(adoptName);
    createProject(a, "provider-test", ws.tarball, PULUMI_TEMPLATE_TSCONFIG);
    fs.copyFileSync(path.join(__dirname, "files", "serialize-providers.ts"), path.join(a, "serialize-providers.ts"));
    const out = path.join(ws.dir, "stored-providers.json");
    execFileSync(process.execPath, ["--import", "tsx", "serialize-providers.ts", out], {
      cwd: a,
      env: { ...process.env, ADOPT_NAME: adoptName },
      stdio: "pipe",
    });
    const dynamic = JSON.parse(fs.readFileSync(out, "utf8")) as Record<string, Record<string, unknown>>;
    for (const name of Object.keys(KINDS)) {
      const { __provider, ...inputs } = dynamic[name] ?? {};
      assert.equal(typeof __provider, "string", `${name} was serialized`);
      stored[name] = { text: String(__provider), inputs };
    }
    // B: the same project installed elsewhere; then A disappears, as the machine that ran `pulumi up` would.
    createProject(b, "provider-test", ws.tarball, PULUMI_TEMPLATE_TSCONFIG);
    fs.copyFileSync(path.join(__dirname, "files", "run-serialized.js"), path.join(b, "run-serialized.js"));
    fs.rmSync(a, { recursive: true, force: true });
  });

  after(async () => {
    for (const id of containers) await engine.docker.getContainer(id).remove({ force: true }).catch(() => undefined);
    await engine.docker.getImage("berth-consumer/imported:v1").remove({ force: true }).catch(() => undefined);
  });

  test("the stored texts name Berth by package only: no path of folder A, of the checkout or of any machine", () => {
    for (const [name, s] of Object.entries(stored)) {
      assert.ok(!s.text.includes(a), `${name}: no path of A`);
      assert.ok(!s.text.includes(path.join(__dirname, "..", "..")), `${name}: no path of the checkout`);
      assert.doesNotMatch(s.text, /require\("[./]/, `${name}: no relative or absolute require`);
      assert.match(s.text, /require\("berth\/dynamic"\)/, name);
    }
  });

  async function lifecycle(texts: Record<string, string>, label: string): Promise<void> {
    // Tarball import: create, read, an unchanged diff, delete (DockerContainer keeps imported images: keepLocally).
    const imp = stored["imported-image"]!.inputs;
    const created = (await call(texts["imported-image"]!, "create", imp)) as { id: string; outs: Record<string, unknown> };
    assert.match(String(created.outs["imageId"]), /^sha256:[0-9a-f]{64}$/, label);
    assert.ok(await engine.imageByRef("berth-consumer/imported:v1"), `${label}: the image exists after create`);
    assert.deepEqual(await call(texts["imported-image"]!, "read", created.id, created.outs), { id: created.id, props: created.outs }, label);
    assert.deepEqual(await call(texts["imported-image"]!, "diff", created.id, created.outs, imp), { changes: false, replaces: [], deleteBeforeReplace: false }, label);
    assert.equal(created.outs["keepLocally"], true, label);
    await call(texts["imported-image"]!, "delete", created.id, created.outs);
    assert.ok(await engine.imageByRef("berth-consumer/imported:v1"), `${label}: delete kept the image, as keepLocally says`);
    await engine.docker.getImage("berth-consumer/imported:v1").remove({ force: true });

    // Readiness: waits for the process of a real container; delete stops it and confirms the exit.
    sleeper = await runContainer(uniqueName("berth-consumer-wait"));
    const wait = { ...stored["waits-ready"]!.inputs, containerId: sleeper };
    const ready = (await call(texts["waits-ready"]!, "create", wait)) as { id: string; outs: Record<string, unknown> };
    assert.equal(ready.outs["ready"], true, label);
    assert.deepEqual(await call(texts["waits-ready"]!, "read", ready.id, ready.outs), { id: ready.id, props: ready.outs }, label);
    assert.deepEqual(await call(texts["waits-ready"]!, "diff", ready.id, ready.outs, wait), { changes: false, replaces: [] }, label);
    await call(texts["waits-ready"]!, "delete", ready.id, ready.outs);
    assert.equal((await engine.inspect(sleeper))?.running, false, `${label}: delete stopped the container`);

    // Adoption: finds the container by its exact name; delete leaves it running.
    const adopt = stored["adopted-adopted"]!.inputs;
    const found = (await call(texts["adopted-adopted"]!, "create", adopt)) as { id: string; outs: Record<string, unknown> };
    assert.equal(found.outs["containerName"], adoptName, label);
    const read = (await call(texts["adopted-adopted"]!, "read", found.id, found.outs)) as { id: string };
    assert.equal(read.id, found.id, label);
    assert.deepEqual(await call(texts["adopted-adopted"]!, "diff", found.id, found.outs, adopt), { changes: false, replaces: [] }, label);
    await call(texts["adopted-adopted"]!, "delete", found.id, found.outs);
    assert.equal((await engine.findContainer(adoptName))?.running, true, `${label}: the adopted container is never stopped`);
  }

  test("create, read, diff and delete run from B, against the real engine, with A gone", async () => {
    assert.equal(fs.existsSync(a), false);
    await lifecycle(Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v.text])), "from B");
    if (process.env["BERTH_UPDATE_GOLDEN"] === "1") {
      fs.mkdirSync(FIXTURES, { recursive: true });
      for (const [name, kind] of Object.entries(KINDS)) fs.writeFileSync(path.join(FIXTURES, `${kind}.js`), stored[name]!.text);
    }
  });

  test("after Berth is upgraded in place in B, the texts stored by the old version still run, as do an earlier Berth's", async () => {
    // A newer Berth: the same package with a higher version, installed over the old one in B.
    const unpacked = path.join(ws.dir, "upgrade");
    fs.rmSync(unpacked, { recursive: true, force: true });
    fs.mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", ws.tarball, "-C", unpacked]);
    const pkgFile = path.join(unpacked, "package", "package.json");
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { version: string };
    pkg.version = `${pkg.version.replace(/-.*$/, "")}-upgraded.1`;
    fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
    const newer = path.join(ws.dir, `berth-${pkg.version}.tgz`);
    execFileSync("tar", ["-czf", newer, "-C", unpacked, "package"]);
    const projectPkg = JSON.parse(fs.readFileSync(path.join(b, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    projectPkg.dependencies["berth"] = `file:${path.relative(b, newer)}`;
    fs.writeFileSync(path.join(b, "package.json"), JSON.stringify(projectPkg, null, 4));
    installOffline(b, newer);
    const installed = JSON.parse(fs.readFileSync(path.join(b, "node_modules", "berth", "package.json"), "utf8")) as { version: string };
    assert.equal(installed.version, pkg.version);
    await lifecycle(Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v.text])), "after the upgrade");
    const earlier = Object.fromEntries(Object.entries(KINDS).map(([name, kind]) => [name, fs.readFileSync(path.join(FIXTURES, `${kind}.js`), "utf8")]));
    await lifecycle(earlier, "texts an earlier Berth stored (fixtures)");
  });
});
