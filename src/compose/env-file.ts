/**
 * Compose `env_file` / `.env` parsing: `KEY=VALUE` lines, `#` comments, blank lines, an optional `export ` prefix,
 * single-quoted values taken literally, double-quoted values with `\n`, `\t`, `\"`, `\\` escapes, and unquoted values
 * with a trailing ` #comment` removed. Unquoted and double-quoted values are interpolated against the environment.
 */
import { interpolate } from "./interpolate";

/** The variables of an env file, and the problems found in it (with 1-based line numbers). */
export interface EnvFile {
  values: Record<string, string>;
  problems: { line: number; message: string }[];
}

/** Parses the text of an env file. `env` resolves `${VAR}` in values; earlier lines of the file count as set. */
export function parseEnvFile(text: string, env: Readonly<Record<string, string | undefined>> = {}): EnvFile {
  const values: Record<string, string> = {};
  const problems: { line: number; message: string }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const body = line.startsWith("export ") ? line.slice(7).trimStart() : line;
    const eq = body.indexOf("=");
    const key = (eq < 0 ? body : body.slice(0, eq)).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
      problems.push({ line: index + 1, message: `"${key}" is not a variable name` });
      return;
    }
    if (eq < 0) {
      // A bare name takes its value from the environment, and is left out when the environment has none.
      const fromEnv = env[key];
      if (fromEnv !== undefined) values[key] = fromEnv;
      return;
    }
    const rawValue = body.slice(eq + 1).trim();
    const scope = { ...env, ...values };
    if (rawValue.startsWith("'")) {
      const end = rawValue.indexOf("'", 1);
      if (end < 0) problems.push({ line: index + 1, message: `the value of ${key} has no closing single quote` });
      values[key] = rawValue.slice(1, end < 0 ? undefined : end);
    } else if (rawValue.startsWith('"')) {
      let out = "";
      let closed = false;
      for (let j = 1; j < rawValue.length; j++) {
        const c = rawValue[j]!;
        if (c === "\\" && j + 1 < rawValue.length) {
          const e = rawValue[++j]!;
          out += e === "n" ? "\n" : e === "t" ? "\t" : e === "r" ? "\r" : e;
        } else if (c === '"') {
          closed = true;
          break;
        } else {
          out += c;
        }
      }
      if (!closed) problems.push({ line: index + 1, message: `the value of ${key} has no closing double quote` });
      const r = interpolate(out, scope);
      for (const e of r.errors) problems.push({ line: index + 1, message: e });
      values[key] = r.value;
    } else {
      const unquoted = rawValue.replace(/\s+#.*$/, "");
      const r = interpolate(unquoted, scope);
      for (const e of r.errors) problems.push({ line: index + 1, message: e });
      values[key] = r.value;
    }
  });
  return { values, problems };
}
