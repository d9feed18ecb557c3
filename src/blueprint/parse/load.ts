import * as path from "node:path";
import { parseYaml } from "../../yaml";
import { Diagnostics, type Site, type SourceDoc, isMap, sub } from "../model/site";
import { catalogueEntry } from "../types/catalogue";
import { MAX_NESTING, tooDeep } from "./depth";
import { BlueprintReader, type ReaderOptions, isRefusal } from "./reader";

/** How imports are found and files are read. */
export interface LoadOptions extends ReaderOptions {
  /**
   * Import URL (or path as written) → local file, for imports the catalogue does not know (`--import-map URL=PATH`).
   * The files are named by the user, so they may be anywhere; they are read with the same type, size and UTF-8
   * checks as every other file.
   * @default {}
   */
  importMap?: Record<string, string>;
  /**
   * How many nodes YAML aliases may add to one file when expanded.
   * @default 100000
   */
  aliasBudget?: number;
}

/** Every file a blueprint consists of, main file first, and the problems met while loading them. */
export interface LoadedFiles {
  docs: SourceDoc[];
  diagnostics: Diagnostics;
  /** The reader the files were read with (scripts and resource files are read through it later). */
  reader: BlueprintReader;
}

/** The hint printed with an unresolvable import. */
export function importMapHint(url: string): string {
  return `pass --import-map ${url}=PATH (or importMap in code) with a local copy of that file`;
}

/**
 * Loads a blueprint and, depth first, every file it imports: relative paths from the importing file's folder (inside
 * the root folder only), well-known URLs from the offline catalogue, anything else through the import map. Each file
 * is loaded once.
 */
export function loadFiles(mainFile: string, options: LoadOptions = {}): LoadedFiles {
  const reader = new BlueprintReader(mainFile, options);
  const importMap = options.importMap ?? {};
  const diagnostics = new Diagnostics();
  const docs: SourceDoc[] = [];
  const seen = new Set<string>();

  const addText = (text: string, display: string, real: string): void => {
    if (seen.has(real)) return;
    seen.add(real);
    const parsed = parseYaml(text, display, options.aliasBudget === undefined ? {} : { aliasBudget: options.aliasBudget });
    diagnostics.addAll(parsed.problems);
    if (parsed.problems.length > 0) return;
    const doc: SourceDoc = { file: display, value: parsed.value ?? {}, parsed, dir: path.dirname(display) };
    const deep = tooDeep(doc.value);
    if (deep) {
      diagnostics.at({ doc, path: deep }, `this value is nested more than ${MAX_NESTING} levels deep; Berth reads blueprints nested up to ${MAX_NESTING} levels`);
      return;
    }
    if (!isMap(doc.value)) {
      diagnostics.at({ doc, path: [] }, "a blueprint file must be a YAML mapping (tosca_definitions_version, imports, node_templates, ...)");
      return;
    }
    docs.push(doc);
    followImports(doc);
  };

  const followImports = (doc: SourceDoc): void => {
    const value = doc.value as Record<string, unknown>;
    const imports = value["imports"];
    const site: Site = { doc, path: ["imports"] };
    if (imports === undefined || imports === null) return;
    if (!Array.isArray(imports)) {
      diagnostics.at(site, "imports must be a list of URLs or relative paths");
      return;
    }
    imports.forEach((entry, i) => {
      const at = sub(site, i);
      if (typeof entry !== "string" || entry.trim() === "") {
        diagnostics.at(at, "each import must be a URL or a relative path (a string)");
        return;
      }
      const mapped = importMap[entry];
      if (mapped !== undefined) {
        const r = reader.user(mapped);
        if (isRefusal(r)) diagnostics.at(at, `cannot read the file --import-map gives for ${entry}: ${r.message}`);
        else addText(r.text, r.display, r.real);
        return;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(entry)) {
        if (seen.has(entry)) return;
        const defs = catalogueEntry(entry);
        if (!defs) {
          diagnostics.at(at, `unknown import ${entry}: it is not in Berth's offline catalogue; ${importMapHint(entry)}`);
          return;
        }
        seen.add(entry);
        docs.push({ file: entry, value: defs });
        return;
      }
      const r = reader.relative(entry, doc.dir ?? ".");
      if (isRefusal(r)) diagnostics.at(at, `cannot read the imported file: ${r.message}`);
      else addText(r.text, r.display, r.real);
    });
  };

  const main = reader.main(mainFile);
  if (isRefusal(main)) diagnostics.list.push({ file: mainFile, line: 1, col: 1, message: `cannot read the blueprint: ${main.message}` });
  else addText(main.text, main.display, main.real);
  return { docs, diagnostics, reader };
}
