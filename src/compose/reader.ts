/**
 * How the Compose loader reaches the file system: every file a Compose project refers to (`env_file`, `.env`,
 * `include`, `extends`, secret and config `file:` sources, build contexts) is read through one {@link ComposeReader},
 * confined to the project's root folder, regular files only, size-capped and strict UTF-8 (src/core/files.ts). The
 * loader itself stays pure: tests give it a reader over an in-memory map.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type ReadResult, type ReadScope, readScoped, resolveScoped } from "../core/files";

/** The file access the Compose loader uses. */
export interface ComposeReader {
  /** The root folder every reference must resolve inside (absolute). */
  readonly root: string;
  /**
   * Reads the file `ref` (as the Compose file wrote it; `~` already expanded), resolved against `fromDir`. Failures
   * name `ref` and never show the file's content.
   */
  read(ref: string, fromDir: string): ReadResult;
  /**
   * Resolves `ref` against `fromDir` and checks it stays inside the root (symbolic links followed); for folders such
   * as build contexts, which are not read here.
   */
  resolve(ref: string, fromDir: string): { ok: true; file: string } | { ok: false; message: string };
  /** What a resolved path is, without reading it. */
  kind(file: string): "file" | "folder" | "other" | "missing";
}

/**
 * A reader confined to `scope.root`. Each file is read once per reader (a file named by many services, or many times
 * through aliases, costs one read).
 */
export function scopedReader(scope: ReadScope): ComposeReader {
  const cache = new Map<string, ReadResult>();
  const root = path.resolve(scope.root);
  return {
    root,
    read(ref, fromDir) {
      const key = path.resolve(fromDir, ref);
      const known = cache.get(key);
      if (known) return known.ok ? known : { ...known };
      const result = readScoped(ref, fromDir, { ...scope, root });
      cache.set(key, result);
      return result;
    },
    resolve(ref, fromDir) {
      const r = resolveScoped(ref, fromDir, { ...scope, root });
      return r.ok ? r : { ok: false, message: r.message };
    },
    kind(file) {
      try {
        const st = fs.lstatSync(file);
        return st.isFile() ? "file" : st.isDirectory() ? "folder" : "other";
      } catch {
        return "missing";
      }
    },
  };
}

/**
 * A reader over an in-memory map of absolute paths to texts, confined to `root` the same way (for tests and for
 * programs that hold their Compose files in memory).
 */
export function memoryReader(root: string, files: Readonly<Record<string, string>>): ComposeReader {
  const inside = (file: string) => {
    const rel = path.relative(root, file);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  };
  const outside = (ref: string) =>
    `${JSON.stringify(ref)} is outside the project folder ${root}; only files inside it are read (move the file there, or pass --root with a folder that holds both)`;
  return {
    root,
    read(ref, fromDir) {
      const file = path.resolve(fromDir, ref);
      if (!inside(file)) return { ok: false, reason: "outside-root", message: outside(ref) };
      const text = files[file];
      if (text === undefined) return { ok: false, reason: "not-found", message: `${JSON.stringify(ref)} does not exist` };
      return { ok: true, text, file };
    },
    resolve(ref, fromDir) {
      const file = path.resolve(fromDir, ref);
      return inside(file) ? { ok: true, file } : { ok: false, message: outside(ref) };
    },
    kind(file) {
      if (files[file] !== undefined) return "file";
      return Object.keys(files).some((f) => f.startsWith(`${file}/`)) ? "folder" : "missing";
    },
  };
}
