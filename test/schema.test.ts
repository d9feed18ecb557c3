/**
 * The package as a Pulumi source-based plugin: the TypeScript analyzer (the one `pulumi package add` runs) must find
 * every component class that src/index.ts exports and infer its schema without an error (no unions, intersections or
 * callbacks in args). Components are discovered from the exports, so later ones are covered too.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { Analyzer, type AnalyzeResult } from "@pulumi/pulumi/provider/experimental/analyzer";

const root = path.resolve(__dirname, "..");
let componentNames: string[] = [];
let packageJson: Record<string, unknown> = {};

function isComponentClass(value: unknown): boolean {
  if (typeof value !== "function") return false;
  for (let proto = value.prototype; proto; proto = Object.getPrototypeOf(proto)) {
    if (proto === pulumi.ComponentResource.prototype) return true;
  }
  return false;
}

before(async () => {
  const exported = (await import("../src/index.js")) as Record<string, unknown>;
  componentNames = Object.entries(exported)
    .filter(([, value]) => isComponentClass(value))
    .map(([name]) => name)
    .sort();
  packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, unknown>;
});

/** Runs the analyzer over the package for these components (it builds a TypeScript program: ~10 s). */
function analyze(names: string[]): AnalyzeResult {
  return new Analyzer(root, "berth", packageJson, new Set(names)).analyze();
}

test("src/index.ts exports DockerContainer among its components", () => {
  assert.ok(componentNames.includes("DockerContainer"), componentNames.join(", "));
});

test("the analyzer's schema has every exported component, with no error", () => {
  // An error names the component and the property (e.g. a union type in its args).
  const result = analyze(componentNames);
  assert.deepEqual(Object.keys(result.components).sort(), componentNames);
});

test("DockerContainer's schema on its own: its inputs, outputs and nested types", () => {
  const result = analyze(["DockerContainer"]);
  const c = result.components["DockerContainer"]!;
  assert.deepEqual(Object.keys(c.inputs).sort(), [
    "command", "create", "delete", "entrypoint", "env", "files", "host", "image", "labels", "name", "networks", "ports", "restart", "runToCompletion", "start", "stop", "useExternalResource", "volumes",
  ]);
  assert.deepEqual(Object.keys(c.outputs).sort(), ["containerId", "containerName", "exitCode", "imageId", "ipAddress", "networkSettings", "ports", "ready"]);
  assert.equal(c.inputs["useExternalResource"]?.plain, true);
  assert.equal(c.inputs["runToCompletion"]?.plain, true);
  assert.equal(c.outputs["exitCode"]?.optional, true);
  assert.deepEqual(c.inputs["image"], { $ref: "#/types/berth:index:ContainerImageArgs", optional: true, plain: true, description: c.inputs["image"]?.description });
  for (const type of ["ContainerImageArgs", "DockerHostArgs", "ContainerStartArgs", "ContainerPortArgs", "DockerPublishedPort", "DockerNetworkSetting"]) {
    assert.ok(result.typeDefinitions[type], `type ${type} in ${Object.keys(result.typeDefinitions).join(", ")}`);
  }
  assert.deepEqual(result.dependencies.map((d) => d.name).sort(), [...new Set(result.dependencies.map((d) => d.name))].sort());
});
