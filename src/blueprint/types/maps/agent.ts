/** What a VM's Cloudify agent settings mean in the program. */
import type { MapContext } from "../target";

/**
 * Notes what becomes of `agent_config` on a VM: no Cloudify agent is installed; its user and key are what the
 * commands of software on this host connect with (read from config when the program runs).
 */
export function agentNote(ctx: MapContext): void {
  const agent = ctx.known("agent_config");
  if (agent === null || agent === undefined || typeof agent !== "object" || Object.keys(agent).length === 0) return;
  ctx.note("agent_config: no Cloudify agent is installed; its user and key are what commands on this host connect with (the agent_user and agent_key_private config override them)");
}
