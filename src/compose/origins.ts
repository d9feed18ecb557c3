/**
 * Where each part of an assembled Compose project came from. Several files (`-f`, `include`, `extends`) are merged
 * into one tree before it is read; every problem the reader finds must still name the file, line and column it was
 * written at. An {@link Origins} maps paths of the assembled tree to a path in a parsed file (or in another file's
 * Origins); a path without an entry of its own takes the entry of its nearest ancestor.
 */
import type { ParsedYaml } from "../yaml/parse";

/** A path into a Compose tree: mapping keys and sequence indexes. */
export type TreePath = readonly (string | number)[];

type Entry = { parsed: ParsedYaml; path: TreePath } | { origins: Origins; path: TreePath };

const SEP = "\u0000";

function keyOf(path: TreePath, length = path.length): string {
  let k = "";
  for (let i = 0; i < length; i++) k += (i === 0 ? "" : SEP) + String(path[i]);
  return k;
}

/** Where the parts of one tree came from. */
export class Origins {
  private readonly entries = new Map<string, Entry>();

  /** Origins for a tree that is one parsed file, at `path` of it (the whole file by default). */
  public static of(parsed: ParsedYaml, path: TreePath = []): Origins {
    const o = new Origins();
    o.entries.set(keyOf([]), { parsed, path });
    return o;
  }

  /** Records that the subtree at `at` was written at `path` of `parsed`. */
  public setParsed(at: TreePath, parsed: ParsedYaml, path: TreePath): void {
    this.entries.set(keyOf(at), { parsed, path });
  }

  /** Records that the subtree at `at` is the subtree at `path` of another tree whose origins are `origins`. */
  public link(at: TreePath, origins: Origins, path: TreePath): void {
    this.entries.set(keyOf(at), { origins, path });
  }

  /**
   * A copy of the origins of the subtree at `at`, re-rooted there: later changes to this Origins do not reach it (the
   * subtree can then be replaced by a tree that refers to the copy).
   */
  public subtree(at: TreePath): Origins {
    const out = new Origins();
    const prefix = keyOf(at);
    // The root keeps the entry recorded at `at` itself (a link stays a link), else the nearest ancestor's, resolved.
    const own = this.entries.get(prefix);
    const base = own ?? this.source(at);
    if (base) out.entries.set("", base);
    for (const [k, e] of this.entries) {
      if (at.length === 0) out.entries.set(k, e);
      else if (k.startsWith(`${prefix}${SEP}`)) out.entries.set(k.slice(prefix.length + 1), e);
    }
    return out;
  }

  /** The file and path in it where the node at `path` was written (the nearest recorded ancestor's, extended). */
  public source(path: TreePath): { parsed: ParsedYaml; path: TreePath } | undefined {
    for (let n = path.length; n >= 0; n--) {
      const e = this.entries.get(keyOf(path, n));
      if (!e) continue;
      const rest = path.slice(n);
      if ("parsed" in e) return { parsed: e.parsed, path: [...e.path, ...rest] };
      return e.origins.source([...e.path, ...rest]);
    }
    return undefined;
  }

  /** `file:line:column` of the node (or mapping key) at `path`. */
  public where(path: TreePath): string {
    const s = this.source(path);
    if (!s) return "(unknown)";
    const p = s.parsed.locateKey(s.path);
    return `${s.parsed.file}:${p.line}:${p.col}`;
  }

  /** `file:line:column` of the value at `path` itself (not its mapping key), or of its nearest written ancestor. */
  public whereValue(path: TreePath): string {
    const s = this.source(path);
    if (!s) return "(unknown)";
    const p = s.parsed.locateNearest(s.path);
    return `${s.parsed.file}:${p.line}:${p.col}`;
  }

  /** The file the node at `path` was written in. */
  public fileOf(path: TreePath): string | undefined {
    return this.source(path)?.parsed.file;
  }
}
