/**
 * A small `pulumi up` for programs run under Pulumi's mocks (there is no Pulumi CLI here): the program registers its
 * resources through the runtime as usual, and each registration is carried out for real by a handler for its type
 * (boot a host, run a command over SSH, ...). Between runs the deployment keeps each resource's inputs and outputs,
 * so a second `up` does what the engine would: a resource with the same inputs is left alone, a new one is created,
 * one with other inputs is updated in place when its type can be (its handler's `update`, unless `replaces` says the
 * change needs a new one) and replaced otherwise, one named in `replace` is replaced (deleted first when it asks for
 * `deleteBeforeReplace`), and one the program no longer registers is deleted, dependents first.
 *
 * Registration order is the runtime's own: a resource registers once the resources it depends on have been created,
 * so independent resources are created in parallel, as the engine creates them.
 */
import type * as pulumi from "@pulumi/pulumi";
import { decodeWireValue, type RecordedResource, type Recorder } from "../../src/resources/recorder";

/** A resource as the deployment's state keeps it. */
export interface StateResource {
  urn: string;
  type: string;
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  dependencies: string[];
  /** The provider reference (`urn::id`), if any. */
  provider?: string;
}

/** What carries out one resource type. */
export interface Handler {
  create(r: { type: string; name: string; urn: string; inputs: Record<string, unknown>; provider?: string }): Promise<{ id: string; outputs: Record<string, unknown> }>;
  /** @default nothing to do */
  delete?(r: StateResource): Promise<void>;
  /** Changes a resource in place to new inputs (the provider's Update). @default none: every change replaces */
  update?(prev: StateResource, next: { type: string; name: string; urn: string; inputs: Record<string, unknown>; provider?: string }): Promise<{ id: string; outputs: Record<string, unknown> }>;
  /** Whether a change of inputs needs a new resource even though the type can be updated. @default never */
  replaces?(prev: Record<string, unknown>, next: Record<string, unknown>): boolean;
}

/** One step the deployment took, with its time. */
export interface Step {
  op: "create" | "delete" | "replace" | "update" | "same";
  urn: string;
  type: string;
  name: string;
  seconds: number;
}

/** The result of one `up`. */
export interface UpResult {
  steps: Step[];
  /** `op name` for every step but `same`, sorted: a compact shape for exact assertions. */
  changes: string[];
}

/** The handlers: one per resource type, found by type token. */
export type Handlers = (type: string) => Handler | undefined;

export class Deployment {
  /** The state after the last `up`, by URN. */
  public readonly state = new Map<string, StateResource>();
  private steps: Step[] = [];
  private errors: string[] = [];
  private replace = new Set<string>();
  private pending = 0;

  constructor(
    private readonly rec: Recorder,
    private readonly handlers: Handlers,
  ) {}

