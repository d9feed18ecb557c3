import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseYaml } from "../../yaml";
import { Diagnostics, type Site, type SourceDoc, isMap, sub } from "../model/site";
import { catalogueEntry } from "../types/catalogue";

/** How imports are found. */
export interface LoadOptions {
  /**
   * Import URL (or path as written) → local file, for imports the catalogue does not know (`--import-map URL=PATH`).
   * @default {}
   */
  importMap?: Record<string, string>;
  /**
   * Reads a file; returns undefined when it does not exist. Tests pass an in-memory reader.
   * @default reads from disk as UTF-8
   */
  readFile?: (file: string) => string | undefined;
}

/** Every file a blueprint consists of, main file first, and the problems met while loading them. */
export interface LoadedFiles {
  docs: SourceDoc[];
  diagnostics: Diagnostics;
}

/** Reads a file from disk, or undefined when it cannot be read. */
export function readFromDisk(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The hint printed with an unresolvable import. */
export function importMapHint(url: string): string {
  return `pass --import-map ${url}=PATH (or importMap in code) with a local copy of that file`;
}

/**
 * Loads a blueprint and, depth first, every file it imports: relative paths from the importing file's folder,
 * well-known URLs from the offline catalogue, anything else through the import map. Each file is loaded once.
 */
export function loadFiles(mainFile: string, options: LoadOptions = {}): LoadedFiles {
  const read = options.readFile ?? readFromDisk;
  const importMap = options.importMap ?? {};
  const diagnostics = new Diagnostics();
  const docs: SourceDoc[] = [];
  const seen = new Set<string>();

  const loadPath = (file: string, from: Site | undefined): void => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    const text = read(file);
    if (text === undefined) {
      if (from) diagnostics.at(from, `cannot read the imported file ${file}; check the path (relative to the importing file)`);
      else diagnostics.list.push({ file, line: 1, col: 1, message: `cannot read the blueprint file ${file}` });
      return;
    }
    const parsed = parseYaml(text, file);
    diagnostics.addAll(parsed.problems);
    if (parsed.problems.length > 0) return;
    const doc: SourceDoc = { file, value: parsed.value ?? {}, parsed, dir: path.dirname(file) };
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
        loadPath(path.resolve(mapped), at);
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
      loadPath(path.join(doc.dir ?? ".", entry), at);
    });
  };

  loadPath(mainFile, undefined);
  return { docs, diagnostics };
}
