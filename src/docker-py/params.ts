import type * as docker from "@pulumi/docker";
import type { Problem } from "../core/problems";
import {
  type DockerPyContainerValues,
  DOCKER_PY_OPERATIONS,
  DOCKER_PY_PARAMS,
  type DockerPyOperation,
  type DockerPyParamRow,
  MISPLACED_OPERATION_INPUTS,
} from "./params-table";
import { describeValue, isPlainObject, type PortValue, type VolumeValue } from "./units";

/**
 * The docker-py keyword arguments of one container's four Cloudify operations, resolved to plain values.
 * Keys are as a blueprint writes them (snake_case).
 */
export interface DockerPyOperationParams {
  /** `create_container` kwargs. @default {} */
  create?: Record<string, unknown>;
  /** `start` kwargs (old start-time host config). @default {} */
  start?: Record<string, unknown>;
  /** `stop` kwargs (`timeout`). @default {} */
  stop?: Record<string, unknown>;
  /** `remove_container` kwargs (`v`, `force`, `link`). @default {} */
  delete?: Record<string, unknown>;
}

/** The result of mapping docker-py params onto `@pulumi/docker` Container arguments. */
export interface MappedContainerParams {
  /** Container arguments, with units converted (memory in MB, durations as "10s", ...). */
  container: Partial<docker.ContainerArgs>;
  /** Every problem found: unknown or unsupported params (named, with why), wrong shapes, bad units. */
  problems: Problem[];
}

/** The docker-py function each operation's params are the keyword arguments of, for messages. */
const FUNCTION_OF: Record<DockerPyOperation, string> = {
  create: "create_container",
  start: "start",
  stop: "stop",
  delete: "remove_container",
};

const ROW_BY_KEY = new Map(DOCKER_PY_PARAMS.map((r) => [r.key, r]));
const ROW_BY_HOST_CONFIG_KEY = new Map(
  DOCKER_PY_PARAMS.flatMap((r) => (r.hostConfigKey ? [[r.hostConfigKey, r] as const] : [])),
);

/** A key reduced for "did you mean": lower case, without `_` and `-`. */
function loose(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}
const ROW_BY_LOOSE_KEY = new Map(
  DOCKER_PY_PARAMS.flatMap((r) => [[loose(r.key), r] as const, ...(r.hostConfigKey ? [[loose(r.hostConfigKey), r] as const] : [])]),
);

/** Where a row is accepted, as a sentence fragment: `create.params or start.params`. */
function placesOf(row: DockerPyParamRow): string {
  const places = row.operations.map((op) => `${op}.params`);
  if (row.inHostConfig) places.push("create.params.host_config");
  return places.join(" or ");
}

/** The message for a key that no row accepts where it was found. */
function misplacedOrUnknown(key: string, place: DockerPyOperation | "host_config"): string {
  const hint = MISPLACED_OPERATION_INPUTS[key];
  if (hint) return hint;
  const row = ROW_BY_KEY.get(key);
  if (row) return `is not accepted in ${place === "host_config" ? "host_config" : `${place}.params`}; give it in ${placesOf(row)}.`;
  const camel = ROW_BY_HOST_CONFIG_KEY.get(key);
  if (camel) return `is the Engine API's HostConfig spelling, accepted inside create.params.host_config only; write \`${camel.key}\` here instead.`;
  const near = ROW_BY_LOOSE_KEY.get(loose(key));
  const what = place === "host_config" ? "host config setting" : `docker-py ${FUNCTION_OF[place]} argument`;
  const suggestion = near ? ` Did you mean \`${near.key}\` (${placesOf(near)})?` : "";
  return `is not a ${what} that Berth knows, so it cannot be mapped.${suggestion} Check the spelling against the params table in docs/docker-params.md, or remove it.`;
}

/** Object keys in a stable order, for comparing converted values. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

/** One row's converted value, from the first place it was given. */
interface Contribution {
  row: DockerPyParamRow;
  where: string;
  raw: unknown;
  values: DockerPyContainerValues;
}

