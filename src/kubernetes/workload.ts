import * as fs from "node:fs";
import type { JsonAny } from "../core/json";
import * as path from "node:path";
import type * as K8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Problems } from "../core/problems";
import { appDeploymentArgs, appServiceArgs, checkApp } from "./workload-app";
import type { KubernetesWorkloadArgs } from "./workload-args";
import { defaultNamespace, loadManifests } from "./workload-manifests";
import { loadPeer } from "../core/peer";

/**
 * A workload on Kubernetes: native manifests (files, folders, globs or texts, several documents each) deployed through
 * `@pulumi/kubernetes` `yaml/v2` `ConfigGroup`, with a default namespace set on namespaced objects that name none; or
 * the typed form, an apps/v1 Deployment and a v1 Service. The provider's await logic stays on, so the deployment
 * finishes only when the objects are ready and dependants really wait. Pass a `k8s.Provider` for another cluster.
 *
 * @example
 * ```ts
 * const web = new KubernetesWorkload("web", { files: ["k8s/"], namespace: "shop" }, { provider: cluster.provider });
 * const api = new KubernetesWorkload("api", {
 *   app: { name: "api", image: "api:3", replicas: 2, ports: [{ containerPort: 8080, servicePort: 80 }] },
 * });
 * ```
 */
export class KubernetesWorkload extends pulumi.ComponentResource {
  /** The namespace objects were defaulted to. */
  public readonly namespace: pulumi.Output<string>;
  /** `kind/namespace/name` of every object the workload declares, in order. */
  public readonly objectNames: pulumi.Output<string[]>;
  /** The ConfigGroup's resources (manifests form), as the provider returns them; empty for the typed form. */
  public readonly resources: pulumi.Output<JsonAny[]>;

  constructor(name: string, args: KubernetesWorkloadArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:KubernetesWorkload", name, {}, opts);
    const k8s = loadPeer<typeof K8s>("kubernetes/workload");
    const problems = new Problems();
    const files = args.files ?? [];
    const texts = args.manifests ?? [];
    const manifestForm = files.length + texts.length > 0;
    if (manifestForm === (args.app !== undefined)) {
      problems.add("files", "set `files` and/or `manifests` (native manifests), or `app` (the typed form): one of the two");
    }
    const namespace = args.namespace ?? "default";
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
      problems.add("namespace", `"${namespace}" is not a namespace name: lowercase letters, digits and '-'`);
    }
    if (args.app) problems.addAll(checkApp(args.app));
    let objects: ReturnType<typeof loadManifests>["objects"] = [];
    if (manifestForm) {
      const loaded = loadManifests(files, texts, path.resolve(args.baseDir ?? "."), fs);
      problems.addAll(loaded.problems);
      objects = defaultNamespace(loaded.objects, namespace);
    }
    problems.throwIfAny(this, "KubernetesWorkload", name);

    let names: string[];
    if (args.app) {
      const deployment = new k8s.apps.v1.Deployment(`${name}-deployment`, appDeploymentArgs(args.app, namespace), { parent: this });
      const service = appServiceArgs(args.app, namespace);
      if (service) new k8s.core.v1.Service(`${name}-service`, service, { parent: this, dependsOn: [deployment] });
      names = [`Deployment/${namespace}/${args.app.name}`, ...(service ? [`Service/${namespace}/${args.app.name}`] : [])];
      this.resources = pulumi.output([]);
    } else {
      const group = new k8s.yaml.v2.ConfigGroup(`${name}-manifests`, { objs: objects }, { parent: this });
      this.resources = group.resources;
      names = objects.map((o) => {
        const meta = o["metadata"] as { name: string; namespace?: string };
        return `${String(o["kind"])}/${meta.namespace ?? ""}/${meta.name}`;
      });
    }
    this.namespace = pulumi.output(namespace);
    this.objectNames = pulumi.output(names);
    this.registerOutputs({ namespace: this.namespace, objectNames: this.objectNames });
  }
}
