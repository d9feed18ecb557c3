import type { Diagnostic } from "../yaml";
import { sortDiagnostics } from "../yaml";
import { type Plan, makePlan } from "./emit/plan";
import { checkInputs } from "./model/inputs";
import { buildModel } from "./model/build";
import { DEFAULT_MAX_INSTANCES } from "./model/instances";
import type { BlueprintModel } from "./model/types";
import { type LoadOptions, loadFiles } from "./parse/load";
import { mergeFiles } from "./parse/merge";

/** Options for {@link compileBlueprint}. */
export interface CompileOptions extends LoadOptions {
  /** Deployment input values. @default {} */
  inputs?: Record<string, unknown>;
  /** The most node instances the blueprint may expand to. @default 10000 */
  maxInstances?: number;
}

/** The result of importing a blueprint: a plan, or every problem found (positioned, sorted). */
export interface CompileResult {
  /** The problems; when any, there is no plan. */
  diagnostics: Diagnostic[];
  model?: BlueprintModel;
  plan?: Plan;
}

/**
 * Imports a blueprint without creating anything: load and merge its files, check the model and inputs, evaluate
 * the functions and map the types. Pure (no Pulumi), never throws for bad input: problems come back all at once.
 */
export function compileBlueprint(file: string, options: CompileOptions = {}): CompileResult {
  const { docs, diagnostics, reader, imports, notes } = loadFiles(file, options);
  const merged = mergeFiles(docs, diagnostics);
  if (!merged) return { diagnostics: sortDiagnostics(diagnostics.list) };
  const model = buildModel(merged, docs, diagnostics, imports, notes);
  const inputs = options.inputs ?? {};
  checkInputs(model, inputs, diagnostics);
  if (!diagnostics.empty) return { diagnostics: sortDiagnostics(diagnostics.list), model };
  const plan = makePlan(model, inputs, diagnostics, reader, { maxInstances: options.maxInstances ?? DEFAULT_MAX_INSTANCES });
  if (!diagnostics.empty) return { diagnostics: sortDiagnostics(diagnostics.list), model };
  return { diagnostics: [], model, plan };
}
