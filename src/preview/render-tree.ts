/**
 * `berth preview --format tree` (the default): the component tree, each resource with its type, name and inputs
 * (one line each, secrets as `[secret]`), then the stack's outputs.
 */
import type { PreviewDocument, PreviewResource } from "./document";
import { formatValue } from "./format-value";

/** How many inputs the tree shows per resource before it says how many more there are. */
export const TREE_MAX_INPUTS = 12;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Renders the document as a text tree. */
export function renderTree(doc: PreviewDocument): string {
  const children = new Map<string | null, PreviewResource[]>();
  const known = new Set(doc.resources.map((r) => r.urn));
  for (const r of doc.resources) {
    const key = r.parent && known.has(r.parent) ? r.parent : null;
    const list = children.get(key) ?? [];
    list.push(r);
    children.set(key, list);
  }
  const lines: string[] = [];
  const visit = (r: PreviewResource, prefix: string, last: boolean, root: boolean): void => {
    const branch = root ? "" : last ? "└─ " : "├─ ";
    lines.push(`${prefix}${branch}${r.type}  ${r.name}`);
    const inner = root ? "" : `${prefix}${last ? "   " : "│  "}`;
    const kids = children.get(r.urn) ?? [];
    const detail = `${inner}${kids.length > 0 ? "│" : " "}    `;
    if (r.type !== "pulumi:pulumi:Stack") {
      const entries = Object.entries(r.inputs);
      for (const [k, v] of entries.slice(0, TREE_MAX_INPUTS)) lines.push(`${detail}${k}: ${formatValue(v)}`);
      if (entries.length > TREE_MAX_INPUTS) lines.push(`${detail}… ${entries.length - TREE_MAX_INPUTS} more inputs`);
    }
    kids.forEach((c, i) => {
      visit(c, inner, i === kids.length - 1, false);
    });
  };
  for (const r of children.get(null) ?? []) visit(r, "", true, true);
  const stack = doc.resources.find((r) => r.type === "pulumi:pulumi:Stack");
  const outputs = Object.entries(stack?.outputs ?? {});
  if (outputs.length > 0) {
    lines.push("", "Outputs:");
    for (const [k, v] of outputs) lines.push(`    ${k}: ${formatValue(v)}`);
  }
  const customs = doc.resources.filter((r) => r.custom).length;
  lines.push(
    "",
    `${plural(doc.resources.length, "resource")} (${plural(customs, "provider resource")}, ` +
      `${plural(doc.resources.length - customs, "component")}) in ${doc.project}/${doc.stack}`,
  );
  return `${lines.join("\n")}\n`;
}
