#!/usr/bin/env node
// Assembles README.md from docs/: the intro, each area's section, and the development notes, in a fixed order.
//   node scripts/readme.mjs          rewrite README.md
//   node scripts/readme.mjs --check  exit 1 when README.md is not what the parts make
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PARTS = [
  "_intro.md",
  "docker.md",
  "docker-params.md",
  "clusters.md",
  "workloads.md",
  "blueprint.md",
  "preview.md",
  "testing.md",
  "bench.md",
  "_development.md",
];

/** The README text the parts make. */
export function renderReadme() {
  const parts = PARTS.map((p) => readFileSync(join(root, "docs", p), "utf8").trim());
  return `${parts.join("\n\n")}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = renderReadme();
  const path = join(root, "README.md");
  if (process.argv.includes("--check")) {
    if (readFileSync(path, "utf8") !== text) {
      console.error("README.md is out of date: run `node scripts/readme.mjs`");
      process.exit(1);
    }
  } else {
    writeFileSync(path, text);
  }
}
