import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";

/** The repository's examples folder. */
export const EXAMPLES = path.join(__dirname, "..", "..", "examples");

/** What an example expects (`examples/<name>/expected-resources.json`): the resources it registers. */
export interface ExampleExpectation {
  /** `type name` of every resource but the stack. */
  resources: string[];
}

/** The examples (folders of examples/ with a Pulumi.yaml), sorted. */
export function listExamples(): string[] {
  if (!existsSync(EXAMPLES)) return [];
  return readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(EXAMPLES, d.name, "Pulumi.yaml")))
    .map((d) => d.name)
    .sort();
}

/** An example's expected-resources.json, or undefined when it has none. */
export function readExpectation(name: string): ExampleExpectation | undefined {
  const file = path.join(EXAMPLES, name, "expected-resources.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ExampleExpectation) : undefined;
}

/**
 * The config an example runs with: its sample stack file `Pulumi.dev.yaml` (namespaced keys, as Pulumi reads them),
 * so a user previews and tests it with no flags. Empty when it has none.
 */
export function exampleConfig(name: string): Record<string, string> {
  const file = path.join(EXAMPLES, name, "Pulumi.dev.yaml");
  if (!existsSync(file)) return {};
  const doc = load(readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | undefined;
  return Object.fromEntries(Object.entries(doc?.config ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}
