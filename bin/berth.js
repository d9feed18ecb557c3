#!/usr/bin/env node
// The `berth` command. An installed package runs its compiled library (dist/). A development checkout (it has .git),
// or a package not built yet, runs the TypeScript sources through tsx, so the command never runs stale code and
// `npx berth` works in a fresh checkout right after `npm ci`.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const root = path.join(__dirname, "..");
const built = path.join(root, "dist", "cli", "main.js");
const fromSources = fs.existsSync(path.join(root, ".git")) || !fs.existsSync(built);
let cli;
if (fromSources) {
  require("tsx/cjs");
  cli = require(path.join(root, "src", "cli", "main.ts"));
} else {
  cli = require(built);
}
cli.runProcess(process.argv.slice(2));
