import type { Diagnostics } from "./site";
import type { BlueprintModel } from "./types";
import { PRIMITIVES } from "./value-types";

/**
 * Checks the given input values against the blueprint's inputs: unknown names are rejected, inputs without a
 * default must be given, given values must match the declared type and the `valid_values`/range/length constraints.
 * Problems are reported at the input's declaration, naming the input and the fix.
 */
export function checkInputs(model: BlueprintModel, given: Record<string, unknown>, d: Diagnostics): void {
  const known = [...model.inputs.keys()].sort().join(", ") || "none";
  const main = model.docs[0];
  for (const name of Object.keys(given)) {
    if (!model.inputs.has(name) && main) d.at({ doc: main, path: ["inputs"] }, `input "${name}" was given but the blueprint declares no such input (inputs: ${known})`, true);
  }
  for (const [name, def] of model.inputs) {
    const has = Object.hasOwn(given, name);
    // An input with no value becomes required stack config of the program (see the plan's config entries).
    if (!has) continue;
    const v = given[name];
    const check = def.type ? PRIMITIVES[def.type] : undefined;
    if (check && !check(v)) d.at(def.site, `input "${name}" must be a ${def.type}, got ${JSON.stringify(v)}`, true);
    const c = def.constraints?.value;
    if (!Array.isArray(c)) continue;
    for (const entry of c) {
      if (entry === null || typeof entry !== "object") continue;
      for (const [kind, arg] of Object.entries(entry as Record<string, unknown>)) {
        const fail = violates(kind, arg, v);
        if (fail) d.at(def.site, `input "${name}" = ${JSON.stringify(v)} breaks its constraint ${kind}: ${JSON.stringify(arg)}`, true);
      }
    }
  }
}

function violates(kind: string, arg: unknown, v: unknown): boolean {
  const n = typeof v === "number" ? v : undefined;
  const len = typeof v === "string" || Array.isArray(v) ? v.length : undefined;
  switch (kind) {
    case "equal":
      return JSON.stringify(v) !== JSON.stringify(arg);
    case "greater_than":
      return n !== undefined && typeof arg === "number" && !(n > arg);
    case "greater_or_equal":
      return n !== undefined && typeof arg === "number" && !(n >= arg);
    case "less_than":
      return n !== undefined && typeof arg === "number" && !(n < arg);
    case "less_or_equal":
      return n !== undefined && typeof arg === "number" && !(n <= arg);
    case "in_range":
      return n !== undefined && Array.isArray(arg) && (n < Number(arg[0]) || n > Number(arg[1]));
    case "valid_values":
      return Array.isArray(arg) && !arg.some((a) => JSON.stringify(a) === JSON.stringify(v));
    case "length":
      return len !== undefined && len !== arg;
    case "min_length":
      return len !== undefined && typeof arg === "number" && len < arg;
    case "max_length":
      return len !== undefined && typeof arg === "number" && len > arg;
    case "pattern":
      return typeof v === "string" && typeof arg === "string" && !new RegExp(`^(?:${arg})$`).test(v);
    default:
      return false;
  }
}
