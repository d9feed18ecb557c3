/**
 * `derived_from` chains (node types, relationship types, data types): each name's parent checked once, cycles of any
 * length found in one iterative pass and reported with the whole cycle, and chains built on demand without
 * recursion, so a chain of any length costs time linear in its length.
 */
import type { Entry } from "../parse/merge";
import { type Diagnostics, isMap, sub } from "./site";
import { topologicalOrder } from "../../core/graph";

/** Why a chain stops before reaching a root type. */
export interface BrokenChain {
  /** The type whose `derived_from` names something unknown (or takes part in a cycle). */
  at: string;
  /** The parent it names. */
  parent: string;
  /** True for a cycle; false for an unknown parent. */
  cycle: boolean;
}

/** The derivation graph of one section. */
export class Hierarchy {
  private readonly parents = new Map<string, string | undefined>();
  private readonly broken = new Map<string, BrokenChain>();
  private readonly chains = new Map<string, string[]>();

  /**
   * Checks every entry's `derived_from`: a non-string is an error; an unknown parent is an error unless `unknownOk`
   * says the parent may come from a file that could not be read (then it is kept as a broken chain); cycles are errors
   * that print the cycle.
   */
  constructor(
    private readonly entries: Map<string, Entry>,
    what: string,
    d: Diagnostics,
    unknownOk: (parent: string) => boolean = () => false,
  ) {
    for (const [name, entry] of entries) {
      const body = entry.value;
      const parent = isMap(body) ? body["derived_from"] : undefined;
      if (parent === undefined || parent === null) {
        this.parents.set(name, undefined);
        continue;
      }
      const at = sub(entry.site, "derived_from");
      if (typeof parent !== "string") {
        d.at(at, "derived_from must be the name of a type");
        this.parents.set(name, undefined);
        continue;
      }
      if (!entries.has(parent)) {
        if (!unknownOk(parent)) d.at(at, `${what} ${name} derives from unknown ${what} "${parent}"; define it or import the file that does`);
        this.parents.set(name, undefined);
        this.broken.set(name, { at: name, parent, cycle: false });
        continue;
      }
      this.parents.set(name, parent);
    }
    // Cycles: a walk along parent links that meets a name of the current walk again closes a cycle.
    const { cycles } = topologicalOrder(entries.keys(), (n) => [this.parents.get(n)]);
    for (const found of cycles) {
      const cycle = found.path.slice(0, -1);
      const first = [...cycle].sort()[0]!;
      const from = cycle.indexOf(first);
      const ordered = [...cycle.slice(from), ...cycle.slice(0, from), first];
      d.at(sub(entries.get(first)!.site, "derived_from"), `${what}s derive from each other in a cycle: ${ordered.join(" -> ")}; one of them must derive from something else`);
      for (const member of cycle) {
        this.broken.set(member, { at: member, parent: this.parents.get(member)!, cycle: true });
        this.parents.set(member, undefined);
      }
    }
  }

  /** True when the section defines `name`. */
  public has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The parent of `name` (undefined for a root, an unknown parent or a cycle). */
  public parent(name: string): string | undefined {
    return this.parents.get(name);
  }

  /** `name`, then its ancestors, nearest first (iterative; memoised per name asked for). */
  public chain(name: string): string[] {
    const hit = this.chains.get(name);
    if (hit) return hit;
    const out: string[] = [];
    let cur: string | undefined = name;
    while (cur !== undefined && out.length <= this.entries.size) {
      out.push(cur);
      cur = this.parents.get(cur);
    }
    this.chains.set(name, out);
    return out;
  }

  /** Where the chain of `name` breaks (an unknown parent or a cycle), if it does. */
  public brokenAt(name: string): BrokenChain | undefined {
    for (const t of this.chain(name)) {
      const b = this.broken.get(t);
      if (b) return b;
    }
    return undefined;
  }
}
