/**
 * Renders the command that runs one blueprint script as Cloudify's script plugin ran it: the script and the `ctx`
 * shim written to a fresh folder on the machine, the operation's inputs and `process.env` exported, the script run
 * with Python (`.py`) or executed (its shebang, else `/bin/sh`), then the runtime properties it left printed as a
 * marked block. Pure: the same spec gives the same text; {@link parseRuntimeProperties} reads the block back.
 */
import { RUNTIME_BEGIN, RUNTIME_END, SHIM_FILES } from "./ctx-shim";
import { shellQuote } from "../../core/shell-quote";

/** How a script is run. */
export type ScriptInterpreter = "python" | "exec";

/** Everything one script run needs (plain values: outputs are resolved before rendering). */
export interface ScriptSpec {
  /** The script's path as the blueprint names it (`scripts/install.py`). */
  path: string;
  /** The script's text. */
  text: string;
  interpreter: ScriptInterpreter;
  /** The context the shim serves (node, instance, inputs, source and target). */
  context: Record<string, unknown>;
  /** Blueprint files the script may download, by the path it names them with. @default {} */
  resources?: Record<string, string>;
  /**
   * Environment variables: `process.env` and, as the script plugin did, the operation inputs. They reach the script's
   * own process only (through `env`), never the runner's shell, so no name can change what the runner does.
   * @default {}
   */
  env?: Record<string, unknown>;
}

/** A shell single-quoted string (any text, `'` written as `'\''`). */
function quoted(text: string): string {
  return shellQuote(text, { always: true });
}

/**
 * A name the script's environment can hold: anything but an empty name, `=` or NUL (a process environment takes more
 * names than a shell variable can have, and Cloudify passed every input).
 */
function envNameUsable(name: string): boolean {
  return name !== "" && !name.includes("=") && !name.includes("\0");
}

function b64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

/** An environment value as the script plugin passed it: strings as they are, anything else as JSON. */
function envValue(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "";
  return JSON.stringify(v);
}

/** The shell command that runs the script with the shim. */
export function renderScript(spec: ScriptSpec): string {
  const base = spec.path.split("/").pop() || "script";
  const safeBase = /^[A-Za-z0-9_.-]+$/.test(base) ? base : "script";
  // Shell parameter expansions (`${TMPDIR:-/tmp}`), built so that no string looks like a template to a reader.
  const tmp = `$${"{"}TMPDIR:-/tmp}`;
  const pythonPath = `$${"{"}PYTHONPATH:+:$PYTHONPATH}`;
  // The runner's own names (berth_dir, berth_file, berth_status) live in its shell only; inputs are handed to the
  // script's process through `env`, after which the shim's three variables are set on top of them.
  const lines = [
    "set -e",
    "umask 077",
    `berth_dir="$(mktemp -d "${tmp}/berth-ctx.XXXXXX")"`,
    // The trap deletes only the folder this runner made (its name is fixed before any user value is in play).
    "trap 'rm -rf -- \"$berth_dir\"' EXIT",
    'mkdir -p "$berth_dir/cloudify" "$berth_dir/bin" "$berth_dir/script" "$berth_dir/work" "$berth_dir/downloads"',
    "berth_file() { printf '%s' \"$2\" | base64 -d > \"$berth_dir/$1\"; }",
  ];
  for (const [rel, text] of Object.entries(SHIM_FILES)) lines.push(`berth_file ${quoted(rel)} ${quoted(b64(text))}`);
  const context = { ...spec.context, resources: Object.fromEntries(Object.entries(spec.resources ?? {}).map(([p, t]) => [p, b64(t)])) };
  lines.push(`berth_file ctx.json ${quoted(b64(JSON.stringify(context)))}`);
  lines.push(`berth_file ${quoted(`script/${safeBase}`)} ${quoted(b64(spec.text))}`);
  lines.push(`chmod 700 "$berth_dir/bin/ctx" "$berth_dir/script/${safeBase}"`);
  const env = Object.entries(spec.env ?? {}).filter(([k]) => envNameUsable(k));
  const given = new Map(env.map(([k, v]) => [k, envValue(v)]));
  const assignments = env.map(([k, v]) => quoted(`${k}=${envValue(v)}`));
  // The shim is found first on PATH and PYTHONPATH, whatever the inputs set them to.
  const pathRest = given.has("PATH") ? `:${quoted(given.get("PATH")!)}` : ':"$PATH"';
  const pythonVar = given.has("PYTHONPATH") ? `"PYTHONPATH=$berth_dir":${quoted(given.get("PYTHONPATH")!)}` : `"PYTHONPATH=$berth_dir${pythonPath}"`;
  assignments.push('"BERTH_CTX_DIR=$berth_dir"', `"PATH=$berth_dir/bin"${pathRest}`, pythonVar);
  lines.push('cd "$berth_dir/work"', "set +e");
  const script = `"$berth_dir/script/${safeBase}"`;
  const run = spec.interpreter === "python" ? `python3 "$berth_dir/cloudify/_run.py" ${script}` : script;
  lines.push(`env ${assignments.join(" ")} ${run}`);
  lines.push("berth_status=$?", "set -e");
  lines.push(
    `BERTH_CTX_DIR="$berth_dir" python3 -I "$berth_dir/cloudify/_cli.py" --berth-dump 2>/dev/null || printf '\\n%s\\n%s\\n%s\\n' ${quoted(RUNTIME_BEGIN)} e30= ${quoted(RUNTIME_END)}`,
  );
  lines.push('exit "$berth_status"');
  return `${lines.join("\n")}\n`;
}

/** The runtime properties in a script's output: the last marked block's JSON, or `{}` when there is none. */
export function parseRuntimeProperties(stdout: string | undefined | null): Record<string, unknown> {
  if (typeof stdout !== "string") return {};
  const end = stdout.lastIndexOf(RUNTIME_END);
  if (end < 0) return {};
  const begin = stdout.lastIndexOf(RUNTIME_BEGIN, end);
  if (begin < 0) return {};
  const body = stdout.slice(begin + RUNTIME_BEGIN.length, end).trim();
  try {
    const v: unknown = JSON.parse(Buffer.from(body, "base64").toString("utf8"));
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The interpreter Cloudify's script plugin would use for a script path: Python for `.py`, else the file itself. */
export function interpreterFor(path: string): ScriptInterpreter {
  return /\.py$/i.test(path) ? "python" : "exec";
}
