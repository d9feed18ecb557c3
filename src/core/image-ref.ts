/**
 * Image references (`[REGISTRY[:PORT]/]REPOSITORY[:TAG][@DIGEST]`), split the way the Docker engine splits them: the
 * tag is after the last `:` of the last path part (so a registry port is never a tag), the digest after the first
 * `@`, and the registry is the first path part when it has a `.` or `:` or is `localhost`.
 */

/** The parts of an image reference. */
export interface ImageRef {
  /** Everything before the tag and digest (`registry:5000/team/app`). */
  repository: string;
  /** The tag, when the reference names one. @default none */
  tag?: string;
  /** The digest (`sha256:…`), when the reference names one. @default none */
  digest?: string;
  /** The registry host (with its port) the repository names, `docker.io` when it names none. */
  registry: string;
}

/** Splits an image reference into repository, tag, digest and registry. */
export function parseImageRef(reference: string): ImageRef {
  const at = reference.indexOf("@");
  const name = at >= 0 ? reference.slice(0, at) : reference;
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  const repository = colon > slash ? name.slice(0, colon) : name;
  const out: ImageRef = { repository, registry: registryOf(repository) };
  if (colon > slash) out.tag = name.slice(colon + 1);
  if (at >= 0) out.digest = reference.slice(at + 1);
  return out;
}

/** The registry host of a repository (`docker.io` when its first part is not a host). */
export function registryOf(repository: string): string {
  const slash = repository.indexOf("/");
  if (slash < 0) return "docker.io";
  const first = repository.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost" ? first : "docker.io";
}
