/**
 * A Compose `build` as the `build` argument of `@pulumi/docker`'s `docker.RemoteImage` (the Terraform docker
 * provider's `docker_image` build: it builds on the engine the provider talks to and never pushes). One mapping for
 * both targets: a swarm builds the same way on its manager before the push. Pure; the context's content digest is
 * added by the caller (it names the image and triggers a rebuild).
 *
 * Why `docker.RemoteImage` and not `docker.Image` or the docker-build provider: `docker.Image` always pushes (or
 * skips the push and keeps no image id to run), and carries no labels, shm size, extra hosts, ulimits or build
 * secrets; the docker-build provider (`@pulumi/docker-build` on npm) is a separate provider plugin built around a
 * buildx builder, which a plain engine (such as Debian's docker.io) does not have. RemoteImage builds on the very
 * engine the containers run on, with the classic builder when no buildx builder exists, and its `imageId` is the
 * built image's id; `docker.RegistryImage` pushes it for a swarm.
 */
import type { ComposeBuild } from "./model";

/** The plain `build` argument of a `docker.RemoteImage` (the fields of `docker.types.input.RemoteImageBuild`). */
export interface RemoteImageBuildArgs {
  context: string;
  dockerfile: string;
  buildArgs?: Record<string, string>;
  target?: string;
  labels?: Record<string, string>;
  cacheFroms?: string[];
  cacheTos?: string[];
  noCache?: boolean;
  additionalContexts?: string[];
  networkMode?: string;
  provenance?: string;
  sbom?: string;
  pullParent?: boolean;
  shmSize?: number;
  extraHosts?: string[];
  isolation?: string;
  secrets?: { id: string; src?: string; env?: string }[];
  tags?: string[];
  ulimits?: { name: string; soft: number; hard: number }[];
  platform?: string;
}

/** The `build` argument for a Compose build; `context` as given (the caller may rewrite it relative to a program). */
export function remoteImageBuild(b: ComposeBuild): RemoteImageBuildArgs {
  const out: RemoteImageBuildArgs = { context: b.context, dockerfile: b.dockerfile };
  if (Object.keys(b.args).length > 0) out.buildArgs = b.args;
  if (b.target !== undefined) out.target = b.target;
  if (Object.keys(b.labels).length > 0) out.labels = b.labels;
  if (b.cacheFrom.length > 0) out.cacheFroms = b.cacheFrom;
  if (b.cacheTo.length > 0) out.cacheTos = b.cacheTo;
  if (b.noCache !== undefined) out.noCache = b.noCache;
  const contexts = Object.entries(b.additionalContexts);
  if (contexts.length > 0) out.additionalContexts = contexts.map(([k, v]) => `${k}=${v}`);
  if (b.network !== undefined) out.networkMode = b.network;
  if (b.provenance !== undefined) out.provenance = b.provenance;
  if (b.sbom !== undefined) out.sbom = b.sbom;
  if (b.pull !== undefined) out.pullParent = b.pull;
  if (b.shmSize !== undefined) out.shmSize = b.shmSize;
  if (b.extraHosts.length > 0) out.extraHosts = b.extraHosts.map((h) => `${h.host}:${h.ip}`);
  if (b.isolation !== undefined) out.isolation = b.isolation;
  if (b.secrets.length > 0) out.secrets = b.secrets.map((s) => (s.file !== undefined ? { id: s.id, src: s.file } : { id: s.id, env: s.environment! }));
  if (b.tags.length > 0) out.tags = b.tags;
  if (b.ulimits.length > 0) out.ulimits = b.ulimits.map((u) => ({ name: u.name, soft: u.soft, hard: u.hard }));
  if (b.platform !== undefined) out.platform = b.platform;
  return out;
}

/** The registry host of an image reference (`docker.io` when it names none), for credentials. */
export function registryOf(reference: string): string {
  const first = reference.split("/")[0]!;
  return reference.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost") ? first : "docker.io";
}
