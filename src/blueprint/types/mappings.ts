import { CallRef, type Value, concrete, setKey } from "../functions/values";
import { untracked } from "../emit/reads";
import { mapDockerPyParams } from "../../docker-py/params";
import { parseYaml } from "../../yaml";
import { type Site, sub } from "../model/site";
import { applyOverrides } from "./maps/k8s-overrides";
import { type Obj, clean, first, obj } from "./maps/values";
import { AWS3_MAPPINGS } from "./maps/aws3";
import { agentNote } from "./maps/agent";
import { COMPONENT_MAPPINGS } from "./maps/components";
import { awsProvider, openstackProvider } from "./maps/providers";
import { OPENSTACK3_MAPPINGS } from "./maps/openstack3";
import { TARGETS } from "./maps/targets";
import { UTILITY_MAPPINGS } from "./maps/utilities";
import type { MapContext, TargetClass, TypeMapping } from "./target";
import { formatDuration } from "../../core/duration";
import { parseImageRef } from "../../core/image-ref";

export { TARGETS };


/** A name for the resource: the given one, else `resource_id`, else undefined (Pulumi auto-names). */
function nameOf(ctx: MapContext, ...candidates: (Value | undefined)[]): Value | undefined {
  return first(...candidates, ctx.props["resource_id"]);
}

type DockerOp = "create" | "start" | "stop" | "delete";

/**
 * docker-py params as DockerContainer will check them: each top-level key that its params table refuses (no
 * provider equivalent, unknown, a bad value) is left out of the program and reported as dropped, with the table's
 * reason, so the generated program deploys and the report says what did not carry over. Params holding values known
 * only at deployment are passed as written (DockerContainer checks them when it runs).
 */
