import { readdirSync } from "node:fs";
import * as path from "node:path";
import { parseYaml } from "../../yaml";
import { Diagnostics, type Site, type SourceDoc, isMap, sub } from "../model/site";
import { BUILTIN_TYPES, CORE, type CatalogueHit, lookupImport } from "../types/catalogue";
import { comparePluginVersions, parseVersionConstraint, satisfiesVersion } from "../../core/plugin-version";
import { BlueprintReader, type ReadFile, type ReaderOptions, isRefusal } from "./reader";

/** How imports are found and files are read. */
export interface LoadOptions extends ReaderOptions {
  /**
   * Import (as written, or without its `NS--` namespace) → local file, for imports the catalogue does not know
   * (`--import-map URL=PATH`). The files are named by the user, so they may be anywhere; they are read with the same
   * type, size and UTF-8 checks as every other file.
   * @default {}
   */
  importMap?: Record<string, string>;
  /**
   * Folders of local type files (`--catalogue DIR`, `BERTH_CATALOGUE`), searched before the built-in catalogue:
   * `plugin:NAME` as `NAME/plugin.yaml`, `NAME.yaml` or `NAME/VERSION/plugin.yaml`; `blueprint:ID` as
   * `blueprints/ID.yaml` or `blueprints/ID/blueprint.yaml`; a URL as `HOST/PATH`.
   * @default []
   */
  catalogueDirs?: string[];
  /**
   * How many nodes YAML aliases may add to one file when expanded.
   * @default 100000
   */
  aliasBudget?: number;
}

/** How one import was resolved. */
export interface ImportRecord {
  /** The import as written. */
  entry: string;
  site: Site;
  /** A file of the blueprint, a file the user named, a catalogue entry, or not resolved (the blueprint degrades). */
  source: "file" | "user" | "catalogue" | "unresolved";
  /** The catalogue family and version, for catalogue entries. @default none */
  catalogue?: { family: string; version: string };
  /** Why it could not be resolved, or how its version was chosen. @default none */
  note?: string;
}

/** Every file a blueprint consists of, main file first, and the problems met while loading them. */
export interface LoadedFiles {
  docs: SourceDoc[];
  diagnostics: Diagnostics;
  /** The reader the files were read with (scripts and resource files are read through it later). */
  reader: BlueprintReader;
  /** Every import and how it was resolved. */
  imports: ImportRecord[];
  /** What the files do that Cloudify accepts but the report should say (keys written twice). */
  notes: { site: Site; message: string }[];
}

/** The import record of the core types Berth adds for an include (a file that does not import them). */
export const INCLUDE_CORE = "(the core types, not imported)";
const INCLUDE_NOTE =
  "this file does not import the core types, so it is an include of another blueprint (Cloudify refuses it on its own); Berth reads it against the manager's built-in types, and the inputs and nodes it uses without defining them are left to that blueprint";

/** The hint printed with an unresolvable import. */
export function importMapHint(url: string): string {
  return `pass --import-map ${url}=PATH with a local copy of that file, or a --catalogue folder that holds it`;
}

