/** The typed simple form of a KubernetesWorkload as Deployment and Service arguments. Pure. */
import * as pulumi from "@pulumi/pulumi";
import type * as k8s from "@pulumi/kubernetes";
import type { Problem } from "../core/problems";
import type { KubernetesAppArgs } from "./workload-args";

function known<T>(v: pulumi.Input<T> | undefined): v is T {
  return v !== undefined && !pulumi.Output.isInstance(v) && !(v instanceof Promise);
}

/** Problems with the typed form that can be seen before deployment (`where` is under `app.`). */
export function checkApp(app: KubernetesAppArgs): Problem[] {
  const problems: Problem[] = [];
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(app.name ?? "") || app.name.length > 63) {
    problems.push({ where: "app.name", message: `"${app.name ?? ""}" is not a DNS label: lowercase letters, digits and '-', at most 63` });
  }
  if (known(app.image) && app.image.trim() === "") problems.push({ where: "app.image", message: "must not be empty" });
  if (known(app.replicas) && !(Number.isInteger(app.replicas) && app.replicas >= 0)) {
    problems.push({ where: "app.replicas", message: "must be a whole number, 0 or more" });
  }
  const ports = app.ports ?? [];
  ports.forEach((p, i) => {
    for (const key of ["containerPort", "servicePort"] as const) {
      const v = p[key];
      if (known(v) && !(Number.isInteger(v) && v >= 1 && v <= 65535)) {
        problems.push({ where: `app.ports[${i}].${key}`, message: "must be a port number from 1 to 65535" });
      }
    }
    if (known(p.protocol) && !["TCP", "UDP", "SCTP"].includes(p.protocol)) {
      problems.push({ where: `app.ports[${i}].protocol`, message: `"${p.protocol}" is not TCP, UDP or SCTP` });
    }
    if (ports.length > 1 && p.name === undefined) {
      problems.push({ where: `app.ports[${i}].name`, message: "is required when there are several ports" });
    }
  });
  if (known(app.serviceType) && !["ClusterIP", "NodePort", "LoadBalancer"].includes(app.serviceType)) {
    problems.push({ where: "app.serviceType", message: `"${app.serviceType}" is not ClusterIP, NodePort or LoadBalancer` });
  }
  return problems;
}

/** The Deployment's arguments. */
export function appDeploymentArgs(app: KubernetesAppArgs, namespace: string): k8s.apps.v1.DeploymentArgs {
  const labels = { "app.kubernetes.io/name": app.name };
  const container: k8s.types.input.core.v1.Container = { name: app.name, image: app.image };
  if (app.command !== undefined) container.command = app.command;
  if (app.args !== undefined) container.args = app.args;
  if (app.env !== undefined) {
    container.env = pulumi.output(app.env).apply((env) =>
      Object.keys(env)
        .sort()
        .map((name) => ({ name, value: env[name]! })),
    );
  }
  if (app.ports && app.ports.length > 0) {
    container.ports = app.ports.map((p) => {
      const port: k8s.types.input.core.v1.ContainerPort = { containerPort: p.containerPort, protocol: p.protocol ?? "TCP" };
      if (p.name !== undefined) port.name = p.name;
      return port;
    });
  }
  return {
    metadata: { name: app.name, namespace, labels },
    spec: {
      replicas: app.replicas ?? 1,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [container] } },
    },
  };
}

/** The Service's arguments, or undefined when the app publishes no port. */
export function appServiceArgs(app: KubernetesAppArgs, namespace: string): k8s.core.v1.ServiceArgs | undefined {
  if (!app.ports || app.ports.length === 0) return undefined;
  const labels = { "app.kubernetes.io/name": app.name };
  return {
    metadata: { name: app.name, namespace, labels },
    spec: {
      type: app.serviceType ?? "ClusterIP",
      selector: labels,
      ports: app.ports.map((p) => {
        const port: k8s.types.input.core.v1.ServicePort = {
          port: p.servicePort ?? p.containerPort,
          targetPort: p.containerPort,
          protocol: p.protocol ?? "TCP",
        };
        if (p.name !== undefined) port.name = p.name;
        return port;
      }),
    },
  };
}
