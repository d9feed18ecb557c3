import { readFileSync } from "node:fs";
import * as path from "node:path";
import { berthDependencySpec } from "../codegen/berth-spec";
import { writeOutput } from "../codegen/write-output";
import type { ComposeTarget } from "../compose/coverage";
import { dockerPlan } from "../compose/docker-plan";
import { loadCompose } from "../compose/load";
import { renderComposeProgram } from "../compose/program";
import { composeVariables } from "../compose/variables";
import { type CliCommand, EXIT } from "./io";

const USAGE = `usage: berth compose FILE --out DIR [--target swarm|docker] [--name NAME] [--strict] [--berth-spec SPEC]

Writes a Pulumi TypeScript program to DIR (Pulumi.yaml, package.json, tsconfig.json, index.ts) that builds what the
Compose file describes: Swarm services, overlay networks, volumes, configs and secrets (--target swarm, the default),
or containers, networks and volumes on one Docker host (--target docker). Keys with no meaning on the target are
reported with their file:line; --strict makes them errors.

exit codes: 0 written, 2 errors (nothing written), 64 wrong usage`;

/** `berth compose`: a Compose file to a Pulumi program. */
export const composeCommand: CliCommand = {
  summary: "write a Pulumi program from a Compose file (Swarm stack or one Docker host)",
  usage: USAGE,
  async run(args, io) {
    let file: string | undefined;
    let out: string | undefined;
    let target: ComposeTarget = "swarm";
    let name: string | undefined;
    let strict = false;
    let berthSpec: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "--out") out = args[++i];
      else if (a === "--name") name = args[++i];
      else if (a === "--strict") strict = true;
      else if (a === "--berth-spec") berthSpec = args[++i];
      else if (a === "--target") {
        const t = args[++i];
        if (t !== "swarm" && t !== "docker") {
          io.err(`berth compose: --target is swarm or docker, not "${t ?? ""}"\n`);
          return EXIT.usage;
        }
        target = t;
      } else if (a.startsWith("-")) {
        io.err(`berth compose: unknown option ${a}\n${USAGE}\n`);
        return EXIT.usage;
      } else if (file === undefined) file = a;
      else {
        io.err(`berth compose: one Compose file at a time (got ${file} and ${a})\n`);
        return EXIT.usage;
      }
    }
    const missing = [!file ? "a Compose FILE" : "", !out ? "--out DIR" : ""].filter((m) => m !== "");
    if (missing.length > 0 || !file || !out) {
      io.err(`berth compose: missing ${missing.join(" and ")}\n${USAGE}\n`);
      return EXIT.usage;
    }
    const source = path.resolve(io.cwd, file);
    let text: string;
    try {
      text = readFileSync(source, "utf8");
    } catch (err) {
      io.err(`berth compose: cannot read ${source}: ${(err as Error).message}\n`);
      return EXIT.error;
    }
    const loaded = loadCompose(text, {
      target,
      fileName: source,
      env: composeVariables(path.dirname(source), io.env, {}),
      readFile: (p) => readFileSync(p, "utf8"),
      strict,
    });
    for (const d of loaded.diagnostics) io.err(`${d.where}: ${d.severity}: ${d.message}\n`);
    if (!loaded.model) {
      io.err("berth compose: nothing written, fix the errors above\n");
      return EXIT.error;
    }
    const project = name ?? loaded.model.name ?? path.basename(path.dirname(source)).toLowerCase().replace(/[^a-z0-9-]+/g, "-");
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(project)) {
      io.err(`berth compose: "${project}" is not a usable project name; give one with --name (lowercase letters, digits, - and _)\n`);
      return EXIT.usage;
    }
    if (target === "docker") {
      const problems = dockerPlan(loaded.model, project).problems;
      for (const p of problems) io.err(`${source}: error: ${p.where}: ${p.message}\n`);
      if (problems.length > 0) {
        io.err("berth compose: nothing written, fix the errors above\n");
        return EXIT.error;
      }
    }
    const dir = path.resolve(io.cwd, out);
    const files = renderComposeProgram(loaded.model, { target, name: project, sourceFile: source, berthSpec: berthDependencySpec(dir, berthSpec) });
    const written = writeOutput(dir, files);
    if (!written.ok) {
      io.err(`berth compose: ${written.message}\nnothing was written\n`);
      return EXIT.error;
    }
    const warnings = loaded.diagnostics.filter((d) => d.severity === "warning").length;
    io.out(
      `wrote ${dir} (${written.written.join(", ")}): ${loaded.model.services.length} services for ${target}` +
        `${warnings > 0 ? `, ${warnings} warnings` : ""}\n`,
    );
    return EXIT.ok;
  },
};
