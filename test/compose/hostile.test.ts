/**
 * Hostile Compose projects, by attack class, through the real `berth compose` command in a child process (as users
 * run it): reads outside the project root, reads of special files, oversized and non-UTF-8 files, YAML alias bombs,
 * multiplying port ranges and replicas, deep nesting, long chains and cycles. For every case: the documented exit
 * code, a message that names the file:line:col or the reference, no file content echoed, no internal stack frames,
 * nothing written, and bounded time and memory (measured by /usr/bin/time, printed per case).
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/berth.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-hostile-"));
const project = path.join(tmp, "project");
const outside = path.join(tmp, "outside");
const CANARY = "CANARY-b7e1-not-for-your-eyes";
fs.mkdirSync(project);
fs.mkdirSync(outside);
fs.writeFileSync(path.join(outside, "secret.env"), `TOKEN=${CANARY}\n`);
fs.writeFileSync(path.join(outside, "base.yaml"), `services:\n  base:\n    image: x\n    environment: [T=${CANARY}]\n`);
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Worst figures seen, for the closing line. */
const worst = { seconds: 0, kib: 0, case: "" };
const results: string[] = [];

interface Case {
  /** The attack class. */
  kind: string;
  name: string;
  /** The Compose file's text or bytes (written as <name>.yaml), or undefined with `file` given. */
  compose?: string | Buffer;
  /** Another main file to give instead (a FIFO, /dev/stdin). */
  file?: string;
  /** Files to make in the project first (name → text, or a function that makes it). */
  setup?: () => void;
  args?: string[];
  /** The exit code. @default 2 */
  code?: number;
  /** What stderr must match. */
  says: RegExp;
}

function run(c: Case): void {
  c.setup?.();
  const file = c.file ?? path.join(project, `${c.name.replace(/[^a-z0-9]+/gi, "-")}.yaml`);
  if (c.compose !== undefined) fs.writeFileSync(file, c.compose);
  const out = path.join(tmp, `out-${c.name.replace(/[^a-z0-9]+/gi, "-")}`);
  const r = spawnSync("/usr/bin/time", ["-f", "BERTH-TIME %e %M", process.execPath, BIN, "compose", file, "--out", out, "--target", "docker", ...(c.args ?? [])], {
    encoding: "utf8",
    timeout: 120_000,
    env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: os.homedir() },
    input: "",
    maxBuffer: 256 * 1024 * 1024,
  });
  const timing = /BERTH-TIME ([\d.]+) (\d+)/.exec(r.stderr ?? "");
  const stderr = (r.stderr ?? "").replace(/BERTH-TIME .*\n?/, "");
  assert.ok(timing, `${c.name}: timed (${r.error?.message ?? ""}) ${stderr.slice(0, 500)}`);
  const seconds = Number(timing[1]);
  const kib = Number(timing[2]);
  results.push(`${c.kind} / ${c.name}: exit ${r.status}, ${seconds.toFixed(2)} s, ${(kib / 1024).toFixed(0)} MiB`);
  if (seconds > worst.seconds) Object.assign(worst, { seconds, case: `${c.kind} / ${c.name}` });
  worst.kib = Math.max(worst.kib, kib);
  assert.equal(r.status, c.code ?? 2, `${c.name}: exit ${r.status}\n${stderr.slice(0, 2000)}`);
  assert.match(stderr, c.says, c.name);
  assert.doesNotMatch(stderr, /\n\s+at [^\n]+:\d+:\d+\)?\n/, `${c.name}: no stack frames`);
  assert.doesNotMatch(stderr, /internal error/, c.name);
  assert.equal(stderr.includes(CANARY), false, `${c.name}: the outside file's content is not echoed`);
  assert.doesNotMatch(stderr, /root:[^\s]*:\d+:\d+:/, `${c.name}: no /etc/shadow or /etc/passwd line echoed`);
  if ((c.code ?? 2) !== 0) assert.equal(fs.existsSync(out), false, `${c.name}: nothing written`);
  assert.ok(seconds < 60, `${c.name}: ${seconds} s`);
  assert.ok(kib < 1536 * 1024, `${c.name}: ${kib} KiB`);
}

const svc = (extra: string) => `services:\n  web:\n    image: busybox:1\n${extra}`;
const nineAnchors = () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  return lines;
};

