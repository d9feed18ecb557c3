/**
 * The packed package's types, as users' projects see them: every README/docs snippet and every example type-checks in
 * a project laid out as `pulumi new typescript` lays it out (moduleResolution node, its tsconfig as is) and in one
 * with node16, with no skipLibCheck; every subpath resolves under node16, nodenext and bundler too; and the published
 * .d.ts files import nothing but declared dependencies.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { extractSnippets, writeSnippet } from "./snippets";
import { ROOT, workspace } from "./workspace";

const ws = workspace();
const snippets = extractSnippets();
const examples = fs
  .readdirSync(path.join(ROOT, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const SUBPATHS = Object.keys(pkg.exports).filter((k) => k !== "./package.json").map((k) => (k === "." ? "berth" : `berth/${k.slice(2)}`));

function tsc(project: string, tsconfig: string): void {
  try {
    execFileSync(process.execPath, [path.join(project, "node_modules/typescript/bin/tsc"), "-p", tsconfig, "--pretty", "false"], {
      cwd: project,
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    assert.fail(`tsc -p ${path.relative(project, tsconfig)} in ${path.basename(project)} reported:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

/** Copies the snippets and examples into the project and returns the files to check. */
function lay(project: string): string[] {
  const files: string[] = [];
  for (const s of snippets) {
    const dir = writeSnippet(path.join(project, "snippets"), s);
    files.push(path.relative(project, path.join(dir, s.kind === "test" ? "index.test.ts" : "index.ts")));
  }
  for (const e of examples) {
    const dir = path.join(project, "examples", e);
    fs.cpSync(path.join(ROOT, "examples", e), dir, { recursive: true });
    files.push(path.relative(project, path.join(dir, "index.ts")));
  }
  return files;
}

test("the docs have TypeScript snippets, each a complete program or test (no `{ ... }` placeholders)", () => {
  assert.ok(snippets.length >= 9, `found ${snippets.length} snippets`);
  for (const s of snippets) {
    assert.doesNotMatch(s.code, /\{ \.\.\. \}|\.\.\.\s*\)/, `${s.where} has a placeholder`);
    assert.match(s.code, /^import /m, `${s.where} imports what it uses`);
  }
});

for (const [label, project] of [
  ["pulumi new typescript (moduleResolution node)", ws.template],
  ["node16", ws.node16],
] as const) {
  describe(`installed from the tarball, ${label}`, () => {
    test(`every snippet (${snippets.length}) and every example (${examples.length}) type-checks with the project's tsconfig, no skipLibCheck`, () => {
      const files = lay(project);
      const tsconfig = path.join(project, "tsconfig.check.json");
      fs.writeFileSync(tsconfig, JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true }, files }, null, 2));
      tsc(project, tsconfig);
    });
  });
}

test("every subpath resolves with its types under node16, nodenext and bundler resolution", () => {
  const file = path.join(ws.node16, "subpaths.ts");
  fs.writeFileSync(file, `${SUBPATHS.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};`).join("\n")}\nexport const all = [${SUBPATHS.map((_, i) => `m${i}`).join(", ")}];\n`);
  const base = JSON.parse(fs.readFileSync(path.join(ws.node16, "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  for (const [name, options] of [
    ["node16", { module: "node16", moduleResolution: "node16" }],
    ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }],
    ["node10", { module: "commonjs", moduleResolution: "node" }],
  ] as const) {
    const tsconfig = path.join(ws.node16, `tsconfig.${name}.json`);
    fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { ...base.compilerOptions, ...options, noEmit: true }, files: ["subpaths.ts"] }));
    tsc(ws.node16, tsconfig);
  }
});

test("the published .d.ts files import only Node's modules, Berth itself and declared dependencies", () => {
  const installed = path.join(ws.template, "node_modules", "berth");
  const entries = Object.values(pkg.exports)
    .filter((v): v is { types: string } => typeof v === "object" && v !== null && "types" in v)
    .map((v) => path.join(installed, v.types));
  const seen = new Set<string>();
  const external = new Map<string, string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    for (const m of text.matchAll(/(?:from\s+|import\(|require\()"([^"]+)"/g)) {
      const spec = m[1]!;
      if (spec.startsWith(".")) {
        const target = path.resolve(path.dirname(file), spec);
        const candidates = [`${target}.d.ts`, path.join(target, "index.d.ts"), target.replace(/\.js$/, ".d.ts")];
        const found = candidates.find((c) => fs.existsSync(c));
        assert.ok(found, `${path.relative(installed, file)} imports ${spec}, which is not in the package`);
        todo.push(found!);
      } else external.set(spec, path.relative(installed, file));
    }
  }
  for (const [spec, from] of external) {
    if (spec.startsWith("node:") || spec === "berth" || spec.startsWith("berth/")) continue;
    const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
    assert.ok(name in pkg.dependencies || name in pkg.peerDependencies, `${from} imports ${spec}: ${name} is not a dependency (or peer) of berth`);
  }
  assert.ok(seen.size > 20, `walked ${seen.size} declaration files`);
});
