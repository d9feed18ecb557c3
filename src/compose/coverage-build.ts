/**
 * The rows of `services.*.build.*`, shared by both targets: a build runs on one engine either way (the host's, or
 * the Swarm manager's before the push), through `@pulumi/docker`'s `docker.RemoteImage` build.
 */
import type { TargetRow } from "./coverage";

const m = (note: string): TargetRow => ({ support: "mapped", note });
const w = (note: string): TargetRow => ({ support: "warned", note });
const r = (note: string): TargetRow => ({ support: "refused", note });

const BUILDX = "(the provider passes it to a buildx builder; the classic builder does without)";

/** `services.*.build.*` → row. */
export const BUILD_ROWS: Readonly<Record<string, TargetRow>> = {
  "services.*.build.context": m("a folder inside the project root → build.context; its content digest (.dockerignore honoured) triggers a rebuild. A Git or HTTP URL is refused"),
  "services.*.build.dockerfile": m("→ build.dockerfile, relative to the context"),
  "services.*.build.dockerfile_inline": r("the provider builds from a Dockerfile in the context; write the text to a file there and name it in `dockerfile`"),
  "services.*.build.args": m("→ build.buildArgs; a name without a value takes it from the environment, and is left out (with a warning) when unset"),
  "services.*.build.ssh": r("the provider's build has no SSH agent forwarding, so a RUN --mount=type=ssh step would fail; fetch with a build secret instead"),
  "services.*.build.labels": m("→ build.labels (image labels)"),
  "services.*.build.cache_from": m(`→ build.cacheFroms ${BUILDX}`),
  "services.*.build.cache_to": m(`→ build.cacheTos ${BUILDX}`),
  "services.*.build.no_cache": m("→ build.noCache"),
  "services.*.build.no_cache_filter": w("the provider can disable the cache for the whole build only (no_cache), not per stage"),
  "services.*.build.additional_contexts": m(`named contexts → build.additionalContexts ${BUILDX}`),
  "services.*.build.network": m("→ build.networkMode (the network of RUN steps)"),
  "services.*.build.provenance": m(`→ build.provenance ${BUILDX}`),
  "services.*.build.sbom": m(`→ build.sbom ${BUILDX}`),
  "services.*.build.pull": m("→ build.pullParent (pull newer base images)"),
  "services.*.build.target": m("→ build.target (the stage to build)"),
  "services.*.build.shm_size": m("→ build.shmSize (bytes)"),
  "services.*.build.extra_hosts": m("→ build.extraHosts (`host:ip`)"),
  "services.*.build.isolation": m("→ build.isolation"),
  "services.*.build.privileged": w("the provider's build has no privileged mode (a buildx entitlement)"),
  "services.*.build.secrets": m(`top-level secrets by name → build.secrets (file sources as src, environment sources as env, read by the provider when it builds) ${BUILDX}`),
  "services.*.build.tags": m("→ build.tags (extra names for the built image)"),
  "services.*.build.ulimits": m("→ build.ulimits"),
  "services.*.build.platforms": m("one platform → build.platform; several need a multi-platform builder and are refused"),
  "services.*.build.entitlements": w("the provider's build has no entitlements"),
};
