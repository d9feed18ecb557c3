/**
 * A bound on nesting: every later stage (merging, evaluation, code generation) walks values recursively, so a file
 * nested thousands of levels deep is refused at its deepest point instead of overflowing the stack somewhere inside.
 * Real blueprints nest a few tens of levels.
 */

/** The deepest nesting of mappings and lists a blueprint file may have. */
export const MAX_NESTING = 200;

/**
 * The path of the first value nested deeper than `limit` levels (depth first, in document order), or undefined.
 * Iterative and linear in the number of distinct nodes (a value shared through YAML aliases is walked once per depth
 * it is reached at, at most `limit` times).
 */
export function tooDeep(value: unknown, limit: number = MAX_NESTING): (string | number)[] | undefined {
  const stack: { v: unknown; depth: number; key: string | number | undefined; parent: number }[] = [{ v: value, depth: 0, key: undefined, parent: -1 }];
  const frames: { key: string | number | undefined; parent: number }[] = [];
  const seen = new Map<object, number>();
  while (stack.length > 0) {
    const item = stack.pop()!;
    const index = frames.length;
    frames.push({ key: item.key, parent: item.parent });
    if (item.v === null || typeof item.v !== "object") continue;
    if (item.depth > limit) {
      const path: (string | number)[] = [];
      for (let i = index; i >= 0 && frames[i]!.key !== undefined; i = frames[i]!.parent) path.unshift(frames[i]!.key!);
      return path;
    }
    const known = seen.get(item.v);
    if (known !== undefined && known >= item.depth) continue;
    seen.set(item.v, item.depth);
    const entries: [string | number, unknown][] = Array.isArray(item.v) ? item.v.map((x, i) => [i, x]) : Object.entries(item.v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i]![1], depth: item.depth + 1, key: entries[i]![0], parent: index });
  }
  return undefined;
}
