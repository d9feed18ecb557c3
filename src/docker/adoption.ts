/**
 * The adoption dynamic resource (`useExternalResource`): finds the existing container with exactly this name and
 * reports it. It never creates, stops or deletes anything: its delete is a no-op (and the component also sets
 * `retainOnDelete`).
 */
import * as pulumi from "@pulumi/pulumi";
import { dynamicProvider } from "./dynamic-shim";
import type { EngineHost } from "./engine-host";
import type { PublishedPort } from "./engine-types";

/** The adoption's inputs, resolved. */
export interface ContainerAdoptionInputs {
  /** The engine. @default the local engine */
  host?: EngineHost;
  /** The exact name of the container to adopt. */
  name: string;
}

/** What was found. */
export interface ContainerAdoptionState extends ContainerAdoptionInputs {
  containerId: string;
  containerName: string;
  imageId: string;
  ipAddress: string;
  ports: PublishedPort[];
  networkSettings: Record<string, unknown>;
  running: boolean;
}

/**
 * The dynamic provider, as Pulumi serializes it: create and read look the container up by exact name; delete does
 * nothing. Its methods run `berth/dynamic` by name (providers/adoption.ts).
 */
export const containerAdoptionProvider = dynamicProvider("container-adoption");

/** The arguments of a {@link ContainerAdoption}. */
export interface ContainerAdoptionArgs {
  /** The engine. @default the local engine */
  host?: pulumi.Input<EngineHost>;
  /** The exact name of the container to adopt. */
  name: pulumi.Input<string>;
}

/** An existing container, adopted by exact name (type `pulumi-nodejs:dynamic/berth:ContainerAdoption`). */
export class ContainerAdoption extends pulumi.dynamic.Resource {
  public declare readonly containerId: pulumi.Output<string>;
  public declare readonly containerName: pulumi.Output<string>;
  public declare readonly imageId: pulumi.Output<string>;
  public declare readonly ipAddress: pulumi.Output<string>;
  public declare readonly ports: pulumi.Output<PublishedPort[]>;
  public declare readonly networkSettings: pulumi.Output<Record<string, unknown>>;
  public declare readonly running: pulumi.Output<boolean>;

  constructor(name: string, args: ContainerAdoptionArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      containerAdoptionProvider,
      name,
      {
        host: args.host,
        name: args.name,
        containerId: undefined,
        containerName: undefined,
        imageId: undefined,
        ipAddress: undefined,
        ports: undefined,
        networkSettings: undefined,
        running: undefined,
      },
      opts,
      "berth",
      "ContainerAdoption",
    );
  }
}
