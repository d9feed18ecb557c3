/**
 * Reading the files a user's input refers to (blueprint imports, scripts, resources, Compose `env_file`s, `--inputs`),
 * confined to one root folder: a reference that resolves outside the root (through `..`, an absolute path or a
 * symbolic link) is refused, only regular files are read (never a FIFO, a device or a folder), each up to a size
 * limit, and the text must be valid UTF-8. Errors name the reference and why; they never show the file's content.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The default size limit for one file: 16 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Where reads may go, and how much each may read. */
export interface ReadScope {
  /** The root folder (absolute). Every file read must resolve inside it. */
  root: string;
  /** The largest file read, in bytes. @default 16 MiB ({@link DEFAULT_MAX_FILE_BYTES}) */
  maxBytes?: number;
}

/** Why a read was refused. */
export type ReadFailure = "outside-root" | "not-found" | "not-a-file" | "too-large" | "not-utf8" | "unreadable";

/** The result of {@link readScoped}: the text, or why there is none (a message that names the reference). */
export type ReadResult = { ok: true; text: string; file: string } | { ok: false; reason: ReadFailure; message: string };

/** True when `child` is `parent` or inside it (both absolute and normalised). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Formats a size in bytes for messages ("16 MiB", "300 KiB", "12 bytes"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** Parses a `--max-file-size` value: bytes, or a number with k/m/g (KiB, MiB, GiB). Undefined when malformed. */
export function parseFileSize(text: string): number | undefined {
  const m = /^([0-9]+)\s*([kmg]i?b?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? "").charAt(0).toLowerCase();
  const scale = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  const value = Number(m[1]) * scale;
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function fail(reason: ReadFailure, message: string): ReadResult {
  return { ok: false, reason, message };
}

/**
 * Resolves `ref` (as written in the input) against `fromDir` and checks that it stays inside the scope's root, also
 * after following symbolic links. Returns the absolute path, or a failure naming `ref`.
 */
export function resolveScoped(ref: string, fromDir: string, scope: ReadScope): { ok: true; file: string } | { ok: false; reason: ReadFailure; message: string } {
  const root = path.resolve(scope.root);
  const file = path.resolve(fromDir, ref);
  const outside = `${JSON.stringify(ref)} is outside the project folder ${root}; only files inside it are read (move the file there, or pass --root with a folder that holds both)`;
  let real: string;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    realRoot = root;
  }
  // The root may be reached through a symbolic link while `fromDir` is already resolved (or the other way round), so
  // the confinement is decided on resolved paths; the written path only chooses which message a refusal gets.
  const writtenInside = isInside(root, file) || isInside(realRoot, file);
  try {
    real = fs.realpathSync(file);
  } catch {
    if (!writtenInside) return { ok: false, reason: "outside-root", message: outside };
    return { ok: false, reason: "not-found", message: `${JSON.stringify(ref)} does not exist (looked for ${path.relative(root, file) || "."} in ${root})` };
  }
  if (!isInside(realRoot, real)) {
    if (!writtenInside) return { ok: false, reason: "outside-root", message: outside };
    return { ok: false, reason: "outside-root", message: `${JSON.stringify(ref)} is a symbolic link to a file outside the project folder ${root}; only files inside it are read` };
  }
  // The path as the project names it when that path is inside the root (so one file has one name, and messages
  // show the folders the user knows); the resolved one otherwise. Either way its real location was checked above.
  // A file that is itself a link is named by what it points to (readers refuse links).
  const lexical = writtenInside && isInside(root, file) && !fs.lstatSync(file).isSymbolicLink();
  return { ok: true, file: lexical ? file : real };
}

/**
 * Reads a regular file inside the scope as UTF-8 (a leading byte-order mark removed). Opens without blocking (a FIFO
 * never hangs the read), checks the file type and size on the open descriptor, and reads at most `maxBytes + 1` bytes.
 *
 * @example
 * ```ts
 * const r = readScoped("scripts/install.sh", "/work/bp", { root: "/work/bp" });
 * if (!r.ok) report(r.message);
 * ```
 */
export function readScoped(ref: string, fromDir: string, scope: ReadScope): ReadResult {
  const resolved = resolveScoped(ref, fromDir, scope);
  if (!resolved.ok) return resolved;
  return readRegularFile(resolved.file, ref, scope.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
}

/**
 * Reads a file the user named directly (a command-line argument such as `--inputs`), with the same file-type, size
 * and UTF-8 checks as {@link readScoped} but no root.
 */
export function readUserFile(file: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): ReadResult {
  return readRegularFile(path.resolve(file), file, maxBytes);
}

function readRegularFile(file: string, ref: string, maxBytes: number): ReadResult {
  const name = JSON.stringify(ref);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return fail("not-found", `${name} does not exist`);
    if (code === "ELOOP") return fail("not-a-file", `${name} is a symbolic link; name the file it points to`);
    if (code === "EISDIR") return fail("not-a-file", `${name} is a folder, not a file`);
    return fail("unreadable", `${name} cannot be read (${code ?? "error"})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return fail("not-a-file", `${name} is a folder, not a file`);
    if (!stat.isFile()) return fail("not-a-file", `${name} is not a regular file (a device, FIFO or socket); only regular files are read`);
    if (stat.size > maxBytes) {
      return fail("too-large", `${name} is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for one file (raise it with --max-file-size)`);
    }
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) {
      return fail("too-large", `${name} grew past the ${formatBytes(maxBytes)} limit for one file while it was read (raise it with --max-file-size)`);
    }
    return decodeUtf8(buffer.subarray(0, length), ref, file);
  } catch (err) {
    return fail("unreadable", `${name} cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Decodes UTF-8 strictly; an invalid sequence is a failure that gives its line and column, not U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, ref: string, file = ref): ReadResult {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, file };
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    return fail("not-utf8", `${JSON.stringify(ref)}:${line}:${at - lineStart + 1}: the file is not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, "0") ?? "??"} at offset ${at}); save it as UTF-8`);
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (need === 2) {
      const c = bytes[i + 1]!;
      if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c >= 0xa0)) return i;
    }
    if (need === 3) {
      const c = bytes[i + 1]!;
      if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c >= 0x90)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Cuts a line quoted in an error to at most `max` characters (200 by default), marking the cut. */
export function quoteLine(line: string, max = 200): string {
  const one = line.split(/\r\n|[\r\n\u2028\u2029]/, 1)[0] ?? "";
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}
