#!/usr/bin/env node
// The `berth` command. Uses the compiled library when it is built (dist/), and the TypeScript sources through tsx
// otherwise, so that `npx berth` works in a fresh checkout right after `npm ci`.
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const built = path.join(__dirname, "..", "dist", "cli", "main.js");
let cli;
if (fs.existsSync(built)) {
  cli = require(built);
} else {
  require("tsx/cjs");
  cli = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}
cli.runProcess(process.argv.slice(2));
