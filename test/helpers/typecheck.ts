/**
 * Type-checks generated projects as a user's project is checked: with the compiler options of the project's own
 * tsconfig.json (the one `pulumi new typescript` writes), no skipLibCheck, and `berth` resolved to the published
 * types this checkout built in dist/ (exactly what an installed package offers). All projects go into one tsc
 * program (each index.ts is a module of its own), so a hundred projects cost one compiler start.
 * The consumer suite (test/consumer/) goes further: it installs the packed tarball and runs tsc in the project.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.join(__dirname, "../..");
const SUBPATHS = ["docker", "swarm", "kubernetes", "mesos", "cloud", "blueprint", "testing"];

/** Runs tsc over the projects' index.ts files; throws with tsc's report when anything fails to type-check. */
export function typeCheckProjects(dirs: readonly string[]): void {
  if (dirs.length === 0) throw new Error("no projects to type-check");
  const options = dirs.map((d) => JSON.stringify((JSON.parse(readFileSync(path.join(d, "tsconfig.json"), "utf8")) as { compilerOptions: unknown }).compilerOptions));
  if (new Set(options).size !== 1) throw new Error("the projects' tsconfig.json files differ; check them one by one");
  const compilerOptions = JSON.parse(options[0]!) as Record<string, unknown>;
  const work = mkdtempSync(path.join(tmpdir(), "berth-tsc-"));
  try {
    const paths: Record<string, string[]> = {
      berth: [path.join(ROOT, "dist/index.d.ts")],
      "berth/dynamic": [path.join(ROOT, "dist/dynamic.d.ts")],
      "*": [path.join(ROOT, "node_modules/*"), path.join(ROOT, "node_modules/@types/*")],
    };
    for (const s of SUBPATHS) paths[`berth/${s}`] = [path.join(ROOT, `dist/${s}/index.d.ts`)];
    const tsconfig = path.join(work, "tsconfig.json");
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: { ...compilerOptions, noEmit: true, baseUrl: ROOT, paths, typeRoots: [path.join(ROOT, "node_modules/@types")] },
        files: dirs.map((d) => path.join(d, "index.ts")),
      }),
    );
    try {
      execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", tsconfig, "--pretty", "false"], { encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`tsc reported:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
