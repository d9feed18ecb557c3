import * as fs from "node:fs";
import * as path from "node:path";
import type { Problems } from "../core/problems";
import { type LoadedCompose, loadCompose } from "./load";
import { composeVariables } from "./variables";

/** Where a component's Compose file comes from: a path, or the text itself. */
export interface ComposeSourceArgs {
  /** A path to the Compose file. */
  file?: string;
  /** The Compose text. */
  content?: string;
  /** The folder relative paths in `content` are read from. */
  baseDir?: string;
  /** Variables for interpolation, over the environment and the file's `.env`. */
  variables?: { [key: string]: string };
  /** Warnings become errors. */
  strict?: boolean;
}

/**
 * Reads and loads a component's Compose file for a target: exactly one of `file` and `content` (a problem
 * otherwise), a file that cannot be read is a problem naming it; variables come from the file's folder `.env`, the
 * environment and `variables`. Returns undefined when a problem was recorded before loading.
 */
export function loadComposeSource(args: ComposeSourceArgs, target: "swarm" | "docker", problems: Problems): LoadedCompose | undefined {
  if ((args.file === undefined) === (args.content === undefined)) {
    problems.add("file", "set exactly one of `file` (a path) and `content` (the Compose text)");
    return undefined;
  }
  let text = args.content ?? "";
  const fileName = args.file !== undefined ? path.resolve(args.file) : path.join(path.resolve(args.baseDir ?? "."), "compose.yaml");
  if (args.file !== undefined) {
    try {
      text = fs.readFileSync(fileName, "utf8");
    } catch (err) {
      problems.add("file", `cannot read ${fileName}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
  return loadCompose(text, {
    target,
    fileName,
    env: composeVariables(path.dirname(fileName), process.env, args.variables ?? {}),
    readFile: (p) => fs.readFileSync(p, "utf8"),
    strict: args.strict ?? false,
  });
}
