/**
 * The project files around a written Compose program: Pulumi.yaml, package.json, tsconfig.json and the stack's
 * configuration file. Interim: these move to the shared project writer (src/codegen/project.ts), which takes the
 * same data (configuration entries, the npm packages index.ts imports). YAML is written by the YAML emitter, never
 * by concatenation; secret values are not written (Pulumi encrypts them when `pulumi config set --secret` sets them).
 */
import * as yaml from "js-yaml";
import type { ComposeProgram } from "./program";

/** What the project files need besides the program. */
export interface ComposeProjectFilesOptions {
  /** The Pulumi project name. */
  name: string;
  /** The stack whose configuration file is written. */
  stack: string;
  /** The Compose file, relative to the program's folder (for the project's description). */
  sourceFile: string;
  /** The berth version range for package.json. @default "^0.1.0" */
  berthVersion?: string;
}

const VERSIONS: Record<string, string> = { "@pulumi/docker": "^5.2.0", "@pulumi/pulumi": "^3.248.0" };

/** The files of the project, by name. */
export function composeProjectFiles(program: ComposeProgram, opts: ComposeProjectFilesOptions): Record<string, string> {
  const deps: Record<string, string> = {};
  for (const p of program.packages) deps[p] = p === "berth" ? (opts.berthVersion ?? "^0.1.0") : VERSIONS[p]!;
  const files: Record<string, string> = {
    "Pulumi.yaml": yaml.dump({ name: opts.name, runtime: "nodejs", description: `Written by berth compose from ${opts.sourceFile}` }, { lineWidth: -1 }),
    "package.json": `${JSON.stringify({ name: opts.name, private: true, main: "index.ts", dependencies: deps, devDependencies: { "@types/node": "^20.17.0", typescript: "^5.9.0" } }, null, 2)}\n`,
    "tsconfig.json": `${JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true, skipLibCheck: true, outDir: "bin", types: ["node"] }, files: ["index.ts"] }, null, 2)}\n`,
    "index.ts": program.index,
  };
  if (program.config.length > 0) {
    const config: Record<string, string> = {};
    for (const c of program.config) if (!c.secret && c.value !== undefined) config[`${opts.name}:${c.key}`] = c.value;
    const secrets = program.config.filter((c) => c.secret).map((c) => `${c.key} (${c.comment})`);
    const head = secrets.length > 0 ? `# Secrets to set with \`pulumi config set --secret KEY VALUE\`: ${secrets.join("; ").replace(/[\r\n\u2028\u2029]/g, " ")}\n` : "";
    files[`Pulumi.${opts.stack}.yaml`] = head + yaml.dump({ config }, { lineWidth: -1 });
  }
  return files;
}