function checkedParams(
  ctx: MapContext,
  given: Partial<Record<DockerOp, Value | undefined>>,
  /** Where each operation's params are written (for the report's positions). */
  at: (op: DockerOp) => readonly (string | number)[] = (op) => ["interfaces", `cloudify.interfaces.lifecycle.${op}`, "params"],
): Partial<Record<DockerOp, Value | undefined>> {
  const plain: Partial<Record<DockerOp, Record<string, unknown>>> = {};
  for (const [op, v] of Object.entries(given) as [DockerOp, Value | undefined][]) {
    // Read untracked: every param either reaches the program (handed on) or is dropped here with a report line.
    const c = v === undefined ? undefined : concrete(untracked(v));
    if (c !== null && typeof c === "object" && !Array.isArray(c)) plain[op] = c as Record<string, unknown>;
  }
  const refused = new Map<string, string>();
  for (const p of mapDockerPyParams(plain).problems) {
    const m = /^(create|start|stop|delete)\.params\.([^.[]+)/.exec(p.where);
    if (!m) continue;
    const key = `${m[1]}.params.${m[2]}`;
    if (!refused.has(key)) refused.set(key, p.message);
  }
  if (refused.size === 0) return given;
  const out: Partial<Record<DockerOp, Value | undefined>> = { ...given };
  for (const [key, message] of refused) {
    const [op, , param] = key.split(".") as [DockerOp, string, string];
    const params = out[op];
    if (params === null || params === undefined || typeof params !== "object" || Array.isArray(params)) continue;
    const { [param]: _dropped, ...rest } = params as Obj;
    out[op] = rest;
    ctx.drop(`${key} (${message})`, [...at(op), param]);
  }
  return out;
}

/**
 * docker-plugin 1.x's `image` ({src} or {repository, tag}). A string is not what the plugin reads (it fails on it at
 * deployment); `name:tag` is read as the repository and tag and reported, anything else is reported and left out.
 */
function dockerImage(ctx: MapContext): Obj {
  const image = ctx.props["image"];
  if (typeof image === "string") {
    const { repository, tag } = parseImageRef(image);
    ctx.drop(`image ${JSON.stringify(image)} as written (docker-plugin 1.x reads image as {repository, tag} or {src} and fails on a string); read as repository ${JSON.stringify(repository)}${tag ? `, tag ${JSON.stringify(tag)}` : ""}`, ["image"]);
    return clean({ repository, tag });
  }
  if (image !== null && image !== undefined && (typeof image !== "object" || Array.isArray(image))) {
    ctx.drop(`image ${JSON.stringify(concrete(image) ?? null)}: it must be {repository, tag} or {src}`, ["image"]);
    return {};
  }
  return obj(image);
}

function dockerContainer(ctx: MapContext): Value {
  const image = dockerImage(ctx);
  const create = ctx.op("cloudify.interfaces.lifecycle.create") ?? {};
  const start = ctx.op("cloudify.interfaces.lifecycle.start") ?? {};
  const stop = ctx.op("cloudify.interfaces.lifecycle.stop") ?? {};
  const del = ctx.op("cloudify.interfaces.lifecycle.delete") ?? {};
  const engine = ctx.hostEngine();
  for (const op of [create, start, stop, del]) if (op["daemon_client"] !== undefined) ctx.drop("the daemon_client operation input (set host on the container instead)");
  const params = checkedParams(ctx, { create: create["params"], start: start["params"], stop: stop["params"], delete: del["params"] });
  return clean({
    name: first(ctx.props["name"], ctx.node.name),
    image: clean({ repository: image["repository"], tag: image["tag"], src: image["src"] }),
    useExternalResource: ctx.known("use_external_resource") === true ? true : undefined,
    host: engine === undefined ? undefined : { url: engine },
    create: clean({ params: params.create }),
    start: clean({ params: params.start, processesToWaitFor: start["processes_to_wait_for"], retryInterval: start["retry_interval"] }),
    stop: clean({ params: params.stop, retryInterval: stop["retry_interval"] }),
    delete: clean({ params: params.delete }),
  });
}

function dockerContainer2(ctx: MapContext): Value {
  const rc = obj(ctx.props["resource_config"]);
  const args = obj(rc["container_args"]);
  const tag = rc["image_tag"];
  const known = typeof tag === "string" ? tag : undefined;
  let repository: Value | undefined = tag;
  let version: Value | undefined;
  if (typeof known === "string" && typeof tag === "string") {
    const ref = parseImageRef(tag);
    if (ref.tag !== undefined) {
      repository = ref.repository;
      version = ref.tag;
    }
  }
  const params = checkedParams(ctx, { create: args }, () => ["resource_config", "container_args"]);
  return clean({ name: first(args["name"], ctx.node.name), image: clean({ repository, tag: version }), create: { params: params.create ?? {} } });
}

function k8sObject(ctx: MapContext): Value {
  const def = obj(ctx.props["definition"]);
  const out: Obj = {};
  for (const [k, v] of Object.entries(def)) if (k !== "apiVersion" && k !== "kind") setKey(out, k, v);
  const ns = obj(ctx.props["options"])["namespace"];
  const meta = obj(out["metadata"]);
  if (meta["namespace"] === undefined && ns !== undefined && ns !== null) out["metadata"] = { ...meta, namespace: ns };
  const api = def["apiVersion"];
  if (typeof api === "string" && api.startsWith("extensions/")) ctx.drop(`apiVersion ${api} (removed from Kubernetes; written as the current API group)`);
  const kind = def["kind"];
  const spec = obj(out["spec"]);
  if ((kind === "Deployment" || kind === "ReplicaSet") && spec["selector"] === undefined) {
    // apps/v1 requires a selector; extensions/v1beta1 defaulted it from the template's labels.
    const template = obj(spec["template"]);
    const tmeta = obj(template["metadata"]);
    const labels = Object.keys(obj(tmeta["labels"])).length > 0 ? obj(tmeta["labels"]) : { app: obj(out["metadata"])["name"] ?? ctx.node.name };
    out["spec"] = { ...spec, selector: { matchLabels: labels }, template: { ...template, metadata: { ...tmeta, labels } } };
  }
  return out;
}

function configGroupOf(ctx: MapContext): Value {
  const def = ctx.props["definition"];
  return { objs: [def ?? null] };
}

/** docker-py durations are nanoseconds; the swarm args take Go duration strings ("10s", "1m30s", "500us"). */
function nanosToDuration(v: Value | undefined): Value | undefined {
  return typeof v === "number" ? formatDuration(v) : v;
}

/** docker-py env: a list of "K=V" or a mapping → a mapping. */
function envMap(v: Value | undefined): Value | undefined {
  if (!Array.isArray(v)) return v;
  const out: Obj = {};
  for (const item of v) {
    if (typeof item !== "string") return v;
    const eq = item.indexOf("=");
    setKey(out, eq < 0 ? item : item.slice(0, eq), eq < 0 ? "" : item.slice(eq + 1));
  }
  return out;
}

/** The Compose file a swarm Microservice names (`compose_file`; when set, the plugin ignores the other properties). */
function composeFile(ctx: MapContext): string | undefined {
  const f = ctx.known("compose_file");
  return typeof f === "string" && f.trim() !== "" ? f : undefined;
}

/** A swarm Microservice with a `compose_file` → Berth's SwarmStack of that file (read from the blueprint, embedded). */
function swarmStack(ctx: MapContext): Value {
  const file = composeFile(ctx)!;
  const w = ctx.node.properties.get("compose_file");
  const text = ctx.resource(file, w?.site);
  if (text === undefined) ctx.drop(`compose_file ${JSON.stringify(file)} could not be read: the stack has no services`);
  for (const k of ["task_template", "mode", "update_config", "networks", "endpoint_spec", "labels"]) {
    const w = ctx.node.properties.get(k);
    const own = w !== undefined && w.site.doc === ctx.node.site.doc && w.site.path[1] === ctx.node.site.path[1];
    const v = ctx.props[k];
    if (own && v !== undefined && v !== null && !(typeof v === "object" && Object.keys(v).length === 0)) ctx.drop(`${k} (the swarm plugin ignores the other properties when compose_file is set, and so does the program)`, [k]);
  }
  ctx.drop("the manager connection (pass a docker provider pointed at the swarm manager, e.g. SwarmCluster's provider)");
  ctx.note(`the Compose file ${file} is embedded in the program and deployed as stack ${JSON.stringify(concrete(ctx.props["name"] ?? null) ?? ctx.node.name)}; files it names by relative path are read from the project folder`);
  return clean({ content: text ?? "services: {}\n", stackName: ctx.props["name"] ?? ctx.node.name, baseDir: "." });
}

/** cloudify.swarm.Microservice (the Docker ServiceSpec in snake_case) → Berth's SwarmService. */
function swarmService(ctx: MapContext): Value {
  const tt = obj(ctx.props["task_template"]);
  const cs = obj(tt["container_spec"]);
  const es = obj(ctx.props["endpoint_spec"]);
  const uc = obj(ctx.props["update_config"]);
  const mode = obj(ctx.props["mode"]);
  const labels = obj(ctx.props["labels"]);
  const resources = obj(tt["resources"]);
  const restart = obj(tt["restart_policy"]);
  const placement = obj(tt["placement"]);
  ctx.drop("the manager connection (pass a docker provider pointed at the swarm manager, e.g. SwarmCluster's provider)");
  const ports = Array.isArray(es["ports"])
    ? es["ports"].map((p) => {
        const o = obj(p);
        return clean({ targetPort: o["target_port"], publishedPort: o["published_port"], protocol: o["protocol"], publishMode: o["publish_mode"] });
      })
    : undefined;
  const amount = (a: Obj): Obj | undefined => {
    const out = clean({ cpus: typeof a["nano_cpus"] === "number" ? a["nano_cpus"] / 1e9 : a["nano_cpus"], memoryBytes: a["mem_bytes"] ?? a["memory_bytes"] });
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const limits = amount(obj(resources["limits"]));
  const reservations = amount(obj(resources["reservations"]));
  const replicas = obj(mode["replicated"])["replicas"];
  return clean({
    name: ctx.props["name"],
    labels: Object.keys(labels).length > 0 ? labels : undefined,
    taskTemplate: clean({
      containerSpec: clean({
        image: cs["image"],
        command: cs["command"],
        args: cs["args"],
        env: envMap(cs["env"]),
        dir: cs["workdir"] ?? cs["dir"],
        user: cs["user"],
        hostname: cs["hostname"],
        labels: cs["labels"],
      }),
      resources: limits || reservations ? clean({ limits, reservations }) : undefined,
      restartPolicy: Object.keys(restart).length > 0
        ? clean({ condition: restart["condition"], delay: nanosToDuration(restart["delay"]), maxAttempts: restart["max_attempts"], window: nanosToDuration(restart["window"]) })
        : undefined,
      placement: Object.keys(placement).length > 0 ? clean({ constraints: placement["constraints"], preferences: placement["preferences"] }) : undefined,
    }),
    mode: mode["global"] !== undefined ? { global: true } : replicas !== undefined ? { replicated: { replicas } } : undefined,
    updateConfig: Object.keys(uc).length > 0
      ? clean({ parallelism: uc["parallelism"], delay: nanosToDuration(uc["delay"]), failureAction: uc["failure_action"], monitor: nanosToDuration(uc["monitor"]), maxFailureRatio: uc["max_failure_ratio"], order: uc["order"] })
      : undefined,
    networks: ctx.props["networks"],
    endpointSpec: ports || es["mode"] !== undefined ? clean({ mode: es["mode"], ports }) : undefined,
  });
}

/** The embedded manifest of a Kubernetes 1.x Microservice, when it is known at import time (no deployment values). */
function knownManifest(ctx: MapContext): unknown {
  const config = ctx.props["config"];
  if (!config || typeof config !== "object" || Object.keys(config).length === 0) return undefined;
  return concrete(config);
}

/**
 * Kubernetes plugin 1.x Microservice → Berth's KubernetesWorkload: an embedded manifest as a manifest document, or
 * `kubectl run`/`expose` as the typed app form (a Deployment and its Service). A manifest holding values known only
 * at deployment stays a ConfigGroup of objects (`targetFor` picks it), since a workload's manifests are text.
 */
/**
 * The manifests of `config_files` ([{file, overrides}]) and of `config_path` with `config_overrides` (an older
 * fork's spelling): each file of the blueprint loaded, the overrides applied, as the plugin did before `kubectl create`.
 */
function manifestFiles(ctx: MapContext): string[] {
  const entries: { file: unknown; overrides: unknown; at: (string | number)[] }[] = [];
  const files = ctx.known("config_files");
  if (Array.isArray(files)) {
    for (let i = 0; i < files.length; i++) {
      const f = files[i] as Record<string, unknown> | null;
      entries.push({ file: f?.["file"], overrides: f?.["overrides"], at: ["config_files", i] });
    }
  }
  const single = ctx.props["config_path"] !== undefined ? ctx.known("config_path") : undefined;
  if (typeof single === "string" && single !== "") entries.push({ file: single, overrides: ctx.props["config_overrides"] !== undefined ? ctx.known("config_overrides") : [], at: ["config_path"] });
  const out: string[] = [];
  for (const e of entries) {
    if (typeof e.file !== "string") {
      ctx.drop("a manifest file whose name is not known at import", e.at);
      continue;
    }
    const w = ctx.node.properties.get(String(e.at[0]));
    const text = ctx.resource(e.file, w ? e.at.slice(1).reduce((s, k) => sub(s, k), w.site) : undefined);
    if (text === undefined) {
      ctx.drop(`manifest ${e.file}: not a file of the blueprint`, e.at);
      continue;
    }
    const parsed = parseYaml(text, e.file);
    if (parsed.problems.length > 0 || parsed.value === null || typeof parsed.value !== "object") {
      ctx.drop(`manifest ${e.file}: ${parsed.problems[0]?.message ?? "not a YAML mapping"}`, e.at);
      continue;
    }
    const overrides = Array.isArray(e.overrides) ? e.overrides : typeof e.overrides === "string" && e.overrides !== "" ? [e.overrides] : [];
    const applied = applyOverrides(parsed.value, overrides);
    for (const p of applied.problems) ctx.drop(`the override ${p}`, e.at);
    out.push(JSON.stringify(applied.manifest));
  }
  return out;
}

function kubeMicroservice(ctx: MapContext): Value {
  const config = ctx.props["config"];
  if (config && typeof config === "object" && Object.keys(config).length > 0) {
    // With a manifest, `name` only labels the node (the plugin applies the manifest as written).
    void ctx.props["name"];
    const known = knownManifest(ctx);
    return known === undefined ? { objs: [config] } : { manifests: [JSON.stringify(known)] };
  }
  const files = manifestFiles(ctx);
  if (files.length > 0) {
    // With manifest files, `name` only labels the node (the plugin creates what the files say).
    ctx.known("name");
    return { manifests: files };
  }
  const name = ctx.known("name");
  const appName = typeof name === "string" && name !== "" ? name : ctx.node.name;
  // `port` is what `kubectl expose` published (-1: not exposed); `target_port` the container's port (default: port).
  const port = ctx.known("port");
  const exposed = typeof port === "number" && port > 0;
  return {
    app: clean({
      name: appName,
      image: ctx.props["image"],
      replicas: ctx.props["replicas"],
      ports: exposed ? [clean({ containerPort: ctx.props["target_port"] ?? port, servicePort: port, protocol: ctx.props["protocol"] })] : undefined,
    }),
  };
}

const K8S_TYPED: [string, TargetClass][] = [
  ["cloudify.kubernetes.resources.Pod", TARGETS.k8sPod],
  ["cloudify.kubernetes.resources.Service", TARGETS.k8sService],
  ["cloudify.kubernetes.resources.Deployment", TARGETS.k8sDeployment],
  ["cloudify.kubernetes.resources.ReplicaSet", TARGETS.k8sReplicaSet],
  ["cloudify.kubernetes.resources.ReplicationController", TARGETS.k8sRc],
  ["cloudify.kubernetes.resources.PersistentVolume", TARGETS.k8sPv],
  ["cloudify.kubernetes.resources.ConfigMap", TARGETS.k8sConfigMap],
  ["cloudify.kubernetes.resources.StorageClass", TARGETS.k8sStorageClass],
  ["cloudify.kubernetes.resources.ClusterRoleBinding", TARGETS.k8sClusterRoleBinding],
];

/** Where a FileDefinedResource's `file.resource_path` is written. */
function fileSite(ctx: MapContext): Site | undefined {
  const w = ctx.node.properties.get("file");
  return w ? sub(w.site, "resource_path") : undefined;
}

const idOf = (ctx: MapContext, rel: string): Value[] => ctx.related(rel).map((r) => r.output("id"));

/** The type-mapping table: each Cloudify node type Berth converts, the resource it becomes, and its attributes. */
export const TYPE_MAPPINGS: readonly TypeMapping[] = [
  { type: "cloudify.docker.Container", target: TARGETS.dockerContainer, attributes: { container_id: "containerId" }, args: dockerContainer },
  { type: "cloudify.nodes.docker.container", target: TARGETS.dockerContainer, attributes: { container_id: "containerId" }, args: dockerContainer2 },
  {
    type: "cloudify.openstack.nodes.Server",
    target: TARGETS.osInstance,
    attributes: { ip: "accessIpV4", public_ip: "accessIpV4", networks: "networks", external_id: "id" },
    args: (ctx) => {
      const server = obj(ctx.props["server"]);
      const ports = idOf(ctx, "cloudify.openstack.server_connected_to_port").map((port) => ({ port }));
      const groups = ctx.related("cloudify.openstack.server_connected_to_security_group").map((r) => r.output("name"));
      const key = ctx.related("cloudify.openstack.server_connected_to_keypair")[0];
      const create = ctx.op("cloudify.interfaces.lifecycle.create") ?? {};
      const args = obj(create["args"]);
      agentNote(ctx);

      return clean({
        name: nameOf(ctx, server["name"], args["name"]),
        imageName: first(ctx.props["image"], server["image"], args["image"]),
        flavorName: first(ctx.props["flavor"], server["flavor"], args["flavor"]),
        userData: first(args["userdata"], server["userdata"]),
        networks: ports.length > 0 ? ports : ctx.props["management_network_name"] ? [{ name: ctx.props["management_network_name"] }] : undefined,
        securityGroups: groups.length > 0 ? groups : undefined,
        keyPair: key ? key.output("name") : undefined,
      });
    },
    relationships: ["cloudify.openstack.server_connected_to_port", "cloudify.openstack.server_connected_to_security_group", "cloudify.openstack.server_connected_to_keypair", "cloudify.openstack.server_connected_to_floating_ip"],
    extras: (ctx) =>
      ctx.related("cloudify.openstack.server_connected_to_floating_ip").map((r, i) => ({
        suffix: `floating-ip-${i}`,
        target: TARGETS.osComputeFloatingIpAssociate,
        args: { floatingIp: r.output("address"), instanceId: ctx.self("id") },
        last: true,
      })),
  },
  {
    type: "cloudify.openstack.nodes.KeyPair",
    target: TARGETS.osKeypair,
    attributes: { external_id: "id", private_key: "=private_key", public_key: "publicKey" },
    staticAttributes: (ctx) => ({ private_key: ctx.extra("key", "privateKeyOpenssh") }),
    extras: () => [{ suffix: "key", target: TARGETS.tlsKey, args: { algorithm: "RSA", rsaBits: 4096 }, before: true }],
    args: (ctx) => {
      ctx.drop("private_key_path (the key is generated by the program, not written to a file on the manager; servers connected to this key pair are reached with it)", ["private_key_path"]);
      return clean({ name: nameOf(ctx, obj(ctx.props["keypair"])["name"]), publicKey: ctx.extra("key", "publicKeyOpenssh") });
    },
  },
  { type: "cloudify.openstack.nodes.Network", target: TARGETS.osNetwork, attributes: { external_id: "id" }, args: (ctx) => clean({ name: nameOf(ctx, obj(ctx.props["network"])["name"]), adminStateUp: true }) },
  {
    type: "cloudify.openstack.nodes.Subnet",
    target: TARGETS.osSubnet,
    attributes: { external_id: "id" },
    args: (ctx) => {
      const s = obj(ctx.props["subnet"]);
      const net = ctx.related("cloudify.relationships.contained_in")[0];
      return clean({ name: nameOf(ctx, s["name"]), networkId: net ? net.output("id") : undefined, cidr: s["cidr"], ipVersion: s["ip_version"] ?? 4, dnsNameservers: s["dns_nameservers"] });
    },
  },
  {
    type: "cloudify.openstack.nodes.Port",
    target: TARGETS.osPort,
    attributes: { external_id: "id", fixed_ip_address: "allFixedIps" },
    args: (ctx) => {
      const net = ctx.related("cloudify.relationships.contained_in")[0];
      const subnets = idOf(ctx, "cloudify.openstack.port_connected_to_subnet");
      const groups = idOf(ctx, "cloudify.openstack.port_connected_to_security_group");

      return clean({
        name: nameOf(ctx, obj(ctx.props["port"])["name"]),
        networkId: net ? net.output("id") : undefined,
        fixedIps: subnets.length > 0 ? subnets.map((subnetId) => clean({ subnetId, ipAddress: ctx.props["fixed_ip"] })) : undefined,
        securityGroupIds: groups.length > 0 ? groups : undefined,
      });
    },
    relationships: ["cloudify.openstack.port_connected_to_subnet", "cloudify.openstack.port_connected_to_security_group", "cloudify.openstack.port_connected_to_floating_ip"],
    extras: (ctx) =>
      ctx.related("cloudify.openstack.port_connected_to_floating_ip").map((r, i) => ({
        suffix: `floating-ip-${i}`,
        target: TARGETS.osFloatingIpAssociate,
        args: { floatingIp: r.output("address"), portId: ctx.self("id") },
        last: true,
      })),
  },
  {
    type: "cloudify.openstack.nodes.Router",
    target: TARGETS.osRouter,
    attributes: { external_id: "id" },
    args: (ctx) => {
      if (ctx.props["external_network"]) ctx.drop("external_network by name (set externalNetworkId to the network's id)");
      return clean({ name: nameOf(ctx, obj(ctx.props["router"])["name"]) });
    },
  },
  {
    type: "cloudify.openstack.nodes.SecurityGroup",
    target: TARGETS.osSecGroup,
    attributes: { external_id: "id" },
    args: (ctx) => clean({ name: nameOf(ctx, obj(ctx.props["security_group"])["name"]), description: ctx.props["description"], deleteDefaultRules: ctx.known("disable_default_egress_rules") === true ? true : undefined }),
    extras: (ctx) => {
      const rules = Array.isArray(ctx.props["rules"]) ? ctx.props["rules"] : [];
      return rules.map((r, i) => {
        const o = obj(r);
        return {
          suffix: `rule-${i}`,
          target: TARGETS.osSecGroupRule,
          args: clean({ securityGroupId: ctx.self("id"), direction: "ingress", ethertype: "IPv4", protocol: o["protocol"] ?? "tcp", portRangeMin: o["port_range_min"] ?? o["port"], portRangeMax: o["port_range_max"] ?? o["port"], remoteIpPrefix: o["remote_ip_prefix"] ?? "0.0.0.0/0" }),
        };
      });
    },
  },
  {
    type: "cloudify.openstack.nodes.FloatingIP",
    target: TARGETS.osFloatingIp,
    attributes: { floating_ip_address: "address", external_id: "id" },
    args: (ctx) => {
      const f = obj(ctx.props["floatingip"]);
      return clean({ pool: first(f["floating_network_name"], f["floating_network_id"], "public") });
    },
  },
  { type: "cloudify.openstack.nodes.Volume", target: TARGETS.osVolume, attributes: { external_id: "id" }, args: (ctx) => { const v = obj(ctx.props["volume"]); return clean({ name: nameOf(ctx, v["name"]), size: v["size"] ?? 1, availabilityZone: v["availability_zone"] }); } },
  {
    type: "cloudify.aws.nodes.Instance",
    target: TARGETS.awsInstance,
    attributes: { ip: "privateIp", public_ip_address: "publicIp", aws_resource_id: "id" },
    args: (ctx) => {
      const groups = idOf(ctx, "cloudify.aws.relationships.connected_to_security_group");
      const subnet = [...ctx.related("cloudify.aws.relationships.instance_contained_in_subnet"), ...ctx.related("cloudify.aws.relationships.instance_connected_to_subnet")][0];
      const key = ctx.related("cloudify.aws.relationships.instance_connected_to_keypair")[0];
      if (ctx.props["parameters"] && Object.keys(obj(ctx.props["parameters"])).length > 0) ctx.drop("parameters (boto run_instances keyword arguments)");
      agentNote(ctx);
      return clean({
        ami: ctx.props["image_id"],
        instanceType: ctx.props["instance_type"],
        tags: Object.keys(obj(ctx.props["tags"])).length > 0 || ctx.props["name"] ? { ...obj(ctx.props["tags"]), ...(ctx.props["name"] ? { Name: ctx.props["name"] } : {}) } : undefined,
        vpcSecurityGroupIds: groups.length > 0 ? groups : undefined,
        subnetId: subnet ? subnet.output("id") : undefined,
        keyName: key ? key.output("keyName") : undefined,
      });
    },
    relationships: ["cloudify.aws.relationships.instance_connected_to_elastic_ip", "cloudify.aws.relationships.connected_to_elastic_ip", "cloudify.aws.relationships.instance_connected_to_keypair", "cloudify.aws.relationships.instance_connected_to_security_group", "cloudify.aws.relationships.connected_to_security_group"],
    extras: (ctx) =>
      ctx.related("cloudify.aws.relationships.connected_to_elastic_ip").map((r, i) => ({
        suffix: `elastic-ip-${i}`,
        target: TARGETS.awsEipAssociation,
        args: { instanceId: ctx.self("id"), allocationId: r.output("allocationId") },
        last: true,
      })),
  },
  {
    type: "cloudify.aws.nodes.SecurityGroup",
    target: TARGETS.awsSecurityGroup,
    attributes: { aws_resource_id: "id" },
    args: (ctx) => {
      const vpc = ctx.related("cloudify.aws.relationships.security_group_contained_in_vpc")[0];
      const rules = Array.isArray(ctx.props["rules"]) ? ctx.props["rules"] : [];
      return clean({
        description: ctx.props["description"],
        vpcId: vpc ? vpc.output("id") : undefined,
        ingress: rules.length > 0 ? rules.map((r) => { const o = obj(r); return clean({ protocol: o["ip_protocol"] ?? "tcp", fromPort: o["from_port"], toPort: o["to_port"], cidrBlocks: o["cidr_ip"] ? [o["cidr_ip"]] : undefined }); }) : undefined,
        tags: Object.keys(obj(ctx.props["tags"])).length > 0 ? ctx.props["tags"] : undefined,
      });
    },
  },
  { type: "cloudify.aws.nodes.ElasticIP", target: TARGETS.awsEip, attributes: { aws_resource_id: "publicIp", allocation_id: "allocationId" }, args: (ctx) => clean({ domain: ctx.props["domain"] }) },
  {
    type: "cloudify.aws.nodes.KeyPair",
    target: TARGETS.awsKeyPair,
    attributes: { aws_resource_id: "keyName", private_key: "=private_key", public_key: "publicKey" },
    staticAttributes: (ctx) => ({ private_key: ctx.extra("key", "privateKeyOpenssh") }),
    extras: () => [{ suffix: "key", target: TARGETS.tlsKey, args: { algorithm: "RSA", rsaBits: 4096 }, before: true }],
    args: (ctx) => {
      ctx.drop("private_key_path (the key is generated by the program, not written to a file on the manager; instances connected to this key pair are reached with it)", ["private_key_path"]);
      return clean({ keyName: ctx.props["resource_id"], publicKey: ctx.extra("key", "publicKeyOpenssh") });
    },
  },
  { type: "cloudify.aws.nodes.VPC", target: TARGETS.awsVpc, attributes: { aws_resource_id: "id" }, args: (ctx) => clean({ cidrBlock: ctx.props["cidr_block"], instanceTenancy: ctx.props["instance_tenancy"] }) },
  {
    type: "cloudify.aws.nodes.Subnet",
    target: TARGETS.awsSubnet,
    attributes: { aws_resource_id: "id" },
    args: (ctx) => {
      const vpc = ctx.related("cloudify.aws.relationships.subnet_contained_in_vpc")[0] ?? ctx.related("cloudify.relationships.contained_in")[0];
      return clean({ vpcId: vpc ? vpc.output("id") : undefined, cidrBlock: ctx.props["cidr_block"], availabilityZone: ctx.props["availability_zone"] });
    },
  },
  {
    type: "cloudify.aws.nodes.Interface",
    target: TARGETS.awsEni,
    attributes: { aws_resource_id: "id" },
    args: (ctx) => {
      const subnet = ctx.related("cloudify.aws.relationships.connected_to_subnet")[0] ?? ctx.related("cloudify.relationships.contained_in")[0];
      const groups = idOf(ctx, "cloudify.aws.relationships.connected_to_security_group");
      return clean({ subnetId: subnet ? subnet.output("id") : undefined, securityGroups: groups.length > 0 ? groups : undefined });
    },
  },
  {
    type: "cloudify.kubernetes.nodes.Master",
    target: TARGETS.k8sProvider,
    attributes: {},
    args: (ctx) => {
      const conf = obj(ctx.props["configuration"]);
      const content = conf["file_content"];
      if (content === undefined) ctx.drop("configuration other than file_content (set the provider's kubeconfig)");
      return clean({ kubeconfig: content === undefined ? undefined : new CallRef("toJson", [content]) });
    },
  },
  ...K8S_TYPED.map(([type, target]): TypeMapping => ({ type, target, attributes: {}, args: k8sObject })),
  { type: "cloudify.kubernetes.resources.BlueprintDefinedResource", target: TARGETS.k8sConfigGroup, attributes: {}, args: configGroupOf },
  {
    type: "cloudify.kubernetes.resources.CustomBlueprintDefinedResource",
    target: TARGETS.k8sConfigGroup,
    attributes: {},
    args: (ctx) => { ctx.drop("api_mapping (the object is applied by kind, not through the named client calls)"); return configGroupOf(ctx); },
  },
  {
    type: "cloudify.kubernetes.resources.FileDefinedResource",
    target: TARGETS.k8sConfigGroup,
    attributes: {},
    args: (ctx) => {
      const file = obj(ctx.props["file"]);
      const path = ctx.known("file") as Record<string, unknown> | undefined;
      const text = typeof path?.["resource_path"] === "string" ? ctx.resource(path["resource_path"], fileSite(ctx)) : undefined;
      if (text === undefined) ctx.drop(`file.resource_path ${JSON.stringify(file["resource_path"] ?? null)} could not be read`);
      if (Object.keys(obj(file["template_variables"])).length > 0) ctx.drop("template_variables (Jinja rendering is not applied)");
      return { yaml: text ?? "" };
    },
  },
  {
    type: "cloudify.kubernetes.Microservice",
    target: TARGETS.kubernetesWorkload,
    targetFor: (ctx) => (ctx.props["config"] && knownManifest(ctx) === undefined && typeof ctx.props["config"] === "object" && Object.keys(ctx.props["config"] as object).length > 0 ? TARGETS.k8sConfigGroup : TARGETS.kubernetesWorkload),
    attributes: {},
    args: kubeMicroservice,
  },
  {
    type: "cloudify.swarm.Microservice",
    target: TARGETS.swarmService,
    targetFor: (ctx) => (composeFile(ctx) ? TARGETS.swarmStack : TARGETS.swarmService),
    attributes: {},
    args: (ctx) => (composeFile(ctx) ? swarmStack(ctx) : swarmService(ctx)),
  },
];

/** Old-family rows take their provider from `openstack_config` / `aws_config`, as the plugins did. */
for (const m of TYPE_MAPPINGS as TypeMapping[]) {
  if (m.type.startsWith("cloudify.openstack.nodes.")) m.provider = openstackProvider;
  else if (m.type.startsWith("cloudify.aws.nodes.")) m.provider = awsProvider;
}

const BY_TYPE = new Map([...TYPE_MAPPINGS, ...UTILITY_MAPPINGS, ...COMPONENT_MAPPINGS, ...OPENSTACK3_MAPPINGS, ...AWS3_MAPPINGS].map((m) => [m.type, m]));

/** The mapping for a node type chain (most derived first), or undefined. */
export function mappingFor(chain: readonly string[]): TypeMapping | undefined {
  for (const t of chain) {
    const m = BY_TYPE.get(t);
    if (m) return m;
  }
  return undefined;
}
