// Run in folder B as Pulumi's dynamic-provider host runs a serialized provider: a plain `node` process started in the
// project folder, the text loaded with require-from-string (what @pulumi/pulumi's host uses) so that `require` resolves
// from this folder's node_modules, then one method called. Prints the result as JSON.
//
// Usage: node run-serialized.js PROVIDER.js METHOD ARGS.json
"use strict";
const fs = require("node:fs");
const requireFromString = require("require-from-string");

const [file, method, argsFile] = process.argv.slice(2);
const provider = requireFromString(fs.readFileSync(file, "utf8")).handler();
const args = JSON.parse(fs.readFileSync(argsFile, "utf8"));
Promise.resolve(provider[method](...args)).then(
  (result) => process.stdout.write(JSON.stringify(result === undefined ? null : result)),
  (err) => {
    process.stderr.write(`${err && err.stack ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
