import assert from "node:assert/strict";
import { test } from "node:test";
import { applyFunction, pythonStr } from "../../src/blueprint/functions/values";

const STR: [unknown, string][] = [
  [true, "True"],
  [false, "False"],
  [null, "None"],
  [5, "5"],
  [1.5, "1.5"],
  ["a'b", "a'b"],
  [["a", 1, true], "['a', 1, True]"],
  [{ k: "v", n: null }, "{'k': 'v', 'n': None}"],
];
for (const [input, expected] of STR) test(`pythonStr(${JSON.stringify(input)}) is ${expected}`, () => assert.equal(pythonStr(input), expected));

const CALLS: [Parameters<typeof applyFunction>[0], unknown[], unknown][] = [
  ["concat", ["http://", "h", ":", 80, "/", true], "http://h:80/True"],
  ["merge", [{ a: 1, b: 1 }, { b: 2 }], { a: 1, b: 2 }],
  ["pick", [{ a: [{ b: "x" }] }, "a", 0, "b"], "x"],
  ["stringFind", ["hello", "l"], 2],
  ["stringReplace", ["a-b-c", "-", "+"], "a+b+c"],
  ["stringReplace", ["a-b-c", "-", "+", 1], "a+b-c"],
  ["stringSplit", ["a,b,c", ","], ["a", "b", "c"]],
  ["stringSplit", ["a,b,c", ",", 1], "b"],
  ["stringLower", ["AbC"], "abc"],
  ["stringUpper", ["AbC"], "ABC"],
  ["toJson", [{ a: 1 }], '{"a":1}'],
];
for (const [fn, args, expected] of CALLS) test(`${fn}(${JSON.stringify(args)})`, () => assert.deepEqual(applyFunction(fn, args), expected));
