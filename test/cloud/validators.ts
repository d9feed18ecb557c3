/**
 * Runs the real validators on rendered bootstrap text: `cloud-init schema -c` for cloud-config and `shellcheck -s
 * bash` for scripts (Debian packages cloud-init and shellcheck; .ci/run installs them).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

function withFile<T>(name: string, text: string, use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-validate-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try {
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): { ok: boolean; output: string } {
  try {
    const out = execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { ok: true, output: out };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` || err.message };
  }
}

/** Throws with cloud-init's own message unless `text` is valid cloud-config. */
export function assertValidCloudConfig(text: string): void {
  withFile("user-data.yaml", text, (file) => {
    const r = run("cloud-init", ["schema", "-c", file]);
    if (!r.ok || !r.output.includes("Valid cloud-config")) throw new Error(`cloud-init schema rejected:\n${r.output}\n---\n${text}`);
  });
}

/** Throws with shellcheck's findings unless `text` is a clean script for `shell` (bash, or a POSIX `sh` login shell). */
export function assertShellcheckClean(text: string, shell: "bash" | "sh" = "bash"): void {
  withFile("script.sh", text, (file) => {
    const r = run("shellcheck", ["-s", shell, file]);
    if (!r.ok) throw new Error(`shellcheck found problems:\n${r.output}\n---\n${text}`);
  });
}
