/**
 * The alias budget: js-yaml shares one value between an anchor and its aliases, so loading is cheap, but everything
 * downstream (merging, interpolation, code generation) walks the expanded tree. A few hundred bytes of nested
 * aliases ("nine anchors of nine") expand to hundreds of millions of nodes; this check counts the expanded size in
 * linear time (each shared value is measured once) and refuses a document whose aliases add more than the budget.
 */
import type { PositionNode } from "./positions";

/** Nodes that aliases may add to one document, by default. Real files add a few thousand at most. */
export const DEFAULT_ALIAS_BUDGET = 100_000;

/** The expanded node count of a loaded value (each use of a shared value counted), memoised per object. */
export function expandedSize(value: unknown, memo: WeakMap<object, number> = new WeakMap()): number {
  if (value === null || typeof value !== "object") return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  // Mark first, so a (non-YAML) cycle cannot recurse forever: it counts once.
  memo.set(value, 1);
  const stack: { obj: object; members: unknown[]; i: number; total: number }[] = [];
  const open = (obj: object): void => {
    const members = Array.isArray(obj) ? obj : Object.values(obj as Record<string, unknown>);
    stack.push({ obj, members, i: 0, total: 1 });
  };
  open(value);
  let result = 1;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.i >= frame.members.length) {
      stack.pop();
      memo.set(frame.obj, frame.total);
      result = frame.total;
      const parent = stack[stack.length - 1];
      if (parent) parent.total = Math.min(parent.total + frame.total, Number.MAX_SAFE_INTEGER);
      continue;
    }
    const member = frame.members[frame.i++];
    if (member === null || typeof member !== "object") {
      frame.total++;
      continue;
    }
    const size = memo.get(member);
    if (size !== undefined) {
      frame.total = Math.min(frame.total + size, Number.MAX_SAFE_INTEGER);
      continue;
    }
    memo.set(member, 1);
    open(member);
  }
  return result;
}

/** The distinct node count of a loaded value (each shared value counted once). */
export function distinctSize(value: unknown): number {
  const seen = new Set<object>();
  let count = 0;
  const todo: unknown[] = [value];
  while (todo.length > 0) {
    const v = todo.pop();
    count++;
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    for (const m of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) todo.push(m);
  }
  return count;
}

/** The alias node at which the running expanded size of the document first passes `limit`, in document order. */
export function aliasOverBudget(root: PositionNode | undefined, limit: number): PositionNode | undefined {
  if (!root) return undefined;
  const memo = new Map<PositionNode, number>();
  const size = (node: PositionNode): number => {
    const cached = memo.get(node);
    if (cached !== undefined) return cached;
    memo.set(node, 1);
    let total = 1;
    const self = node.target ?? node;
    for (const m of [...(self.items ?? []), ...(self.valueNodes ?? [])]) {
      total = Math.min(total + (typeof m === "number" ? 1 : size(m)), Number.MAX_SAFE_INTEGER);
    }
    memo.set(node, total);
    return total;
  };
  let running = 0;
  const todo: PositionNode[] = [root];
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (node.target) {
      running += size(node.target);
      if (running > limit) return node;
      continue;
    }
    running++;
    const members = [...(node.items ?? []), ...(node.valueNodes ?? [])];
    for (let i = members.length - 1; i >= 0; i--) {
      const m = members[i]!;
      if (typeof m === "number") running++;
      else todo.push(m);
    }
  }
  return undefined;
}
