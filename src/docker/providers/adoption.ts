/**
 * The adoption provider's implementation (`useExternalResource`): finds the existing container with exactly this
 * name. It never creates, stops or deletes anything. Loaded at run time through `berth/dynamic`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ContainerAdoptionInputs, ContainerAdoptionState } from "../adoption";
import { anyUnknown, connect, hostKey } from "./common";

async function lookUp(inputs: ContainerAdoptionInputs): Promise<ContainerAdoptionState> {
  const engine = connect(inputs.host);
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

/** Create and read look the container up by exact name; delete does nothing. */
export const containerAdoptionImpl = {
  async create(inputs: ContainerAdoptionInputs): Promise<{ id: string; outs: ContainerAdoptionState }> {
    const outs = await lookUp(inputs);
    return { id: outs.containerId, outs };
  },

  async read(id: string, props: ContainerAdoptionState): Promise<{ id?: string; props?: ContainerAdoptionState }> {
    const facts = await connect(props.host).inspect(id);
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
