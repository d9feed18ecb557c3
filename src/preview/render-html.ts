/**
 * `berth preview --format html`: one self-contained page (no scripts, no network, opens from disk) with the security
 * report, the graph drawn as inline SVG by {@link layeredLayout}, and a table of every resource.
 */
import type { RecordedValue } from "../resources/recorder";
import type { PreviewDocument, PreviewResource } from "./document";
import { formatValue } from "./format-value";
import { graphEdges } from "./graph";
import { layeredLayout } from "./layout";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function shortType(type: string): string {
  const parts = type.split(":");
  return parts.length === 3 ? `${parts[0]}:${parts[2]}` : type;
}

function svgGraph(doc: PreviewDocument): string {
  const edges = graphEdges(doc);
  const layout = layeredLayout(doc.resources.length, edges);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="graph" width="${layout.width}" height="${layout.height}" ` +
      `viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="resource graph">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" ' +
      'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#55606e"/></marker></defs>',
  ];
  layout.edges.forEach((e, i) => {
    const kind = edges[i]!.kind;
    const mid = (e.x1 + e.x2) / 2;
    const d = `M${e.x1},${e.y1} C${mid},${e.y1} ${mid},${e.y2} ${e.x2},${e.y2}`;
    const marker = kind === "dependency" ? ' marker-end="url(#arrow)"' : "";
    parts.push(`<path class="edge ${kind}" d="${d}"${marker}/>`);
  });
  doc.resources.forEach((r, i) => {
    const p = layout.nodes[i]!;
    const cls = r.type === "pulumi:pulumi:Stack" ? "stack" : r.custom ? "custom" : "component";
    parts.push(
      `<g class="node ${cls}" id="node-${i}" data-urn="${escapeHtml(r.urn)}">` +
        `<title>${escapeHtml(`${r.type} ${r.name}`)}</title>` +
        `<rect x="${p.x}" y="${p.y}" width="${layout.nodeWidth}" height="${layout.nodeHeight}" rx="6"/>` +
        `<text class="name" x="${p.x + 8}" y="${p.y + 18}">${escapeHtml(cut(r.name, 30))}</text>` +
        `<text class="type" x="${p.x + 8}" y="${p.y + 34}">${escapeHtml(cut(shortType(r.type), 36))}</text>` +
        "</g>",
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}

function valueList(values: Record<string, RecordedValue>): string {
  const entries = Object.entries(values);
  if (entries.length === 0) return "";
  return `<dl>${entries
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(formatValue(v, 160))}</dd>`)
    .join("")}</dl>`;
}

function row(r: PreviewResource, byUrn: Map<string, PreviewResource>): string {
  const parent = r.parent ? byUrn.get(r.parent) : undefined;
  return (
    `<tr id="resource-${escapeHtml(r.urn)}"><td><code>${escapeHtml(r.type)}</code></td><td>${escapeHtml(r.name)}</td>` +
    `<td>${parent ? escapeHtml(parent.name) : ""}</td><td>${valueList(r.inputs)}</td><td>${valueList(r.outputs)}</td></tr>`
  );
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2530; background: #fff; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
.findings li { margin: 4px 0; } .sev { font-weight: 600; text-transform: uppercase; font-size: 12px; padding: 1px 6px; border-radius: 4px; }
.sev.high { background: #fde2e1; color: #a1120b; } .sev.medium { background: #fff1cc; color: #7a5200; } .sev.low { background: #e6eefc; color: #1f4fa3; }
.graph-box { overflow: auto; border: 1px solid #d5dae1; border-radius: 6px; background: #fafbfc; }
svg.graph .node rect { fill: #fff; stroke: #4a78c2; stroke-width: 1.5; }
svg.graph .node.component rect { fill: #f1f5fb; stroke-dasharray: 5 3; }
svg.graph .node.stack rect { fill: #e8eef8; stroke: #23457f; }
svg.graph text { font: 12px system-ui, sans-serif; fill: #1d2530; } svg.graph text.type { fill: #5b6675; font-size: 11px; }
svg.graph .edge { fill: none; stroke: #55606e; stroke-width: 1.2; } svg.graph .edge.parent { stroke: #b6bfcc; stroke-dasharray: 4 3; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #e3e7ec; padding: 6px 8px; text-align: left; vertical-align: top; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; } dt { color: #5b6675; } dd { margin: 0; font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
`;

/** Renders the document as one HTML page. */
export function renderHtml(doc: PreviewDocument): string {
  const byUrn = new Map(doc.resources.map((r) => [r.urn, r]));
  const title = `berth preview: ${doc.project}/${doc.stack}`;
  const findings =
    doc.findings.length === 0
      ? "<p>No findings.</p>"
      : `<ul class="findings">${doc.findings
          .map(
            (f) =>
              `<li><span class="sev ${f.severity}">${f.severity}</span> <code>${escapeHtml(f.rule)}</code> ` +
              `${escapeHtml(f.message)}</li>`,
          )
          .join("")}</ul>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${doc.resources.length} resources. Values shown as <code>(known after deploy)</code> exist only after deployment;
secrets are shown as <code>[secret]</code>. Solid arrows go from a dependency to the resource that needs it; dashed lines join a parent to its children.</p>
<h2>Security</h2>
${findings}
<h2>Graph</h2>
<div class="graph-box">
${svgGraph(doc)}
</div>
<h2>Resources</h2>
<table>
<thead><tr><th>Type</th><th>Name</th><th>Parent</th><th>Inputs</th><th>Outputs</th></tr></thead>
<tbody>
${doc.resources.map((r) => row(r, byUrn)).join("\n")}
</tbody>
</table>
</body>
</html>
`;
}
