import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { Recorder, UNKNOWN_VALUE, decodeWireValue, parseUrn } from "../../src/resources/recorder";

let rec: Recorder;
before(async () => {
  rec = await Recorder.install();
});

/** A provider resource of a made-up type, for the recorder alone. */
class Thing extends pulumi.CustomResource {
  constructor(name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("test:index:Thing", name, props, opts);
  }
}

class Box extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:Box", name, {}, opts);
    const first = new Thing(
      `${name}-first`,
      { token: pulumi.secret("s3cret"), size: 3 },
      { parent: this },
    );
    new Thing(
      `${name}-second`,
      { after: first.id },
      { parent: this, dependsOn: [first], retainOnDelete: true, ignoreChanges: ["after"] },
    );
    this.registerOutputs({ done: true });
  }
}

test("records type, name, parent, inputs, secrets, dependencies and options", async () => {
  const box = new Box("b");
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:Box b", "test:index:Thing b-first", "test:index:Thing b-second"]);
  const boxUrn = await new Promise<string>((resolve) => box.urn.apply(resolve));
  const first = rec.get("test:index:Thing", "b-first");
  assert.equal(first.parent, boxUrn);
  assert.equal(first.parentName, "b");
  assert.equal(first.parentType, "berth:index:Box");
  assert.deepEqual(first.inputs, { token: "s3cret", size: 3 });
  assert.deepEqual(first.secretPaths, ["token"]);
  const second = rec.get("test:index:Thing", "b-second");
  assert.deepEqual(second.inputs, { after: "b-first-id" });
  assert.deepEqual(second.dependencies, [first.urn]);
  assert.equal(second.options.retainOnDelete, true);
  assert.deepEqual(second.options.ignoreChanges, ["after"]);
  assert.deepEqual(rec.get("berth:index:Box", "b").outputs, { done: true });
});

test("get names what was recorded when the resource is missing", () => {
  assert.throws(() => rec.get("test:index:Thing", "nope"), /found 0; recorded:\n {2}berth:index:Box b/);
});

test("decodeWireValue marks unknowns and nested secrets", () => {
  const secrets: string[] = [];
  const value = decodeWireValue(
    {
      a: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      b: [{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "k" }],
    },
    "",
    secrets,
  );
  assert.deepEqual(value, { a: UNKNOWN_VALUE, b: ["k"] });
  assert.deepEqual(secrets, ["b[0]"]);
});

test("parseUrn reads the innermost type and the name", () => {
  assert.deepEqual(parseUrn("urn:pulumi:s::p::berth:index:Box$test:index:Thing::b-first"), {
    type: "test:index:Thing",
    name: "b-first",
  });
});