/** Typed keys of the converted values. */
function targetsOf(values: DockerPyContainerValues): (keyof DockerPyContainerValues)[] {
  return Object.keys(values).filter((k): k is keyof DockerPyContainerValues => k in values);
}

/**
 * Merges one converted target into the result: lists are joined, maps are merged key by key, single values must
 * agree. Returns a conflict message, or undefined.
 */
function mergeTarget<K extends keyof DockerPyContainerValues>(
  merged: DockerPyContainerValues,
  key: K,
  value: DockerPyContainerValues[K],
  firstWhere: string | undefined,
): string | undefined {
  const existing = merged[key];
  if (existing === undefined || value === undefined) {
    merged[key] = value;
    return undefined;
  }
  if (Array.isArray(existing) && Array.isArray(value)) {
    merged[key] = [...existing, ...value] as DockerPyContainerValues[K];
    return undefined;
  }
  if (isPlainObject(existing) && isPlainObject(value)) {
    const combined: Record<string, unknown> = { ...existing };
    for (const [k, v] of Object.entries(value)) {
      if (combined[k] !== undefined && canonical(combined[k]) !== canonical(v)) {
        return `sets the provider's \`${key}.${k}\` to ${describeValue(v)}, but ${firstWhere} already sets it to ${describeValue(combined[k])}; keep one of them.`;
      }
      combined[k] = v;
    }
    Object.assign(existing, combined);
    return undefined;
  }
  if (canonical(existing) === canonical(value)) return undefined;
  return `sets the provider's \`${key}\` to ${describeValue(value)}, but ${firstWhere} already sets it to ${describeValue(existing)}; keep one of them.`;
}

/** A deep copy of converted values, so that merging never changes a contribution. */
function copyValues(values: DockerPyContainerValues): DockerPyContainerValues {
  return structuredClone(values);
}

/**
 * Maps docker-py params onto `@pulumi/docker` Container arguments through the params table.
 * Problems are reported with `where` as `create.params.mem_limit` etc.
 *
 * Rules: every key is a row of {@link DOCKER_PY_PARAMS} accepted in the place it was given, or a problem; a key with
 * no equivalent is a problem that says why; a bad value is a problem naming the key (and the part of the value) and
 * the bad value. The same key given in several places (`create`, `start`, `host_config` under either spelling)
 * merges when the converted values are equal and is a problem when they differ; so are two keys that set the same
 * provider argument differently. Exposed `ports` must be published (see the table). Every problem is reported.
 */
