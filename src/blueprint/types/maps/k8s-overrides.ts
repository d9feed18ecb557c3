/**
 * The kubernetes plugin 1.x's manifest overrides: Python subscript assignments applied to a loaded manifest
 * (`['spec']['replicas']=3`, `['spec']['template']['spec']['containers'][0]['image']='nginx:1.27'`). The plugin
 * `exec`'d them; Berth reads the same forms as data (a path of keys and indexes, then a Python literal) and reports
 * anything else.
 */

/** The result of applying overrides: the new manifest, and the overrides that could not be read. */
export interface Overridden {
  manifest: unknown;
  problems: string[];
}

/** Parses a Python literal (numbers, quoted strings, True/False/None, lists and dicts of those). */
export function pythonLiteral(text: string): { ok: true; value: unknown } | { ok: false } {
  const src = text.trim();
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(src)) return { ok: true, value: Number(src) };
  if (src === "True" || src === "False") return { ok: true, value: src === "True" };
  if (src === "None") return { ok: true, value: null };
  const quoted = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/.exec(src);
  if (quoted) return { ok: true, value: (quoted[1] ?? quoted[2] ?? "").replace(/\\(.)/g, "$1") };
  if (/^[[{]/.test(src)) {
    // A JSON-compatible list or dict once Python's spellings are written the JSON way (outside strings).
    let json = "";
    let quote: string | undefined;
    for (let i = 0; i < src.length; i++) {
      const c = src[i]!;
      if (quote) {
        if (c === "\\") {
          json += c + (src[i + 1] ?? "");
          i++;
          continue;
        }
        if (c === quote) {
          json += '"';
          quote = undefined;
        } else json += c === '"' ? '\\"' : c;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        json += '"';
        continue;
      }
      json += c;
    }
    json = json.replace(/\bTrue\b/g, "true").replace(/\bFalse\b/g, "false").replace(/\bNone\b/g, "null");
    try {
      return { ok: true, value: JSON.parse(json) };
    } catch {
      return { ok: false };
    }
  }
  return { ok: false };
}

/** Applies overrides to a copy of the manifest. */
export function applyOverrides(manifest: unknown, overrides: readonly unknown[]): Overridden {
  const out: unknown = structuredClone(manifest);
  const problems: string[] = [];
  for (const o of overrides) {
    if (typeof o !== "string") {
      problems.push(`${JSON.stringify(o)} is not an override string`);
      continue;
    }
    const m = /^\s*((?:\[\s*(?:'[^']*'|"[^"]*"|[0-9]+)\s*\])+)\s*=\s*([\s\S]+)$/.exec(o);
    if (!m || /[@%]\{/.test(o)) {
      problems.push(`${JSON.stringify(o)} (Berth applies ['key'][index]=literal overrides; runtime-property and ctx substitutions are not evaluated)`);
      continue;
    }
    const path = [...m[1]!.matchAll(/\[\s*(?:'([^']*)'|"([^"]*)"|([0-9]+))\s*\]/g)].map((p) => (p[3] !== undefined ? Number(p[3]) : (p[1] ?? p[2])!));
    const value = pythonLiteral(m[2]!);
    if (!value.ok) {
      problems.push(`${JSON.stringify(o)} (its value is not a literal Berth can read)`);
      continue;
    }
    let cur: unknown = out;
    let failed = false;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i]!;
      const next = cur !== null && typeof cur === "object" ? (cur as Record<string | number, unknown>)[k] : undefined;
      if (next === null || typeof next !== "object") {
        problems.push(`${JSON.stringify(o)} (the manifest has no ${path.slice(0, i + 1).map((p) => `[${JSON.stringify(p)}]`).join("")})`);
        failed = true;
        break;
      }
      cur = next;
    }
    if (failed) continue;
    const last = path[path.length - 1]!;
    if (cur === null || typeof cur !== "object") {
      problems.push(`${JSON.stringify(o)} (the manifest is not a mapping)`);
      continue;
    }
    if (last === "__proto__") Object.defineProperty(cur, last, { value: value.value, enumerable: true, writable: true, configurable: true });
    else (cur as Record<string | number, unknown>)[last] = value.value;
  }
  return { manifest: out, problems };
}
