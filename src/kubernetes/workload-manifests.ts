/**
 * Kubernetes manifests for a KubernetesWorkload: files, folders and globs read and split into documents (`---`,
 * `kind: List`), each checked, and `metadata.namespace` set where a namespaced object has none. Pure apart from
 * reading files through the `fs` given.
 */
import * as path from "node:path";
import * as yaml from "js-yaml";
import type { Problem } from "../core/problems";

/** A Kubernetes object as parsed from YAML. */
export type KubeObject = { [key: string]: unknown };

/** The file-system calls the reader needs (node's `fs` fits). */
export interface ManifestFs {
  readFileSync(p: string, encoding: "utf8"): string;
  statSync(p: string): { isDirectory(): boolean };
  readdirSync(p: string): string[];
  existsSync(p: string): boolean;
}

/** Kinds that are not namespaced (cluster-scoped), in the core Kubernetes API groups. */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  "APIService",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ComponentStatus",
  "CSIDriver",
  "CSINode",
  "CustomResourceDefinition",
  "FlowSchema",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PodSecurityPolicy",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "RuntimeClass",
  "StorageClass",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
]);

const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];

function globRegex(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

/**
 * The files a path stands for: a file itself; a folder's `.yaml`, `.yml` and `.json` files (not recursive, as
 * `kubectl apply -f DIR`); or a glob's matches (`*`, `?`, and `**` for any depth). Sorted; an empty list when nothing
 * matches.
 */
export function expandManifestPath(pattern: string, cwd: string, fs: ManifestFs): string[] {
  const full = path.resolve(cwd, pattern);
  if (!/[*?]/.test(pattern)) {
    if (!fs.existsSync(full)) return [];
    if (!fs.statSync(full).isDirectory()) return [full];
    return fs
      .readdirSync(full)
      .filter((f) => MANIFEST_EXTENSIONS.includes(path.extname(f)))
      .sort()
      .map((f) => path.join(full, f))
      .filter((f) => !fs.statSync(f).isDirectory());
  }
  const parts = full.split("/").filter((p) => p !== "");
  const out: string[] = [];
  const walk = (dir: string, i: number): void => {
    if (i === parts.length) {
      if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) out.push(dir);
      return;
    }
    const seg = parts[i]!;
    if (!/[*?]/.test(seg)) {
      const next = path.join(dir, seg);
      if (fs.existsSync(next)) walk(next, i + 1);
      return;
    }
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
    const entries = fs.readdirSync(dir).sort();
    if (seg === "**") {
      walk(dir, i + 1);
      for (const e of entries) {
        const next = path.join(dir, e);
        if (fs.statSync(next).isDirectory()) walk(next, i);
      }
      return;
    }
    const re = globRegex(seg);
    for (const e of entries) if (re.test(e)) walk(path.join(dir, e), i + 1);
  };
  walk("/", 0);
  return [...new Set(out)].sort();
}

/** Splits YAML text into objects: `---` documents, with `kind: List` flattened into its items; empty documents skipped. */
export function parseManifests(text: string, source: string): { objects: KubeObject[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const objects: KubeObject[] = [];
  let docs: unknown[];
  try {
    docs = yaml.loadAll(text, undefined, { filename: source });
  } catch (err) {
    const mark = err instanceof yaml.YAMLException ? err.mark : undefined;
    const reason = err instanceof yaml.YAMLException ? err.reason : String(err);
    return { objects, problems: [{ where: `${source}:${(mark?.line ?? 0) + 1}`, message: `not valid YAML: ${reason}` }] };
  }
  docs.forEach((doc, i) => {
    const where = `${source}#${i + 1}`;
    if (doc === null || doc === undefined) return;
    if (typeof doc !== "object" || Array.isArray(doc)) {
      problems.push({ where, message: "a manifest document must be a mapping with apiVersion, kind and metadata" });
      return;
    }
    const obj = doc as KubeObject;
    const items = obj["kind"] === "List" || (typeof obj["kind"] === "string" && obj["kind"].endsWith("List") && Array.isArray(obj["items"]))
      ? (obj["items"] as unknown[])
      : [obj];
    items.forEach((item, j) => {
      const w = items.length > 1 || item !== obj ? `${where} items[${j}]` : where;
      const p = checkObject(item, w);
      if (p.length > 0) problems.push(...p);
      else objects.push(item as KubeObject);
    });
  });
  return { objects, problems };
}

function checkObject(item: unknown, where: string): Problem[] {
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    return [{ where, message: "must be a mapping with apiVersion, kind and metadata" }];
  }
  const o = item as KubeObject;
  const problems: Problem[] = [];
  if (typeof o["apiVersion"] !== "string" || o["apiVersion"] === "") problems.push({ where, message: "has no apiVersion" });
  if (typeof o["kind"] !== "string" || o["kind"] === "") problems.push({ where, message: "has no kind" });
  const meta = o["metadata"];
  const name = meta !== null && typeof meta === "object" ? (meta as KubeObject)["name"] : undefined;
  if (typeof name !== "string" || name === "") {
    problems.push({ where, message: `${String(o["kind"] ?? "the object")} has no metadata.name; every object needs a name` });
  }
  return problems;
}

