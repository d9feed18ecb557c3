import { type Schema, YAMLException, load } from "js-yaml";

/** A js-yaml schema, typed opaquely so that Berth's published types never need js-yaml's. */
export type YamlSchema = object;
import { DEFAULT_ALIAS_BUDGET, aliasOverBudget, distinctSize, expandedSize } from "./alias-budget";
import type { Diagnostic } from "./diagnostic";
import { LineIndex, PositionNode, PositionRecorder, type SourcePosition } from "./positions";

/** A path into a loaded YAML value: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** The result of {@link parseYaml}: the value, the problems found, and positions for every node. */
export interface ParsedYaml {
  /** The file name given to the parser. */
  file: string;
  /** The source text. */
  text: string;
  /** The loaded value (plain JSON-like data); undefined when the text is empty or could not be parsed. */
  value: unknown;
  /** YAML syntax problems (js-yaml stops at the first one, so at most one). Empty when the text loaded. */
  problems: Diagnostic[];
  /**
   * Keys written twice in one mapping, when {@link ParseYamlOptions.duplicateKeys} is `"last"`: the later one's
   * position and the earlier one's. Empty otherwise.
   */
  duplicates: { path: YamlPath; at: SourcePosition; first: SourcePosition }[];
  /** The root of the position tree (undefined when nothing loaded). */
  root: PositionNode | undefined;
  /** Where the node at `path` starts; undefined when there is no node at that path. */
  locate(path: YamlPath): SourcePosition | undefined;
  /** Where the node at `path` starts, or else its nearest ancestor that exists (the document start at worst). */
  locateNearest(path: YamlPath): SourcePosition;
  /** Where the key of the mapping member at `path` starts (for "unknown key" messages); else as locateNearest. */
  locateKey(path: YamlPath): SourcePosition;
  /** The position of a node from {@link root}. */
  positionOf(node: PositionNode): SourcePosition;
  /** A diagnostic at a position, with its source line attached (for {@link formatDiagnostic}). */
  diagnostic(at: SourcePosition, message: string): Diagnostic;
}

/** Options for {@link parseYaml}. */
export interface ParseYamlOptions {
  /** The js-yaml schema (the Compose loader adds YAML 1.1 octals). @default js-yaml's default schema */
  schema?: YamlSchema;
  /**
   * How many nodes aliases (`*name`) may add to the document when expanded; a document over it is a problem at the
   * alias that passed the budget, and its value is not returned.
   * @default 100000 ({@link DEFAULT_ALIAS_BUDGET})
   */
  aliasBudget?: number;
  /**
   * What a key written twice in one mapping does: `"error"` refuses the document (YAML 1.2), `"last"` keeps the last
   * value, as PyYAML (and so Cloudify) does, and lists the duplicates in {@link ParsedYaml.duplicates}.
   * @default "error"
   */
  duplicateKeys?: "error" | "last";
}

/** The keys written twice in one mapping, anywhere below `root` (only looked for when a strict load refused some). */
function findDuplicates(root: PositionNode | undefined, lines: LineIndex): ParsedYaml["duplicates"] {
  const out: ParsedYaml["duplicates"] = [];
  const todo: { node: PositionNode; path: (string | number)[] }[] = root ? [{ node: root, path: [] }] : [];
  const seenNodes = new Set<PositionNode>();
  while (todo.length > 0) {
    const { node, path } = todo.pop()!;
    if (node.target || seenNodes.has(node)) continue;
    seenNodes.add(node);
    if (node.keyTexts) {
      const firstAt = new Map<string, number>();
      node.keyTexts.forEach((k, i) => {
        const prior = firstAt.get(k);
        const keyNode = node.keyNodes![i]!;
        if (prior !== undefined) {
          const first = node.keyNodes![prior]!;
          out.push({ path: [...path, k], at: lines.nodeStart(typeof keyNode === "number" ? new PositionNode(keyNode) : keyNode), first: lines.nodeStart(typeof first === "number" ? new PositionNode(first) : first) });
        } else firstAt.set(k, i);
        const child = node.valueNodes![i];
        if (child !== undefined && typeof child !== "number") todo.push({ node: child, path: [...path, k] });
      });
    }
    node.items?.forEach((item, i) => {
      if (typeof item !== "number") todo.push({ node: item, path: [...path, i] });
    });
  }
  return out;
}

