/**
 * How a user's value appears inside a message: JSON-quoted, on one line, and at most {@link SHOWN_MAX} characters
 * whatever the value or where the project lives. A long value keeps what identifies it: its start for most values,
 * its end for a path (the file's name and the folders nearest to it).
 */
import { visible } from "./terminal";

/** The longest a quoted value gets in a message, quotes and the `…` mark included. */
export const SHOWN_MAX = 80;

/** The first line of `text` (a value that spans lines is shown by its first). */
export function firstLine(text: string): string {
  return text.split(/\r\n|[\r\n\u2028\u2029]/, 1)[0] ?? "";
}

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** How many characters a piece of text takes once JSON-quoted (without the quotes). */
function quotedWidth(piece: string): number {
  return quote(piece).length - 2;
}

/** JSON-quoted, with terminal-active characters JSON leaves raw (C1 controls, direction marks) escaped too. */
function quote(text: string): string {
  return visible(JSON.stringify(text));
}

/** The longest prefix of `chars` whose quoted width fits `budget`. */
function fitStart(chars: string[], budget: number): string {
  let used = 0;
  let end = 0;
  while (end < chars.length && used + quotedWidth(chars[end]!) <= budget) used += quotedWidth(chars[end++]!);
  return chars.slice(0, end).join("");
}

/** The longest suffix of `chars` whose quoted width fits `budget`. */
function fitEnd(chars: string[], budget: number): string {
  let used = 0;
  let start = chars.length;
  while (start > 0 && used + quotedWidth(chars[start - 1]!) <= budget) used += quotedWidth(chars[--start]!);
  return chars.slice(start).join("");
}

/**
 * A value as a message shows it: a string by its first line, JSON-quoted; anything else as JSON; cut at its end
 * with `…` when longer than `max`.
 *
 * @example shown("nginx:1.27") // '"nginx:1.27"'
 */
export function shown(value: unknown, max: number = SHOWN_MAX): string {
  if (typeof value !== "string") {
    // Numbers, booleans, null and structures show as JSON, unquoted; cut like text when long.
    const json = visible(firstLine(asText(value)));
    return json.length <= max ? json : `${[...json].slice(0, Math.max(1, max - 1)).join("")}…`;
  }
  const one = firstLine(value);
  const whole = quote(one);
  if (whole.length <= max) return whole;
  // Two quotes and the mark take 3 characters; the cut falls between characters, never inside an escape.
  return quote(`${fitStart([...one], Math.max(1, max - 3))}…`);
}

/**
 * A file or folder path as a message shows it: JSON-quoted and, when longer than `max`, cut at its start so that
 * the file's name and the folders nearest to it stay (`"…/loader-testdata/Dockerfile"`). The cut falls on a `/` (or
 * `\`) when one is in reach, so no folder name is shown in part; a last segment longer than `max` keeps its end.
 *
 * @example shownPath("/home/me/projects/app/docker/Dockerfile", 30) // '"…/app/docker/Dockerfile"'
 */
export function shownPath(path: string, max: number = SHOWN_MAX): string {
  const one = firstLine(path);
  const whole = quote(one);
  if (whole.length <= max) return whole;
  const tail = fitEnd([...one], Math.max(1, max - 3));
  // Move the cut forward to the next separator, so the shown tail starts with a whole folder name.
  const sep = tail.search(/[/\\]/);
  return quote(`…${sep > 0 && sep < tail.length - 1 ? tail.slice(sep) : tail}`);
}
