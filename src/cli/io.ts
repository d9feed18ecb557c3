/** Where a CLI command writes; the commands never touch `process` directly, so tests can capture everything. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error (progress, diagnostics). */
  err(text: string): void;
  /** The working directory relative paths are read from. */
  cwd: string;
  /** Environment variables (for `${VAR}` interpolation and the like). */
  env: Record<string, string | undefined>;
}

/** A CLI command: parses its own arguments and returns the process exit code. */
export interface CliCommand {
  /** One line for `berth --help`. */
  summary: string;
  /** The full usage text for `berth COMMAND --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** Bad input or a failure the user can fix. */
  error: 2,
  /** Finished, but something could not be converted (`berth import`). */
  partial: 3,
  /** Wrong command-line usage. */
  usage: 64,
} as const;
