/**
 * The one project writer `berth import` and `berth compose` share: Pulumi.yaml, Pulumi.<stack>.yaml, package.json,
 * tsconfig.json and .gitignore around a generated `index.ts`. The tsconfig is the one `pulumi new typescript` writes;
 * package.json declares every package `index.ts` imports (at the ranges Berth itself depends on) and `typescript`;
 * stack config is written by the YAML emitter, secrets never (their comment says how to set them). Pure.
 */
import { type BerthPackage, berthPackage } from "./berth-spec";
import { type YamlValue, shellWord, yamlComment, yamlDocument, yamlMember } from "./yaml-emit";

/** One stack config entry of a generated project. */
export interface ConfigEntry {
  /** The key's name, without the `project:` namespace (see `configKeyFrom` for names from user files). */
  key: string;
  /** The value written to `Pulumi.<stack>.yaml`. @default none: the key is listed in a comment, to be set */
  value?: YamlValue;
  /** A secret: its value is never written; the comment shows `pulumi config set --secret`. @default false */
  secret?: boolean;
  /** What the entry is, for the comment above it. @default none */
  comment?: string;
  /**
   * Whether the program stops without it. An optional key with no value is listed apart, as one the program has a
   * fallback for.
   * @default true
   */
  required?: boolean;
}

/** Everything the project writer needs. */
export interface GeneratedProject {
  /** The Pulumi project name (checked with `projectNameProblem`). */
  name: string;
  /** One line for Pulumi.yaml. */
  description: string;
  /** The stack whose config file is written (checked with `stackNameProblem`). */
  stack: string;
  /** The program, `index.ts`. */
  program: string;
  /** Stack config entries. @default [] */
  config?: ConfigEntry[];
  /** The `berth` dependency spec (see `berthDependencySpec`). */
  berthSpec: string;
  /** The command that wrote it, for comments ("berth import"). */
  generator: string;
  /** Other files (relative path → text), such as scripts a program reads. @default {} */
  files?: Record<string, string>;
}

/** The tsconfig.json `pulumi new typescript` writes, as Berth writes it for every generated project. */
export const TEMPLATE_TSCONFIG = {
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
} as const;

/** The npm packages a program imports (`import … from "pkg"`), Node's built-ins left out, sorted. */
export function importedPackages(program: string): string[] {
  const found = new Set<string>();
  for (const m of program.matchAll(/^import\s[^;]*?\sfrom\s+"([^"]+)";?$/gm)) {
    const spec = m[1]!;
    if (spec.startsWith("node:") || spec.startsWith(".")) continue;
    const parts = spec.split("/");
    found.add(spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!);
  }
  return [...found].sort();
}

/** package.json: every imported package at Berth's own range, `berth` at its spec, typescript and Node's types. */
export function packageJson(p: GeneratedProject, pkg: BerthPackage = berthPackage()): string {
  const dependencies: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of [...new Set(["@pulumi/pulumi", ...importedPackages(p.program)])].sort()) {
    if (name === "berth") dependencies[name] = p.berthSpec;
    else if (pkg.dependencies[name]) dependencies[name] = pkg.dependencies[name]!;
    else if (pkg.peerDependencies?.[name]) dependencies[name] = pkg.peerDependencies[name]!;
    else missing.push(name);
  }
  if (missing.length > 0) throw new Error(`generated program imports ${missing.join(", ")}, which Berth does not depend on`);
  const devDependencies = {
    "@types/node": pkg.devDependencies["@types/node"] ?? "^20",
    typescript: pkg.devDependencies["typescript"] ?? "^5",
  };
  return `${JSON.stringify({ name: p.name, main: "index.ts", devDependencies, dependencies }, null, 4)}\n`;
}

/** Pulumi.yaml, as `pulumi new typescript` lays it out. */
export function pulumiYaml(p: GeneratedProject): string {
  const description = p.description.split(/\r\n|[\n\r\u2028\u2029]/, 1)[0]!.slice(0, 200);
  return yamlDocument({ name: p.name, description, runtime: { name: "nodejs", options: { packagemanager: "npm" } } });
}

/** Pulumi.<stack>.yaml: values for the entries that have one; the others listed with the command that sets them. */
export function stackYaml(p: GeneratedProject): string {
  const entries = p.config ?? [];
  const lines: string[] = [yamlComment(`Stack config for ${p.name}, written by ${p.generator}.`)];
  const unset = entries.filter((e) => e.secret || e.value === undefined);
  const groups: [string, ConfigEntry[]][] = [
    ["Set these before `pulumi up` (the program requires them):", unset.filter((e) => e.required !== false)],
    ["Optional (the program has a fallback when they are not set):", unset.filter((e) => e.required === false)],
  ];
  for (const [heading, group] of groups) {
    if (group.length === 0) continue;
    lines.push(yamlComment(heading));
    for (const e of group) {
      if (e.comment) lines.push(yamlComment(`  ${e.comment}`));
      lines.push(yamlComment(`  pulumi config set ${e.secret ? "--secret " : ""}${shellWord(`${p.name}:${e.key}`)} <value>`));
    }
  }
  const set = entries.filter((e) => !e.secret && e.value !== undefined);
  if (set.length === 0) {
    lines.push("config: {}");
  } else {
    lines.push("config:");
    for (const e of set) {
      if (e.comment) lines.push(yamlComment(e.comment, "  "));
      lines.push(yamlMember(`${p.name}:${e.key}`, e.value!, "  "));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Every file of the project, by relative path. */
export function projectFiles(p: GeneratedProject, pkg: BerthPackage = berthPackage()): Record<string, string> {
  return {
    ...(p.files ?? {}),
    ".gitignore": "/bin/\n/node_modules/\n",
    "Pulumi.yaml": pulumiYaml(p),
    [`Pulumi.${p.stack}.yaml`]: stackYaml(p),
    "package.json": packageJson(p, pkg),
    "tsconfig.json": `${JSON.stringify(TEMPLATE_TSCONFIG, null, 4)}\n`,
    "index.ts": p.program,
  };
}
