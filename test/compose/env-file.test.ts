// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is the data under test.
import assert from "node:assert/strict";
import { growth } from "../helpers/growth";
import { test } from "node:test";
import { parseEnvFile } from "../../src/compose/env-file";
import { interpolate } from "../../src/compose/interpolate";

const NOT_A_LINE = "is not a VARIABLE=VALUE line (a variable name starts with a letter or _ and holds letters, digits, _, . and -)";

const cases: [string, string, Record<string, string>, { line: number; message: string }[], string[]][] = [
  ["plain", "A=1\nB=two words", { A: "1", B: "two words" }, [], []],
  ["comments and blanks", "# c\n\nA=1 # trailing\n  B = 2", { A: "1", B: "2" }, [], []],
  ["a # without a space before it is part of the value", "A=x#y", { A: "x#y" }, [], []],
  ["export prefix", "export A=1", { A: "1" }, [], []],
  ["CRLF line ends", "A=1\r\nB=2\r\n", { A: "1", B: "2" }, [], []],
  ["single quotes are literal", "A='x ${HOME} \\n'", { A: "x ${HOME} \\n" }, [], []],
  ["double quotes escape and interpolate", 'A="a\\tb ${HOME}"', { A: "a\tb /home/u" }, [], []],
  ["unquoted interpolates with defaults", "A=${NOPE:-d}/x", { A: "d/x" }, [], []],
  ["earlier lines count, over the environment", "HOME=/h\nB=${HOME}2", { HOME: "/h", B: "/h2" }, [], []],
  ["bare name from env; an unset one is reported", "HOME\nNOPE", { HOME: "/home/u" }, [], ["NOPE"]],
  ["empty value", "A=", { A: "" }, [], []],
  ["bad name: the line, never its text", "1A=x", {}, [{ line: 1, message: NOT_A_LINE }], []],
  ["a line that is not an env line at all", "root:$6$salt$hash:19000:0:99999:7:::", {}, [{ line: 1, message: NOT_A_LINE }], []],
  ["unclosed double quote", 'A="x', { A: "x" }, [{ line: 1, message: "has a value with no closing double quote" }], []],
  ["unclosed single quote", "A='x", { A: "x" }, [{ line: 1, message: "has a value with no closing single quote" }], []],
  ["required variable", "\nA=${NOPE:?set it}", { A: "" }, [{ line: 2, message: "has a value with a malformed $-reference or a required variable that is unset" }], []],
];

for (const [name, text, values, problems, unset] of cases) {
  test(`env file: ${name}`, () => {
    const r = parseEnvFile(text, { HOME: "/home/u" });
    assert.deepEqual({ values: r.values, problems: r.problems, unset: r.unset }, { values, problems, unset });
    for (const p of r.problems) assert.equal(p.message.includes(text.split("\n")[p.line - 1]!.slice(0, 4)), false, "a problem never quotes the line");
  });
}

test("env file: with a marker, values that substituted a variable keep a template", () => {
  const r = parseEnvFile("A=${HOME}/x\nB=plain\nHOME", { HOME: "/home/u" }, { marker: (n) => `<${n}>` });
  assert.deepEqual(r.values, { A: "/home/u/x", B: "plain", HOME: "/home/u" });
  assert.deepEqual(r.templates, { A: "<HOME>/x", HOME: "<HOME>" });
});

test("env file: a million-line file is parsed in linear time (10x the lines, about 10x the time)", () => {
  const small = "A=1\n".repeat(100_000);
  const large = "A=1\n".repeat(1_000_000);
  assert.deepEqual(parseEnvFile(large).values, { A: "1" });
  const g = growth(() => parseEnvFile(small), () => parseEnvFile(large));
  // Linear is about 10; quadratic would be about 100.
  assert.ok(g.ratio < 35, `10x the lines took ${g.ratio.toFixed(1)}x the time (${g.smallMs.toFixed(0)} ms, ${g.largeMs.toFixed(0)} ms)`);
});

test("env file: a long line of blanks before a value is no catastrophic backtracking (10x the blanks, about 10x the time)", () => {
  const r = parseEnvFile(`A=x${" ".repeat(200_000)}y`);
  assert.equal(r.values["A"], `x${" ".repeat(200_000)}y`);
  const g = growth(() => parseEnvFile(`A=x${" ".repeat(20_000)}y`), () => parseEnvFile(`A=x${" ".repeat(200_000)}y`));
  assert.ok(g.ratio < 35, `10x the blanks took ${g.ratio.toFixed(1)}x the time (${g.smallMs.toFixed(1)} ms, ${g.largeMs.toFixed(1)} ms)`);
});

test("env file: variables that double each other stop at the length bound with a clear problem, never a crash", () => {
  for (const [seed, lines] of [["x", 40], ["0123456789abcdef", 30], ["${UNSET:-yy}", 34]] as const) {
    const text = [`A0=${seed}`, ...Array.from({ length: lines }, (_, i) => `A${i + 1}=\${A${i}}\${A${i}}`)].join("\n");
    const r = parseEnvFile(text, {}, { maxLength: 1 << 20 });
    const over = r.problems.filter((p) => p.message.includes("grows past 1,048,576 characters"));
    assert.ok(over.length > 0, `${seed}: ${JSON.stringify(r.problems.slice(0, 2))}`);
    for (const v of Object.values(r.values)) assert.ok(v.length <= 1 << 20, `a value of ${v.length} characters was kept`);
  }
});

test("interpolation: a value over the bound is an error naming the bound, in Compose text too", () => {
  const r = interpolate("${A}${A}${A}", { A: "x".repeat(400) }, { maxLength: 1000 });
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0]!, /grows past 1,000 characters once its variables are substituted/);
  assert.ok(r.value.length <= 1000);
});
