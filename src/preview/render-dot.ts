/** `berth preview --format dot`: the graph for Graphviz (dependencies solid, parents dashed and grey). */
import type { PreviewDocument } from "./document";
import { graphEdges } from "./graph";

/** Quotes text as a DOT string. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** Renders the document's graph as DOT. */
export function renderDot(doc: PreviewDocument): string {
  const lines = [
    `digraph ${dotString(`${doc.project}/${doc.stack}`)} {`,
    "  rankdir=LR;",
    '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10];',
  ];
  doc.resources.forEach((r, i) => {
    const shape = r.custom ? "" : ", style=\"rounded,dashed\"";
    lines.push(`  r${i} [label=${dotString(`${r.name}\n${r.type}`)}${shape}];`);
  });
  for (const e of graphEdges(doc)) {
    lines.push(
      e.kind === "dependency"
        ? `  r${e.from} -> r${e.to};`
        : `  r${e.from} -> r${e.to} [style=dashed, color=gray, arrowhead=none];`,
    );
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
