/**
 * Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
 * `${VAR?error}`, `${VAR:+replacement}`, `${VAR+replacement}` and `$$` for a literal `$`, as the Compose
 * Specification defines them. Defaults and replacements are interpolated in turn (`${A:-${B}}`).
 */

/** The result of interpolating one string. */
export interface Interpolated {
  /** The string with every variable replaced. */
  value: string;
  /** Errors: `${VAR:?message}` with VAR unset or empty, or a malformed `${...}`. */
  errors: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Interpolates `text` against `env` (a variable that is absent from `env` is unset). */
export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): Interpolated {
  const errors: string[] = [];
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch !== "$") {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (next === "{") {
      const end = closingBrace(text, i + 2);
      if (end < 0) {
        errors.push(`"${text}" has a "\${" without its closing "}"`);
        out += text.slice(i);
        break;
      }
      out += expand(text.slice(i + 2, end), env, errors);
      i = end + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1));
    if (name) {
      out += env[name[0]] ?? "";
      i += 1 + name[0].length;
      continue;
    }
    out += "$";
    i++;
  }
  return { value: out, errors };
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

function expand(body: string, env: Readonly<Record<string, string | undefined>>, errors: string[]): string {
  const name = NAME.exec(body);
  if (!name) {
    errors.push(`"\${${body}}" is not a variable reference: a name must start with a letter or "_"`);
    return "";
  }
  const rest = body.slice(name[0].length);
  const value = env[name[0]];
  if (rest === "") return value ?? "";
  const colon = rest.startsWith(":");
  const op = rest[colon ? 1 : 0];
  const arg = rest.slice(colon ? 2 : 1);
  // With a colon, an empty value counts as unset.
  const unset = value === undefined || (colon && value === "");
  const sub = (): string => {
    const r = interpolate(arg, env);
    errors.push(...r.errors);
    return r.value;
  };
  switch (op) {
    case "-":
      return unset ? sub() : value!;
    case "?":
      if (unset) {
        const message = sub();
        errors.push(
          `variable ${name[0]} is ${value === undefined ? "unset" : "empty"}${message ? `: ${message}` : ""}; set it in the environment or an env file`,
        );
        return "";
      }
      return value!;
    case "+":
      return unset ? "" : sub();
    default:
      errors.push(`"\${${body}}" has an unknown modifier "${rest}"; use :-, -, :?, ?, :+ or +`);
      return "";
  }
}