/** Kinds declared cluster-scoped by CustomResourceDefinitions among `objects` (`spec.scope: Cluster`). */
function clusterScopedCustomKinds(objects: KubeObject[]): Set<string> {
  const kinds = new Set<string>();
  for (const o of objects) {
    if (o["kind"] !== "CustomResourceDefinition") continue;
    const spec = o["spec"] as KubeObject | undefined;
    const names = spec?.["names"] as KubeObject | undefined;
    if (spec?.["scope"] === "Cluster" && typeof names?.["kind"] === "string") kinds.add(names["kind"]);
  }
  return kinds;
}

/**
 * Copies of the objects with `metadata.namespace` set to `namespace` where a namespaced object has none. Cluster-scoped
 * kinds (the table above, and custom kinds whose CRD in the same set says `scope: Cluster`) are left alone.
 */
export function defaultNamespace(objects: KubeObject[], namespace: string): KubeObject[] {
  const custom = clusterScopedCustomKinds(objects);
  return objects.map((o) => {
    const kind = String(o["kind"]);
    if (CLUSTER_SCOPED_KINDS.has(kind) || custom.has(kind)) return o;
    const meta = (o["metadata"] ?? {}) as KubeObject;
    if (typeof meta["namespace"] === "string" && meta["namespace"] !== "") return o;
    return { ...o, metadata: { ...meta, namespace } };
  });
}

/** Reads every manifest of `files` (files, folders, globs; relative to `cwd`) and `yaml` texts, in order. */
export function loadManifests(
  files: readonly string[],
  texts: readonly string[],
  cwd: string,
  fs: ManifestFs,
): { objects: KubeObject[]; problems: Problem[] } {
  const objects: KubeObject[] = [];
  const problems: Problem[] = [];
  files.forEach((pattern, i) => {
    const matched = expandManifestPath(pattern, cwd, fs);
    if (matched.length === 0) {
      problems.push({ where: `files[${i}]`, message: `"${pattern}" matches no manifest file` });
      return;
    }
    for (const f of matched) {
      const r = parseManifests(fs.readFileSync(f, "utf8"), f);
      objects.push(...r.objects);
      problems.push(...r.problems);
    }
  });
  texts.forEach((text, i) => {
    const r = parseManifests(text, `manifests[${i}]`);
    objects.push(...r.objects);
    problems.push(...r.problems);
  });
  const seen = new Map<string, number>();
  for (const o of objects) {
    const meta = o["metadata"] as KubeObject;
    const key = `${String(o["apiVersion"]).split("/").length > 1 ? String(o["apiVersion"]).split("/")[0] : ""}/${String(o["kind"])}/${String(meta["namespace"] ?? "")}/${String(meta["name"])}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const [key, count] of seen) {
    if (count > 1) problems.push({ where: "manifests", message: `${key.replace(/^\//, "")} is defined ${count} times; each object once` });
  }
  return { objects, problems };
}
