/**
 * A small writer for generated TypeScript: lines, indented blocks, comments and safely escaped literals.
 * Generated code goes through this writer, never through string concatenation of user values.
 *
 * @example
 * ```ts
 * const w = new CodeWriter();
 * w.comment("The web tier.");
 * w.block(`const web = new DockerContainer(${literal("web")}, `, "});", () => w.line(`name: ${literal(name)},`));
 * w.toString();
 * ```
 */
export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  /** @param indentUnit the text of one indentation level. @default two spaces */
  constructor(private readonly indentUnit = "  ") {}

  /** Writes one line at the current indentation (an empty call writes a blank line). */
  public line(text = ""): this {
    this.lines.push(text === "" ? "" : this.indentUnit.repeat(this.depth) + text);
    return this;
  }

  /** Writes `open`, the body one level deeper, then `close`. */
  public block(open: string, close: string, body: () => void): this {
    this.line(open);
    this.depth++;
    try {
      body();
    } finally {
      this.depth--;
    }
    return this.line(close);
  }

  /**
   * Writes a comment, one `//` line per line of text. The text is split on every line terminator JavaScript knows
   * (LF, CR, CRLF, U+2028, U+2029), so no part of it can end the comment and run as code.
   */
  public comment(text: string): this {
    for (const l of commentLines(text)) this.line(l === "" ? "//" : `// ${l}`);
    return this;
  }

  /** Writes a `/** ... *\/` doc comment, with any `*\/` in the text broken up so it cannot end the comment early. */
  public docComment(text: string): this {
    this.line("/**");
    for (const l of commentLines(text)) this.line(l === "" ? " *" : ` * ${l.replace(/\*\//g, "*\\/")}`);
    return this.line(" */");
  }

  /** The code written so far, ending in one newline. */
  public toString(): string {
    return `${this.lines.join("\n").replace(/\n+$/, "")}\n`;
  }
}

/** Control and invisible format characters: shown as escapes in comments. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are escaped.
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Every line terminator of JavaScript source: LF, CR (alone or before LF), U+2028 and U+2029. */
const LINE_TERMINATORS = /\r\n|[\n\r\u2028\u2029]/;

/**
 * The lines of a comment's text: split on every JavaScript line terminator, trailing blanks removed, and every other
 * control or invisible format character (NUL, escape, bidirectional overrides) written as `\u{...}` so a comment shows
 * what it holds and cannot hide code.
 */
export function commentLines(text: string): string[] {
  return text.split(LINE_TERMINATORS).map((l) =>
    l
      .replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
      .replace(/\s+$/, ""),
  );
}

/** A TypeScript string literal for any text (double-quoted, every special character escaped). */
export function literal(text: string): string {
  const json = JSON.stringify(text);
  // Line and paragraph separators are valid in JSON strings but were line terminators in older JavaScript.
  if (json.indexOf("\u2028") < 0 && json.indexOf("\u2029") < 0) return json;
  return json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield any boolean constructor declare get " +
    "module require number set string symbol type from of await async " +
    // Names CommonJS gives a meaning: `export const __proto__` would set the exports' prototype (the output lost),
    // `__esModule` is the compiler's own marker, `exports` and `__dirname` are the module's.
    "__proto__ __esModule exports module __dirname __filename globalThis eval arguments " +
    // Globals whose shadowing would change what generated code means.
    "undefined NaN Infinity"
  ).split(" "),
);

/**
 * A valid, readable camelCase identifier for a name from a blueprint or compose file (`web-server` → `webServer`,
 * `1st` → `_1st`, `class` → `class_`). Pass `taken` to get a unique one (`web`, `web2`, ...); it is updated.
 */
export function identifier(name: string, taken?: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9_$]+/).filter((w) => w.length > 0);
  let id = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("");
  if (id === "") id = "node";
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  if (taken) {
    let candidate = id;
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}${n}`;
    taken.add(candidate);
    id = candidate;
  }
  return id;
}

/**
 * A TypeScript expression for a JSON-like value, with object keys quoted only where they must be.
 * Strings go through {@link literal}; `undefined` members are left out.
 */
export function valueLiteral(value: unknown, indent = ""): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return literal(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : literal(String(value));
  if (typeof value === "boolean") return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const simple = value.every((v) => v === null || typeof v !== "object");
    const items = value.map((v) => valueLiteral(v, inner));
    const oneLine = `[${items.join(", ")}]`;
    if (simple && oneLine.length <= 80) return oneLine;
    return `[\n${items.map((i) => `${inner}${i},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const props = entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${valueLiteral(v, inner)},`);
  return `{\n${props.join("\n")}\n${indent}}`;
}

/**
 * An object-literal key: bare when it is a valid identifier, quoted otherwise. `__proto__` (bare or quoted) would set
 * the object's prototype instead of making a member, so it is written as a computed key.
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return `[${literal(key)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : literal(key);
}
