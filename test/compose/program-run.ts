/**
 * Running a program `berth compose` wrote, under the test's mocks: its folder gets a node_modules that holds this
 * repository's dependencies and a `berth` package whose entry points are this repository's sources (the same module
 * instances the tests use, so the recorder sees the program's resources), and its stack configuration is set as
 * `pulumi up` would set it from Pulumi.<stack>.yaml (secrets as secrets).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { typeCheckProjects } from "../helpers/typecheck";

const ROOT = path.resolve(__dirname, "../..");

/** Links the dependencies and the `berth` package into the program's folder. */
export function linkModules(dir: string): void {
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules, { recursive: true });
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    const target = path.join(modules, entry);
    if (!fs.existsSync(target)) fs.symlinkSync(path.join(ROOT, "node_modules", entry), target);
  }
  const berth = path.join(modules, "berth");
  fs.mkdirSync(berth, { recursive: true });
  const subpaths = ["docker", "swarm"];
  fs.writeFileSync(
    path.join(berth, "package.json"),
    JSON.stringify({ name: "berth", exports: Object.fromEntries(subpaths.map((p) => [`./${p}`, `./${p}.ts`])) }),
  );
  for (const p of subpaths) fs.writeFileSync(path.join(berth, `${p}.ts`), `export * from ${JSON.stringify(path.join(ROOT, "src", p, "index"))};\n`);
}

/** Sets the program's stack configuration: the values of its Pulumi.<stack>.yaml, and `secrets` as secrets. */
export function setStackConfig(project: string, values: Record<string, string>, secrets: Record<string, string> = {}): void {
  const all: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...values, ...secrets })) all[`${project}:${k}`] = v;
  pulumi.runtime.setAllConfig(all, Object.keys(secrets).map((k) => `${project}:${k}`));
}

/**
 * Type-checks a written project with tsc and its own tsconfig (the one `pulumi new typescript` writes, no
 * skipLibCheck), `berth` resolved to the published types this checkout built (test/helpers/typecheck.ts).
 */
export function typeCheck(dir: string): void {
  typeCheckProjects([dir]);
}
