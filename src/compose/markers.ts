/**
 * Variable markers: how a value interpolated from the environment keeps track of where each variable went, so that
 * `berth compose` writes a program that reads the value from its stack configuration instead of holding it as a
 * literal. A marker is a private-use character, a nonce unique to one load, the variable's name and another
 * private-use character: no Compose file can forge one (the nonce is made after the file is read), JSON and the code
 * writer leave it intact, and it holds no `:`, `/`, `@` or space, so image references and command lines split around
 * it as they split around the value.
 */

/** One piece of a marked string: literal text or a variable. */
export type MarkedPart = { text: string } | { variable: string };

const NAME = "[A-Za-z_][A-Za-z0-9_]*";

/** The markers of one load, and the values the variables had when the file was read. */
export class VariableMarkers {
  private readonly pattern: RegExp;

  constructor(
    /** Letters and digits, unique to this load. */
    public readonly nonce: string,
    /** The variables' values when the file was read. */
    public readonly values: Readonly<Record<string, string | undefined>>,
  ) {
    if (!/^[A-Za-z0-9]+$/.test(nonce)) throw new Error("a marker nonce is letters and digits");
    this.pattern = new RegExp(`\uE000${nonce}:(${NAME})\uE001`, "g");
  }

  /** A fresh set of markers with a random nonce. */
  public static random(values: Readonly<Record<string, string | undefined>>): VariableMarkers {
    return new VariableMarkers(Math.random().toString(36).slice(2, 12) + Date.now().toString(36), values);
  }

  /** The marker of a variable. */
  public mark(name: string): string {
    return `\uE000${this.nonce}:${name}\uE001`;
  }

  /** The string with every marker replaced by its variable's value. */
  public resolve(text: string): string {
    if (text.indexOf("\uE000") < 0) return text;
    return text.replace(this.pattern, (_m, name: string) => this.values[name] ?? "");
  }

  /** True when the string holds a marker. */
  public marked(text: string): boolean {
    if (text.indexOf("\uE000") < 0) return false;
    this.pattern.lastIndex = 0;
    const found = this.pattern.test(text);
    // A global pattern remembers where it matched; the next use must start from the beginning.
    this.pattern.lastIndex = 0;
    return found;
  }

  /** The string as literal pieces and variables, in order. */
  public parts(text: string): MarkedPart[] {
    const out: MarkedPart[] = [];
    let last = 0;
    this.pattern.lastIndex = 0;
    for (const m of text.matchAll(this.pattern)) {
      if (m.index > last) out.push({ text: text.slice(last, m.index) });
      out.push({ variable: m[1]! });
      last = m.index + m[0].length;
    }
    if (last < text.length || out.length === 0) out.push({ text: text.slice(last) });
    return out;
  }

  /** The variables a string refers to. */
  public names(text: string): string[] {
    return this.parts(text).flatMap((p) => ("variable" in p ? [p.variable] : []));
  }
}

/** Resolves markers when there are any (`markers` undefined: the text has none). */
export function resolveMarkers(markers: VariableMarkers | undefined, text: string): string {
  return markers ? markers.resolve(text) : text;
}
