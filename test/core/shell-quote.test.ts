// Shell quoting: the exact words written, and every generated string read back unchanged by /bin/sh and by shlex.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { shellQuote } from "../../src/core/shell-quote";
import { shellWords } from "../../src/core/shell-words";

const quotes: [string, string, Parameters<typeof shellQuote>[1]][] = [
  ["plain-word_1.2", "plain-word_1.2", {}],
  ["/usr/bin:x@y,z+1", "/usr/bin:x@y,z+1", {}],
  ["two words", "'two words'", {}],
  ["it's", `'it'\\''s'`, {}],
  ["", "''", {}],
  ["A=b", "'A=b'", {}],
  ["~root", "'~root'", {}],
  ["$HOME", "'$HOME'", {}],
  ["plain", "'plain'", { always: true }],
  ["a\nb", "'a\nb'", {}],
  ["a\nb", "$'a\\u000ab'", { oneLine: true }],
  ["it's\t\\", "$'it\\'s\\u0009\\\\'", { oneLine: true }],
  ["it's", `'it'\\''s'`, { oneLine: true }],
];
for (const [input, out, options] of quotes) {
  test(`shellQuote(${JSON.stringify(input)}, ${JSON.stringify(options)})`, () => assert.equal(shellQuote(input, options), out));
}

/** Strings with every character the shell treats specially, in many combinations. */
function hostile(): string[] {
  const parts = ["'", '"', "\\", "$", "`", " ", "\t", "\n", "*", "?", "[", "]", "{", "}", "~", "#", "=", "!", ";", "&", "|", "<", ">", "(", ")", "a", "é", ""];
  const out: string[] = [];
  for (const a of parts) for (const b of parts) out.push(`${a}${b}`, `x${a}y${b}z`, `${a}${a}${b}`);
  out.push("$(echo owned)", "`echo owned`", "'; echo owned; '", "-n", "--", "*");
  return out;
}

test("sh reads every quoted hostile string back as the one word it was", () => {
  const inputs = hostile();
  const script = `printf '%s\\0' ${inputs.map((s) => shellQuote(s)).join(" ")}`;
  const printed = execFileSync("/bin/sh", ["-c", script], { encoding: "utf8" }).split("\0").slice(0, -1);
  assert.deepEqual(printed, inputs);
});

test("shellWords (shlex) reads every quoted hostile string back as the one word it was", () => {
  for (const s of hostile()) assert.deepEqual(shellWords(`cmd ${shellQuote(s)}`), { words: ["cmd", s] }, JSON.stringify(s));
});

test("bash reads a oneLine-quoted string back unchanged, and it has no line break", () => {
  const inputs = hostile().filter((s) => s !== "");
  for (const s of inputs) assert.ok(!/[\n\r]/.test(shellQuote(s, { oneLine: true })), JSON.stringify(s));
  const script = `printf '%s\\0' ${inputs.map((s) => shellQuote(s, { oneLine: true })).join(" ")}`;
  const printed = execFileSync("bash", ["-c", script], { encoding: "utf8" }).split("\0").slice(0, -1);
  assert.deepEqual(printed, inputs);
});
