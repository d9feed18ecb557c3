// Berth's public surface, one report per package entry point (api/<entry>.api.md), made by @microsoft/api-extractor
// from the built declarations in dist/. `node scripts/api-report.mjs` writes the reports; `--check` (run by
// scripts/test.sh) fails when the surface differs from the reports checked in, so every change to it is seen in review.
import * as fs from "node:fs";
import * as path from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const root = path.resolve(import.meta.dirname, "..");
const check = process.argv.includes("--check");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === "object" && target.types)
  .map(([subpath, target]) => ({ name: subpath === "." ? "berth" : `berth-${subpath.slice(2)}`, types: target.types }));
const reportFolder = path.join(root, "api");
const tempFolder = fs.mkdtempSync(path.join(root, ".tmp-api-"));
let failed = 0;
try {
  for (const entry of entries) {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: root,
        mainEntryPointFilePath: path.join(root, entry.types),
        compiler: { tsconfigFilePath: path.join(root, "tsconfig.build.json") },
        apiReport: { enabled: true, reportFileName: `${entry.name}.api.md`, reportFolder, reportTempFolder: tempFolder },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: "warning" } },
          extractorMessageReporting: {
            default: { logLevel: "none" },
            "ae-forgotten-export": { logLevel: "none", addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: "none" } },
        },
      },
      configObjectFullPath: path.join(root, "api", "api-extractor.json"),
      packageJsonFullPath: path.join(root, "package.json"),
    });
    const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false, messageCallback: (m) => {
      if (m.logLevel === "warning" || m.logLevel === "error") {
        process.stderr.write(`${m.sourceFilePath ? `${path.relative(root, m.sourceFilePath)}:${m.sourceFileLine}:${m.sourceFileColumn}: ` : ""}${m.text}\n`);
      }
      m.handled = true;
    } });
    if (check && result.apiReportChanged) {
      failed++;
      process.stderr.write(`api/${entry.name}.api.md: the public surface of "${entry.types}" changed; run \`node scripts/api-report.mjs\` and commit the report\n`);
    } else if (!result.succeeded) {
      failed++;
      process.stderr.write(`api/${entry.name}.api.md: api-extractor failed (${result.errorCount} errors)\n`);
    }
  }
} finally {
  fs.rmSync(tempFolder, { recursive: true, force: true });
}
if (failed > 0) process.exit(1);
process.stdout.write(`${check ? "checked" : "wrote"} ${entries.length} API reports in api/\n`);
