import type { Diagnostic, ParsedYaml, SourcePosition, YamlPath } from "../../yaml";

/** One loaded file: a blueprint or imported YAML file, or a catalogue entry (which has no text). */
export interface SourceDoc {
  /** The file path (or catalogue URL) as shown in messages. */
  file: string;
  /** The loaded value. */
  value: unknown;
  /** The positioned parse, for files read from disk. */
  parsed?: ParsedYaml;
  /** The folder relative paths in this file resolve against (undefined for catalogue entries). */
  dir?: string;
  /** The folder relative imports of this file must stay inside. @default the blueprint's root folder */
  root?: string;
  /** The namespace of a namespaced import (`NS--file`): every name it defines is `NS--name`. @default none */
  namespace?: string;
  /** For a catalogue entry: the family and version it stands for. @default none (a file) */
  catalogue?: { family: string; version: string; namesOnly: boolean };
}

/** Where a value of the model came from: a file and the path inside it. Positions are computed only when asked. */
export interface Site {
  doc: SourceDoc;
  path: YamlPath;
}

/**
 * A site one level below another. The evaluator makes one for every value it visits, and almost none is ever
 * asked for its position, so the path is built only when read (and then kept).
 */
class SubSite implements Site {
  private built: YamlPath | undefined;

  constructor(
    public readonly doc: SourceDoc,
    private readonly parent: Site,
    private readonly key: string | number,
  ) {}

  public get path(): YamlPath {
    if (!this.built) this.built = [...this.parent.path, this.key];
    return this.built;
  }
}

/** A site one level deeper. */
export function sub(site: Site, key: string | number): Site {
  return new SubSite(site.doc, site, key);
}

/** The position of a site (its nearest existing node; line 1 for catalogue entries). */
export function positionOf(site: Site, key = false): SourcePosition {
  const parsed = site.doc.parsed;
  if (!parsed) return { file: site.doc.file, line: 1, col: 1 };
  return key ? parsed.locateKey(site.path) : parsed.locateNearest(site.path);
}

/** Collects every problem of a blueprint, each at its position with the source line attached. */
export class Diagnostics {
  /** The problems, in the order found. */
  public readonly list: Diagnostic[] = [];
  /** What was recorded already: a value evaluated once per instance reports its problem once. */
  private readonly seen = new Set<string>();

  /** Records a problem at a site (at its key with `key: true`, for unknown or duplicated names). */
  public at(site: Site, message: string, key = false): void {
    const pos = positionOf(site, key);
    const id = `${pos.file}\0${pos.line}\0${pos.col}\0${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const parsed = site.doc.parsed;
    this.list.push(parsed ? parsed.diagnostic(pos, message) : { ...pos, message });
  }

  /** Records problems found elsewhere (YAML syntax errors). */
  public addAll(list: readonly Diagnostic[]): void {
    this.list.push(...list);
  }

  /** True when nothing was recorded. */
  public get empty(): boolean {
    return this.list.length === 0;
  }
}

/** A plain object (a YAML mapping), as opposed to a list, scalar or null. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
