/**
 * Evaluation order for values that refer to each other (input defaults through `get_input`, node properties through
 * `get_property`): a depth-first post-order computed without recursion, so each value is evaluated after everything
 * it refers to and a chain of any length resolves one link at a time. Cycles are found on the way, each reported
 * once with its members in order.
 */

/** The result of {@link evaluationOrder}. */
export interface Ordered<K> {
  /** Every key, each after the keys it depends on (members of a cycle in the order met). */
  order: K[];
  /** Each cycle found: its keys from the first met back to it (`a, b, a`). */
  cycles: K[][];
}

/** Orders `keys` so that each comes after its dependencies (`deps` may name keys outside `keys`: they are skipped). */
export function evaluationOrder<K>(keys: Iterable<K>, deps: (key: K) => readonly K[], known: (key: K) => boolean): Ordered<K> {
  const state = new Map<K, 1 | 2>();
  const order: K[] = [];
  const cycles: K[][] = [];
  for (const start of keys) {
    if (state.has(start)) continue;
    const first = deps(start).filter(known);
    if (first.length === 0) {
      state.set(start, 2);
      order.push(start);
      continue;
    }
    const path: K[] = [start];
    const pending: K[][] = [first];
    state.set(start, 1);
    while (path.length > 0) {
      const todo = pending[pending.length - 1]!;
      const next = todo.pop();
      if (next === undefined) {
        const done = path.pop()!;
        pending.pop();
        state.set(done, 2);
        order.push(done);
        continue;
      }
      const s = state.get(next);
      if (s === 2) continue;
      if (s === 1) {
        cycles.push([...path.slice(path.indexOf(next)), next]);
        continue;
      }
      state.set(next, 1);
      path.push(next);
      pending.push(deps(next).filter(known));
    }
  }
  return { order, cycles };
}

/** A function call found in a written value: its name, its raw argument, and the path to the call from the value. */
export interface FoundCall {
  fn: string;
  arg: unknown;
  /** Keys and indexes from the value to the call's key. */
  path: (string | number)[];
}

/** A step of the walk in {@link findCalls}: the value, and the key that led to it from its parent's step. */
interface Step {
  v: unknown;
  key: string | number;
  up: Step | undefined;
}

/** The keys from the root to a step (built only for the steps where a call is found). */
function pathOf(step: Step | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let s = step; s?.up !== undefined; s = s.up) out.push(s.key);
  return out.reverse();
}

/** Every call of the named functions in a written value (iterative; stops at the nesting the loader allows). */
export function findCalls(value: unknown, names: ReadonlySet<string>): FoundCall[] {
  return value === null || typeof value !== "object" ? [] : walkCalls(value, names);
}

function walkCalls(value: object, names: ReadonlySet<string>): FoundCall[] {
  const out: FoundCall[] = [];
  const todo: Step[] = [{ v: value, key: "", up: undefined }];
  while (todo.length > 0) {
    const step = todo.pop()!;
    const v = step.v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === "object") todo.push({ v: x, key: i, up: step });
      }
      continue;
    }
    const keys = Object.keys(v as object);
    if (keys.length === 1 && names.has(keys[0]!)) {
      const path = pathOf(step);
      path.push(keys[0]!);
      out.push({ fn: keys[0]!, arg: (v as Record<string, unknown>)[keys[0]!], path });
    }
    for (const k of keys) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === "object") todo.push({ v: x, key: k, up: step });
    }
  }
  return out;
}
