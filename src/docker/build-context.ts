/**
 * The content digest of a build context: what `docker build` would send (the context folder less what
 * `.dockerignore` leaves out, the Dockerfile always), hashed with each entry's path, kind, executable bit and content
 * (a symbolic link's target, never what it points at). It names the image a build makes, so a change in the context
 * gives a new name and a rebuild, and an unchanged context the same name and no work.
 *
 * Reads are bounded: regular files only, opened without following links or blocking, at most `maxFiles` entries and
 * `maxBytes` in all. Problems are thrown as {@link BuildContextError}s that name the context and the bound.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { DockerIgnore } from "./dockerignore";

/** Options of {@link buildContextDigest}. */
export interface BuildContextOptions {
  /** The Dockerfile, relative to the context. @default "Dockerfile" */
  dockerfile?: string;
  /** At most this many files and folders. @default 100000 */
  maxFiles?: number;
  /** At most this many bytes of file content. @default 2 GiB */
  maxBytes?: number;
}

/** The context cannot be digested: missing, not a folder, or over a bound. */
export class BuildContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BuildContextError";
  }
}

const CHUNK = 1024 * 1024;

function hashFile(file: string, budget: { bytes: number }, context: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (err) {
    throw new BuildContextError(`the file ${file} of the build context cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return "special";
    const h = createHash("sha256");
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, st.size)));
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      budget.bytes += n;
      if (budget.bytes > maxBytes) throw new BuildContextError(`the build context ${context} holds more than ${maxBytes.toLocaleString("en-US")} bytes (raise the limit with --max-context-size, or leave files out with .dockerignore)`);
      h.update(buf.subarray(0, n));
    }
    return h.digest("hex");
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The sha256 (64 hex digits) of a build context, as the Docker CLI would send it.
 *
 * @example
 * ```ts
 * const digest = buildContextDigest(path.join(__dirname, "web"), { dockerfile: "Dockerfile" });
 * new docker.RemoteImage("web", { name: `web:${digest}`, build: { context: path.join(__dirname, "web") }, triggers: { digest } });
 * ```
 */
export function buildContextDigest(context: string, options: BuildContextOptions = {}): string {
  try {
    return digest(context, options);
  } catch (err) {
    if (err instanceof BuildContextError) throw err;
    // A file that changed or went away while it was read, or one this user may not read.
    const code = (err as NodeJS.ErrnoException).code;
    throw new BuildContextError(`the build context ${context} cannot be read (${code ?? (err as Error).message})`);
  }
}

function digest(context: string, options: BuildContextOptions): string {
  const maxFiles = options.maxFiles ?? 100_000;
  const maxBytes = options.maxBytes ?? 2 * 1024 ** 3;
  const dockerfile = (options.dockerfile ?? "Dockerfile").split(path.sep).join("/");
  let st: fs.Stats;
  try {
    st = fs.statSync(context);
  } catch {
    throw new BuildContextError(`the build context ${context} does not exist`);
  }
  if (!st.isDirectory()) throw new BuildContextError(`the build context ${context} is not a folder`);
  const ignoreFile = [`${dockerfile}.dockerignore`, ".dockerignore"].map((f) => path.join(context, f)).find((f) => {
    try {
      return fs.lstatSync(f).isFile();
    } catch {
      return false;
    }
  });
  const ignore = new DockerIgnore(ignoreFile ? fs.readFileSync(ignoreFile, "utf8") : "");
  const always = new Set([dockerfile, ".dockerignore", ...(ignoreFile ? [path.relative(context, ignoreFile).split(path.sep).join("/")] : [])]);
  const entries: string[] = [];
  const budget = { bytes: 0 };
  const todo: string[] = [""];
  while (todo.length > 0) {
    const rel = todo.pop()!;
    const dir = path.join(context, rel);
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      throw new BuildContextError(`the build context folder ${dir} cannot be listed (${(err as NodeJS.ErrnoException).code ?? "error"})`);
    }
    for (const d of names) {
      const r = rel === "" ? d.name : `${rel}/${d.name}`;
      const excluded = ignore.excludes(r) && !always.has(r);
      if (excluded && !(d.isDirectory() && ignore.hasExceptions)) continue;
      if (entries.length >= maxFiles) {
        throw new BuildContextError(`the build context ${context} holds more than ${maxFiles.toLocaleString("en-US")} files and folders (raise the limit with --max-context-files, or leave files out with .dockerignore)`);
      }
      const full = path.join(context, r);
      if (d.isDirectory()) {
        if (!excluded) entries.push(`${r}\0dir`);
        todo.push(r);
      } else if (d.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.readlinkSync(full);
        } catch (err) {
          throw new BuildContextError(`the link ${full} of the build context cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
        }
        entries.push(`${r}\0link\0${target}`);
      } else if (d.isFile()) {
        const mode = fs.lstatSync(full).mode;
        entries.push(`${r}\0file\0${mode & 0o111 ? "x" : "-"}\0${hashFile(full, budget, context, maxBytes)}`);
      } else {
        entries.push(`${r}\0special`);
      }
    }
  }
  entries.sort();
  const h = createHash("sha256");
  h.update(`berth build context v1\0${dockerfile}\n`);
  for (const e of entries) h.update(`${e}\n`);
  return h.digest("hex");
}
