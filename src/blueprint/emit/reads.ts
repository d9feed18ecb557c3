/**
 * What a type mapping read of a node's values: each property (and operation input) value is handed to the mapping
 * wrapped so that every key it reads is recorded, and whatever it hands on unchanged counts as read in full. After
 * the mapping, every key it never looked at is a value the program does not carry over, and is reported with its
 * position instead of vanishing.
 */
import { isDeferred } from "../functions/values";

/** A path below a tracked root: keys and list indexes. */
export type ReadPath = readonly (string | number)[];

/** The key of a path in the tracker's sets (NUL never occurs in YAML keys a mapping reads). */
function keyOf(path: ReadPath): string {
  return path.join("\u0000");
}

/** What a tracking proxy answers for these keys: the value behind it, and its path key. */
const TARGET = Symbol("berth.tracked.target");
const PATH = Symbol("berth.tracked.path");

/**
 * The value behind a tracked one, for a mapping that reads a value in full to check it and then hands it on (the
 * hand-on marks it read): walking the proxy would record every key one by one.
 */
export function untracked<T>(value: T): T {
  return value !== null && typeof value === "object" ? (((value as Record<symbol, unknown>)[TARGET] as T | undefined) ?? value) : value;
}

/** The path key of a tracking proxy, or undefined for any other value. */
function pathOfProxy(value: object): string | undefined {
  return (value as Record<symbol, unknown>)[PATH] as string | undefined;
}

/** Records the reads of a mapping over the values it was given. */
export class ReadTracker {
  /** The keys read of each tracked mapping, by the {@link keyOf} of the mapping's path. */
  private readonly readAt = new Map<string, Set<string>>();
  /** Values read in full (handed on, stringified), as the {@link keyOf} of their path. */
  private readonly whole = new Set<string>();
  /** The proxy of each tracked value, with the path it was tracked at (a tracker lives for one node instance). */
  private readonly proxies = new Map<object, { proxy: object; key: string }>();

  /** The value wrapped for reading at `path` (plain values and deferred references are returned as they are). */
  public track<T>(value: T, path: ReadPath): T {
    return this.trackKey(value, keyOf(path));
  }

  private trackKey<T>(value: T, pathKey: string): T {
    if (value === null || typeof value !== "object" || isDeferred(value)) return value;
    const known = this.proxies.get(value);
    if (known && known.key === pathKey) return known.proxy as T;
    const readAt = this.readAt;
    let readKeys: Set<string> | undefined;
    /** The tracked values below this one, by key (a key's value is tracked once). */
    let below: Map<string, { value: object; proxy: object }> | undefined;
    const proxy = new Proxy(value, {
      get: (target, key) => {
        if (key === TARGET) return target;
        if (key === PATH) return pathKey;
        const v: unknown = (target as Record<string | symbol, unknown>)[key];
        // Methods (of lists, of Object) are not values of the blueprint; an absent __proto__ is the prototype.
        if (typeof key !== "string" || typeof v === "function" || (key === "__proto__" && !Object.hasOwn(target, key))) return v;
        if (!readKeys) {
          readKeys = readAt.get(pathKey);
          if (!readKeys) {
            readKeys = new Set();
            readAt.set(pathKey, readKeys);
          }
        }
        readKeys.add(key);
        if (v === null || typeof v !== "object") return v;
        const seen = below?.get(key);
        if (seen && seen.value === v) return seen.proxy;
        const child = this.trackKey(v, pathKey === "" ? key : `${pathKey}\u0000${key}`);
        if (child !== v) {
          below ??= new Map();
          below.set(key, { value: v, proxy: child as object });
        }
        return child;
      },
    });
    this.proxies.set(value, { proxy, key: pathKey });
    return proxy as T;
  }

  /** Marks the value at `path` as accounted for in full (the mapping reported it dropped, with why). */
  public accounted(path: ReadPath): void {
    if (path.length === 0) return;
    this.whole.add(keyOf(path));
    const parent = keyOf(path.slice(0, -1));
    let keys = this.readAt.get(parent);
    if (!keys) {
      keys = new Set();
      this.readAt.set(parent, keys);
    }
    keys.add(String(path[path.length - 1]));
  }

  /** True when the key `key` of the mapping at `pathKey` was read. */
  private readKey(pathKey: string, key: string): boolean {
    return this.readAt.get(pathKey)?.has(key) ?? false;
  }

  /** Marks every tracked value found in `result` (what the mapping returned) as read in full. */
  public handedOn(result: unknown): void {
    const todo: unknown[] = [result];
    const seen = new Set<object>();
    while (todo.length > 0) {
      const v = todo.pop();
      if (v === null || typeof v !== "object" || seen.has(v)) continue;
      seen.add(v);
      const path = pathOfProxy(v);
      if (path !== undefined) {
        this.whole.add(path);
        continue;
      }
      if (isDeferred(v)) {
        const args = (v as { args?: unknown }).args;
        if (Array.isArray(args)) todo.push(...args);
        continue;
      }
      for (const x of Array.isArray(v) ? v : Object.values(v)) todo.push(x);
    }
  }

  /**
   * The paths below `root` (whose own value is `value`, unwrapped) that were never read: a mapping key whose key was
   * not read, reported at the highest unread level. List items are looked into only for their mappings' keys.
   */
  public unread(value: unknown, root: ReadPath): ReadPath[] {
    const out: ReadPath[] = [];
    if (value === null || typeof value !== "object") return out;
    const todo: { v: unknown; path: ReadPath; key: string }[] = [{ v: value, path: root, key: keyOf(root) }];
    while (todo.length > 0) {
      const { v, path, key } = todo.pop()!;
      if (this.whole.has(key)) continue;
      if (v === null || typeof v !== "object" || isDeferred(v)) continue;
      const prefix = key === "" ? "" : `${key}\u0000`;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (x !== null && typeof x === "object") todo.push({ v: x, path: [...path, i], key: prefix + i });
        }
        continue;
      }
      const keys = this.readAt.get(key);
      for (const k of Object.keys(v)) {
        if (!keys?.has(k)) out.push([...path, k]);
        else {
          const x = (v as Record<string, unknown>)[k];
          if (x !== null && typeof x === "object") todo.push({ v: x, path: [...path, k], key: prefix + k });
        }
      }
    }
    if (out.length < 2) return out;
    return out.map((p) => ({ p, s: JSON.stringify(p) })).sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0)).map((x) => x.p);
  }

  /** True when the key at `path` was read (or a value above it was read in full). */
  public wasRead(path: ReadPath): boolean {
    if (path.length === 0) return false;
    let key = "";
    for (let i = 0; i < path.length; i++) {
      const parent = key;
      key = i === 0 ? String(path[0]) : `${key}\u0000${path[i]}`;
      if (this.whole.has(key)) return true;
      if (i === path.length - 1) return this.readKey(parent, String(path[i]));
    }
    return false;
  }
}
