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
    const created = await imageImportProvider.create(inputs);
    images.push(created.outs.imageId); // untagged once the changed tarball is imported under the same tag
    assert.match(created.id, new RegExp(`^${repository}:v1@sha256:[0-9a-f]{64}$`));
    assert.equal(created.outs.repoTag, `${repository}:v1`);
    assert.equal((await engine.imageByRef(`${repository}:v1`))?.id, created.outs.imageId);
    const again = await imageImportProvider.create(inputs);
    assert.deepEqual(again, created, "the same content is not imported twice");
    assert.deepEqual(await imageImportProvider.diff(created.id, created.outs, inputs), {
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await imageImportProvider.diff(created.id, created.outs, { ...inputs, keepLocally: true }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await imageImportProvider.read(created.id, created.outs), { id: created.id, props: created.outs });
    // Two zero blocks more: still a valid tar, different bytes.
    fs.appendFileSync(src, Buffer.alloc(1024));
    assert.deepEqual(await imageImportProvider.diff(created.id, created.outs, inputs), {
      changes: true,
      replaces: ["contentHash"],
      deleteBeforeReplace: true,
    });
    const replaced = await imageImportProvider.create(inputs);
    assert.notEqual(replaced.outs.contentHash, created.outs.contentHash);
    assert.notEqual(replaced.outs.imageId, created.outs.imageId);
    await imageImportProvider.delete(replaced.id, replaced.outs);
    assert.equal(await engine.imageByRef(`${repository}:v1`), undefined, "keepLocally: false removes the tag");
    assert.deepEqual(await imageImportProvider.read(replaced.id, replaced.outs), {});
  });

  test("image import: keepLocally leaves the image on delete", async () => {
    const repository = uniqueName("berth-dyn/keep");
    images.push(`${repository}:latest`);
    const created = await imageImportProvider.create({ host: { url: te!.host }, src: te!.tarball, repository, tag: "latest", keepLocally: true });
    await imageImportProvider.delete(created.id, created.outs);
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
    const created = await readinessProvider.create(inputs);
    assert.deepEqual(created, { id: `${id}-ready`, outs: { ...inputs, ready: true } });
    assert.deepEqual(await readinessProvider.diff(created.id, created.outs, inputs), { changes: false, replaces: [] });
    assert.deepEqual(await readinessProvider.diff(created.id, created.outs, { ...inputs, containerId: "other" }), {
      changes: true,
      replaces: ["containerId"],
    });
    assert.deepEqual(await readinessProvider.diff(created.id, created.outs, { ...inputs, processes: ["httpd", "sh"] }), {
      changes: true,
      replaces: [],
    });
    const updated = await readinessProvider.update(created.id, created.outs, { ...inputs, stopRetryInterval: 2 });
    assert.deepEqual(updated.outs, { ...inputs, stopRetryInterval: 2, ready: true });
    assert.deepEqual(await readinessProvider.read(created.id, created.outs), { id: created.id, props: created.outs });
    await readinessProvider.delete(created.id, created.outs);
    const facts = await engine.inspect(id);
    assert.equal(facts?.running, false, "the delete path stops the container");
    assert.equal(facts?.exitCode, 137);
  });

  test("readiness: a wait that fails fails the create with the container's logs", async () => {
    const id = await run("echo no server here; exit 2");
    await assert.rejects(
      readinessProvider.create({
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
    const created = await containerAdoptionProvider.create({ host: { url: te!.host }, name });
    assert.equal(created.id, id);
    assert.equal(created.outs.containerId, id);
    assert.equal(created.outs.containerName, name);
    assert.equal(created.outs.running, true);
    assert.match(created.outs.ipAddress, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(created.outs.imageId, (await engine.docker.getContainer(id).inspect()).Image);
    assert.deepEqual(await containerAdoptionProvider.diff(id, created.outs, { host: { url: te!.host }, name }), {
      changes: false,
      replaces: [],
    });
    await containerAdoptionProvider.delete();
    const after = await engine.inspect(id);
    assert.equal(after?.running, true, "the adopted container is still running after the delete path");
    await assert.rejects(
      containerAdoptionProvider.create({ host: { url: te!.host }, name: `${name}-missing` }),
      new RegExp(`useExternalResource: no container named exactly "${name}-missing" exists on unix://`),
    );
  });

  test("a serialized provider runs in a plain node process (no TypeScript loader)", async () => {
    const name = uniqueName("berth-dyn-serial");
    const id = await run("exec sleep 1000", name);
    const serialized = await pulumi.runtime.serializeFunction(() => containerAdoptionProvider, { allowSecrets: true });
    const file = path.join(scratch, "provider.js");
    fs.writeFileSync(file, serialized.text);
    // As Pulumi's dynamic provider host does: load the text as a module and call the handler's create.
    const script = `const p = require(${JSON.stringify(file)}).${serialized.exportName}();
      p.create({ host: { url: ${JSON.stringify(te!.host)} }, name: ${JSON.stringify(name)} })
        .then((r) => process.stdout.write(JSON.stringify({ id: r.id })), (e) => { console.error(e); process.exit(1); });`;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { cwd: process.cwd() });
    assert.deepEqual(JSON.parse(stdout), { id });
    for (const provider of [imageImportProvider, readinessProvider]) {
      const text = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
      const other = path.join(scratch, "other.js");
      fs.writeFileSync(other, text);
      const check = `const p = require(${JSON.stringify(other)}).handler(); process.stdout.write(Object.keys(p).sort().join(","));`;
      const out = await promisify(execFile)(process.execPath, ["-e", check], { cwd: process.cwd() });
      assert.equal(out.stdout, "create,delete,diff,read,update");
    }
  });
});
