/**
 * The consumer suite's workspace: Berth packed with `npm pack`, and fresh user projects that install the tarball,
 * offline, from npm's cache, exactly as a user's project installs it. Built once per test run and shared by the
 * consumer test files (a lock folder keeps two of them from building it at once); scripts/test.sh points
 * BERTH_CONSUMER_DIR at a folder it removes afterwards.
 *
 * Offline installs: `npm ci` fetched every tarball Berth depends on into npm's cache, but not the registry's package
 * documents, which a plain `npm install` needs to resolve ranges. So each project gets a package-lock.json made from
 * Berth's own lock (the same versions, resolved URLs and integrity hashes, only the packages the project reaches),
 * with the packed tarball as `berth`, and installs with `npm ci --offline`.
 */
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The checkout. */
export const ROOT = path.join(__dirname, "..", "..");

/** The tsconfig.json `pulumi new typescript` writes, as a user's project has it. */
export const PULUMI_TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** A project with `module`/`moduleResolution` node16 (what newer TypeScript templates use). */
export const NODE16_TSCONFIG = {
  compilerOptions: { ...PULUMI_TEMPLATE_TSCONFIG.compilerOptions, module: "node16", moduleResolution: "node16" },
  files: ["index.ts"],
};

/** The shared workspace. */
export interface Workspace {
  /** The folder everything lives in. */
  dir: string;
  /** The packed tarball. */
  tarball: string;
  /** Berth's version in the tarball. */
  version: string;
  /** A project laid out as `pulumi new typescript` lays it out, with berth installed. */
  template: string;
  /** The same project with a node16 tsconfig. */
  node16: string;
}

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optional?: boolean;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  link?: boolean;
  bin?: Record<string, string>;
  [k: string]: unknown;
}

interface PackageJson {
  name: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [k: string]: unknown;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed:\n${e.stdout ?? ""}${e.stderr ?? ""}${e.message}`);
  }
}

/** `npm pack`s the checkout (dist/ must be built) into `dir`; returns the tarball's path. */
export function packBerth(dir: string): string {
  const out = run("npm", ["pack", "--pack-destination", dir, "--json", "--ignore-scripts"], ROOT);
  const [info] = JSON.parse(out) as { filename: string }[];
  return path.join(dir, info!.filename);
}

/** The sha512 integrity string of a file, as npm writes it. */
function integrityOf(file: string): string {
  return `sha512-${crypto.createHash("sha512").update(fs.readFileSync(file)).digest("base64")}`;
}

/** The package.json inside a tarball. */
function tarballPackage(tarball: string): PackageJson {
  return JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], path.dirname(tarball))) as PackageJson;
}

/**
 * A package-lock.json for a project: the packages its package.json reaches, taken from Berth's own lock, with
 * `berth` as the tarball (relative to the project). Throws when a dependency is not in Berth's lock.
 */
export function projectLock(projectDir: string, pkg: PackageJson, tarball: string): Record<string, unknown> {
  const ours = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const berth = tarballPackage(tarball);
  const packages: Record<string, LockEntry> = {
    "": { name: pkg.name, version: pkg.version ?? "1.0.0", dependencies: pkg.dependencies, devDependencies: pkg.devDependencies },
  };
  const relTarball = path.relative(projectDir, tarball).split(path.sep).join("/");
  const berthEntry: LockEntry = {
    version: berth.version,
    resolved: `file:${relTarball}`,
    integrity: integrityOf(tarball),
    dependencies: berth.dependencies,
  };
  if (berth["peerDependencies"]) berthEntry.peerDependencies = berth["peerDependencies"] as Record<string, string>;
  if (berth["peerDependenciesMeta"]) berthEntry.peerDependenciesMeta = berth["peerDependenciesMeta"] as Record<string, { optional?: boolean }>;
  if (berth["bin"]) berthEntry.bin = berth["bin"] as Record<string, string>;
  if (berth["engines"]) berthEntry["engines"] = berth["engines"];
  if (berth["license"]) berthEntry["license"] = berth["license"];
  const missing: string[] = [];
  // Node's resolution over lock paths: from `from`, look in each enclosing node_modules, outermost last.
  const resolve = (name: string, from: string): string | undefined => {
    let base = from;
    for (;;) {
      const candidate = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
      if (name === "berth" && candidate === "node_modules/berth") return candidate;
      if (ours.packages[candidate]) return candidate;
      if (base === "") return undefined;
      const i = base.lastIndexOf("/node_modules/");
      base = i < 0 ? "" : base.slice(0, i);
    }
  };
  const todo: [string, string][] = [];
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) todo.push([name, ""]);
  while (todo.length > 0) {
    const [name, from] = todo.pop()!;
    const at = resolve(name, from);
    if (!at) {
      missing.push(`${name} (needed by ${from || "the project"})`);
      continue;
    }
    if (packages[at]) continue;
    const entry: LockEntry = at === "node_modules/berth" ? berthEntry : { ...ours.packages[at]! };
    delete entry.dev;
    delete entry.devOptional;
    delete entry.peer;
    packages[at] = entry;
    const optionalPeers = new Set(Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
    for (const dep of Object.keys(entry.dependencies ?? {})) todo.push([dep, at]);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) if (!optionalPeers.has(dep)) todo.push([dep, at]);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) if (resolve(dep, at)) todo.push([dep, at]);
  }
  if (missing.length > 0) throw new Error(`not in Berth's package-lock.json, so not installable offline: ${missing.join(", ")}`);
  return { name: pkg.name, version: pkg.version ?? "1.0.0", lockfileVersion: 3, requires: true, packages };
}

