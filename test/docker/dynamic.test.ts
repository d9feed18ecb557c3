/**
 * The dynamic providers (image import, readiness, adoption) driven directly, as Pulumi's dynamic provider host
 * drives them, against the real Docker engine; and their serialized form run in a plain node process.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { containerAdoptionProvider } from "../../src/docker/adoption";
import { Engine } from "../../src/docker/engine";
import { type ImageImportInputs, imageImportProvider } from "../../src/docker/image-import";
import { containerAdoptionImpl } from "../../src/docker/providers/adoption";
import { imageImportImpl } from "../../src/docker/providers/image-import";
import { readinessImpl } from "../../src/docker/providers/readiness";
import { type ReadinessInputs, readinessProvider } from "../../src/docker/readiness";
import { testEngine, uniqueName } from "../helpers/engine";

const { engine: te, skip } = testEngine();

describe("dynamic providers against a real Docker engine", { skip }, () => {
  let engine: Engine;
  const containers: string[] = [];
  const images: string[] = [];
  let scratch = "";

  before(() => {
    engine = new Engine({ url: te!.host });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "berth-dynamic-"));
  });
  after(async () => {
    for (const id of containers) await engine.docker.getContainer(id).remove({ force: true }).catch(() => undefined);
    for (const ref of images) await engine.docker.getImage(ref).remove({ force: true }).catch(() => undefined);
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function run(script: string, name = uniqueName("berth-dyn")): Promise<string> {
    const c = await engine.docker.createContainer({ name, Image: te!.image, Cmd: ["sh", "-c", script] });
    containers.push(c.id);
    await c.start();
    return c.id;
  }

  test("image import: create, idempotent re-create, diff on content, delete", async () => {
    const src = path.join(scratch, "image.tar");
    fs.copyFileSync(te!.tarball, src);
    const repository = uniqueName("berth-dyn/import");
    images.push(`${repository}:v1`);
    const inputs: ImageImportInputs = { host: { url: te!.host }, src, repository, tag: "v1", keepLocally: false };
    const created = await imageImportImpl.create(inputs);
    images.push(created.outs.imageId); // untagged once the changed tarball is imported under the same tag
    assert.match(created.id, new RegExp(`^${repository}:v1@sha256:[0-9a-f]{64}$`));
    assert.equal(created.outs.repoTag, `${repository}:v1`);
    assert.equal((await engine.imageByRef(`${repository}:v1`))?.id, created.outs.imageId);
    const again = await imageImportImpl.create(inputs);
    assert.deepEqual(again, created, "the same content is not imported twice");
    assert.deepEqual(await imageImportImpl.diff(created.id, created.outs, inputs), {
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await imageImportImpl.diff(created.id, created.outs, { ...inputs, keepLocally: true }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await imageImportImpl.read(created.id, created.outs), { id: created.id, props: created.outs });
    // Two zero blocks more: still a valid tar, different bytes.
    fs.appendFileSync(src, Buffer.alloc(1024));
    assert.deepEqual(await imageImportImpl.diff(created.id, created.outs, inputs), {
      changes: true,
      replaces: ["contentHash"],
      deleteBeforeReplace: true,
    });
    const replaced = await imageImportImpl.create(inputs);
    assert.notEqual(replaced.outs.contentHash, created.outs.contentHash);
    assert.notEqual(replaced.outs.imageId, created.outs.imageId);
    await imageImportImpl.delete(replaced.id, replaced.outs);
    assert.equal(await engine.imageByRef(`${repository}:v1`), undefined, "keepLocally: false removes the tag");
    assert.deepEqual(await imageImportImpl.read(replaced.id, replaced.outs), {});
  });

  test("image import: keepLocally leaves the image on delete", async () => {
    const repository = uniqueName("berth-dyn/keep");
    images.push(`${repository}:latest`);
    const created = await imageImportImpl.create({ host: { url: te!.host }, src: te!.tarball, repository, tag: "latest", keepLocally: true });
    await imageImportImpl.delete(created.id, created.outs);
    assert.equal((await engine.imageByRef(`${repository}:latest`))?.id, created.outs.imageId);
  });

  test("readiness: waits, diffs on the container id, and its delete stops the container", async () => {
    const id = await run("sleep 2; exec httpd -f -p 8080");
    const inputs: ReadinessInputs = {
      host: { url: te!.host },
      containerId: id,
      processes: ["httpd"],
      ports: [8080],
      logPattern: "",
      retryInterval: 1,
      timeout: 30,
      stopTimeout: 1,
      stopRetryInterval: 1,
    };
    const created = await readinessImpl.create(inputs);
    assert.deepEqual(created, { id: `${id}-ready`, outs: { ...inputs, ready: true } });
    assert.deepEqual(await readinessImpl.diff(created.id, created.outs, inputs), { changes: false, replaces: [] });
    assert.deepEqual(await readinessImpl.diff(created.id, created.outs, { ...inputs, containerId: "other" }), {
      changes: true,
      replaces: ["containerId"],
    });
    assert.deepEqual(await readinessImpl.diff(created.id, created.outs, { ...inputs, processes: ["httpd", "sh"] }), {
      changes: true,
      replaces: [],
    });
    const updated = await readinessImpl.update(created.id, created.outs, { ...inputs, stopRetryInterval: 2 });
    assert.deepEqual(updated.outs, { ...inputs, stopRetryInterval: 2, ready: true });
    assert.deepEqual(await readinessImpl.read(created.id, created.outs), { id: created.id, props: created.outs });
    await readinessImpl.delete(created.id, created.outs);
    const facts = await engine.inspect(id);
    assert.equal(facts?.running, false, "the delete path stops the container");
    assert.equal(facts?.exitCode, 137);
  });

  test("readiness: a wait that fails fails the create with the container's logs", async () => {
    const id = await run("echo no server here; exit 2");
    await assert.rejects(
      readinessImpl.create({
        host: { url: te!.host },
        containerId: id,
        processes: ["httpd"],
        ports: [],
        logPattern: "",
        retryInterval: 1,
        timeout: 30,
        stopTimeout: 1,
        stopRetryInterval: 1,
      }),
      /exited with code 2; processes not running: httpd\n {2}last 20 log lines:\n {4}no server here/,
    );
  });

  test("adoption: finds the exact name, survives its delete path, and a missing name is an error", async () => {
    const name = uniqueName("berth-dyn-adopt");
    const id = await run("exec sleep 1000", name);
    await run("exec sleep 1000", `${name}-newer`);
    const created = await containerAdoptionImpl.create({ host: { url: te!.host }, name });
    assert.equal(created.id, id);
    assert.equal(created.outs.containerId, id);
    assert.equal(created.outs.containerName, name);
    assert.equal(created.outs.running, true);
    assert.match(created.outs.ipAddress, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(created.outs.imageId, (await engine.docker.getContainer(id).inspect()).Image);
    assert.deepEqual(await containerAdoptionImpl.diff(id, created.outs, { host: { url: te!.host }, name }), {
      changes: false,
      replaces: [],
    });
    await containerAdoptionImpl.delete();
    const after = await engine.inspect(id);
    assert.equal(after?.running, true, "the adopted container is still running after the delete path");
    await assert.rejects(
      containerAdoptionImpl.create({ host: { url: te!.host }, name: `${name}-missing` }),
      new RegExp(`useExternalResource: no container named exactly "${name}-missing" exists on unix://`),
    );
  });

  test("a serialized provider holds no path of this machine and runs by package name in a plain node process", async () => {
    const name = uniqueName("berth-dyn-serial");
    const id = await run("exec sleep 1000", name);
    // A project folder where `berth` is installed (a link to this checkout, whose dist/ the build made).
    const project = path.join(scratch, "project");
    fs.mkdirSync(path.join(project, "node_modules"), { recursive: true });
    fs.symlinkSync(path.resolve(__dirname, "../.."), path.join(project, "node_modules", "berth"));
    for (const provider of [containerAdoptionProvider, imageImportProvider, readinessProvider]) {
      const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
      assert.ok(!serialized.text.includes(path.resolve(__dirname, "../..")), "no absolute path of the checkout");
      assert.ok(!serialized.text.includes(os.tmpdir()), "no temp path");
      assert.match(serialized.text, /require\("berth\/dynamic"\)/);
      fs.writeFileSync(path.join(project, `${serialized.exportName}-${provider === readinessProvider ? "r" : provider === imageImportProvider ? "i" : "a"}.js`), serialized.text);
    }
    // As Pulumi's dynamic provider host does: load the text as a module and call the handler's methods.
    const file = fs.readdirSync(project).find((f) => f.endsWith("-a.js"))!;
    const script = `const p = require(${JSON.stringify(`./${file}`)}).handler();
      p.create({ host: { url: ${JSON.stringify(te!.host)} }, name: ${JSON.stringify(name)} })
        .then((r) => process.stdout.write(JSON.stringify({ id: r.id, keys: Object.keys(p).sort() })), (e) => { console.error(e); process.exit(1); });`;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { cwd: project });
    assert.deepEqual(JSON.parse(stdout), { id, keys: ["create", "delete", "diff", "read", "update"] });
  });
});