/** A problem when the document's aliases expand past the budget, else undefined. */
function checkAliases(value: unknown, root: PositionNode | undefined, text: string, lines: LineIndex, file: string, budget: number): Diagnostic | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const expanded = expandedSize(value);
  const distinct = distinctSize(value);
  if (expanded - distinct <= budget) return undefined;
  const alias = aliasOverBudget(root, distinct + budget);
  const at = alias ? lines.nodeStart(alias) : { file, line: 1, col: 1 };
  const name = alias ? /^\*([^\s,\]}]+)/.exec(text.slice(skipTo(text, alias.start)))?.[1] : undefined;
  const added = expanded - distinct;
  const what = name ? `the alias *${name}` : "aliases and merge keys";
  return {
    ...at,
    message: `${what} would expand the document by ${added > 1e12 ? "more than 10^12" : added.toLocaleString("en-US")} nodes, over the budget of ${budget.toLocaleString("en-US")} nodes that aliases may add; write the values out, or use fewer nested aliases`,
    source: lines.lineText(at.line),
  };
}

/** The offset of the first non-blank, non-comment character at or after `offset`. */
function skipTo(text: string, offset: number): number {
  const m = /^(?:\s|#[^\n]*)*/.exec(text.slice(offset, offset + 4096));
  return offset + (m ? m[0].length : 0);
}

/**
 * Loads YAML with js-yaml, recording the start of every node (mapping members, sequence items, scalars) through
 * js-yaml's `listener`, in one linear pass. Anchors, aliases and `<<` merge keys work; a path through an alias
 * resolves to positions inside the anchored node. A syntax error is returned as a problem with its position, never
 * thrown.
 *
 * @example
 * ```ts
 * const doc = parseYaml("a:\n  b: [1, 2]\n", "x.yaml");
 * doc.locate(["a", "b", 1]); // { file: "x.yaml", line: 2, col: 11 }
 * ```
 */
export function parseYaml(text: string, file: string, options: ParseYamlOptions = {}): ParsedYaml {
  const recorder = new PositionRecorder();
  const lines = new LineIndex(text, file);
  const problems: Diagnostic[] = [];
  let value: unknown;
  let root: PositionNode | undefined;
  let duplicates: ParsedYaml["duplicates"] = [];
  try {
    try {
      value = load(text, { filename: file, listener: recorder.listener, ...(options.schema ? { schema: options.schema as Schema } : {}) });
      root = recorder.root();
    } catch (err) {
      // A duplicated key, where duplicates are allowed: load again keeping the last value (js-yaml's `json` mode),
      // then list every duplicate. Only documents that have one pay for the second pass.
      if (options.duplicateKeys !== "last" || !(err instanceof YAMLException) || !/duplicated mapping key/.test(err.reason)) throw err;
      const again = new PositionRecorder();
      value = load(text, { filename: file, json: true, listener: again.listener, ...(options.schema ? { schema: options.schema as Schema } : {}) });
      root = again.root();
      duplicates = findDuplicates(root, lines);
    }
    // An alias is written `*name`: a text without `*` has none, and needs no count.
    const overBudget = text.includes("*") ? checkAliases(value, root, text, lines, file, options.aliasBudget ?? DEFAULT_ALIAS_BUDGET) : undefined;
    if (overBudget) {
      problems.push(overBudget);
      value = undefined;
    }
  } catch (err) {
    value = undefined;
    const message = err instanceof YAMLException ? err.reason || err.message : String(err);
    const mark = err instanceof YAMLException ? err.mark : undefined;
    const line = mark ? mark.line + 1 : 1;
    const col = mark ? mark.column + 1 : 1;
    problems.push({ file, line, col, message: `YAML syntax error: ${message}`, source: lines.lineText(line) });
  }
  const start: SourcePosition = { file, line: 1, col: 1 };
  const walk = (path: YamlPath): { node: PositionNode | undefined; last: PositionNode | undefined } => {
    let node = root;
    let last = root;
    for (const key of path) {
      node = node?.child(key);
      if (!node) break;
      last = node;
    }
    return { node, last };
  };
  const parsed: ParsedYaml = {
    file,
    text,
    value,
    problems,
    duplicates,
    root,
    locate: (path) => {
      const { node } = walk(path);
      return node ? lines.nodeStart(node) : undefined;
    },
    locateNearest: (path) => {
      const { last } = walk(path);
      return last ? lines.nodeStart(last) : start;
    },
    locateKey: (path) => {
      if (path.length === 0) return parsed.locateNearest(path);
      const key = path[path.length - 1];
      const parent = walk(path.slice(0, -1)).node;
      const keyNode = typeof key === "string" ? parent?.keyNode(key) : undefined;
      return keyNode ? lines.nodeStart(keyNode) : parsed.locateNearest(path);
    },
    positionOf: (node) => lines.nodeStart(node),
    diagnostic: (at, message) => ({ ...at, message, source: at.file === file ? lines.lineText(at.line) : undefined }),
  };
  return parsed;
}
