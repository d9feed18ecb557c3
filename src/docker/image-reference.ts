import { parseImageRef } from "../core/image-ref";

/**
 * An image reference `[REGISTRY[:PORT]/]REPOSITORY[:TAG]` as DockerContainer's `image.repository` and `image.tag`
 * (a registry port is not a tag; no tag is `latest`). For programs that know the reference only when they run, such
 * as one `berth compose` wrote from `image: ${IMAGE}`.
 *
 * @example
 * ```ts
 * new DockerContainer("web", { image: imageReference(config.require("IMAGE")) });
 * ```
 * @throws when the reference is pinned by digest (`repo@sha256:...`): a single host pulls by repository and tag
 */
export function imageReference(reference: string): { repository: string; tag: string } {
  const ref = parseImageRef(reference);
  if (ref.digest !== undefined) throw new Error(`"${reference}" is pinned by digest; a single host pulls by repository:tag, so give a tag`);
  return { repository: ref.repository, tag: ref.tag ?? "latest" };
}
