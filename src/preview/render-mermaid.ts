/** `berth preview --format mermaid`: the graph as a Mermaid flowchart (dependencies solid, parents dotted). */
import type { PreviewDocument } from "./document";
import { graphEdges } from "./graph";

/** Escapes text for a quoted Mermaid label. */
export function mermaidText(text: string): string {
  return text.replace(/[&"<>#]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** Renders the document's graph as Mermaid. */
export function renderMermaid(doc: PreviewDocument): string {
  const lines = ["flowchart LR"];
  doc.resources.forEach((r, i) => {
    lines.push(`  r${i}["${mermaidText(r.name)}<br/><small>${mermaidText(r.type)}</small>"]`);
  });
  for (const e of graphEdges(doc)) lines.push(`  r${e.from} ${e.kind === "dependency" ? "-->" : "-.-"} r${e.to}`);
  return `${lines.join("\n")}\n`;
}
