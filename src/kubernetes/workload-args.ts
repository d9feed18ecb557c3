import type * as pulumi from "@pulumi/pulumi";

/** A port of a {@link KubernetesAppArgs} container, published through its Service. */
export interface KubernetesAppPortArgs {
  /** The port the container listens on. */
  containerPort: pulumi.Input<number>;
  /** The Service's port. @default the container port */
  servicePort?: pulumi.Input<number>;
  /** `TCP`, `UDP` or `SCTP`. @default "TCP" */
  protocol?: pulumi.Input<string>;
  /** A name for the port (needed when there are several). @default none */
  name?: pulumi.Input<string>;
}

/**
 * The simple typed form: one image run as an apps/v1 Deployment, exposed by a v1 Service when it has ports — the shape
 * of Cloudify's `cloudify.kubernetes.Microservice` (`name`, `image`, `port`, `replicas`).
 */
export interface KubernetesAppArgs {
  /** The Deployment's and Service's name, and the `app.kubernetes.io/name` label. */
  name: string;
  /** The container image. */
  image: pulumi.Input<string>;
  /** Pods to run. @default 1 */
  replicas?: pulumi.Input<number>;
  /** Ports to publish through the Service. @default [] (no Service) */
  ports?: KubernetesAppPortArgs[];
  /** Environment variables. @default {} */
  env?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** The container command (entrypoint). @default the image's */
  command?: pulumi.Input<pulumi.Input<string>[]>;
  /** The container arguments. @default the image's */
  args?: pulumi.Input<pulumi.Input<string>[]>;
  /** The Service type: `ClusterIP`, `NodePort` or `LoadBalancer`. @default "ClusterIP" */
  serviceType?: pulumi.Input<string>;
}

/**
 * The arguments of a {@link KubernetesWorkload}: native manifests (`files` and/or `manifests`), or the typed `app`
 * form. Set one of the two forms.
 */
export interface KubernetesWorkloadArgs {
  /** Manifest files, folders (their .yaml/.yml/.json files) and globs (`k8s/**\/*.yaml`), relative to `baseDir`. @default [] */
  files?: string[];
  /** Manifest texts, each possibly several `---` documents. @default [] */
  manifests?: string[];
  /** The folder relative `files` are read from. @default the current directory */
  baseDir?: string;
  /** The namespace given to namespaced objects that name none. @default "default" */
  namespace?: string;
  /** The typed simple form, instead of manifests. @default none */
  app?: KubernetesAppArgs;
}
