import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { Problems } from "../core/problems";
import type { SwarmServiceArgs } from "./service-args";
import { checkServiceArgs, swarmServiceArgs } from "./service-mapping";

/**
 * One Swarm service from typed arguments in the shape of Cloudify's `cloudify.swarm.Microservice`: task template,
 * mode, update config, networks, endpoint spec and labels. It waits until the service's tasks run (convergence), and
 * rolls back a failed update when asked. Use a `docker.Provider` pointing at a manager.
 *
 * @example
 * ```ts
 * const web = new SwarmService("web", {
 *   taskTemplate: { containerSpec: { image: "nginx:1.27" }, placement: { constraints: ["node.role == worker"] } },
 *   mode: { replicated: { replicas: 3 } },
 *   endpointSpec: { ports: [{ targetPort: 80, publishedPort: 8080 }] },
 *   rollbackOnFailure: true,
 * }, { provider: manager });
 * ```
 */
export class SwarmService extends pulumi.ComponentResource {
  /** The engine's service name. */
  public readonly serviceName: pulumi.Output<string>;
  /** The service id. */
  public readonly serviceId: pulumi.Output<string>;
  /** The `docker.Service`. */
  public readonly service: docker.Service;

  constructor(name: string, args: SwarmServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:SwarmService", name, {}, opts);
    new Problems().addAll(checkServiceArgs(args)).throwIfAny(this, "SwarmService", name);
    const serviceName = args.name ?? name;
    this.service = new docker.Service(`${name}-service`, swarmServiceArgs(args, serviceName), { parent: this });
    this.serviceName = pulumi.output(serviceName);
    this.serviceId = this.service.id;
    this.registerOutputs({ serviceName: this.serviceName, serviceId: this.serviceId });
  }
}
