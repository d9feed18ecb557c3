/**
 * Every Compose file of the reference loader's testdata through `berth compose`, on each target (a swarm with and
 * without --registry): which ones give a program, and for the others the first error, pinned. The counts are the
 * figures the issue asks for; a change in either direction shows here.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { main } from "../../src/cli/main";

const T = path.resolve(__dirname, "../../../shared/corpus/compose-spec__compose-go/loader-testdata");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-corpus-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function composeFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(T);
  return out.sort();
}

const NO_DOCKERFILE = /^the Dockerfile of this build cannot be read: .* does not exist/;
const REMOTE = /^"https:\/\/github\.com\/docker\/compose\.git" is a remote build context/;
const INLINE = /^"dockerfile_inline" is refused: /;
const REMOTE_REF = /^cannot read the Compose file: ".*remote:.*" does not exist/;
const CYCLE = /^services\.\w+\.depends_on: depends_on has a cycle: /;

/** The first error of each file that gives no program; a file not listed gives one. `docker` only where it differs. */
const REFUSED: Record<string, { both?: RegExp; docker?: RegExp }> = {
  "combined/compose.yaml": { both: NO_DOCKERFILE },
  "combined/dir/extended.yaml": { both: NO_DOCKERFILE },
  "combined/dir/included.yaml": { both: NO_DOCKERFILE },
  "compose-depends-on-cycle.yaml": { docker: CYCLE },
  "compose-depends-on-profile-no-cycle.yaml": { docker: CYCLE },
  "compose-depends-on-self.yaml": { docker: CYCLE },
  "compose-include-cycle.yaml": { both: /^include cycle detected: compose-include-cycle\.yaml → compose-include-cycle\.yaml$/ },
  "compose-test-extends-with-context-url-imported.yaml": { both: REMOTE },
  "compose-test-extends-with-context-url.yaml": { both: REMOTE },
  "compose-test-with-version.yaml": { both: /^the build context ".*loader-testdata\/Dockerfile" is a file, not a folder/ },
  "empty.yaml": { both: /^the Compose file is empty/ },
  "extends/base.yaml": { both: /^service "with-port" has neither an image nor a build context specified/ },
  "extends/nested.yaml": { both: NO_DOCKERFILE },
  "extends/sibling.yaml": { both: NO_DOCKERFILE },
  "include/compose.yaml": { both: NO_DOCKERFILE },
  "include/dir/compose.yaml": { both: INLINE },
  "include/included.yaml": { both: NO_DOCKERFILE },
  "include/project-directory.yaml": { both: INLINE },
  "remote/cycle/compose-cycle.yaml": { both: REMOTE_REF },
  "remote/cycle/compose.yaml": { both: REMOTE_REF },
  "remote/nested/compose.yaml": { both: REMOTE_REF },
};

async function compose(file: string, args: string[]): Promise<{ code: number; firstError: string }> {
  let err = "";
  const out = path.join(tmp, `${args.join("_").replace(/\W/g, "")}-${path.relative(T, file).replace(/\W/g, "_")}`);
  const io = {
    cwd: T,
    env: {},
    out: () => {},
    err: (t: string) => {
      err += t;
    },
  };
  const code = await main(["compose", file, "--out", out, "--name", "corpus", ...args], io);
  const line = err.split("\n").find((l) => / error: /.test(l)) ?? "";
  return { code, firstError: line.replace(/^.*? error: /, "") };
}

const TARGETS: [string, string[], "docker" | "swarm"][] = [
  ["one host", ["--target", "docker"], "docker"],
  ["a swarm without a registry", [], "swarm"],
  ["a swarm with --registry", ["--registry", "127.0.0.1:5000/berth"], "swarm"],
];

for (const [label, args, target] of TARGETS) {
  test(`loader-testdata on ${label}: the files that give a program, and why the others do not`, async () => {
    const files = composeFiles();
    let programs = 0;
    for (const file of files) {
      const rel = path.relative(T, file);
      const refused = REFUSED[rel];
      const expected = target === "docker" ? (refused?.docker ?? refused?.both) : refused?.both;
      const r = await compose(file, args);
      if (expected) {
        assert.equal(r.code, 2, `${rel}: ${r.firstError}`);
        assert.match(r.firstError, expected, rel);
      } else {
        assert.equal(r.code, 0, `${rel}: ${r.firstError}`);
        programs++;
      }
    }
    process.stdout.write(`# loader-testdata on ${label}: ${programs} of ${files.length} Compose files give a program\n`);
    assert.equal(programs, target === "docker" ? 12 : 15);
  });
}
