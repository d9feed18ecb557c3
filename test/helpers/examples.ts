import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";

/** The repository's examples folder. */
export const EXAMPLES = path.join(__dirname, "..", "..", "examples");

/** What an example expects (`examples/<name>/expected-resources.json`): its config and the resources it registers. */
export interface ExampleExpectation {
  config?: Record<string, string>;
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

/** `pulumi config set [--secret] KEY VALUE` at the start of a README line (the commands a user is told to run). */
export function readmeConfig(readme: string): Record<string, string> {
  const config: Record<string, string> = {};
  for (const m of readme.matchAll(/^pulumi config set (?:--secret )?(\S+) (\S+)/gm)) config[m[1]!] = m[2]!;
  return config;
}

/** The config an example runs with: its expectation's, else what its README tells users to set. */
export function exampleConfig(name: string, expectation: ExampleExpectation | undefined): Record<string, string> {
  if (expectation?.config) return expectation.config;
  const readme = path.join(EXAMPLES, name, "README.md");
  return existsSync(readme) ? readmeConfig(readFileSync(readme, "utf8")) : {};
}
