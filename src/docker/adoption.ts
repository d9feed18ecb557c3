/**
 * The adoption dynamic resource (`useExternalResource`): finds the existing container with exactly this name and
 * reports it. It never creates, stops or deletes anything: its delete is a no-op (and the component also sets
 * `retainOnDelete`). A thin wrapper over engine.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PublishedPort } from "./engine";
import type { EngineHost } from "./engine-host";
import { ENGINE_MODULE, TSX_HOOK, anyUnknown, connectEngine, hostKey } from "./engine-loader";

const engineModule = ENGINE_MODULE;
const tsxHook = TSX_HOOK;

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

async function lookUp(inputs: ContainerAdoptionInputs): Promise<ContainerAdoptionState> {
  const engine = connectEngine(inputs.host, engineModule, tsxHook);
  const facts = await engine.findContainer(inputs.name);
  if (!facts) {
    throw new Error(
      `useExternalResource: no container named exactly "${inputs.name}" exists on ${engine.address.url}; ` +
        "create it first, or unset useExternalResource to let Berth create it",
    );
  }
  return {
    ...inputs,
    containerId: facts.id,
    containerName: facts.name,
    imageId: facts.imageId,
    ipAddress: facts.ipAddress,
    ports: facts.ports,
    networkSettings: facts.networkSettings,
    running: facts.running,
  };
}

/** The dynamic provider: create and read look the container up by exact name; delete does nothing. */
export const containerAdoptionProvider = {
  async create(inputs: ContainerAdoptionInputs): Promise<{ id: string; outs: ContainerAdoptionState }> {
    const outs = await lookUp(inputs);
    return { id: outs.containerId, outs };
  },

  async read(id: string, props: ContainerAdoptionState): Promise<{ id?: string; props?: ContainerAdoptionState }> {
    const engine = connectEngine(props.host, engineModule, tsxHook);
    const facts = await engine.inspect(id);
    if (!facts) return {};
    return {
      id,
      props: { ...props, imageId: facts.imageId, ipAddress: facts.ipAddress, ports: facts.ports, networkSettings: facts.networkSettings, running: facts.running },
    };
  },

  async diff(_id: string, olds: ContainerAdoptionState, news: ContainerAdoptionInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces: string[] = [];
    if (olds.name !== news.name || anyUnknown(news.name)) replaces.push("name");
    if (hostKey(olds.host) !== hostKey(news.host)) replaces.push("host");
    return { changes: replaces.length > 0, replaces };
  },

  async delete(): Promise<void> {
    // Adopted containers belong to someone else: never stop or remove them.
  },
};

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
