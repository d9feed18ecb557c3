/**
 * Compose `env_file` / `.env` parsing: `KEY=VALUE` lines, `#` comments, blank lines, an optional `export ` prefix,
 * single-quoted values taken literally, double-quoted values with `\n`, `\t`, `\"`, `\\` escapes, and unquoted values
 * with a trailing ` #comment` removed. Unquoted and double-quoted values are interpolated against the environment.
 *
 * An env file may hold secrets (and a misplaced reference may point at a file that is not an env file at all), so
 * problems give a line and column and what kind of problem it is, never the text of the line. The work is linear in
 * the size of the file.
 */
import { type InterpolateOptions, MAX_INTERPOLATED_LENGTH, interpolate } from "./interpolate";

/** One problem in an env file: where, and what kind (no text from the file). */
export interface EnvFileProblem {
  /** 1-based line. */
  line: number;
  message: string;
}

/** The variables of an env file, and the problems found in it. */
export interface EnvFile {
  values: Record<string, string>;
  /** With a marker: the template of each value that substituted a variable (see interpolate.ts). */
  templates: Record<string, string>;
  problems: EnvFileProblem[];
  /** Names given without a value and not set in the environment (left out of `values`). */
  unset: string[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A value's text with an unquoted trailing ` #comment` removed (linear: no backtracking regular expression). */
function stripComment(value: string): string {
  for (let i = 1; i < value.length; i++) {
    if (value[i] === "#" && (value[i - 1] === " " || value[i - 1] === "\t")) return value.slice(0, i).trimEnd();
  }
  return value;
}

/**
 * Parses the text of an env file. `env` resolves `${VAR}` in values; earlier lines of the file count as set (they
 * win over `env`, as in Compose).
 */
export function parseEnvFile(
  text: string,
  env: Readonly<Record<string, string | undefined>> = {},
  options: InterpolateOptions = {},
): EnvFile {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const templates: Record<string, string> = {};
  const problems: EnvFileProblem[] = [];
  const unset: string[] = [];
  // Earlier lines over the environment, without copying either per line.
  const scope = new Proxy({} as Record<string, string | undefined>, {
    get: (_t, k: string) => (Object.hasOwn(values, k) ? values[k] : env[k]),
  });
  const interpolated = (raw: string, key: string, line: number): string => {
    const r = interpolate(raw, scope, options);
    if (r.errors.some((e) => e.includes(" grows past "))) {
      // The value is not quoted (it may be a secret): the limit and how the value got there are.
      problems.push({ line, message: `has a value that grows past ${(options.maxLength ?? MAX_INTERPOLATED_LENGTH).toLocaleString("en-US")} characters once its variables are substituted (variables that repeat each other?)` });
    } else if (r.errors.length > 0) problems.push({ line, message: "has a value with a malformed $-reference or a required variable that is unset" });
    if (r.template !== undefined) templates[key] = r.template;
    else delete templates[key];
    return r.value;
  };
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    line++;
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, "");
    start = end + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const body = trimmed.startsWith("export ") ? trimmed.slice(7).trimStart() : trimmed;
    const eq = body.indexOf("=");
    const key = (eq < 0 ? body : body.slice(0, eq)).trim();
    if (!KEY.test(key)) {
      problems.push({ line, message: "is not a VARIABLE=VALUE line (a variable name starts with a letter or _ and holds letters, digits, _, . and -)" });
      continue;
    }
    if (eq < 0) {
      // A bare name takes its value from the environment, and is left out when the environment has none.
      const fromEnv = env[key];
      if (fromEnv !== undefined) {
        values[key] = fromEnv;
        if (options.marker && !options.literal?.has(key)) templates[key] = options.marker(key);
      } else unset.push(key);
      continue;
    }
    const rawValue = body.slice(eq + 1).trim();
    if (rawValue.startsWith("'")) {
      const close = rawValue.indexOf("'", 1);
      if (close < 0) problems.push({ line, message: "has a value with no closing single quote" });
      values[key] = rawValue.slice(1, close < 0 ? undefined : close);
      delete templates[key];
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
      if (!closed) problems.push({ line, message: "has a value with no closing double quote" });
      values[key] = interpolated(out, key, line);
    } else {
      values[key] = interpolated(stripComment(rawValue), key, line);
    }
  }
  return { values: { ...values }, templates, problems, unset };
}
