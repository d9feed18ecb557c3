/** Shared helpers for the Compose fixture files under test/fixtures/compose (written by us for these tests). */
import * as fs from "node:fs";
import * as path from "node:path";

/** The folder of the fixture Compose files. */
export const FIXTURES = path.resolve(__dirname, "../fixtures/compose");

/** The absolute path of a fixture. */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Reads a fixture file's text. */
export function readFile(p: string): string {
  return fs.readFileSync(p, "utf8");
}

/**
 * `file:line:column` of the first line of a fixture that starts with `prefix` after its indentation, searched from
 * the line that contains `after` (found by plain text search, independently of the loader's position index).
 */
export function lineOf(file: string, prefix: string, after?: string): string {
  const lines = readFile(fixture(file)).split("\n");
  const start = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  for (let i = Math.max(start, 0); i < lines.length; i++) {
    const trimmed = lines[i]!.trimStart();
    if (trimmed.startsWith(prefix)) return `${fixture(file)}:${i + 1}:${lines[i]!.length - trimmed.length + 1}`;
  }
  throw new Error(`no line starting with ${prefix} in ${file}`);
}

/** `file:line:column` of the value of the sequence item on the line {@link lineOf} finds (the column after `- `). */
export function itemOf(file: string, prefix: string, after?: string): string {
  const at = lineOf(file, prefix, after).split(":");
  const col = Number(at.pop()) + 2;
  return `${at.join(":")}:${col}`;
}

/** A reader confined to the fixtures folder (the loader's `reader`). */
export function fixtureReader(): import("../../src/compose/reader").ComposeReader {
  const { scopedReader } = require("../../src/compose/reader") as typeof import("../../src/compose/reader");
  return scopedReader({ root: FIXTURES });
}

/** A reader over in-memory files under `/p` (for texts loaded as `/p/compose.yaml`). */
export function memoryFiles(files: Record<string, string> = {}): import("../../src/compose/reader").ComposeReader {
  const { memoryReader } = require("../../src/compose/reader") as typeof import("../../src/compose/reader");
  return memoryReader("/p", files);
}
