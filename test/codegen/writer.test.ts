import assert from "node:assert/strict";
import { test } from "node:test";
import { CodeWriter, commentLines, identifier, valueLiteral } from "../../src/codegen/writer";

const TERMINATORS: [string, string][] = [
  ["LF", "\n"],
  ["CR", "\r"],
  ["CRLF", "\r\n"],
  ["U+2028", "\u2028"],
  ["U+2029", "\u2029"],
];

for (const [name, t] of TERMINATORS) {
  test(`comment(): a ${name} in the text starts a new comment line, so nothing after it runs`, () => {
    const w = new CodeWriter();
    w.comment(`title${t}require("child_process").execSync("id")`);
    const out = w.toString();
    assert.equal(out, '// title\n// require("child_process").execSync("id")\n');
    for (const line of out.split(/\r\n|[\n\r\u2028\u2029]/).filter((l) => l !== "")) assert.ok(line.startsWith("//"), line);
  });
}

test("docComment(): */ cannot end the comment, and every terminator is split", () => {
  const w = new CodeWriter();
  w.docComment("a */ b\rc\u2028d");
  assert.equal(w.toString(), "/**\n * a *\\/ b\n * c\n * d\n */\n");
});

test("commentLines shows control and bidirectional characters as escapes", () => {
  assert.deepEqual(commentLines("a\u202eb\u0000c\u001bd  "), ["a\\u{202e}b\\u{0}c\\u{1b}d"]);
});

test("valueLiteral: a __proto__ member stays a member (a computed key), others bare or quoted", () => {
  // JSON.parse makes an own __proto__ member, as a YAML loader does.
  const code = valueLiteral(JSON.parse('{"__proto__": {"a": 1}, "ok": 2, "x-y": 3}') as Record<string, unknown>);
  assert.equal(code, '{\n  ["__proto__"]: {\n    a: 1,\n  },\n  ok: 2,\n  "x-y": 3,\n}');
  const evaluated = new Function(`return ${code};`)() as Record<string, unknown>;
  assert.deepEqual(Object.keys(evaluated), ["__proto__", "ok", "x-y"]);
});

test("identifier: names CommonJS gives a meaning get a suffix, so `export const` keeps the value", () => {
  for (const name of ["__proto__", "__esModule", "exports", "module", "require", "eval", "arguments", "constructor"]) {
    const id = identifier(name);
    assert.equal(id, `${name}_`);
    const exports: Record<string, unknown> = {};
    // What `export const <id> = 1` compiles to under commonjs: the value must stay an own member.
    exports[id] = 1;
    assert.equal(Object.hasOwn(exports, id), true, `${name}: the export is kept`);
  }
  assert.equal(identifier("web-server"), "webServer");
});
