/**
 * How the importer reads the files a blueprint refers to (its imports, scripts and resource files): confined to the
 * blueprint's root folder, regular files only, each up to a size limit, strict UTF-8 (see core/files.ts). The main
 * file and the files the user names on the command line (`--import-map` targets) are read with the same checks but
 * no root. Errors name the reference and why, never the content of the file.
 */
import * as path from "node:path";
import { DEFAULT_MAX_FILE_BYTES, type ReadResult, isInside, readScoped, readUserFile } from "../../core/files";

/** A file that was read: its text, the name shown in messages and its real path (the identity for "read once"). */
export interface ReadFile {
  text: string;
  /** The path as shown in messages (relative to the working directory when the blueprint was named that way). */
  display: string;
  /** The resolved path, symbolic links followed. */
  real: string;
}

/** Why a file was not read, as a message that names the reference (never the file's content). */
export interface ReadRefusal {
  message: string;
  /** True when the reference leaves the root folder (the DSL allows it, Berth refuses it: an error, never a gap). */
  outside: boolean;
  /** True when the file does not exist. */
  missing: boolean;
}

/** Options for a {@link BlueprintReader}. */
export interface ReaderOptions {
  /** The root folder every relative reference must stay inside. @default the main file's folder */
  root?: string;
  /** The largest file read, in bytes. @default 16 MiB */
  maxFileBytes?: number;
  /** The folder relative file names (the blueprint's, `root`) are relative to. @default the process's working directory */
  cwd?: string;
  /**
   * Reads a file by path instead of the disk (tests); undefined means it does not exist. Confinement to the root is
   * still checked on the path.
   * @default reads from disk with the checks above
   */
  readFile?: (file: string) => string | undefined;
}

/** Reads the files of one blueprint. */
export class BlueprintReader {
  /** The root folder, absolute. */
  public readonly root: string;
  private readonly maxBytes: number;
  private readonly cwd: string;

  constructor(
    mainFile: string,
    private readonly options: ReaderOptions = {},
  ) {
    this.cwd = options.cwd ?? process.cwd();
    this.root = path.resolve(this.cwd, options.root ?? path.dirname(mainFile));
    this.maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** Reads the main blueprint file (it must be inside the root when a root was given). */
  public main(file: string): ReadFile | ReadRefusal {
    const abs = path.resolve(this.cwd, file);
    if (!isInside(this.root, abs)) {
      return refusal(`the blueprint ${JSON.stringify(file)} is outside the root folder ${this.root} given with --root`, true);
    }
    if (this.options.readFile) return this.fromHook(abs, file, file);
    return toRead(readUserFile(abs, this.maxBytes), file, file);
  }

  /**
   * Reads a file referred to from a blueprint file: `ref` relative to `fromDisplayDir` (the referring file's folder),
   * inside `root` (the blueprint's root folder unless the referring file came from elsewhere: an import-map target's
   * or a catalogue folder's own folder).
   */
  public relative(ref: string, fromDisplayDir: string, root: string = this.root): ReadFile | ReadRefusal {
    const display = path.normalize(path.join(fromDisplayDir, ref));
    const fromDir = path.resolve(this.cwd, fromDisplayDir);
    if (this.options.readFile) {
      const abs = path.resolve(fromDir, ref);
      if (!isInside(root, abs)) return refusal(outsideMessage(ref, root), true);
      return this.fromHook(abs, ref, display);
    }
    return toRead(readScoped(ref, fromDir, { root, maxBytes: this.maxBytes }), display);
  }

  /** The working directory relative names are resolved against. */
  public cwdPath(): string {
    return this.cwd;
  }

  /** Reads `ref` inside a folder the user named (a `--catalogue` folder); undefined when it does not exist there. */
  public inFolder(ref: string, folder: string): ReadFile | ReadRefusal {
    const dir = path.resolve(this.cwd, folder);
    return this.relative(ref, path.relative(this.cwd, dir) || ".", dir);
  }

  /** Reads a file the user named directly (an `--import-map` or `--catalogue` target): the checks, but no root. */
  public user(file: string): ReadFile | ReadRefusal {
    const abs = path.resolve(this.cwd, file);
    if (this.options.readFile) return this.fromHook(abs, file, file);
    return toRead(readUserFile(abs, this.maxBytes), file, file);
  }

  private fromHook(abs: string, ref: string, display: string): ReadFile | ReadRefusal {
    const text = this.options.readFile!(display);
    if (text === undefined) return { message: `${JSON.stringify(ref)} does not exist`, outside: false, missing: true };
    if (Buffer.byteLength(text, "utf8") > this.maxBytes) return refusal(`${JSON.stringify(ref)} is over the size limit for one file (raise it with --max-file-size)`, false);
    return { text, display, real: abs };
  }
}

/** True when a read result is a refusal. */
export function isRefusal(r: ReadFile | ReadRefusal): r is ReadRefusal {
  return !("text" in r);
}

function refusal(message: string, outside: boolean): ReadRefusal {
  return { message, outside, missing: false };
}

function outsideMessage(ref: string, root: string): string {
  return `${JSON.stringify(ref)} is outside the project folder ${root}; only files inside it are read (move the file there, or pass --root with a folder that holds both)`;
}

/** A read result; `named` is what the user wrote, put in place of the absolute path in the messages. */
function toRead(r: ReadResult, display: string, named?: string): ReadFile | ReadRefusal {
  if (r.ok) return { text: r.text.charCodeAt(0) === 0xfeff ? r.text.slice(1) : r.text, display, real: r.file };
  return { message: named ? r.message.split(JSON.stringify(path.resolve(named))).join(JSON.stringify(named)) : r.message, outside: r.reason === "outside-root", missing: r.reason === "not-found" };
}
