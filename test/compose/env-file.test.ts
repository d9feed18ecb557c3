// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is the data under test.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseEnvFile } from "../../src/compose/env-file";

const cases: [string, string, Record<string, string>, { line: number; message: string }[]][] = [
  ["plain", "A=1\nB=two words", { A: "1", B: "two words" }, []],
  ["comments and blanks", "# c\n\nA=1 # trailing\n  B = 2", { A: "1", B: "2" }, []],
  ["export prefix", "export A=1", { A: "1" }, []],
  ["single quotes are literal", "A='x ${HOME} \\n'", { A: "x ${HOME} \\n" }, []],
  ["double quotes escape and interpolate", 'A="a\\tb ${HOME}"', { A: "a\tb /home/u" }, []],
  ["unquoted interpolates with defaults", "A=${NOPE:-d}/x", { A: "d/x" }, []],
  ["earlier lines count", "A=1\nB=${A}2", { A: "1", B: "12" }, []],
  ["bare name from env", "HOME\nNOPE", { HOME: "/home/u" }, []],
  ["empty value", "A=", { A: "" }, []],
  ["bad name", "1A=x", {}, [{ line: 1, message: '"1A" is not a variable name' }]],
  ["unclosed double quote", 'A="x', { A: "x" }, [{ line: 1, message: "the value of A has no closing double quote" }]],
  ["unclosed single quote", "A='x", { A: "x" }, [{ line: 1, message: "the value of A has no closing single quote" }]],
  [
    "required variable",
    "\nA=${NOPE:?set it}",
    { A: "" },
    [{ line: 2, message: "variable NOPE is unset: set it; set it in the environment or an env file" }],
  ],
];

for (const [name, text, values, problems] of cases) {
  test(`env file: ${name}`, () => {
    assert.deepEqual(parseEnvFile(text, { HOME: "/home/u" }), { values, problems });
  });
}
