/**
 * The `berth` dependency a generated project declares: one that resolves where the project will be installed.
 * - `--berth-spec SPEC` when given;
 * - Berth running from a checkout: `file:` to that checkout, relative to the project;
 * - Berth installed from a tarball (or a folder): `file:` to that tarball, relative to the project;
 * - Berth installed from a registry: the running version's caret range (`^0.2.0`);
 * - installed from git: the resolved git URL.
 * The placeholder `berth` package on the public registry is not this one, so a bare version range is only written
 * when npm itself recorded that Berth came from a registry.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Berth's own package root (the folder holding its package.json), from the compiled or the TypeScript file. */
export const BERTH_ROOT = path.resolve(__dirname, "..", "..");

/** Berth's own package.json: its version and dependency ranges. */
export interface BerthPackage {
  version: string;
  dependencies: Record<string, string>;
  /** The optional provider packages (`@pulumi/aws`, ...) a generated program declares itself when it imports them. @default {} */
  peerDependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** Reads Berth's own package.json. */
export function berthPackage(root: string = BERTH_ROOT): BerthPackage {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Partial<BerthPackage>;
  return { version: pkg.version ?? "0.0.0", dependencies: pkg.dependencies ?? {}, peerDependencies: pkg.peerDependencies ?? {}, devDependencies: pkg.devDependencies ?? {} };
}

/** A `file:` spec from `fromDir` to `target`, relative and with forward slashes. */
export function fileSpec(fromDir: string, target: string): string {
  const rel = path.relative(fromDir, target).split(path.sep).join("/");
  return `file:${rel === "" ? "." : rel.startsWith(".") ? rel : `./${rel}`}`;
}

/** Where the running Berth came from, as npm recorded it. */
export type BerthOrigin =
  | { kind: "checkout"; root: string }
  | { kind: "file"; target: string }
  | { kind: "registry"; version: string }
  | { kind: "git"; url: string };

/** What npm's lockfiles say about the package installed at `root` (…/node_modules/berth). */
export function berthOrigin(root: string = BERTH_ROOT): BerthOrigin {
  const parts = root.split(path.sep);
  const nm = parts.lastIndexOf("node_modules");
  if (nm < 0) return { kind: "checkout", root };
  const version = berthPackage(root).version;
  const projectRoot = parts.slice(0, nm).join(path.sep) || path.sep;
  const key = parts.slice(nm).join("/");
  for (const lock of [path.join(projectRoot, "node_modules", ".package-lock.json"), path.join(projectRoot, "package-lock.json")]) {
    let resolved: unknown;
    try {
      const doc = JSON.parse(fs.readFileSync(lock, "utf8")) as { packages?: Record<string, { resolved?: unknown; link?: boolean }> };
      resolved = doc.packages?.[key]?.resolved;
    } catch {
      continue;
    }
    if (typeof resolved !== "string") continue;
    if (resolved.startsWith("file:")) return { kind: "file", target: path.resolve(projectRoot, resolved.slice(5)) };
    if (/^git\+|^git:|^github:/.test(resolved)) return { kind: "git", url: resolved };
    if (/^https?:/.test(resolved)) return { kind: "registry", version };
    // A linked folder: the lockfile's `resolved` is the folder, relative to the project.
    return { kind: "file", target: path.resolve(projectRoot, resolved) };
  }
  return { kind: "registry", version };
}

/** The dependency spec for `berth` in a project written to `outDir`. */
export function berthDependencySpec(outDir: string, override?: string, origin: BerthOrigin = berthOrigin()): string {
  if (override !== undefined && override !== "") return override;
  switch (origin.kind) {
    case "checkout":
      return fileSpec(outDir, origin.root);
    case "file":
      return fileSpec(outDir, origin.target);
    case "git":
      return origin.url;
    case "registry":
      return `^${origin.version}`;
  }
}
