import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { DockerHostArgs } from "./container-args";
import type { EngineHost } from "./engine-host";

/**
 * Resolves `host` args to plain engine settings (a bare socket path becomes `unix://...`), secret when they carry a
 * client key. The same value feeds the `docker.Provider` and Berth's own Engine API calls.
 */
export function engineHost(host: DockerHostArgs | undefined): pulumi.Output<EngineHost> | undefined {
  if (!host) return undefined;
  const resolved = pulumi.output(host).apply((h) => {
    const out: EngineHost = {};
    if (h.url !== undefined) out.url = h.url.startsWith("/") ? `unix://${h.url}` : h.url;
    if (h.caMaterial !== undefined) out.caMaterial = h.caMaterial;
    if (h.certMaterial !== undefined) out.certMaterial = h.certMaterial;
    if (h.keyMaterial !== undefined) out.keyMaterial = h.keyMaterial;
    if (h.certPath !== undefined) out.certPath = h.certPath;
    if (h.sshOpts !== undefined) out.sshOpts = h.sshOpts;
    return out;
  });
  return host.keyMaterial !== undefined ? pulumi.secret(resolved) : resolved;
}

/**
 * The `docker.Provider` a component creates as `${name}-engine` for its `host`, or undefined when there is no `host`
 * or the caller passed a provider in the resource options (which then wins).
 */
export function engineProvider(
  parent: pulumi.Resource,
  name: string,
  host: DockerHostArgs | undefined,
  opts: pulumi.ComponentResourceOptions | undefined,
): docker.Provider | undefined {
  const passed = opts?.provider !== undefined || (opts?.providers !== undefined && Object.keys(opts.providers).length > 0);
  const resolved = engineHost(host);
  if (!host || !resolved || passed) return undefined;
  return new docker.Provider(
    `${name}-engine`,
    {
      host: resolved.apply((h) => h.url),
      caMaterial: host.caMaterial,
      certMaterial: host.certMaterial,
      keyMaterial: host.keyMaterial === undefined ? undefined : pulumi.secret(host.keyMaterial),
      certPath: host.certPath,
      sshOpts: host.sshOpts,
    },
    { parent },
  );
}