export function mapDockerPyParams(params: DockerPyOperationParams): MappedContainerParams {
  const problems: Problem[] = [];
  const add = (where: string, message: string) => problems.push({ where, message });
  const byRow = new Map<string, Contribution>();

  const visit = (row: DockerPyParamRow, where: string, raw: unknown): void => {
    if (raw === null || raw === undefined) return; // docker-py's None: the default, nothing to map
    if (row.unsupported) {
      add(where, row.unsupported);
      return;
    }
    if (!row.convert) return;
    const result = row.convert(raw);
    if (!result.ok) {
      for (const issue of result.issues) add(where + issue.path, issue.message);
      return;
    }
    const first = byRow.get(row.key);
    if (!first) byRow.set(row.key, { row, where, raw, values: result.value });
    else if (canonical(first.values) !== canonical(result.value)) {
      add(
        where,
        `is ${describeValue(raw)}, but ${first.where} is ${describeValue(first.raw)}; give the setting once, or the same value in both places.`,
      );
    }
  };

  const visitHostConfig = (where: string, raw: unknown): void => {
    if (raw === null || raw === undefined) return;
    if (!isPlainObject(raw)) {
      add(where, `must be a map of host settings (e.g. {port_bindings: {80: 8080}}), not ${describeValue(raw)}.`);
      return;
    }
    for (const [key, value] of Object.entries(raw)) {
      const row = ROW_BY_KEY.get(key) ?? ROW_BY_HOST_CONFIG_KEY.get(key);
      if (row?.inHostConfig) visit(row, `${where}.${key}`, value);
      else add(`${where}.${key}`, misplacedOrUnknown(key, "host_config"));
    }
  };

  for (const op of DOCKER_PY_OPERATIONS) {
    const given: unknown = params[op];
    if (given === undefined || given === null) continue;
    if (!isPlainObject(given)) {
      add(`${op}.params`, `must be a map of docker-py ${FUNCTION_OF[op]} keyword arguments, not ${describeValue(given)}.`);
      continue;
    }
    for (const [key, value] of Object.entries(given)) {
      const where = `${op}.params.${key}`;
      const row = ROW_BY_KEY.get(key);
      if (!row?.operations.includes(op)) add(where, misplacedOrUnknown(key, op));
      else if (row.key === "host_config") visitHostConfig(where, value);
      else visit(row, where, value);
    }
  }

  // Merge the rows' values into the Container arguments, in table order.
  const merged: DockerPyContainerValues = {};
  const firstWhere = new Map<string, string>();
  let exposed: Contribution | undefined;
  for (const row of DOCKER_PY_PARAMS) {
    const c = byRow.get(row.key);
    if (!c) continue;
    if (row.key === "ports") {
      exposed = c; // decided below, once every binding is known
      continue;
    }
    const values = copyValues(c.values);
    for (const target of targetsOf(values)) {
      const conflict = mergeTarget(merged, target, values[target], firstWhere.get(target));
      if (conflict) add(c.where, conflict);
      else if (!firstWhere.has(target)) firstWhere.set(target, c.where);
    }
  }

  if (exposed) publishExposedPorts(merged, exposed, add);
  if (merged.volumes) merged.volumes = resolveVolumes(merged.volumes);

  const container: Partial<docker.ContainerArgs> = merged;
  return { container, problems };
}

/**
 * Exposed `ports` of create: one already bound by a port binding is that binding; with `publish_all_ports` it is
 * published on a free host port; otherwise it is a problem (the provider cannot expose without publishing).
 */
function publishExposedPorts(merged: DockerPyContainerValues, exposed: Contribution, add: (where: string, message: string) => void): void {
  const bound = new Set((merged.ports ?? []).map((p) => `${p.internal}/${p.protocol}`));
  const extra: PortValue[] = [];
  for (const port of exposed.values.ports ?? []) {
    const spec = `${port.internal}/${port.protocol}`;
    if (bound.has(spec)) continue;
    if (merged.publishAllPorts === true) {
      extra.push(port);
      bound.add(spec);
      continue;
    }
    add(
      exposed.where,
      `exposes ${spec} without publishing it, and the provider has no expose-only setting (other containers on the same network reach the port anyway). Publish it with start.params.port_bindings (e.g. {${port.internal}: ${port.internal}}) or publish_all_ports: true, or remove it.`,
    );
  }
  if (extra.length > 0) merged.ports = [...(merged.ports ?? []), ...extra];
}

/**
 * Volumes: an anonymous volume (from `volumes`) at a path that a bind also targets is that bind, as in Docker (old
 * blueprints declare the path on create and bind it on start); the same anonymous path twice is one volume.
 * (Two binds at one path are caught by the binds converter.)
 */
function resolveVolumes(volumes: VolumeValue[]): VolumeValue[] {
  const bound = new Set(volumes.filter((v) => v.hostPath || v.volumeName).map((v) => v.containerPath));
  const seenAnonymous = new Set<string>();
  return volumes.filter((v) => {
    if (v.hostPath || v.volumeName || v.fromContainer || v.containerPath === undefined) return true;
    if (bound.has(v.containerPath) || seenAnonymous.has(v.containerPath)) return false;
    seenAnonymous.add(v.containerPath);
    return true;
  });
}
