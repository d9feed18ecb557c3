/**
 * Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
 * `${VAR?error}`, `${VAR:+replacement}`, `${VAR+replacement}` and `$$` for a literal `$`, as the Compose
 * Specification defines them. Defaults and replacements are interpolated in turn (`${A:-${B}}`), up to
 * {@link MAX_INTERPOLATION_DEPTH} levels deep.
 *
 * With a `marker`, the result also carries a template: the same text with each variable whose value was substituted
 * written as `marker(name)`, so a program written from the file can read that value from its stack configuration
 * instead of holding it as a literal.
 */
import { shown } from "../core/shown";

/** The result of interpolating one string. */
export interface Interpolated {
  /** The string with every variable replaced. */
  value: string;
  /** Errors: `${VAR:?message}` with VAR unset or empty, or a malformed `${...}`. */
  errors: string[];
  /**
   * Variables written with no default (`$VAR`, `${VAR}`) that are unset, so stood for "" (in order, each once).
   * Compose warns about each; a variable set to "" is not here, nor one with a default or a replacement.
   */
  unset: string[];
  /** With a marker: the text with each substituted variable as its marker (only when one was substituted). */
  template?: string;
}

/** How to interpolate. */
export interface InterpolateOptions {
  /** Writes a variable's place in the template. @default none: no template */
  marker?: (name: string) => string;
  /** Variables substituted as literals even with a marker (e.g. COMPOSE_PROJECT_NAME). @default none */
  literal?: ReadonlySet<string>;
  /** The longest a value may grow to once its variables are substituted. @default {@link MAX_INTERPOLATED_LENGTH} */
  maxLength?: number;
}

/**
 * The longest an interpolated value may be, in characters: as large as the largest file Berth reads by default
 * (16 MiB). Variables that double each other (`B=$A$A`, `C=$B$B`, ...) reach it in a few dozen lines; past it the
 * value is an error, not a string the machine cannot hold.
 */
export const MAX_INTERPOLATED_LENGTH = 16 * 1024 * 1024;

/** How deeply `${A:-${B:-...}}` may nest. Real files nest two or three levels. */
export const MAX_INTERPOLATION_DEPTH = 32;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;


interface Out {
  value: string;
  template: string;
  marked: boolean;
}

/** Interpolates `text` against `env` (a variable that is absent from `env` is unset). */
export function interpolate(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  options: InterpolateOptions = {},
): Interpolated {
  const errors: string[] = [];
  const unset: string[] = [];
  const out = run(text, env, options, errors, 0, unset);
  const result: Interpolated = { value: out.value, errors, unset: [...new Set(unset)] };
  if (options.marker && out.marked) result.template = out.template;
  return result;
}

function run(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  options: InterpolateOptions,
  errors: string[],
  depth: number,
  unset: string[],
): Out {
  const out: Out = { value: "", template: "", marked: false };
  const max = options.maxLength ?? MAX_INTERPOLATED_LENGTH;
  let over = false;
  const fits = (s: string): boolean => {
    if (over) return false;
    if (out.value.length + s.length <= max && out.template.length + s.length <= max) return true;
    over = true;
    errors.push(`${shown(text)} grows past ${max.toLocaleString("en-US")} characters once its variables are substituted; no Compose value needs that (a variable that repeats another, over and over?)`);
    return false;
  };
  const put = (s: string) => {
    if (!fits(s)) return;
    out.value += s;
    out.template += s;
  };
  const variable = (name: string, value: string) => {
    if (!fits(value)) return;
    out.value += value;
    if (options.marker && !options.literal?.has(name)) {
      out.template += options.marker(name);
      out.marked = true;
    } else out.template += value;
  };
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf("$", i);
    if (dollar < 0) {
      put(text.slice(i));
      break;
    }
    put(text.slice(i, dollar));
    i = dollar;
    const next = text[i + 1];
    if (next === "$") {
      put("$");
      i += 2;
      continue;
    }
    if (next === "{") {
      const end = closingBrace(text, i + 2);
      if (end < 0) {
        errors.push(`${shown(text)} has a "\${" without its closing "}"`);
        put(text.slice(i));
        break;
      }
      const r = expand(text.slice(i + 2, end), env, options, errors, depth, unset);
      if (r.variable !== undefined) variable(r.variable, r.value);
      else if (fits(r.value) && fits(r.template)) {
        out.value += r.value;
        out.template += r.template;
        out.marked ||= r.marked;
      }
      i = end + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1, i + 1 + 256));
    if (name) {
      const value = env[name[0]];
      if (value !== undefined) variable(name[0], value);
      else unset.push(name[0]);
      i += 1 + name[0].length;
      continue;
    }
    put("$");
    i++;
  }
  return out;
}

/** The index of the `}` that closes a `${` whose body starts at `from`, honouring nested `${...}`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === "$" && text[j + 1] === "$") {
      j++;
    } else if (text[j] === "$" && text[j + 1] === "{") {
      depth++;
      j++;
    } else if (text[j] === "}") {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

/** One `${...}`: the variable's own value (`variable` set) or the text of a default/replacement. */
function expand(
  body: string,
  env: Readonly<Record<string, string | undefined>>,
  options: InterpolateOptions,
  errors: string[],
  depth: number,
  unsetNames: string[],
): Out & { variable?: string } {
  const text = (value: string): Out => ({ value, template: value, marked: false });
  const name = NAME.exec(body);
  if (!name) {
    errors.push(`${shown(`\${${body}}`)} is not a variable reference: a name must start with a letter or "_"`);
    return text("");
  }
  const rest = body.slice(name[0].length);
  const value = env[name[0]];
  const own = (): Out & { variable?: string } => (value === undefined ? text("") : { ...text(value), variable: name[0] });
  if (rest === "") {
    if (value === undefined) unsetNames.push(name[0]);
    return own();
  }
  const colon = rest.startsWith(":");
  const op = rest[colon ? 1 : 0];
  const arg = rest.slice(colon ? 2 : 1);
  // With a colon, an empty value counts as unset.
  const unset = value === undefined || (colon && value === "");
  const sub = (): Out => {
    if (depth + 1 >= MAX_INTERPOLATION_DEPTH) {
      errors.push(`${shown(`\${${body}}`)} nests \${...} more than ${MAX_INTERPOLATION_DEPTH} levels deep; write the value out`);
      return text("");
    }
    return run(arg, env, options, errors, depth + 1, unsetNames);
  };
  switch (op) {
    case "-":
      return unset ? sub() : own();
    case "?":
      if (unset) {
        const message = sub().value;
        errors.push(
          `variable ${name[0]} is ${value === undefined ? "unset" : "empty"}${message ? `: ${message.slice(0, 200)}` : ""}; set it in the environment or an env file`,
        );
        return text("");
      }
      return own();
    case "+":
      return unset ? text("") : sub();
    default:
      errors.push(`${shown(`\${${body}}`)} has an unknown modifier ${shown(rest)}; use :-, -, :?, ?, :+ or +`);
      return text("");
  }
}
