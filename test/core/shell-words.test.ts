// Shell splitting: a table of the forms that matter, then a differential test against Python's own shlex.split
// (POSIX mode, comments off) over thousands of generated lines, problems included.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { type ShellWords, shellWords } from "../../src/core/shell-words";

const LONE = "ends with a lone backslash (write \\\\ for a backslash)";
const table: [string, ShellWords][] = [
  ["httpd -f -p 80", { words: ["httpd", "-f", "-p", "80"] }],
  [`echo "a b" 'c d' e\\ f`, { words: ["echo", "a b", "c d", "e f"] }],
  [`sh -c "echo \\"hi\\" \\$HOME"`, { words: ["sh", "-c", 'echo "hi" \\$HOME'] }],
  [`echo "a \\"b\\" \\\\ \\n"`, { words: ["echo", 'a "b" \\ \\n'] }],
  [`a ""`, { words: ["a", ""] }],
  [`'' ""`, { words: ["", ""] }],
  [`x'y'"z"`, { words: ["xyz"] }],
  [`'it''s'`, { words: ["its"] }],
  ["  a\t b \n c \r d ", { words: ["a", "b", "c", "d"] }],
  ["a\u000bb\fc", { words: ["a\u000bb\fc"] }],
  ["a\u00a0b", { words: ["a\u00a0b"] }],
  ["echo # not a comment", { words: ["echo", "#", "not", "a", "comment"] }],
  ["", { words: [] }],
  [`echo 'open`, { words: ["echo"], error: "has no closing ' quote" }],
  [`echo "open`, { words: ["echo"], error: `has no closing " quote` }],
  ["trailing\\", { words: [], error: LONE }],
  [`a "b\\`, { words: ["a"], error: LONE }],
];
for (const [input, out] of table) test(`shellWords(${JSON.stringify(input)})`, () => assert.deepEqual(shellWords(input), out));

/** Lines built from the characters shlex treats specially, every pair and triple of a set of pieces. */
function lines(): string[] {
  const pieces = ["a", " ", "\t", "\n", "'", '"', "\\", "\\$", '"\\$x"', "'\\'", '"\\\\"', '"\\"', "#", "$", "\u000b", "é", "''", '""', "\\ "];
  const out: string[] = [];
  for (const a of pieces) for (const b of pieces) out.push(a + b);
  for (const a of pieces) for (const b of pieces) for (const c of pieces.slice(0, 10)) out.push(`${a}x${b}${c}`);
  return out;
}

test("shellWords agrees with Python's shlex.split (posix, no comments) on every generated line", () => {
  const inputs = lines();
  assert.ok(inputs.length > 3000);
  const program =
    "import shlex,json,sys\nout=[]\nfor s in json.load(sys.stdin):\n try: out.append({'words':shlex.split(s,comments=False,posix=True)})\n except ValueError as e: out.append({'error':str(e)})\nprint(json.dumps(out))";
  const python = JSON.parse(execFileSync("python3", ["-c", program], { input: JSON.stringify(inputs), encoding: "utf8", maxBuffer: 64 << 20 })) as { words?: string[]; error?: string }[];
  let errors = 0;
  inputs.forEach((input, i) => {
    const ours = shellWords(input);
    const theirs = python[i]!;
    if (theirs.error !== undefined) {
      errors++;
      assert.ok(ours.error !== undefined, `${JSON.stringify(input)}: shlex fails (${theirs.error}), shellWords gave ${JSON.stringify(ours.words)}`);
      const kind = theirs.error === "No closing quotation" ? /no closing/ : /lone backslash/;
      assert.match(ours.error, kind, `${JSON.stringify(input)}: shlex says ${theirs.error}`);
    } else {
      assert.deepEqual(ours, { words: theirs.words }, JSON.stringify(input));
    }
  });
  assert.ok(errors > 100, `the generated lines include failing ones (${errors})`);
});