const CASES: Case[] = [
  // Reads outside the project root, echoed before.
  { kind: "reads outside the root", name: "env_file /etc/shadow", compose: svc("    env_file: /etc/shadow\n"), says: /:4:5: error: cannot read the env file: "\/etc\/shadow" is outside the project folder .*; only files inside it are read/ },
  { kind: "reads outside the root", name: "env_file ../ to an outside file", compose: svc("    env_file: ../outside/secret.env\n"), says: /:4:5: error: cannot read the env file: ".*outside\/secret\.env" is outside the project folder/ },
  {
    kind: "reads outside the root",
    name: "env_file through a symbolic link out of the root",
    setup: () => fs.symlinkSync(path.join(outside, "secret.env"), path.join(project, "link.env")),
    compose: svc("    env_file: link.env\n"),
    says: /error: cannot read the env file: ".*link\.env" is a symbolic link to a file outside the project folder/,
  },
  { kind: "reads outside the root", name: "extends a file outside", compose: "services:\n  web:\n    extends: { file: ../outside/base.yaml, service: base }\n", says: /:3:16: error: cannot read the Compose file: ".*outside\/base\.yaml" is outside the project folder/ },
  { kind: "reads outside the root", name: "include a file outside", compose: "include: [../outside/base.yaml]\nservices:\n  web:\n    image: x\n", says: /:1:11: error: cannot read the included Compose file: ".*outside\/base\.yaml" is outside the project folder/ },
  { kind: "reads outside the root", name: "secret file outside", compose: `${svc("    secrets: [s]\n")}secrets:\n  s:\n    file: /etc/passwd\n`, says: /:7:5: error: cannot read the secret file: "\/etc\/passwd" is outside the project folder/ },
  { kind: "reads outside the root", name: "build context outside", compose: "services:\n  web:\n    build: ../outside\n", says: /:3:5: error: the build context ".*outside" is outside the project folder/ },
  { kind: "reads outside the root", name: "--root can widen the root on purpose", compose: svc("    env_file: ../outside/secret.env\n"), args: ["--root", tmp], code: 0, says: /^$/ },
  // Special files: never read, never hang.
  {
    kind: "special files",
    name: "env_file a FIFO",
    setup: () => execFileSync("mkfifo", [path.join(project, "pipe.env")]),
    compose: svc("    env_file: pipe.env\n"),
    says: /error: cannot read the env file: "\/.*pipe\.env" is not a regular file \(a device, FIFO or socket\)/,
  },
  {
    kind: "special files",
    name: "env_file a link to /dev/zero",
    setup: () => fs.symlinkSync("/dev/zero", path.join(project, "zero.env")),
    compose: svc("    env_file: zero.env\n"),
    says: /error: cannot read the env file: ".*zero\.env" is a symbolic link to a file outside the project folder/,
  },
  { kind: "special files", name: "env_file a folder", setup: () => fs.mkdirSync(path.join(project, "adir")), compose: svc("    env_file: adir\n"), says: /error: cannot read the env file: ".*adir" is a folder, not a file/ },
  { kind: "special files", name: "the Compose file is /dev/stdin", file: "/dev/stdin", says: /^berth compose: cannot read the Compose file \/dev\/stdin: "\/dev\/stdin" is (not a regular file|a symbolic link)/ },
  {
    kind: "special files",
    name: "the Compose file is a FIFO",
    setup: () => execFileSync("mkfifo", [path.join(project, "main.fifo")]),
    file: path.join(project, "main.fifo"),
    says: /^berth compose: cannot read the Compose file .*main\.fifo: ".*main\.fifo" is not a regular file/,
  },
  // Oversized and malformed files.
  {
    kind: "size and encoding",
    name: "an env file over 16 MiB",
    setup: () => fs.writeFileSync(path.join(project, "big.env"), `A=${"x".repeat(17 * 1024 * 1024)}\n`),
    compose: svc("    env_file: big.env\n"),
    says: /error: cannot read the env file: ".*big\.env" is 17\.0 MiB, over the 16 MiB limit for one file \(raise it with --max-file-size\)/,
  },
  { kind: "size and encoding", name: "--max-file-size lowers the limit", compose: svc("    env_file: ok.env\n"), setup: () => fs.writeFileSync(path.join(project, "ok.env"), "A=1\n".repeat(1000)), args: ["--max-file-size", "1k"], says: /over the 1 KiB limit for one file/ },
  { kind: "size and encoding", name: "a Compose file that is not UTF-8", compose: Buffer.concat([Buffer.from("services:\n  web:\n    image: b"), Buffer.from([0xff]), Buffer.from("usybox\n")]), says: /^berth compose: cannot read the Compose file .*: ".*":3:13: the file is not valid UTF-8 \(byte 0xff at offset 29\); save it as UTF-8/ },
  {
    kind: "size and encoding",
    name: "an env file that is not UTF-8",
    setup: () => fs.writeFileSync(path.join(project, "latin1.env"), Buffer.from([0x41, 0x3d, 0xe9, 0x0a])),
    compose: svc("    env_file: latin1.env\n"),
    says: /":1:3: the file is not valid UTF-8 \(byte 0xe9 at offset 2\); save it as UTF-8/,
  },
  { kind: "size and encoding", name: "an env line that is not VAR=VALUE is named by its line only", setup: () => fs.writeFileSync(path.join(project, "shadowish.env"), `ok=1\nroot:$6$salt$${CANARY}:19000:0:99999:7:::\n`), compose: svc("    env_file: shadowish.env\n"), says: /the env file ".*shadowish\.env", line 2, is not a VARIABLE=VALUE line/ },
  // Unbounded work.
  { kind: "alias expansion", name: "nine anchors of nine in a command", compose: `x-bomb:\n${nineAnchors().map((l) => `  ${l}`).join("\n")}\n${svc("    command: *i\n")}`, says: /error: the alias \*\w would expand the document by [\d,]+ nodes, over the budget of 100,000 nodes/ },
  { kind: "multiplying work", name: "400 full port ranges", compose: svc(`    ports:\n${'      - "1-65535:1-65535"\n'.repeat(400)}`), says: /:4:5: error: these 400 entries expand to 26,214,000 ports, which takes the project to 26,214,000 ports, over the limit of 10,000; the widest entry, "1-65535:1-65535", alone is 65,535; raise it with --max-ports/ },
  { kind: "multiplying work", name: "a million replicas", compose: svc("    deploy:\n      replicas: 1000000\n"), says: /:2:3: error: the project would run 1,000,000 containers \(web 1,000,000\), over the limit of 10,000; lower the replicas, or raise the limit with --max-instances/ },
  { kind: "multiplying work", name: "scale on the swarm target", compose: svc("    deploy:\n      replicas: 20000\n"), args: ["--target", "swarm"], says: /the project would run 20,000 tasks \(web 20,000\), over the limit of 10,000/ },
  { kind: "multiplying work", name: "20,000 services", compose: `services:\n${Array.from({ length: 20_000 }, (_, i) => `  s${i}:\n    image: x\n`).join("")}`, says: /:2:3: error: the project would run 20,000 containers \(s0 1 \+ s1 1 \+ s2 1 \+ 19,997 more\), over the limit of 10,000/ },
  { kind: "multiplying work", name: "a replica count no machine has", compose: svc("    deploy:\n      replicas: 1e100\n"), says: /:5:7: error: "1e\+100" must be a whole number, 0 or more/ },
  // Deep structures and long chains.
  { kind: "depth and chains", name: "sequences nested 100,000 deep", compose: `services:\n  web:\n    image: x\n    command: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, says: /error: (collections nest more than 64 levels deep here|YAML syntax error)/ },
  { kind: "depth and chains", name: "interpolation nested 10,000 deep", compose: svc(`    hostname: "${"${A:-".repeat(10_000)}x${"}".repeat(10_000)}"\n`), says: /nests \$\{\.\.\.\} more than 32 levels deep; write the value out/ },
  { kind: "depth and chains", name: "an extends chain of 300 services", compose: `services:\n${Array.from({ length: 300 }, (_, i) => (i === 299 ? `  s${i}:\n    image: x\n` : `  s${i}:\n    extends: s${i + 1}\n`)).join("")}`, code: 2, says: /the project would run|extends chains more than 256 services/ },
  { kind: "depth and chains", name: "an extends cycle", compose: "services:\n  a:\n    extends: b\n  b:\n    extends: a\n", says: /error: extends has a cycle: a → b → a/ },
  { kind: "depth and chains", name: "an include cycle", setup: () => fs.writeFileSync(path.join(project, "self.yaml"), "include: [self.yaml]\nservices:\n  a:\n    image: x\n"), file: path.join(project, "self.yaml"), says: /:1:11: error: include cycle detected: self\.yaml → self\.yaml/ },
  { kind: "depth and chains", name: "a depends_on cycle", compose: "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n", says: /error: services\.\w\.depends_on: depends_on has a cycle: (a → b → a|b → a → b)/ },
  { kind: "depth and chains", name: "a million-line env file", setup: () => fs.writeFileSync(path.join(project, "long.env"), "A=1\n".repeat(1_000_000)), compose: svc("    env_file: long.env\n"), code: 0, says: /^$/ },
];

for (const c of CASES) {
  test(`hostile compose, ${c.kind}: ${c.name}`, { timeout: 180_000 }, () => run(c));
}

test("the worst time and memory of the hostile cases", () => {
  process.stdout.write(`# hostile compose cases:\n${results.map((r) => `#   ${r}`).join("\n")}\n# worst: ${worst.seconds.toFixed(2)} s (${worst.case}), ${(worst.kib / 1024).toFixed(0)} MiB\n`);
  assert.equal(results.length, CASES.length);
});