/** Splits `NS--rest` into its namespace and the import itself (Cloudify's namespace delimiter is `--`). */
export function splitNamespace(entry: string): { namespace?: string; rest: string } {
  const m = /^([A-Za-z0-9_.-]+?)--(.+)$/.exec(entry);
  if (!m || /^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return { rest: entry };
  return { namespace: m[1], rest: m[2]! };
}

/**
 * Loads a blueprint and, depth first, every file it imports: relative paths from the importing file's folder (inside
 * the root folder only), the import map, catalogue folders, then the offline catalogue. An import none of these
 * resolve is recorded, not fatal: the nodes that need its types degrade to placeholders. Each file is loaded once,
 * and each catalogue family once (its first version wins, a second one is reported).
 */
export function loadFiles(mainFile: string, options: LoadOptions = {}): LoadedFiles {
  const reader = new BlueprintReader(mainFile, options);
  const importMap = options.importMap ?? {};
  const dirs = options.catalogueDirs ?? [];
  const diagnostics = new Diagnostics();
  const docs: SourceDoc[] = [];
  const imports: ImportRecord[] = [];
  const notes: LoadedFiles["notes"] = [];
  const seen = new Set<string>();
  const families = new Map<string, { version: string; entry: string }>();

  const addText = (r: ReadFile, extra: Partial<SourceDoc> = {}): void => {
    const key = `${extra.namespace ?? ""}\0${r.real}`;
    if (seen.has(key)) return;
    seen.add(key);
    const parsed = parseYaml(r.text, r.display, { duplicateKeys: "last", ...(options.aliasBudget === undefined ? {} : { aliasBudget: options.aliasBudget }) });
    diagnostics.addAll(parsed.problems);
    if (parsed.problems.length > 0) return;
    const doc: SourceDoc = { file: r.display, value: parsed.value ?? {}, parsed, dir: path.dirname(r.display), ...extra };
    // PyYAML, and so Cloudify, keeps the last of two equal keys; so does Berth, and says so.
    for (const dup of parsed.duplicates) {
      notes.push({ site: { doc, path: dup.path }, message: `key ${JSON.stringify(String(dup.path[dup.path.length - 1]))} is written twice in this mapping (first at line ${dup.first.line}, col ${dup.first.col}); the last one is used, as Cloudify reads it` });
    }
    // Nesting is bounded by js-yaml itself (100 levels, a positioned syntax error), so every later walk is bounded.
    if (!isMap(doc.value)) {
      diagnostics.at({ doc, path: [] }, "a blueprint file must be a YAML mapping (tosca_definitions_version, imports, node_templates, ...)");
      return;
    }
    docs.push(doc);
    followImports(doc);
  };

  const addCatalogue = (entry: string, at: Site, found: CatalogueHit, namespace: string | undefined): void => {
    const { family, version, defs, note } = found;
    const prior = families.get(family.title);
    if (prior) {
      const msg = prior.version === version.version ? undefined : `${entry} names ${family.title} ${version.version}, but ${prior.entry} loaded ${prior.version} already; Berth reads one version of a plugin, ${prior.version}`;
      imports.push({ entry, site: at, source: "catalogue", catalogue: { family: family.title, version: prior.version }, note: msg });
      return;
    }
    families.set(family.title, { version: version.version, entry });
    imports.push({ entry, site: at, source: "catalogue", catalogue: { family: family.title, version: version.version }, note });
    docs.push({ file: entry, value: defs, catalogue: { family: family.title, version: version.version, namesOnly: version.namesOnly === true }, ...(namespace && family !== CORE ? { namespace } : {}) });
  };

  /** A file for the import in a `--catalogue` folder, if one holds it. */
  const fromFolders = (rest: string): ReadFile | undefined => {
    const candidates: string[] = [];
    if (rest.startsWith("plugin:")) {
      const q = rest.indexOf("?");
      const name = (q < 0 ? rest.slice(7) : rest.slice(7, q)).trim();
      if (!/^[A-Za-z0-9_.-]+$/.test(name)) return undefined;
      const m = /version\s*=([^&]*)/.exec(q < 0 ? "" : rest.slice(q + 1));
      const clauses = m ? parseVersionConstraint(m[1]!) : [];
      for (const dir of dirs) {
        const versions = listVersions(path.resolve(reader.cwdPath(), dir, name)).filter((v) => satisfiesVersion(v, clauses ?? []));
        for (const v of versions) candidates.push(path.join(dir, name, v, "plugin.yaml"));
      }
      candidates.push(`${name}/plugin.yaml`, `${name}.yaml`);
    } else if (/^blueprint:/.test(rest)) {
      const id = rest.slice("blueprint:".length).trim();
      if (!/^[A-Za-z0-9_.-]+$/.test(id)) return undefined;
      candidates.push(`blueprints/${id}.yaml`, `blueprints/${id}/blueprint.yaml`);
    } else if (rest === BUILTIN_TYPES) {
      candidates.push(BUILTIN_TYPES);
    } else {
      const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)(\/[^?#]*)/i.exec(rest);
      if (!m || m[2]!.split("/").includes("..")) return undefined;
      candidates.push(`${m[1]}${m[2]}`);
    }
    for (const dir of dirs) {
      for (const c of candidates) {
        const r = path.isAbsolute(c) || c.startsWith(dir) ? reader.inFolder(path.relative(dir, c), dir) : reader.inFolder(c, dir);
        if (!isRefusal(r)) return r;
        if (!r.missing) diagnostics.list.push({ file: path.join(dir, c), line: 1, col: 1, message: `cannot read the --catalogue file: ${r.message}` });
      }
    }
    return undefined;
  };

  const followImports = (doc: SourceDoc): void => {
    const value = doc.value as Record<string, unknown>;
    const list = value["imports"];
    const site: Site = { doc, path: ["imports"] };
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      diagnostics.at(site, "imports must be a list of URLs or relative paths");
      return;
    }
    list.forEach((raw, i) => {
      const at = sub(site, i);
      if (typeof raw !== "string" || raw.trim() === "") {
        diagnostics.at(at, "each import must be a URL or a relative path (a string)");
        return;
      }
      const entry = raw.trim();
      const { namespace: own, rest } = splitNamespace(entry);
      const namespace = [doc.namespace, own].filter((n) => n !== undefined).join("--") || undefined;
      const mapped = importMap[entry] ?? importMap[rest];
      if (mapped !== undefined) {
        const r = reader.user(mapped);
        if (isRefusal(r)) diagnostics.at(at, `cannot read the file --import-map gives for ${entry}: ${r.message}`);
        else {
          imports.push({ entry, site: at, source: "user" });
          addText(r, { root: path.dirname(r.real), namespace });
        }
        return;
      }
      const folder = /^([a-z][a-z0-9+.-]*:|cloudify\/types\/types\.yaml$)/i.test(rest) ? fromFolders(rest) : undefined;
      if (folder) {
        imports.push({ entry, site: at, source: "user", note: `read from the --catalogue folder (${folder.display})` });
        addText(folder, { root: path.dirname(folder.real), namespace });
        return;
      }
      const found = lookupImport(rest);
      if (found && "hit" in found) {
        addCatalogue(entry, at, found.hit, namespace);
        return;
      }
      if (found || /^[a-z][a-z0-9+.-]*:/i.test(rest)) {
        const why = found ? found.miss : /^blueprint:/.test(rest) ? `${rest} is a blueprint uploaded to a Cloudify manager` : `${rest} is not in Berth's offline catalogue`;
        imports.push({ entry, site: at, source: "unresolved", note: `${why}; ${importMapHint(entry)}` });
        return;
      }
      const r = reader.relative(rest, doc.dir ?? ".", doc.root);
      if (isRefusal(r)) diagnostics.at(at, `cannot read the imported file: ${r.message}`);
      else {
        imports.push({ entry, site: at, source: "file" });
        addText(r, { root: doc.root, namespace });
      }
    });
  };

  const main = reader.main(mainFile);
  if (isRefusal(main)) diagnostics.list.push({ file: mainFile, line: 1, col: 1, message: `cannot read the blueprint: ${main.message}` });
  else addText(main);
  // A file whose imports never reach the core types cannot stand alone (every type derives from cloudify.nodes.Root):
  // it is an include of another blueprint. Its types are read against the manager's built-in ones.
  const first = docs[0];
  const defines = (d: SourceDoc) => {
    const t = (d.value as Record<string, unknown>)["node_types"];
    return t !== null && typeof t === "object" && Object.hasOwn(t, "cloudify.nodes.Root");
  };
  if (first && !families.has(CORE.title) && !docs.some(defines)) {
    const found = lookupImport(BUILTIN_TYPES);
    if (found && "hit" in found) {
      addCatalogue(INCLUDE_CORE, { doc: first, path: ["imports"] }, { ...found.hit, note: INCLUDE_NOTE }, undefined);
    }
  }
  return { docs, diagnostics, reader, imports, notes };
}

/** The version folders under a catalogue folder's plugin folder, newest first. */
function listVersions(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^[0-9]/.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => comparePluginVersions(b, a));
  } catch {
    return [];
  }
}
