/**
 * Operation inputs reach a script only as its own process's environment, as Cloudify's script plugin gave them: an
 * input named after anything the runner uses (its variables, its function, the shim's variables, the shell's own)
 * changes nothing the runner does, and the runner deletes only the folder it made.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { type ScriptSpec, parseRuntimeProperties, renderScript } from "../../src/blueprint/scripts/render";

const work = mkdtempSync(path.join(tmpdir(), "berth-runner-names-"));
after(() => rmSync(work, { recursive: true, force: true }));

const context = {
  type: "node-instance",
  node: { id: "app", type: "cloudify.nodes.Root", properties: {} },
  instance: { id: "app_0", runtime_properties: {}, host_ip: "10.0.0.9" },
};

/** Every name the rendered runner assigns or defines, read from its own text (so a new one is covered too). */
function runnerNames(): string[] {
  // Base64 payloads (the shim's files, the context) are not the runner's words: drop single-quoted strings first.
  const text = renderScript({ path: "s.sh", text: "#!/bin/sh\n", interpreter: "exec", context }).replace(/'[^']*'/g, "''");
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s;"])([A-Za-z_][A-Za-z0-9_]*)=/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)\(\)/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  return [...names].sort();
}

/** The shell's and the system's own names an input could also carry. */
const SYSTEM = ["PATH", "IFS", "HOME", "SHELL", "TMPDIR", "PWD", "OLDPWD", "ENV", "BASH_ENV", "PS4", "CDPATH", "LANG", "LC_ALL", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "D"];

test("the runner's names are found in its text (the generator of this test's shapes works)", () => {
  const names = runnerNames();
  for (const n of ["berth_dir", "berth_status", "berth_file", "BERTH_CTX_DIR", "PATH", "PYTHONPATH", "TMPDIR"]) assert.ok(names.includes(n), `${n} not found in ${names.join(", ")}`);
});

test("inputs named after every runner, shim and shell name reach the script and change nothing else", () => {
  const names = [...new Set([...runnerNames(), ...SYSTEM])];
  let cases = 0;
  for (const name of names) {
    const victim = path.join(work, `victim-${name}`);
    mkdirSync(victim, { recursive: true });
    writeFileSync(path.join(victim, "keep"), "the user's file\n");
    // The value names a folder the runner must never delete, with shell syntax that must stay inert.
    const value = name === "PATH" ? `/usr/bin:/bin` : name === "IFS" ? " \t\n" : victim;
    const out = path.join(work, `seen-${name}`);
    const spec: ScriptSpec = {
      path: "scripts/show.sh",
      text: `#!/bin/sh\nprintf '%s' "$${name}" > ${JSON.stringify(out)}\nctx instance runtime-properties seen ok\n`,
      interpreter: "exec",
      context,
      env: { [name]: value },
    };
    const stdout = execFileSync("sh", ["-c", renderScript(spec)], {
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", TMPDIR: work },
      stdio: ["ignore", "pipe", "pipe"],
    });
    assert.ok(existsSync(out), `${name}: the script did not run`);
    const seen = readFileSync(out, "utf8");
    if (name === "PATH") assert.ok(seen.endsWith(":/usr/bin:/bin"), `${name}: the script saw ${seen}`);
    else if (name === "PYTHONPATH") assert.ok(seen.endsWith(`:${value}`), `${name}: the script saw ${seen}`);
    else if (name === "BERTH_CTX_DIR") assert.notEqual(seen, value, "the shim's own folder is the runner's, not the input's");
    else if (!["PWD", "OLDPWD"].includes(name)) assert.equal(seen, value, `${name}: the script saw ${JSON.stringify(seen)}`);
    assert.deepEqual(parseRuntimeProperties(stdout), { seen: "ok" }, `${name}: ctx did not work`);
    assert.equal(readFileSync(path.join(victim, "keep"), "utf8"), "the user's file\n", `${name}: the runner deleted the folder an input named`);
    cases++;
  }
  // Nothing the runner made is left behind either.
  const left = execFileSync("sh", ["-c", `ls -d ${JSON.stringify(work)}/berth-ctx.* 2>/dev/null || true`], { encoding: "utf8" }).trim();
  assert.equal(left, "", "the runner removes its own folder");
  process.stdout.write(`# runner names: ${cases} inputs named after the runner's, the shim's and the shell's names, none took effect on the runner\n`);
});
