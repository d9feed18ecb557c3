/**
 * Which operations are scripts Berth runs, and what a script needs with it: the script path an operation names (its
 * implementation, `script_path` of the script plugin, fabric's `run_script`), the commands of fabric's
 * `run_commands`, the blueprint files a script downloads through `ctx`, and the `ctx` uses Berth's shim cannot serve.
 */
import type { Operation } from "../model/types";

/** An implementation that is a path to a blueprint file rather than `plugin.module.function`. */
const SCRIPT_PATH = /\.(sh|bash|py|ps1|bat|cmd|pl|rb)$|\//i;

/** The script plugin's and fabric's task names that run a script or commands. */
const SCRIPT_TASKS = new Set(["script.script_runner.tasks.run", "fabric.fabric_plugin.tasks.run_script"]);
const COMMAND_TASKS = new Set(["fabric.fabric_plugin.tasks.run_commands"]);

/** How an operation runs, as Berth sees it. */
export type OperationKind =
  | { kind: "none" }
  | { kind: "script"; path: string | undefined; fabric: boolean }
  | { kind: "commands"; fabric: true }
  | { kind: "plugin"; plugin: string };

/** Classifies an operation by its implementation (`scriptPath` is the evaluated `script_path` input, if any). */
export function operationKind(op: Operation | undefined, scriptPath: () => unknown): OperationKind {
  if (!op || op.implementation === "") return NONE;
  const impl = op.implementation;
  if (SCRIPT_TASKS.has(impl)) {
    const p = scriptPath();
    return { kind: "script", path: typeof p === "string" ? p : undefined, fabric: impl.startsWith("fabric.") };
  }
  // Anything else depends on the implementation alone (and many nodes share a type's operations).
  let kind = byImplementation.get(impl);
  if (!kind) {
    if (COMMAND_TASKS.has(impl)) kind = { kind: "commands", fabric: true };
    else if (SCRIPT_PATH.test(impl)) kind = { kind: "script", path: impl, fabric: false };
    else kind = { kind: "plugin", plugin: impl.split(".")[0] ?? impl };
    if (byImplementation.size < 10_000) byImplementation.set(impl, Object.freeze(kind));
  }
  return kind;
}

const NONE: OperationKind = Object.freeze({ kind: "none" });
const byImplementation = new Map<string, OperationKind>();

/** The blueprint files a script names literally in `ctx download-resource ...` or `ctx.download_resource(...)` calls. */
export function resourcesNamedBy(script: string): { literal: string[]; computed: boolean } {
  const literal = new Set<string>();
  let computed = false;
  const shell = /ctx\s+(?:-j\s+)?(?:download[-_]resource(?:[-_]and[-_]render)?|get[-_]resource(?:[-_]and[-_]render)?)\s+(?:(["'])([^"'\n]+)\1|([^\s"'`$;|&)]+))?/g;
  for (const m of script.matchAll(shell)) {
    const p = m[2] ?? m[3];
    if (p && !p.startsWith("$")) literal.add(p);
    else computed = true;
  }
  const py = /\b(?:download_resource(?:_and_render)?|get_resource(?:_and_render)?)\s*\(\s*(?:resource_path\s*=\s*)?(?:(["'])([^"'\n]+)\1)?/g;
  for (const m of script.matchAll(py)) {
    if (m[2]) literal.add(m[2]);
    else computed = true;
  }
  return { literal: [...literal], computed };
}

/** `ctx` uses the shim cannot serve, found in a script's text, each with what happens instead. */
const UNSERVED: readonly [RegExp, string][] = [
  [/\bget_rest_client\b|cloudify\.manager\b|cloudify_rest_client\b/, "calls the Cloudify manager's REST API, which does not exist outside Cloudify: those calls fail"],
  [/\bctx\.operation\.retry\b|\bretry_operation\b|\bOperationRetry\b|\bRecoverableError\b/, "asks Cloudify to retry the operation; the command fails instead (run `pulumi up` again)"],
  [/\bctx\.target\.instance\.runtime_properties\s*\[[^\]]+\]\s*=|\bctx\s+target\s+instance\s+runtime[-_]properties\s+\S+\s+\S/, "writes runtime properties of the relationship's target; only the source's come back to the program"],
  [/\bctx\.(?:workflow|execute_workflow|graph_mode)\b|\bctx\.nodes\b|\bctx\.node_instances\b/, "drives a workflow through ctx, which a Pulumi program has no equivalent of"],
  [/\bctx\.(?:agent|provider_context|bootstrap_context)\b/, "reads the Cloudify agent's or manager's context, which does not exist outside Cloudify"],
];

/** What a script does that the shim cannot serve (for the report). */
export function unservedCtx(script: string): string[] {
  return UNSERVED.filter(([re]) => re.test(script)).map(([, why]) => why);
}

/** The interpreter line of a script, when it has one (`#!/bin/bash`). */
export function shebang(script: string): string | undefined {
  const m = /^#!\s*(\S+)/.exec(script);
  return m ? m[1] : undefined;
}
