import { quoteLine } from "../core/files";

/**
 * Source positions for a YAML document, recorded while js-yaml composes it (its `listener` option), so that every
 * node of the loaded value can be traced back to its file, line and column without a second parse.
 */

/** A place in a source file: 1-based line and column. */
export interface SourcePosition {
  /** The file as the caller named it. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
}

/**
 * A member of a collection as the recorder keeps it: a scalar is just its start offset (most nodes are scalars, so
 * they cost no object), a collection or an alias a {@link PositionNode}.
 */
type Member = PositionNode | number;

/** The node for a member, making one for a scalar's offset when it is asked for. */
function nodeOf(member: Member | undefined): PositionNode | undefined {
  return typeof member === "number" ? new PositionNode(member) : member;
}

/**
 * One composed YAML node: where it starts, and for mappings and sequences where each member starts.
 * Built by {@link PositionRecorder}; read through {@link PositionNode.child} and {@link PositionNode.keyNode}.
 */
export class PositionNode {
  /** Mapping members: key texts, key nodes and value nodes, in source order (`<<` merge keys left out). */
  public keyTexts: string[] | undefined;
  public keyNodes: Member[] | undefined;
  public valueNodes: Member[] | undefined;
  /** Sequence items, once the node is a sequence. */
  public items: Member[] | undefined;
  /** The node this alias refers to (its members are the anchor's). */
  public target: PositionNode | undefined;
  /** Key text → member index, built on the first lookup (most nodes are never looked up). */
  private index: Map<string, number> | undefined;

  constructor(
    /** Offset where composition started (before separating whitespace). */
    public readonly start: number,
  ) {}

  /** The member node for a key (mapping) or index (sequence), following aliases; undefined when absent. */
  public child(key: string | number): PositionNode | undefined {
    const self = this.target ?? this;
    if (typeof key === "number") return nodeOf(self.items?.[key]);
    const i = self.memberIndex(key);
    return i === undefined ? undefined : nodeOf(self.valueNodes![i]);
  }

  /** The node of a mapping member's key (for "this key is unknown" messages). */
  public keyNode(key: string): PositionNode | undefined {
    const self = this.target ?? this;
    const i = self.memberIndex(key);
    return i === undefined ? undefined : nodeOf(self.keyNodes![i]);
  }

  private memberIndex(key: string): number | undefined {
    const texts = this.keyTexts;
    if (!texts) return undefined;
    if (!this.index) {
      this.index = new Map();
      // The last of two equal keys wins, as the value does when duplicates are allowed (else js-yaml refuses them).
      for (let i = 0; i < texts.length; i++) this.index.set(texts[i]!, i);
    }
    return this.index.get(key);
  }
}

/** The js-yaml loader state fields the listener reads. */
interface ListenerState {
  position: number;
  result: unknown;
  kind: string | null;
  /** The anchor (`&name`) of the node being closed, if it has one (js-yaml sets it; its typings omit it). */
  anchor?: string | null;
}

/**
 * Receives js-yaml's `open`/`close` events and builds the position tree in one pass (linear in the document size).
 * js-yaml sometimes wraps a node in a second frame while it looks for a compact mapping key; such wrappers (one
 * child, same result, same end) are collapsed. Open frames and finished children live on flat stacks, a scalar is
 * kept as its start offset, and a collection costs one {@link PositionNode} and two or three arrays.
 */
export class PositionRecorder {
  /** The start offsets of the open frames, and where their children start on the child stacks. */
  private readonly openStarts: number[] = [0];
  private readonly openMarks: number[] = [0];
  /**
   * Finished children of the open frames: member, composed value and end offset. `top` is the stacks' logical
   * length; entries above it are stale and overwritten (shrinking a JavaScript array's length can reallocate it).
   */
  private readonly childNodes: Member[] = [];
  private readonly childResults: unknown[] = [];
  private readonly childEnds: number[] = [];
  private top = 0;
  /** Anchored values (`&name`) and their nodes, so an alias (`*name`) can point at the anchor's members. */
  private readonly anchors = new Map<object, PositionNode>();

  /** The listener to pass to js-yaml's `load`. */
  public readonly listener = (event: string, state: ListenerState): void => {
    if (event === "open") {
      this.openStarts.push(state.position);
      this.openMarks.push(this.top);
      return;
    }
    if (this.openStarts.length < 2) return;
    const start = this.openStarts.pop()!;
    const mark = this.openMarks.pop()!;
    const result = state.result;
    const end = state.position;
    const count = this.top - mark;
    let node: Member;
    if (count === 1 && this.childResults[mark] === result && this.childEnds[mark] === end) {
      node = this.childNodes[mark]!;
    } else if (count > 0) {
      node = new PositionNode(start);
      this.shape(node, state.kind, mark);
    } else {
      node = start;
    }
    if (result !== null && typeof result === "object") {
      if (typeof state.anchor === "string" && (state.kind === "mapping" || state.kind === "sequence")) {
        if (typeof node === "number") node = new PositionNode(node);
        if (!this.anchors.has(result)) this.anchors.set(result, node);
      } else if (count === 0 && this.anchors.size > 0) {
        const target = this.anchors.get(result);
        if (target) {
          node = new PositionNode(start);
          node.target = target;
        }
      }
    }
    this.childNodes[mark] = node;
    this.childResults[mark] = result;
    this.childEnds[mark] = end;
    this.top = mark + 1;
  };

  private shape(node: PositionNode, kind: string | null, mark: number): void {
    const total = this.top;
    if (kind === "sequence") {
      node.items = this.childNodes.slice(mark, total);
    } else if (kind === "mapping") {
      const texts: string[] = [];
      const keys: Member[] = [];
      const values: Member[] = [];
      for (let i = mark; i + 1 < total; i += 2) {
        const text = String(this.childResults[i]);
        if (text === "<<") continue;
        texts.push(text);
        keys.push(this.childNodes[i]!);
        values.push(this.childNodes[i + 1]!);
      }
      node.keyTexts = texts;
      node.keyNodes = keys;
      node.valueNodes = values;
    }
  }

  /** The root node of the document (undefined for an empty document). */
  public root(): PositionNode | undefined {
    const top = this.openMarks.length === 1 ? this.top : this.openMarks[1]!;
    return top > 0 ? nodeOf(this.childNodes[top - 1]) : undefined;
  }
}

/** Turns offsets into 1-based line/column for one text, with a line index built once. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  /** The position of an offset. */
  public at(offset: number): SourcePosition {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, col: offset - starts[lo]! + 1 };
  }

  /** Where a node's content starts: its composition offset moved past whitespace and comments. */
  public nodeStart(node: PositionNode): SourcePosition {
    return this.at(skipSeparation(this.text, node.start));
  }

  /** The text of a 1-based line, without its line break. */
  public lineText(line: number): string {
    const starts = this.lineStarts();
    const from = starts[line - 1];
    if (from === undefined) return "";
    const next = starts[line];
    return quoteLine(this.text.slice(from, next === undefined ? this.text.length : next).replace(/\r?\n$/, ""));
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf("\n"); i !== -1; i = this.text.indexOf("\n", i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }
}

/** Skips spaces, tabs, line breaks and `#` comments from an offset. */
function skipSeparation(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl + 1;
    } else break;
  }
  return Math.min(i, text.length);
}
