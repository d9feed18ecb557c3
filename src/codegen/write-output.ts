/**
 * Writing a generated project: every file is written to a temporary folder beside `--out`, and moved into place only
 * when all of them are complete, so a failure leaves `--out` as it was. Symbolic links in `--out` (the folder itself
 * or any file or folder to be written) are refused rather than followed, and no path may leave `--out`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The outcome of {@link writeOutput}: the files written, or why nothing was. */
export type WriteOutcome = { ok: true; written: string[] } | { ok: false; message: string };

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

/**
 * Writes `files` (relative path → text) into `outDir` atomically. Every check runs before anything is written; the
 * files are written in full to a temporary folder in `outDir`'s parent, then renamed into place.
 *
 * @example
 * ```ts
 * const r = writeOutput("out/app", { "index.ts": code, "Pulumi.yaml": project });
 * if (!r.ok) console.error(r.message);
 * ```
 */
export function writeOutput(outDir: string, files: Record<string, string>): WriteOutcome {
  const out = path.resolve(outDir);
  const rels = Object.keys(files).sort();
  const problems: string[] = [];
  for (const rel of rels) {
    const bad = badRelative(rel);
    if (bad) problems.push(bad);
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
  let tmp = "";
  try {
    fs.mkdirSync(parent, { recursive: true });
    tmp = fs.mkdtempSync(path.join(parent, `.${path.basename(out)}.berth-`));
    for (const rel of rels) {
      const file = path.join(tmp, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, files[rel]!, { flag: "wx" });
    }
    if (!outStat) {
      fs.renameSync(tmp, out);
      tmp = "";
    } else {
      for (const rel of rels) {
        const dest = path.join(out, rel);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.renameSync(path.join(tmp, rel), dest);
      }
    }
    return { ok: true, written: rels };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, message: `cannot write ${outDir}: ${e.code ?? ""} ${e.message}`.trim() };
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
