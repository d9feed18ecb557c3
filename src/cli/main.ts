import { berthPackage } from "../codegen/berth-spec";
import { COMMANDS } from "./commands";
import { visible } from "../core/terminal";
import { type CliIo, EXIT } from "./io";

/** Runs the `berth` command line with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], given: CliIo): Promise<number> {
  // Everything a command prints can quote a user's names and values: escape sequences in them are shown, not run.
  const io: CliIo = { ...given, out: (t) => given.out(visible(t)), err: (t) => given.err(visible(t)) };
  const [name, ...rest] = argv;
  const names = Object.keys(COMMANDS).sort();
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const lines = ["usage: berth COMMAND [ARGS]", "", "commands:"];
    for (const n of names) lines.push(`  ${n.padEnd(10)} ${(await COMMANDS[n]!()).summary}`);
    lines.push("", "berth COMMAND --help shows a command's options; berth --version prints the version.");
    io.out(`${lines.join("\n")}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    io.out(`berth ${berthPackage().version}\n`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`berth: unknown command "${name}"; the commands are: ${names.join(", ")}\n`);
    return EXIT.usage;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${command.usage}\n`);
    return EXIT.ok;
  }
  return command.run(rest, io);
}

/** The process-facing wrapper: real stdout/stderr, and an exit code instead of a stack trace for internal faults. */
export async function runProcess(argv: string[]): Promise<void> {
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  };
  try {
    process.exitCode = await main(argv, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.err(`berth: internal error: ${message}\nPlease report this with the command you ran.\n`);
    process.exitCode = 70;
  }
}