  /** The recorder's `outputs` function: install the recorder with `outputs: (a) => deployment.register(a)`. */
  public async register(args: pulumi.runtime.MockResourceArgs): Promise<{ id: string; state: Record<string, unknown> }> {
    const record = this.latest(args.type, args.name);
    const urn = record.urn;
    // Secrets arrive wrapped; a provider sees their values.
    const inputs = decodeWireValue(args.inputs, "", []) as Record<string, unknown>;
    const prev = this.state.get(urn);
    const began = Date.now();
    const handler = this.handlers(args.type) ?? noop;
    this.pending++;
    const base = { type: args.type, name: args.name, urn, inputs, ...(args.provider ? { provider: args.provider } : {}) };
    try {
      if (prev && !this.replace.has(urn) && sameJson(prev.inputs, inputs)) {
        this.steps.push({ op: "same", urn, type: args.type, name: args.name, seconds: 0 });
        return { id: prev.id, state: prev.outputs };
      }
      let created: { id: string; outputs: Record<string, unknown> };
      if (prev && !this.replace.has(urn) && handler.update && !handler.replaces?.(prev.inputs, inputs)) {
        const updated = await handler.update(prev, base);
        this.state.set(urn, { ...base, id: updated.id, outputs: updated.outputs, dependencies: record.dependencies });
        this.steps.push({ op: "update", urn, type: args.type, name: args.name, seconds: (Date.now() - began) / 1000 });
        return { id: updated.id, state: updated.outputs };
      }
      if (prev && record.options.deleteBeforeReplace) {
        await handler.delete?.(prev);
        this.state.delete(urn);
        created = await handler.create(base);
      } else {
        created = await handler.create(base);
        if (prev) await handler.delete?.(prev);
      }
      this.state.set(urn, { ...base, id: created.id, outputs: created.outputs, dependencies: record.dependencies });
      this.steps.push({ op: prev ? "replace" : "create", urn, type: args.type, name: args.name, seconds: (Date.now() - began) / 1000 });
      return { id: created.id, state: created.outputs };
    } catch (err) {
      this.errors.push(`${prev ? "changing" : "creating"} ${args.type} ${args.name}: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    } finally {
      this.pending--;
    }
  }

  /** Waits until no registration is in flight and none has started for a while (the program is done registering). */
  private async quiesce(): Promise<void> {
    let quiet = 0;
    let count = -1;
    while (quiet < 3) {
      await this.rec.settle();
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (this.pending === 0 && this.rec.resources.length === count) quiet++;
      else quiet = 0;
      count = this.rec.resources.length;
    }
  }

  /**
   * Runs the program once, as `pulumi up` (with `--replace` for the URNs or names in `replace`) and deletes what it no
   * longer registers. Throws with every failed step when any failed.
   */
  public async up(program: () => pulumi.Output<unknown>[], replace: string[] = []): Promise<UpResult> {
    this.steps = [];
    this.errors = [];
    this.replace = new Set([...this.state.values()].filter((r) => replace.includes(r.urn) || replace.includes(r.name)).map((r) => r.urn));
    this.rec.reset();
    const outputs = program();
    await this.quiesce();
    if (this.errors.length > 0) throw new Error(`up failed:\n  ${this.errors.join("\n  ")}`);
    await Promise.all(outputs.map((o) => new Promise((resolve) => o.apply(resolve))));
    await this.quiesce();
    const registered = new Set(this.rec.resources.map((r) => r.urn));
    await this.deleteAll([...this.state.values()].filter((r) => !registered.has(r.urn)));
    if (this.errors.length > 0) throw new Error(`up failed:\n  ${this.errors.join("\n  ")}`);
    const steps = this.steps;
    return { steps, changes: steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`).sort() };
  }

  /** `pulumi refresh` for resources whose real object is gone: they leave the state, and the next `up` creates them. */
  public forget(names: string[]): void {
    for (const r of [...this.state.values()]) if (names.includes(r.name)) this.state.delete(r.urn);
  }

  /** The state resource of this type and name. */
  public get(type: string, name: string): StateResource {
    const found = [...this.state.values()].find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`no ${type} ${name} in the deployment's state`);
    return found;
  }

  /**
   * Deletes resources in the engine's order: a resource only once nothing left depends on it (by a dependency or as
   * its provider); the rest in parallel.
   */
  private async deleteAll(doomed: StateResource[]): Promise<void> {
    let left = doomed;
    const needs = (o: StateResource, r: StateResource) => o.dependencies.includes(r.urn) || o.provider?.split("::").slice(0, -1).join("::") === r.urn;
    while (left.length > 0) {
      const urns = new Set(left.map((r) => r.urn));
      const ready = left.filter((r) => !left.some((o) => o !== r && needs(o, r) && urns.has(o.urn)));
      if (ready.length === 0) throw new Error(`dependency cycle among ${left.map((r) => r.name).join(", ")}`);
      await Promise.all(
        ready.map(async (r) => {
          const began = Date.now();
          try {
            await (this.handlers(r.type) ?? noop).delete?.(r);
            this.state.delete(r.urn);
            this.steps.push({ op: "delete", urn: r.urn, type: r.type, name: r.name, seconds: (Date.now() - began) / 1000 });
          } catch (err) {
            this.errors.push(`deleting ${r.type} ${r.name}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }),
      );
      if (this.errors.length > 0) return;
      left = left.filter((r) => !ready.includes(r));
    }
  }

  private latest(type: string, name: string): RecordedResource {
    for (let i = this.rec.resources.length - 1; i >= 0; i--) {
      const r = this.rec.resources[i]!;
      if (r.type === type && r.name === name) return r;
    }
    throw new Error(`${type} ${name} was not recorded`);
  }
}

const noop: Handler = {
  create: async (r) => ({ id: `${r.name}-id`, outputs: r.inputs }),
};

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  }
  return v;
}
