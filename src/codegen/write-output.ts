/**
 * Writing a generated project without ever losing a user's work. The folder is Berth's only where Berth's manifest
 * (`.berth/manifest.json`, a hash of every file it wrote) says so: a second run into an `--out` whose files Berth
 * did not write, or whose files changed since, is refused with nothing touched, unless `force` is given; with
 * `force` the user's stack configuration (`encryptionsalt`, `secure:` values, keys they added) is kept. Files the
 * user added that Berth does not write (node_modules, notes) stay as they are. The new project is written in full to
 * a temporary folder beside `--out`, then swapped in with two renames; an interruption at any point (an error, a
 * signal) leaves either the old folder or the new one, and no temporary folder. A lock beside `--out` refuses a
 * second run into it while one is going. Symbolic links in `--out` are refused rather than followed, no path may
 * leave `--out`, and files and folders are created with the user's umask.
 */
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { isStackConfigFile, mergeStackConfig } from "./stack-config-merge";

/** Where Berth records what it wrote, inside `--out`. */
export const MANIFEST_FILE = ".berth/manifest.json";

/** Options of {@link writeOutput}. */
export interface WriteOptions {
  /** Replace files the user changed or Berth did not write (the stack configuration is merged, not replaced). @default false */
  force?: boolean;
  /** The command name used in messages. @default "berth" */
  command?: string;
}

/** The outcome of {@link writeOutput}: the files written, or why nothing was. */
export type WriteOutcome = { ok: true; written: string[]; kept: string[] } | { ok: false; message: string; busy?: boolean };

/** Why a relative path of a generated file is not acceptable, or undefined. */
function badRelative(rel: string): string | undefined {
  if (rel === "" || path.isAbsolute(rel) || rel.split(/[\\/]/).some((p) => p === ".." || p === "." || p === "")) {
    return `refusing to write ${JSON.stringify(rel)}: generated paths stay inside --out`;
  }
  return undefined;
}

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

/** Checks that writing `rel` under `outDir` follows no symbolic link and replaces no folder. */
function checkTarget(outDir: string, rel: string): string | undefined {
  const parts = rel.split(/[\\/]/);
  let at = outDir;
  for (let i = 0; i < parts.length; i++) {
    at = path.join(at, parts[i]!);
    const st = lstat(at);
    if (!st) return undefined;
    const shown = path.join(path.basename(outDir), ...parts.slice(0, i + 1));
    if (st.isSymbolicLink()) return `${shown} is a symbolic link; refusing to write through it (remove it, or choose another --out)`;
    if (i < parts.length - 1 && !st.isDirectory()) return `${shown} is a file where a folder is needed; remove it or choose another --out`;
    if (i === parts.length - 1 && !st.isFile()) return `${shown} exists and is not a regular file (a folder?); remove it or choose another --out`;
  }
  return undefined;
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Every regular file under `dir`, relative, with `/` separators (folders named in `skip` are not entered). */
function filesUnder(dir: string, skip: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!skip.has(r)) walk(r);
      } else out.push(r);
    }
  };
  walk("");
  return out.sort();
}

/** The manifest Berth left in `out`, or undefined when there is none (or it is not one). */
function readManifest(out: string): Record<string, string> | undefined {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), "utf8")) as { files?: unknown };
    if (v.files === null || typeof v.files !== "object" || Array.isArray(v.files)) return undefined;
    const files: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [k, h] of Object.entries(v.files as Record<string, unknown>)) if (typeof h === "string") files[k] = h;
    return files;
  } catch {
    return undefined;
  }
}

/** Lists at most five names, then how many more. */
function someOf(names: readonly string[]): string {
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}

/** A short sibling name of `out` (any legal `--out` name fits: the name is fixed-length). */
function sibling(out: string, kind: string): string {
  return path.join(path.dirname(out), `.berth-${kind}-${randomBytes(4).toString("hex")}`);
}

