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
 * One composed YAML node: where it starts, and for mappings and sequences where each member starts.
 * Built by {@link PositionRecorder}; read through {@link PositionNode.child} and {@link PositionIndex.position}.
 */
export class PositionNode {
  /** Mapping members by key (the key's text), once the node is a mapping. */
  public entries: Map<string, { key: PositionNode; value: PositionNode }> | undefined;
  /** Sequence items, once the node is a sequence. */
  public items: PositionNode[] | undefined;
  /** The node this alias refers to (its members are the anchor's). */
  public target: PositionNode | undefined;

  constructor(
    /** Offset where composition started (before separating whitespace). */
    public readonly start: number,
  ) {}

  /** The member node for a key (mapping) or index (sequence), following aliases; undefined when absent. */
  public child(key: string | number): PositionNode | undefined {
    const self = this.target ?? this;
    if (typeof key === "number") return self.items?.[key];
    return self.entries?.get(key)?.value;
  }

  /** The node of a mapping member's key (for "this key is unknown" messages). */
  public keyNode(key: string): PositionNode | undefined {
    const self = this.target ?? this;
    return self.entries?.get(key)?.key;
  }
}

interface Frame {
  node: PositionNode;
  children: { node: PositionNode; result: unknown; end: number }[];
}

/** The js-yaml loader state fields the listener reads. */
interface ListenerState {
  position: number;
  result: unknown;
  kind: string | null;
}

/**
 * Receives js-yaml's `open`/`close` events and builds the {@link PositionNode} tree in one pass (linear in the
 * document size). js-yaml sometimes wraps a node in a second frame while it looks for a compact mapping key; such
 * wrappers (one child, same result, same end) are collapsed.
 */
export class PositionRecorder {
  private readonly stack: Frame[] = [{ node: new PositionNode(0), children: [] }];
  private readonly anchors = new WeakMap<object, PositionNode>();

  /** The listener to pass to js-yaml's `load`. */
  public readonly listener = (event: string, state: ListenerState): void => {
    if (event === "open") {
      this.stack.push({ node: new PositionNode(state.position), children: [] });
      return;
    }
    const frame = this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    if (!frame || !parent) return;
    const result = state.result;
    const end = state.position;
    let node = frame.node;
    let children = frame.children;
    if (children.length === 1 && children[0]!.result === result && children[0]!.end === end) {
      node = children[0]!.node;
      children = [];
    }
    if (children.length > 0) this.shape(node, state.kind, children);
    if (result !== null && typeof result === "object") {
      if (state.kind === "mapping" || state.kind === "sequence") {
        if (!this.anchors.has(result)) this.anchors.set(result, node);
      } else if (!node.entries && !node.items) {
        node.target = this.anchors.get(result);
      }
    }
    parent.children.push({ node, result, end });
  };

  private shape(node: PositionNode, kind: string | null, children: Frame["children"]): void {
    if (kind === "sequence") {
      node.items = children.map((c) => c.node);
    } else if (kind === "mapping") {
      const entries = new Map<string, { key: PositionNode; value: PositionNode }>();
      for (let i = 0; i + 1 < children.length; i += 2) {
        const key = children[i]!;
        const keyText = String(key.result);
        if (keyText === "<<") continue;
        if (!entries.has(keyText)) entries.set(keyText, { key: key.node, value: children[i + 1]!.node });
      }
      node.entries = entries;
    }
  }

  /** The root node of the document (undefined for an empty document). */
  public root(): PositionNode | undefined {
    const top = this.stack[0]!.children;
    return top.length > 0 ? top[top.length - 1]!.node : undefined;
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
    return this.text.slice(from, next === undefined ? this.text.length : next).replace(/\r?\n$/, "");
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
