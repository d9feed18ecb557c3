// `berth preview` end to end through the CLI: errors from programs, usage, configuration, blueprints, formats.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { parsePreviewArgs } from "../../src/cli/preview";
import type { PreviewDocument } from "../../src/preview/document";
import { berth } from "./cli-harness";

test("a program that throws: its own error and frames only, exit 2", async () => {
  const run = await berth("preview", "test/fixtures/preview/failing");
  assert.equal(run.code, 2);
  assert.equal(run.out, "");
  const report = run.err.slice(run.err.indexOf("the program failed:"));
  assert.match(report, /^the program failed:\nRangeError: port 70000 is out of range\n/);
  const frames = report.split("\n").filter((l) => /^\s+at /.test(l));
  assert.ok(frames.length >= 2, report);
  for (const frame of frames) assert.match(frame, /test\/fixtures\/preview\/failing\/index\.ts:\d+:\d+\)$/, frame);
  assert.match(frames[0]!, /at pickPort /);
});

test("an ArgsError prints as it is, without a stack", async () => {
  const run = await berth("preview", "test/fixtures/preview/args-error");
  assert.equal(run.code, 2);
  assert.ok(
    run.err.endsWith(
      'the program failed:\nfixture:index:Checked "app" has 1 problem in its arguments:\n' +
        "  - replicas: must be at least 1; set replicas: 1 or more\n",
    ),
    run.err,
  );
});

test("usage errors exit 64 and show the usage", async () => {
  const table: [string[], RegExp][] = [
    [[], /expected a program directory or a blueprint file/],
    [["a", "b"], /expected one target, got a b/],
    [["x", "--format", "svg"], /--format svg: expected one of tree, json, mermaid, dot, html/],
    [["x", "--fail-on", "critical"], /--fail-on critical: expected high, medium or low/],
    [["x", "--nope", "1"], /unknown option --nope/],
    [["x", "--stack"], /--stack needs a value/],
  ];
  for (const [args, message] of table) {
    const run = await berth("preview", ...args);
    assert.equal(run.code, 64, args.join(" "));
    assert.match(run.err, message);
    assert.match(run.err, /usage: berth preview PROGRAM_DIR \| BLUEPRINT\.yaml/);
  }
});

test("a missing target and a missing required config value exit 2 with the fix", async () => {
  const missing = await berth("preview", "test/fixtures/preview/nope");
  assert.equal(missing.code, 2);
  assert.match(missing.err, /test\/fixtures\/preview\/nope does not exist/);
  const unset = await berth("preview", "test/fixtures/preview/platform", "--stack", "prod");
  assert.equal(unset.code, 2);
  assert.match(unset.err, /note: no Pulumi\.prod\.yaml in .*: using the defaults of Pulumi\.yaml and --config only/);
  assert.match(
    unset.err,
    /configuration value platform:dbPassword is declared in Pulumi\.yaml without a default and is not set in Pulumi\.prod\.yaml: pass --config dbPassword=VALUE/,
  );
});

test("--config overrides Pulumi.<stack>.yaml and reaches the program", async () => {
  const run = await berth("preview", "test/fixtures/preview/web", "--config", "greeting=hi", "--config=port=9090", "--format", "json");
  assert.equal(run.code, 0, run.err);
  const doc = JSON.parse(run.out) as PreviewDocument;
  const container = doc.resources.find((r) => r.type === "docker:index/container:Container")!;
  assert.deepEqual(container.inputs["envs"], ["GREETING=hi"]);
  assert.deepEqual(container.inputs["ports"], [{ external: 9090, internal: 80, ip: "127.0.0.1" }]);
});

test("secure config values are placeholders marked secret, and say so", async () => {
  const run = await berth("preview", "test/fixtures/preview/platform", "--format", "json");
  assert.equal(run.code, 0, run.err);
  assert.match(run.err, /note: platform:dbPassword is a secure value: it cannot be decrypted offline/);
  const doc = JSON.parse(run.out) as PreviewDocument;
  const service = doc.resources.find((r) => r.name === "api-svc")!;
  assert.deepEqual(service.secretInputs, ["taskSpec.containerSpec.env.DB_PASSWORD"]);
  assert.equal(JSON.stringify(service.inputs).includes("not decrypted offline"), false);
});

