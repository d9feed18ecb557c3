/**
 * The preview document: the neutral model every renderer reads, and (as JSON) the stable output of
 * `berth preview --format json`. docs/preview.md describes the schema; bump {@link PREVIEW_SCHEMA} on any change that
 * is not an addition.
 */
import type { Finding } from "../security/finding";
import { type RecordedOptions, type RecordedResource, type RecordedValue, UNKNOWN_VALUE } from "../resources/recorder";
import type { ChildResult } from "./protocol";
import { maskSecrets, sameValue } from "./values";

/** The schema identifier written in every document. */
export const PREVIEW_SCHEMA = "berth.preview/v1";

/** One resource or component in the document. */
export interface PreviewResource {
  urn: string;
  type: string;
  name: string;
  /** True for provider resources, false for components (and the stack). */
  custom: boolean;
  /** The parent's URN; null for the stack. */
  parent: string | null;
  /** The explicit provider's URN, or null for the default provider. */
  provider: string | null;
  /** URNs this resource depends on (explicit and through inputs), sorted. */
  dependencies: string[];
  /** The physical id (custom resources; `(known after deploy)` when the preview cannot know it), else null. */
  id: string | null;
  /** Inputs as the program gave them; secrets shown as `[secret]`. */
  inputs: Record<string, RecordedValue>;
  /** Paths of secret inputs. */
  secretInputs: string[];
  /**
   * Custom resources: the outputs the provider computes (those that differ from the inputs), plausible stand-ins or
   * `(known after deploy)`. Components and the stack: what they registered as outputs. Secrets shown as `[secret]`.
   */
  outputs: Record<string, RecordedValue>;
  /** Paths of secret outputs. */
  secretOutputs: string[];
  /** Resource options that differ from Pulumi's defaults. */
  options: Partial<RecordedOptions>;
}

/** The whole preview. */
export interface PreviewDocument {
  schema: typeof PREVIEW_SCHEMA;
  project: string;
  stack: string;
  /** Depth-first from the stack, siblings sorted by name then type. */
  resources: PreviewResource[];
  /** The security report, most severe first. */
  findings: Finding[];
}

const DEFAULT_OPTIONS: RecordedOptions = {
  protect: false,
  retainOnDelete: false,
  deleteBeforeReplace: false,
  ignoreChanges: [],
  replaceOnChanges: [],
  additionalSecretOutputs: [],
};

function nonDefaultOptions(options: RecordedOptions): Partial<RecordedOptions> {
  const out: Partial<RecordedOptions> = {};
  for (const key of Object.keys(options) as (keyof RecordedOptions)[]) {
    const value = options[key];
    if (value === undefined || sameValue(value, DEFAULT_OPTIONS[key])) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The URN part of a provider reference (`urn::id`). */
export function providerUrn(reference: string): string {
  const cut = reference.lastIndexOf("::");
  return cut > 0 && reference.slice(0, cut).startsWith("urn:") ? reference.slice(0, cut) : reference;
}

/** Orders resources depth-first from the roots, siblings by name then type. */
export function treeOrder<T extends { urn: string; parent?: string | null; name: string; type: string }>(
  items: readonly T[],
): T[] {
  const known = new Set(items.map((r) => r.urn));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const r of items) {
    if (r.parent && known.has(r.parent)) {
      const list = children.get(r.parent) ?? [];
      list.push(r);
      children.set(r.parent, list);
    } else {
      roots.push(r);
    }
  }
  const bySort = (a: T, b: T): number =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
  const out: T[] = [];
  const visit = (r: T): void => {
    out.push(r);
    for (const c of (children.get(r.urn) ?? []).sort(bySort)) visit(c);
  };
  for (const r of roots.sort(bySort)) visit(r);
  return out;
}

function customOutputs(
  r: RecordedResource,
  result: ChildResult,
): { id: string; outputs: Record<string, RecordedValue>; secretOutputs: string[] } {
  const recorded = result.states[r.urn];
  const state = recorded?.state ?? {};
  const outputs: Record<string, RecordedValue> = {};
  for (const [k, v] of Object.entries(state)) if (!sameValue(v, r.inputs[k])) outputs[k] = v;
  for (const k of result.outputNames[r.urn] ?? []) if (!(k in state)) outputs[k] = UNKNOWN_VALUE;
  const secretOutputs = (recorded?.secretPaths ?? []).filter((p) => {
    const top = p.split(/[.[]/)[0]!;
    return top in outputs;
  });
  return { id: recorded?.id ?? UNKNOWN_VALUE, outputs: maskSecrets(outputs, secretOutputs) as typeof outputs, secretOutputs };
}

function componentOutputs(
  r: RecordedResource,
  result: ChildResult,
): { id: null; outputs: Record<string, RecordedValue>; secretOutputs: string[] } {
  const recorded = result.states[r.urn];
  if (!recorded) return { id: null, outputs: r.outputs ?? {}, secretOutputs: [] };
  const outputs = maskSecrets(recorded.state, recorded.secretPaths) as Record<string, RecordedValue>;
  return { id: null, outputs, secretOutputs: recorded.secretPaths };
}

/** What a dynamic provider's serialized code (`__provider`) is shown as: it is JavaScript source, not a setting. */
export const DYNAMIC_PROVIDER_CODE = "(serialized dynamic provider code)";

function withoutProviderCode(r: RecordedResource, inputs: Record<string, RecordedValue>): Record<string, RecordedValue> {
  if (!r.type.startsWith("pulumi-nodejs:dynamic/") || !("__provider" in inputs)) return inputs;
  return { ...inputs, __provider: DYNAMIC_PROVIDER_CODE };
}

/** Builds the document from what the child recorded and the security findings. */
export function buildDocument(
  result: ChildResult,
  meta: { project: string; stack: string },
  findings: readonly Finding[],
): PreviewDocument {
  const resources = result.resources.map((r): PreviewResource => {
    const computed = r.custom
      ? customOutputs(r, result)
      : componentOutputs(r, result);
    return {
      urn: r.urn,
      type: r.type,
      name: r.name,
      custom: r.custom,
      parent: r.parent ?? null,
      provider: r.provider ? providerUrn(r.provider) : null,
      dependencies: [...new Set(r.dependencies)].sort(),
      id: computed.id,
      inputs: withoutProviderCode(r, maskSecrets(r.inputs, r.secretPaths) as Record<string, RecordedValue>),
      secretInputs: [...r.secretPaths].sort(),
      outputs: computed.outputs,
      secretOutputs: [...computed.secretOutputs].sort(),
      options: nonDefaultOptions(r.options),
    };
  });
  return {
    schema: PREVIEW_SCHEMA,
    project: meta.project,
    stack: meta.stack,
    resources: treeOrder(resources),
    findings: [...findings],
  };
}