/** The lock beside `out`: its name depends on the folder's name only through a hash, so it always fits. */
function lockPath(out: string): string {
  return path.join(path.dirname(out), `.berth-lock-${sha256(path.basename(out)).slice(0, 16)}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock, or says who holds it. A lock whose process is gone is stale and taken over. */
function takeLock(lock: string): string | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: "wx" });
      return undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number.parseInt(fs.readFileSync(lock, "utf8"), 10);
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) return `another run (process ${pid}) is writing this --out now; wait for it to finish (its lock is ${lock})`;
      fs.rmSync(lock, { force: true });
    }
  }
  return `cannot take the lock ${lock}`;
}

/** The signals an interrupted write must still clean up after. */
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Writes `files` (relative path → text) into `outDir`, never losing a user's work (see the module's description).
 * Every check runs before anything is written.
 *
 * @example
 * ```ts
 * const r = writeOutput("out/app", { "index.ts": code, "Pulumi.yaml": project });
 * if (!r.ok) console.error(r.message);
 * ```
 */
export function writeOutput(outDir: string, files: Record<string, string>, options: WriteOptions = {}): WriteOutcome {
  const out = path.resolve(outDir);
  const rels = Object.keys(files).sort();
  const problems: string[] = [];
  for (const rel of rels) {
    const bad = badRelative(rel);
    if (bad) problems.push(bad);
    if (rel === MANIFEST_FILE) problems.push(`refusing to write ${MANIFEST_FILE}: Berth keeps its manifest there`);
  }
  const outStat = lstat(out);
  if (outStat?.isSymbolicLink()) problems.push(`--out ${outDir} is a symbolic link; give the real folder`);
  else if (outStat && !outStat.isDirectory()) problems.push(`--out ${outDir} exists and is not a folder`);
  else if (outStat) for (const rel of rels) if (!badRelative(rel)) {
    const p = checkTarget(out, rel);
    if (p) problems.push(p);
  }
  const parent = path.dirname(out);
  if (!outStat) {
    const ps = lstat(parent);
    if (ps && !ps.isDirectory()) problems.push(`the parent of --out (${parent}) is not a folder`);
  }
  if (problems.length > 0) return { ok: false, message: problems.join("\n") };

  try {
    fs.mkdirSync(parent, { recursive: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, message: `cannot create ${parent}: ${e.code ?? e.message}` };
  }
  const lock = lockPath(out);
  let held: string | undefined;
  try {
    held = takeLock(lock);
  } catch (err) {
    return { ok: false, message: `cannot take the lock beside --out (${lock}): ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  if (held) return { ok: false, message: held, busy: true };

  let tmp = "";
  let old = "";
  let swapped = false;
  // Folders of the user's moved (not copied) into the new tree; moved back if the swap does not happen.
  const moved: string[] = [];
  const cleanup = (): void => {
    // Whatever was interrupted: the old folder back where it was, no temporary folder, no lock.
    if (old && !swapped && !fs.existsSync(out)) fs.renameSync(old, out);
    if (!swapped) for (const rel of moved) if (tmp && fs.existsSync(path.join(tmp, rel))) fs.renameSync(path.join(tmp, rel), path.join(out, rel));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    if (old && swapped) fs.rmSync(old, { recursive: true, force: true });
    fs.rmSync(lock, { force: true });
  };
  // The write is synchronous, so a signal that arrives during it is handled once it is over (the folder then whole,
  // old or new): the handler only passes the signal on, with Node's own handling restored.
  const removeHandlers = (): void => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    removeHandlers();
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    const manifest = outStat ? readManifest(out) : undefined;
    const present = outStat ? filesUnder(out, new Set([".berth", "node_modules"])) : [];
    const changed: string[] = [];
    const foreign: string[] = [];
    for (const rel of present) {
      const expected = manifest?.[rel];
      if (expected === undefined) {
        if (Object.hasOwn(files, rel)) foreign.push(rel);
      } else if (sha256(fs.readFileSync(path.join(out, rel))) !== expected) changed.push(rel);
    }
    if (outStat && !manifest && present.length > 0 && foreign.length === 0) {
      // A folder Berth never wrote, with other files in it: the user's; only `force` writes into it.
      foreign.push(...present);
    }
    const stackConfigs = [...changed, ...foreign].filter((r) => isStackConfigFile(r) && Object.hasOwn(files, r));
    if ((changed.length > 0 || foreign.length > 0) && !options.force) {
      const parts: string[] = [];
      if (foreign.length > 0) parts.push(`holds files Berth did not write (${someOf(foreign)})`);
      if (changed.length > 0) parts.push(`holds files changed since Berth wrote them (${someOf(changed)})`);
      return {
        ok: false,
        message:
          `--out ${outDir} ${parts.join(" and ")}; nothing was touched. Choose another --out, or give --force to replace ` +
          `them (the stack configuration${stackConfigs.length > 0 ? `, ${someOf(stackConfigs)},` : ""} is then merged: encryptionsalt, secure: values and keys you added are kept)`,
      };
    }
    const final: Record<string, string> = { ...files };
    for (const rel of stackConfigs) {
      const merged = mergeStackConfig(files[rel]!, fs.readFileSync(path.join(out, rel), "utf8"));
      if (merged === undefined) return { ok: false, message: `--out ${outDir}: ${rel} is not a YAML mapping, so its settings cannot be kept; fix or move it, then run again` };
      final[rel] = merged;
    }
    tmp = sibling(out, "new");
    fs.mkdirSync(tmp);
    for (const rel of rels) {
      const file = path.join(tmp, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, final[rel]!, { flag: "wx" });
    }
    // Files Berth wrote before and does not write now go; the user's own files move over as they are.
    const kept = present.filter((rel) => !Object.hasOwn(files, rel) && manifest?.[rel] === undefined);
    const keptDirs = outStat ? ["node_modules"].filter((d) => lstat(path.join(out, d))?.isDirectory()) : [];
    for (const rel of kept) {
      const dest = path.join(tmp, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const from = path.join(out, rel);
      if (lstat(from)?.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), dest);
      else fs.copyFileSync(from, dest);
    }
    for (const rel of keptDirs) {
      fs.renameSync(path.join(out, rel), path.join(tmp, rel));
      moved.push(rel);
    }
    const record = { tool: "berth", files: Object.fromEntries(rels.map((r) => [r, sha256(final[r]!)])) };
    fs.mkdirSync(path.join(tmp, ".berth"), { recursive: true });
    fs.writeFileSync(path.join(tmp, MANIFEST_FILE), `${JSON.stringify(record, null, 2)}\n`);
    if (process.env["BERTH_TEST_SLOW_SWAP_MS"]) {
      // Test hook: widens the window in which a signal finds the new folder written and the old one in place.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env["BERTH_TEST_SLOW_SWAP_MS"]));
    }
    if (outStat) {
      old = sibling(out, "old");
      fs.renameSync(out, old);
    }
    fs.renameSync(tmp, out);
    tmp = "";
    swapped = true;
    return { ok: true, written: rels, kept: [...kept, ...keptDirs] };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, message: `cannot write ${outDir}: ${e.code ?? ""} ${e.message}`.trim() };
  } finally {
    cleanup();
    // A signal that came during the write is delivered on the next turn of the event loop, to the handler above.
    setImmediate(removeHandlers);
  }
}
