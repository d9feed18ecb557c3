/**
 * The variables a Compose file is interpolated with, in Compose's order of precedence: the `.env` file beside the
 * Compose file, overridden by the process environment, overridden by the variables the program passes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseEnvFile } from "./env-file";

/** Merges `.env` (if present in `dir`), `processEnv` and `variables`, later ones winning. */
export function composeVariables(
  dir: string,
  processEnv: Readonly<Record<string, string | undefined>>,
  variables: Readonly<Record<string, string>>,
): Record<string, string | undefined> {
  let dotenv: Record<string, string> = {};
  const file = path.join(dir, ".env");
  if (fs.existsSync(file)) dotenv = parseEnvFile(fs.readFileSync(file, "utf8"), processEnv).values;
  return { ...dotenv, ...processEnv, ...variables };
}
