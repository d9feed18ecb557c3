/**
 * Quoting for a POSIX shell: a word that needs no quotes is written as it is, any other in single quotes with each
 * embedded `'` written as `'\''`. Inside single quotes the shell keeps every byte, so the result is one word whatever
 * the text holds; `oneLine` writes control characters as ANSI-C escapes instead, for a word shown on one line.
 */

/** Characters that never need quoting in a POSIX shell word (no `=`, so a first word is never an assignment). */
const PLAIN = /^[A-Za-z0-9_./:@,+-]+$/;

/** Control characters and line separators, which `oneLine` escapes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters that must be escaped.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** How {@link shellQuote} writes a word. */
export interface ShellQuoteOptions {
  /** Quote even a word that needs no quotes. @default false */
  always?: boolean;
  /**
   * Keep the word on one line: a word with control characters (or U+2028/U+2029) is written in ANSI-C quotes
   * (`$'a\u000ab'`, read by bash, zsh and ksh) instead of single quotes. @default false
   */
  oneLine?: boolean;
}

/** `text` as one POSIX shell word. */
export function shellQuote(text: string, options: ShellQuoteOptions = {}): string {
  if (!options.always && PLAIN.test(text)) return text;
  if (options.oneLine && CONTROL.test(text)) {
    let body = "";
    for (const c of text) {
      const code = c.codePointAt(0)!;
      if (c === "'" || c === "\\") body += `\\${c}`;
      else if (CONTROL.test(c)) body += `\\u${code.toString(16).padStart(4, "0")}`;
      else body += c;
    }
    return `$'${body}'`;
  }
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
