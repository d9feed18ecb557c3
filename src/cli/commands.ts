import type { CliCommand } from "./io";

/**
 * The command table. Each command lives in its own file and is loaded only when it runs, so `berth preview` does not
 * pay for the importer and the reverse.
 */
export const COMMANDS: Record<string, () => Promise<CliCommand>> = {};
