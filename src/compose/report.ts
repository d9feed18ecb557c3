import * as pulumi from "@pulumi/pulumi";
import type { Problems } from "../core/problems";
import type { ComposeDiagnostic } from "./load";

/**
 * Logs each warning (`pulumi.log.warn`) and info line (`pulumi.log.info`) against the component and throws an `ArgsError` listing every error, before
 * any child exists.
 */
export function reportDiagnostics(
  component: pulumi.Resource,
  type: string,
  name: string,
  diagnostics: readonly ComposeDiagnostic[],
  problems: Problems,
): void {
  for (const d of diagnostics) {
    if (d.severity === "warning") void pulumi.log.warn(`${d.where}: ${d.message}`, component);
    else if (d.severity === "info") void pulumi.log.info(`${d.where}: ${d.message}`, component);
    else problems.add(d.where, d.message);
  }
  problems.throwIfAny(component, type, name);
}
