/**
 * Splitting a command line into words exactly as Python's `shlex.split(text)` does (POSIX mode, no comments): what
 * docker-py and Compose do to a string `command` or `entrypoint`. Words are separated by space, tab, CR and LF;
 * single quotes keep everything; in double quotes a backslash escapes only `"` and `\` (so `"\$"` stays `\$`);
 * outside quotes a backslash escapes the next character. No expansion of any kind.
 */

/** The words of a command line, or why it cannot be split (the words read up to the problem). */
export interface ShellWords {
  /** The words. */
  words: string[];
  /** Why the line cannot be split: an unclosed quote or a trailing backslash. @default none */
  error?: string;
}

/** The problem of a line whose last character is an unescaped backslash. */
const LONE_BACKSLASH = "ends with a lone backslash (write \\\\ for a backslash)";

/** shlex's POSIX whitespace. */
const SPACE = " \t\r\n";

/** Splits `text` into words as `shlex.split(text)` does. */
export function shellWords(text: string): ShellWords {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === "\\") {
        if (i + 1 >= text.length) return { words, error: LONE_BACKSLASH };
        const next = text[++i]!;
        word += next === '"' || next === "\\" ? next : `\\${next}`;
      } else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\") {
      if (i + 1 >= text.length) return { words, error: LONE_BACKSLASH };
      word += text[++i];
      inWord = true;
    } else if (SPACE.includes(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { words, error: `has no closing ${quote} quote` };
  if (inWord) words.push(word);
  return { words };
}
