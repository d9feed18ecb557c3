/**
 * Source positions of the keys and sequence items of a block-style YAML document, found by indentation, so that a
 * warning can name `compose.yaml:12:5`. Flow collections (`{a: 1}`, `[a, b]`) are not entered: a path inside one
 * resolves to the position of the nearest enclosing block key.
 */

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

interface Frame {
  indent: number;
  path: string;
  /** For a sequence item frame: it is an item, not a key. */
  item: boolean;
  /** The next item index of the sequence under this frame. */
  nextItem: number;
}

/** Maps every block key and sequence item of `text` to its position; look a path up with {@link positionOf}. */
export function indexPositions(text: string): Map<string, Position> {
  const positions = new Map<string, Position>();
  const stack: Frame[] = [{ indent: -1, path: "", item: false, nextItem: 0 }];
  let blockScalarIndent = -1;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const content = raw.trimStart();
    let indent = raw.length - content.length;
    if (blockScalarIndent >= 0) {
      if (content === "" || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (content === "" || content.startsWith("#") || content === "---" || content === "...") continue;
    let rest = content;
    // Sequence items ("- "), possibly several on one line ("- - a").
    while (rest === "-" || rest.startsWith("- ")) {
      while (stack.length > 1) {
        const top = stack[stack.length - 1]!;
        if (top.indent > indent || (top.indent === indent && top.item)) stack.pop();
        else break;
      }
      const parent = stack[stack.length - 1]!;
      const path = join(parent.path, String(parent.nextItem++));
      positions.set(path, { line: n + 1, column: indent + 1 });
      stack.push({ indent, path, item: true, nextItem: 0 });
      const after = rest.slice(1);
      const trimmed = after.trimStart();
      indent += 1 + (after.length - trimmed.length);
      rest = trimmed;
      if (rest === "") break;
    }
    const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#{[][^#]*?)\s*:(?:\s|$)/.exec(rest);
    if (!key) continue;
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]!;
    const name = unquote(key[1]!);
    const path = join(parent.path, name);
    positions.set(path, { line: n + 1, column: indent + 1 });
    stack.push({ indent, path, item: false, nextItem: 0 });
    const value = rest.slice(key[0].length).trim();
    if (/^[|>][0-9+-]*(\s+#.*)?$/.test(value)) blockScalarIndent = indent;
  }
  return positions;
}

/** The position of a path (`["services", "web", "ports", 0]`), or of its nearest known ancestor. */
export function positionOf(index: Map<string, Position>, path: readonly (string | number)[]): Position {
  for (let len = path.length; len > 0; len--) {
    const found = index.get(path.slice(0, len).map(String).join("\u0000"));
    if (found) return found;
  }
  return { line: 1, column: 1 };
}

function join(parent: string, segment: string): string {
  return parent === "" ? segment : `${parent}\u0000${segment}`;
}

function unquote(key: string): string {
  if (key.startsWith('"')) return JSON.parse(key) as string;
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}
