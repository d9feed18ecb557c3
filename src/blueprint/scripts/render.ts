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
  /** Environment variables: `process.env` and, as the script plugin did, the operation inputs. @default {} */
  env?: Record<string, unknown>;
}

/** A shell single-quoted string (any text, `'` written as `'\''`). */
function quoted(text: string): string {
  return shellQuote(text, { always: true });
}

/** The name an environment variable may have. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

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
  const lines = [
    "set -e",
    "umask 077",
    `D="$(mktemp -d "${tmp}/berth-ctx.XXXXXX")"`,
    "trap 'rm -rf \"$D\"' EXIT",
    'mkdir -p "$D/cloudify" "$D/bin" "$D/script" "$D/work" "$D/downloads"',
    "berth_file() { printf '%s' \"$2\" | base64 -d > \"$D/$1\"; }",
  ];
  for (const [rel, text] of Object.entries(SHIM_FILES)) lines.push(`berth_file ${quoted(rel)} ${quoted(b64(text))}`);
  const context = { ...spec.context, resources: Object.fromEntries(Object.entries(spec.resources ?? {}).map(([p, t]) => [p, b64(t)])) };
  lines.push(`berth_file ctx.json ${quoted(b64(JSON.stringify(context)))}`);
  lines.push(`berth_file ${quoted(`script/${safeBase}`)} ${quoted(b64(spec.text))}`);
  lines.push(`chmod 700 "$D/bin/ctx" "$D/script/${safeBase}"`);
  lines.push(`export BERTH_CTX_DIR="$D" PATH="$D/bin:$PATH" PYTHONPATH="$D${pythonPath}"`);
  for (const [k, v] of Object.entries(spec.env ?? {})) if (ENV_NAME.test(k)) lines.push(`export ${k}=${quoted(envValue(v))}`);
  lines.push('cd "$D/work"', "set +e");
  const script = `"$D/script/${safeBase}"`;
  lines.push(spec.interpreter === "python" ? `python3 "$D/cloudify/_run.py" ${script}` : script);
  lines.push("berth_status=$?", "set -e");
  lines.push(`python3 "$D/cloudify/_cli.py" --berth-dump 2>/dev/null || printf '\\n%s\\n%s\\n%s\\n' ${quoted(RUNTIME_BEGIN)} e30= ${quoted(RUNTIME_END)}`);
  lines.push("exit $berth_status");
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
