/**
 * Image security rule: images without a pinned tag (no tag, or `latest`), which change under a running system at the
 * next pull. Reads docker.RemoteImage, docker.Container, docker.Service and Kubernetes pod specs.
 */
import { type RecordedResource, type RecordedValue, UNKNOWN_VALUE } from "../resources/recorder";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE, podContainers, podSpecOf } from "./containers";
import type { Finding, SecurityRule } from "./finding";
import { parseImageRef } from "../core/image-ref";

/**
 * Why an image reference is not pinned, or undefined when it is (a tag other than `latest`, or a digest). Image ids
 * (`sha256:…`, what `RemoteImage.imageId` gives a container) and values known only after deploy are not references.
 */
export function unpinnedReason(reference: string): string | undefined {
  if (reference === "" || reference === UNKNOWN_VALUE || /^sha256:[0-9a-f]{64}$/.test(reference)) return undefined;
  const { tag, digest } = parseImageRef(reference);
  if (digest) return undefined;
  if (tag === undefined) return "has no tag, so it runs whatever `latest` points to when it is pulled";
  if (tag === "latest") return "is tagged `latest`, a name that moves to a different image with every release";
  return undefined;
}

function str(value: RecordedValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The image references a resource names, each with the input path it was found at. */
export function imageReferencesOf(r: RecordedResource): { path: string; image: string }[] {
  const out: { path: string; image: string }[] = [];
  const push = (path: string, value: RecordedValue | undefined): void => {
    const image = str(value);
    if (image !== undefined) out.push({ path, image });
  };
  if (r.type === "docker:index/remoteImage:RemoteImage") push("name", r.inputs["name"]);
  else if (r.type === DOCKER_CONTAINER_TYPE) push("image", r.inputs["image"]);
  else if (r.type === DOCKER_SERVICE_TYPE) {
    const spec = r.inputs["taskSpec"];
    const container = spec && typeof spec === "object" && !Array.isArray(spec) ? spec["containerSpec"] : undefined;
    if (container && typeof container === "object" && !Array.isArray(container)) {
      push("taskSpec.containerSpec.image", container["image"]);
    }
  } else {
    const found = podSpecOf(r);
    if (found) {
      for (const { path, container } of podContainers(found.spec)) {
        push(`${found.path}.${path}.image`, container["image"]);
      }
    }
  }
  return out;
}

/** `unpinned-image` (medium): an image with no tag or the `latest` tag. */
export const unpinnedImages: SecurityRule = (resources) => {
  const findings: Finding[] = [];
  for (const r of resources) {
    for (const { path, image } of imageReferencesOf(r)) {
      const reason = unpinnedReason(image);
      if (!reason) continue;
      const { digest } = parseImageRef(image);
      const base = digest ? image : image.replace(/:latest$/, "");
      findings.push({
        rule: "unpinned-image",
        severity: "medium",
        urn: r.urn,
        message:
          `${r.type} "${r.name}" uses image "${image}" (${path}), which ${reason}; ` +
          `pin a version tag or a digest (${base}:1.2.3 or ${base}@sha256:…)`,
      });
    }
  }
  return findings;
};

/** Every image rule, for `berth preview`'s report and the cluster tests. */
export const imageSecurityRules: readonly SecurityRule[] = [unpinnedImages];
