import type * as pulumi from "@pulumi/pulumi";
import { parseImageRef } from "../core/image-ref";

/** The container images a Mesos cluster runs its software from (upstream package repositories are gone). */
export interface MesosImagesArgs {
  /** The official ZooKeeper image (3.5 or later: `ZOO_MY_ID`/`ZOO_SERVERS`). @default "zookeeper:3.8.4" */
  zookeeper?: pulumi.Input<string>;
  /** The Mesos master image (configured by `MESOS_*` variables). @default "mesosphere/mesos-master:1.7.1" */
  master?: pulumi.Input<string>;
  /** The Mesos agent image (configured by `MESOS_*` variables). @default "mesosphere/mesos-slave:1.7.1" */
  agent?: pulumi.Input<string>;
  /** The Marathon image (flags after the image). @default "mesosphere/marathon:v1.8.244" */
  marathon?: pulumi.Input<string>;
}

/** The images resolved, one per piece of software. */
export interface MesosImages {
  zookeeper: string;
  master: string;
  agent: string;
  marathon: string;
}

/**
 * The default images: ZooKeeper's official image, and the last Mesos (1.7.1) and Marathon (1.8.244) images
 * Mesosphere published, all pinned by tag.
 */
export const DEFAULT_MESOS_IMAGES: Readonly<MesosImages> = {
  zookeeper: "zookeeper:3.8.4",
  master: "mesosphere/mesos-master:1.7.1",
  agent: "mesosphere/mesos-slave:1.7.1",
  marathon: "mesosphere/marathon:v1.8.244",
};

/**
 * What is wrong with an image reference, or undefined when it is pinned: a reference must name a tag (or a digest)
 * other than `latest`, so that a replaced machine runs the same software as the others.
 */
export function imagePinProblem(reference: string): string | undefined {
  if (reference.trim() === "") return "is empty: name an image with a tag, e.g. zookeeper:3.8.4.";
  const ref = parseImageRef(reference);
  if (ref.digest?.startsWith("sha256:")) return undefined;
  if (ref.tag === undefined) return `"${reference}" has no tag, so it means latest: pin a version (e.g. ${reference}:<version>) so replaced machines run the same software.`;
  if (ref.tag === "latest") return `"${reference}" is not pinned: use a version tag instead of latest so replaced machines run the same software.`;
  return undefined;
}