test("mermaid and dot: one node per resource, dependency and parent edges", async () => {
  const mermaid = await berth("preview", "test/fixtures/preview/web", "--format", "mermaid");
  assert.equal(mermaid.code, 0, mermaid.err);
  const lines = mermaid.out.trimEnd().split("\n");
  assert.equal(lines[0], "flowchart LR");
  assert.equal(lines.filter((l) => /^ {2}r\d+\["/.test(l)).length, 4);
  assert.ok(lines.includes("  r0 -.- r1"), mermaid.out);
  const dot = await berth("preview", "test/fixtures/preview/web", "--format", "dot");
  assert.equal(dot.code, 0, dot.err);
  assert.match(dot.out, /^digraph "web\/dev" \{\n {2}rankdir=LR;/);
  assert.equal((dot.out.match(/^ {2}r\d+ \[label=/gm) ?? []).length, 4);
  // The container depends on the image and the network.
  assert.match(dot.out, /^ {2}r1 -> r2;$/m);
  assert.match(dot.out, /^ {2}r3 -> r2;$/m);
});

test("--out writes the file and keeps stdout empty", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "berth-preview-out-"));
  try {
    const file = path.join(dir, "web.html");
    const run = await berth("preview", "test/fixtures/preview/web", "--format", "html", "--out", file);
    assert.equal(run.code, 0, run.err);
    assert.equal(run.out, "");
    assert.ok(existsSync(file));
    assert.match(readFileSync(file, "utf8"), /^<!DOCTYPE html>/);
    assert.match(run.err, /wrote html to /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("--out into a missing directory, a file as directory, or a directory: exit 2 naming --out, before the preview runs", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "berth-preview-badout-"));
  try {
    writeFileSync(path.join(dir, "plain"), "x");
    const shapes = [
      { out: path.join(dir, "missing", "x.html"), reason: /does not exist/ },
      { out: path.join(dir, "missing", "deeper", "x.html"), reason: /does not exist/ },
      { out: path.join(dir, "plain", "x.html"), reason: /not a directory/ },
      { out: dir, reason: /is a directory/ },
    ];
    for (const shape of shapes) {
      for (const args of [["--out", shape.out], [`--out=${shape.out}`]]) {
        const run = await berth("preview", "test/fixtures/preview/web", ...args);
        assert.equal(run.code, 2, `${args.join(" ")}: ${run.err}`);
        assert.match(run.err, /berth preview: --out /);
        assert.match(run.err, shape.reason);
        assert.doesNotMatch(run.err, /internal error|running /);
        assert.equal(run.out, "");
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const BLUEPRINT = "test/fixtures/blueprints/valid/openstack-app.yaml";

test("a blueprint previews end to end from YAML through the importer", async () => {
  const run = await berth("preview", BLUEPRINT, "--config", "web_port=9000", "--format", "json");
  assert.equal(run.code, 0, run.err);
  assert.match(run.err, /secret openstack-app:agent_key_private cannot be read offline/);
  const doc = JSON.parse(run.out) as PreviewDocument;
  assert.equal(doc.project, "openstack-app");
  const blueprint = doc.resources.find((r) => r.type === "berth:index:Blueprint")!;
  assert.equal(blueprint.name, "openstack-app");
  const types = doc.resources.map((r) => r.type);
  assert.ok(types.includes("openstack:compute/instance:Instance"), types.join("\n"));
  const rule = doc.resources.find((r) => r.type === "openstack:networking/secGroupRule:SecGroupRule")!;
  assert.equal(rule.inputs["portRangeMin"], 9000);
  for (const r of doc.resources.filter((x) => x.type === "command:remote:Command")) {
    assert.deepEqual(r.secretInputs.includes("connection"), true, r.name);
  }
});

test("a blueprint input of the wrong type is reported before anything runs", async () => {
  const run = await berth("preview", BLUEPRINT, "--config", "web_port=http");
  assert.equal(run.code, 2);
  assert.match(run.err, /--config web_port=http: input web_port is declared as integer/);
});

test("the program's whole output is relayed, however much it prints", async () => {
  const run = await berth("preview", "test/fixtures/preview/chatty", "--format", "json");
  assert.equal(run.code, 0, run.err.slice(-2000));
  assert.ok(run.err.includes("END-OF-STDOUT\n"), "the last line of stdout arrives");
  assert.ok(run.err.includes("END-OF-STDERR\n"), "the last line of stderr arrives");
  const xs = run.err.split("\n").filter((l) => l === "x".repeat(1023)).length;
  assert.equal(xs, 4 * 1024, "every line of the 4 MB arrives");
});

test("a program that registers nothing for a while still gets a progress line at least every 10 s", async () => {
  const run = await berth("preview", "test/fixtures/preview/slow", "--format", "json");
  assert.equal(run.code, 0, run.err);
  assert.match(run.err, /berth preview: \d+ resources registered \((9|1[0-9]) s\)\n/);
});

test("--timeout: two minutes by default, at most what a timer can wait, and a number", () => {
  const parsed = parsePreviewArgs(["x"]);
  assert.equal(typeof parsed === "object" && parsed.timeoutSeconds, 120);
  assert.equal(parsePreviewArgs(["x", "--timeout", "3000000"]), "--timeout 3000000: at most 2147483 seconds (what a timer can wait)");
  assert.equal(parsePreviewArgs(["x", "--timeout", "0"]), "--timeout 0: expected a number of seconds");
  const ok = parsePreviewArgs(["x", "--timeout", "2147483"]);
  assert.equal(typeof ok === "object" && ok.timeoutSeconds, 2147483);
});

test("parsePreviewArgs: a flag that needs a value never takes the next flag as its value, for every flag", () => {
  for (const flag of ["--config", "--stack", "--format", "--out", "--fail-on", "--timeout"]) {
    for (const next of ["--format", "--out", "-h", "--help", "--unknown"]) {
      const parsed = parsePreviewArgs(["x", flag, next, "tree"]);
      assert.equal(typeof parsed, "string", `${flag} ${next}`);
      assert.match(String(parsed), new RegExp(`^${flag} needs a value \\(${next} is a flag`));
    }
    const missing = parsePreviewArgs(["x", flag]);
    assert.match(String(missing), new RegExp(`^${flag} needs a value \\(none given\\)`));
  }
});
