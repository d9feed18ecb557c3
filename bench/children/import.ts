/**
 * Bench child for row 1: times one side of the importer comparison on generated blueprints, in a fresh process.
 * `berth`: `berth import` without its disk writes (compileBlueprint with the text in memory, then writeProject);
 * `yaml`: js-yaml `load` of the same text. Sizes run smallest first, so the peak memory read after a size's runs is
 * that size's peak. A garbage collection (untimed) precedes every run.
 *
 * usage: node --expose-gc --import tsx bench/children/import.ts '{"side":"berth","cases":[{"nodes":200,"file":"...","warmup":2,"runs":7}]}'
 */
import { readFileSync } from "node:fs";
import { failChild, reportResult } from "../child";
import { peakRssMiB, timeRuns } from "../measure";

/** One size to time. */
export interface ImportCase {
  nodes: number;
  file: string;
  warmup: number;
  runs: number;
}

/** The child's job. */
export interface ImportJob {
  side: "berth" | "yaml";
  /** Load the importer from dist/ (built) rather than src/. */
  dist: boolean;
  cases: ImportCase[];
}

/** What the child reports per size. */
export interface ImportCaseResult {
  nodes: number;
  times: number[];
  peakMiB: number;
}

/** What the child reports. */
export interface ImportChildResult {
  /** Peak memory after loading the modules, before any run. */
  loadedMiB: number;
  cases: ImportCaseResult[];
}

const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? "") as ImportJob;
  let importOnce: (file: string, text: string) => number;
  if (job.side === "berth") {
    // The compiled importer when the row found dist/ built (what users run), else the sources through tsx.
    const base = job.dist ? "../../dist/blueprint" : "../../src/blueprint";
    const { compileBlueprint } = require(`${base}/compile`) as typeof import("../../src/blueprint/compile.js");
    const { writeProject } = require(`${base}/emit/code`) as typeof import("../../src/blueprint/emit/code.js");
    importOnce = (file, text) => {
      // The largest case has 20,000 nodes, over the default instance limit (10,000): the limit is raised, as
      // `--max-instances` would, so the row measures the importer rather than its guard.
      const result = compileBlueprint(file, { readFile: (f) => (f === file ? text : undefined), maxInstances: 1_000_000 });
      if (!result.plan) throw new Error(`the generated blueprint did not import: ${result.diagnostics.slice(0, 5).map((d) => `${d.line}:${d.col} ${d.message}`).join("; ")}`);
      const files = writeProject(result.plan, { name: "bench", stack: "dev" });
      if (!files["index.ts"]) throw new Error("writeProject returned no index.ts");
      return result.plan.report.length;
    };
  } else {
    const { load } = await import("js-yaml");
    importOnce = (_file, text) => {
      const doc = load(text) as { node_templates?: Record<string, unknown> };
      return Object.keys(doc.node_templates ?? {}).length;
    };
  }
  const loadedMiB = peakRssMiB();
  const cases: ImportCaseResult[] = [];
  for (const c of job.cases) {
    const text = readFileSync(c.file, "utf8");
    const checked = () => {
      const seen = importOnce(c.file, text);
      if (seen !== c.nodes) throw new Error(`${job.side}: expected ${c.nodes} node templates, the import saw ${seen}`);
    };
    const times = await timeRuns(checked, { warmup: c.warmup, runs: c.runs }, gc);
    cases.push({ nodes: c.nodes, times, peakMiB: peakRssMiB() });
  }
  reportResult({ loadedMiB, cases } satisfies ImportChildResult);
}

main().catch(failChild);
