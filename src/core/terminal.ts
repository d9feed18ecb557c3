/**
 * Text bound for a terminal, made inert: a user's names and values can hold escape sequences (screen clears,
 * clipboard writes, hyperlinks, title changes) and direction overrides that would act on the reader's terminal or
 * disguise what is shown. Every such character is written visibly instead, as an escape a reader can see.
 */

/**
 * Characters that act on a terminal or reorder what it shows: C0 controls other than newline and tab, DEL, C1
 * controls, the Unicode line and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this module is for
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** How one active character is shown: `\x1b` for C0 controls and DEL, `\u009b` style for the others. */
function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * `text` with every terminal-active character written visibly; newlines and tabs are kept. Pure; idempotent on
 * its own output (the escapes it writes are plain characters).
 *
 * @example visible("web\u001b]52;c;aGk=\u0007") // "web\\x1b]52;c;aGk=\\x07"
 */
export function visible(text: string): string {
  return text.replace(ACTIVE, escapeOne);
}

/** True when `text` holds a character {@link visible} would escape. */
export function hasActiveCharacters(text: string): boolean {
  ACTIVE.lastIndex = 0;
  const found = ACTIVE.test(text);
  ACTIVE.lastIndex = 0;
  return found;
}