/** Installs a project (its package.json already written) offline from npm's cache, with `berth` from `tarball`. */
export function installOffline(projectDir: string, tarball: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as PackageJson;
  const lock = projectLock(projectDir, pkg, tarball);
  fs.writeFileSync(path.join(projectDir, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
  run("npm", ["ci", "--offline", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], projectDir);
}

/** Berth's own devDependency range for a package (TypeScript, Node's types). */
export function ownRange(name: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;
  return pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? "*";
}

/**
 * Writes a fresh user project laid out as `pulumi new typescript` lays it out (Pulumi.yaml, package.json with
 * @pulumi/pulumi, typescript and @types/node, the template's tsconfig, an index.ts), berth added from the tarball as
 * `npm install ../berth-x.tgz` adds it, and installs it. The project uses every area, so it also installs Berth's
 * optional peers (@pulumi/aws, @pulumi/openstack, @pulumi/kubernetes) as such a user does.
 */
export function createProject(dir: string, name: string, tarball: string, tsconfig: object): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    `name: ${name}\ndescription: A user's project\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\n`,
  );
  const rel = path.relative(dir, tarball).split(path.sep).join("/");
  const pkg: PackageJson = {
    name,
    main: "index.ts",
    devDependencies: { "@types/node": ownRange("@types/node"), typescript: ownRange("typescript") },
    dependencies: {
      "@pulumi/aws": ownRange("@pulumi/aws"),
      "@pulumi/kubernetes": ownRange("@pulumi/kubernetes"),
      "@pulumi/openstack": ownRange("@pulumi/openstack"),
      "@pulumi/pulumi": ownRange("@pulumi/pulumi"),
      berth: `file:${rel}`,
    },
  };
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(pkg, null, 4)}\n`);
  fs.writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 4)}\n`);
  fs.writeFileSync(path.join(dir, "index.ts"), 'import * as pulumi from "@pulumi/pulumi";\n\nexport const stack = pulumi.getStack();\n');
  installOffline(dir, tarball);
}

let cached: Workspace | undefined;

/**
 * The workspace, built on first use in this run: the tarball and the two projects. Concurrent test files wait for
 * the first one to finish building it.
 */
export function workspace(): Workspace {
  if (cached) return cached;
  const dir = process.env["BERTH_CONSUMER_DIR"] ?? path.join(os.tmpdir(), `berth-consumer-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const done = path.join(dir, "workspace.json");
  const lock = path.join(dir, "building");
  for (let waited = 0; !fs.existsSync(done); waited += 200) {
    try {
      fs.mkdirSync(lock);
    } catch {
      if (waited > 15 * 60_000) throw new Error(`the consumer workspace in ${dir} was not built within 15 minutes`);
      sleep(200);
      continue;
    }
    try {
      if (!fs.existsSync(done)) {
        const tarball = packBerth(dir);
        const version = tarballPackage(tarball).version ?? "";
        const template = path.join(dir, "template");
        const node16 = path.join(dir, "node16");
        createProject(template, "user-app", tarball, PULUMI_TEMPLATE_TSCONFIG);
        createProject(node16, "user-app-node16", tarball, NODE16_TSCONFIG);
        fs.writeFileSync(done, JSON.stringify({ dir, tarball, version, template, node16 } satisfies Workspace));
      }
    } finally {
      fs.rmdirSync(lock);
    }
  }
  cached = JSON.parse(fs.readFileSync(done, "utf8")) as Workspace;
  return cached;
}
