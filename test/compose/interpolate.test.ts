// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is the data under test.
import assert from "node:assert/strict";
import { test } from "node:test";
import { interpolate } from "../../src/compose/interpolate";

const env = { SET: "value", EMPTY: "", OTHER: "other" };

/** Input, value, errors, and the unset variables without a default (warned about by the loader). */
const cases: [string, string, string[], string[]][] = [
  ["plain text", "plain text", [], []],
  ["$SET and ${SET}", "value and value", [], []],
  ["$UNSET|${UNSET}", "|", [], ["UNSET"]],
  ["${SET:-d}", "value", [], []],
  ["${UNSET:-d}", "d", [], []],
  ["${EMPTY:-d}", "d", [], []],
  ["${EMPTY-d}", "", [], []],
  ["${UNSET-d}", "d", [], []],
  ["${UNSET:-${OTHER}}", "other", [], []],
  ["${UNSET:-a b}", "a b", [], []],
  ["${SET:+alt}", "alt", [], []],
  ["${EMPTY:+alt}", "", [], []],
  ["${EMPTY+alt}", "alt", [], []],
  ["${UNSET+alt}", "", [], []],
  ["$$SET costs $$5", "$SET costs $5", [], []],
  ["$${SET}", "${SET}", [], []],
  ["${SET:?must be set}", "value", [], []],
  ["${UNSET:?must be set}", "", ["variable UNSET is unset: must be set; set it in the environment or an env file"], []],
  ["${EMPTY:?}", "", ["variable EMPTY is empty; set it in the environment or an env file"], []],
  ["${EMPTY?x}", "", [], []],
  ["${UNSET?needed}", "", ["variable UNSET is unset: needed; set it in the environment or an env file"], []],
  ["${SET", "${SET", ['"${SET" has a "${" without its closing "}"'], []],
  ["${1BAD}", "", ['"${1BAD}" is not a variable reference: a name must start with a letter or "_"'], []],
  ["${SET/x}", "", ['"${SET/x}" has an unknown modifier "/x"; use :-, -, :?, ?, :+ or +'], []],
  ["a $ b", "a $ b", [], []],
];

for (const [input, value, errors, unset] of cases) {
  test(`interpolate ${JSON.stringify(input)}`, () => {
    assert.deepEqual(interpolate(input, env), { value, errors, unset });
  });
}
