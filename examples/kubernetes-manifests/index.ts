/**
 * Two workloads on a Kubernetes cluster: the native manifests in ./manifests (a ConfigMap, a Deployment and a
 * Service, namespaced into `shop`), and a typed Deployment + Service for an API. Both wait until the objects are
 * ready, so `api` is created only after `site` is up.
 */
import * as path from "node:path";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KubernetesWorkload } from "berth/kubernetes";

const config = new pulumi.Config();
const kubeconfig = config.getSecret("kubeconfig");
const provider = kubeconfig ? new k8s.Provider("cluster", { kubeconfig }) : undefined;
const opts = provider ? { provider } : {};

const namespace = new k8s.core.v1.Namespace("shop", { metadata: { name: "shop" } }, opts);

const site = new KubernetesWorkload(
  "site",
  { files: [path.join(__dirname, "manifests")], namespace: "shop" },
  { ...opts, dependsOn: [namespace] },
);

const api = new KubernetesWorkload(
  "api",
  {
    namespace: "shop",
    app: {
      name: "api",
      image: "hashicorp/http-echo:1.0",
      args: ["-listen=:5678", "-text=hello"],
      replicas: 2,
      ports: [{ containerPort: 5678, servicePort: 80 }],
      env: { MODE: "demo" },
    },
  },
  { ...opts, dependsOn: [site] },
);

export const siteObjects = site.objectNames;
export const apiObjects = api.objectNames;
