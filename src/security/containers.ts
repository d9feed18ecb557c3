/**
 * Container security rules: containers running privileged, and the Docker socket mounted into a container (which
 * gives it root on the host). They read docker.Container, docker.Service and the pod specs of Kubernetes workloads.
 */
import type { RecordedResource, RecordedValue } from "../resources/recorder";
import type { Finding, SecurityRule } from "./finding";

type Obj = { [key: string]: RecordedValue };

function obj(value: RecordedValue | undefined): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}
function list(value: RecordedValue | undefined): RecordedValue[] {
  return Array.isArray(value) ? value : [];
}
function at(value: RecordedValue | undefined, path: readonly string[]): RecordedValue | undefined {
  let cur = value;
  for (const key of path) cur = obj(cur)?.[key];
  return cur;
}

/** Docker's provider types the rules read. */
export const DOCKER_CONTAINER_TYPE = "docker:index/container:Container";
/** The swarm service type. */
export const DOCKER_SERVICE_TYPE = "docker:index/service:Service";

/** Where each Kubernetes workload kind keeps its pod spec (the kind is the last part of the type token). */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  PodTemplate: ["template", "spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** A pod spec found in a Kubernetes resource, with its dotted path for messages. */
export interface FoundPodSpec {
  path: string;
  spec: { [key: string]: RecordedValue };
}

/** The pod spec of a Kubernetes workload (Pod, Deployment, CronJob, … and their Patch variants), if it has one. */
export function podSpecOf(resource: RecordedResource): FoundPodSpec | undefined {
  if (!resource.type.startsWith("kubernetes:")) return undefined;
  const kind = (resource.type.split(":").pop() ?? "").replace(/Patch$/, "");
  const path = POD_SPEC_PATHS[kind];
  if (!path) return undefined;
  const spec = obj(at(resource.inputs, path));
  return spec ? { path: path.join("."), spec } : undefined;
}

/** Every container of a pod spec (init and ephemeral ones too), with its path under the spec. */
export function podContainers(spec: Obj): { path: string; container: Obj }[] {
  const out: { path: string; container: Obj }[] = [];
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    list(spec[key]).forEach((c, i) => {
      const container = obj(c);
      if (container) out.push({ path: `${key}[${i}]`, container });
    });
  }
  return out;
}

function label(r: RecordedResource): string {
  return `${r.type} "${r.name}"`;
}

/** Host paths that expose the Docker engine's socket when mounted. */
export const DOCKER_SOCKET_PATHS: readonly string[] = ["/var/run/docker.sock", "/run/docker.sock", "/var/run", "/run"];

function isDockerSocket(path: RecordedValue | undefined): path is string {
  if (typeof path !== "string") return false;
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return DOCKER_SOCKET_PATHS.includes(trimmed);
}

/** `privileged-container` (high): a container with every capability and the host's devices. */
export const privilegedContainers: SecurityRule = (resources) => {
  const findings: Finding[] = [];
  const add = (r: RecordedResource, where: string, fix: string): void => {
    findings.push({
      rule: "privileged-container",
      severity: "high",
      urn: r.urn,
      message: `${label(r)} runs privileged (${where}): the container gets every capability and the host's devices; ${fix}`,
    });
  };
  for (const r of resources) {
    if (r.type === DOCKER_CONTAINER_TYPE) {
      if (r.inputs["privileged"] === true) {
        add(r, "privileged: true", "remove privileged and add only the capabilities it needs (capabilities.adds)");
      }
      const adds = list(at(r.inputs, ["capabilities", "adds"]));
      if (adds.some((c) => c === "ALL" || c === "CAP_ALL")) {
        add(r, "capabilities.adds: ALL", "list only the capabilities it needs in capabilities.adds");
      }
    } else if (r.type === DOCKER_SERVICE_TYPE) {
      const adds = list(at(r.inputs, ["taskSpec", "containerSpec", "capAdds"]));
      if (adds.some((c) => c === "ALL" || c === "CAP_ALL")) {
        add(r, "taskSpec.containerSpec.capAdds: ALL", "list only the capabilities it needs in capAdds");
      }
    } else {
      const found = podSpecOf(r);
      if (!found) continue;
      for (const { path, container } of podContainers(found.spec)) {
        if (at(container, ["securityContext", "privileged"]) === true) {
          add(
            r,
            `${found.path}.${path}.securityContext.privileged: true`,
            "remove privileged and add only the capabilities it needs (securityContext.capabilities.add)",
          );
        }
      }
    }
  }
  return findings;
};

/** `docker-socket-mounted` (high): the Docker socket (or the directory holding it) mounted into a container. */
export const dockerSocketMounts: SecurityRule = (resources) => {
  const findings: Finding[] = [];
  const add = (r: RecordedResource, where: string, source: string): void => {
    findings.push({
      rule: "docker-socket-mounted",
      severity: "high",
      urn: r.urn,
      message:
        `${label(r)} mounts ${source} (${where}): whoever runs in the container controls the Docker engine and so ` +
        `is root on the host; remove the mount, or give the container a narrower API (a socket proxy that allows ` +
        `only the calls it needs)`,
    });
  };
  for (const r of resources) {
    if (r.type === DOCKER_CONTAINER_TYPE) {
      list(r.inputs["volumes"]).forEach((v, i) => {
        const hostPath = obj(v)?.["hostPath"];
        if (isDockerSocket(hostPath)) add(r, `volumes[${i}].hostPath`, hostPath);
      });
      list(r.inputs["mounts"]).forEach((m, i) => {
        const mount = obj(m);
        const source = mount?.["source"];
        if ((mount?.["type"] ?? "bind") === "bind" && isDockerSocket(source)) add(r, `mounts[${i}].source`, source);
      });
    } else if (r.type === DOCKER_SERVICE_TYPE) {
      list(at(r.inputs, ["taskSpec", "containerSpec", "mounts"])).forEach((m, i) => {
        const mount = obj(m);
        const source = mount?.["source"];
        if (mount?.["type"] === "bind" && isDockerSocket(source)) {
          add(r, `taskSpec.containerSpec.mounts[${i}].source`, source);
        }
      });
    } else {
      const found = podSpecOf(r);
      if (!found) continue;
      list(found.spec["volumes"]).forEach((v, i) => {
        const path = at(v, ["hostPath", "path"]);
        if (isDockerSocket(path)) add(r, `${found.path}.volumes[${i}].hostPath.path`, path);
      });
    }
  }
  return findings;
};

/** Every container rule, for `berth preview`'s report and the cluster tests. */
export const containerSecurityRules: readonly SecurityRule[] = [privilegedContainers, dockerSocketMounts];
