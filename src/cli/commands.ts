import type { CliCommand } from "./io";

/**
 * The command table. Each command lives in its own file and is loaded only when it runs, so `berth preview` does not
 * pay for the importer and the reverse.
 */
export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  compose: async () => (require("./compose") as typeof import("./compose.js")).composeCommand,
  import: async () => (require("./import") as typeof import("./import.js")).importCommand,
  preview: async () => (require("./preview") as typeof import("./preview.js")).previewCommand,
};
