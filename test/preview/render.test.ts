// The renderers on one small document, with exact output; and the value helpers they use.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type PreviewDocument, type PreviewResource, providerUrn, treeOrder } from "../../src/preview/document";
import { formatValue } from "../../src/preview/format-value";
import { renderDot } from "../../src/preview/render-dot";
import { escapeHtml, renderHtml } from "../../src/preview/render-html";
import { renderJson } from "../../src/preview/render-json";
import { mermaidText, renderMermaid } from "../../src/preview/render-mermaid";
import { renderTree } from "../../src/preview/render-tree";
import { filterStack } from "../../src/preview/stack-frames";
import { maskSecrets, sameValue, sortKeys } from "../../src/preview/values";

function res(urn: string, type: string, name: string, more: Partial<PreviewResource> = {}): PreviewResource {
  return {
    urn,
    type,
    name,
    custom: true,
    parent: null,
    provider: null,
    dependencies: [],
    id: null,
    inputs: {},
    secretInputs: [],
    outputs: {},
    secretOutputs: [],
    options: {},
    ...more,
  };
}

const DOC: PreviewDocument = {
  schema: "berth.preview/v1",
  project: "p",
  stack: "dev",
  resources: [
    res("u:stack", "pulumi:pulumi:Stack", "p-dev", { custom: false, outputs: { url: "http://x", pw: "[secret]" } }),
    res("u:app", "x:index:App", "app", { custom: false, parent: "u:stack" }),
    res("u:img", "docker:index/remoteImage:RemoteImage", "img", { parent: "u:app", inputs: { name: "a:1" } }),
    res("u:c", "docker:index/container:Container", 'c"<1>', {
      parent: "u:app",
      dependencies: ["u:img"],
      inputs: { image: "sha256:x", envs: ["[secret]"], userData: "#!/bin/sh\necho hi\n" },
    }),
  ],
  findings: [{ rule: "r", severity: "high", urn: "u:c", message: "bad <thing>" }],
};

test("tree: the component tree with inputs, then outputs and counts", () => {
  assert.equal(
    renderTree(DOC),
    [
      "pulumi:pulumi:Stack  p-dev",
      "└─ x:index:App  app",
      "   ├─ docker:index/remoteImage:RemoteImage  img",
      '   │       name: "a:1"',
      '   └─ docker:index/container:Container  c"<1>',
      '           image: "sha256:x"',
      "           envs: [[secret]]",
      '           userData: "#!/bin/sh…" (2 lines)',
      "",
      "Outputs:",
      '    url: "http://x"',
      "    pw: [secret]",
      "",
      "4 resources (2 provider resources, 2 components) in p/dev",
      "",
    ].join("\n"),
  );
});

test("mermaid: escaped labels, solid dependencies, dotted parents", () => {
  assert.equal(
    renderMermaid(DOC),
    [
      "flowchart LR",
      '  r0["p-dev<br/><small>pulumi:pulumi:Stack</small>"]',
      '  r1["app<br/><small>x:index:App</small>"]',
      '  r2["img<br/><small>docker:index/remoteImage:RemoteImage</small>"]',
      '  r3["c#34;#60;1#62;<br/><small>docker:index/container:Container</small>"]',
      "  r2 --> r3",
      "  r0 -.- r1",
      "  r1 -.- r2",
      "  r1 -.- r3",
      "",
    ].join("\n"),
  );
  assert.equal(mermaidText('a"#&'), "a#34;#35;#38;");
});

test("dot: quoted labels, components dashed", () => {
  assert.equal(
    renderDot(DOC),
    [
      'digraph "p/dev" {',
      "  rankdir=LR;",
      '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10];',
      '  r0 [label="p-dev\\npulumi:pulumi:Stack", style="rounded,dashed"];',
      '  r1 [label="app\\nx:index:App", style="rounded,dashed"];',
      '  r2 [label="img\\ndocker:index/remoteImage:RemoteImage"];',
      '  r3 [label="c\\"<1>\\ndocker:index/container:Container"];',
      "  r2 -> r3;",
      "  r0 -> r1 [style=dashed, color=gray, arrowhead=none];",
      "  r1 -> r2 [style=dashed, color=gray, arrowhead=none];",
      "  r1 -> r3 [style=dashed, color=gray, arrowhead=none];",
      "}",
      "",
    ].join("\n"),
  );
});

test("html: one node per resource, escaped text, no scripts, no external references", () => {
  const html = renderHtml(DOC);
  assert.equal((html.match(/<g class="node /g) ?? []).length, 4);
  assert.equal((html.match(/<tr id="resource-/g) ?? []).length, 4);
  assert.ok(html.includes("c&#34;&#60;1&#62;"));
  assert.ok(html.includes("bad &#60;thing&#62;"));
  assert.equal(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(html.replace("http://x", "")), false);
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
});

test("json: keys sorted at every level, two-space indent, a final newline", () => {
  const text = renderJson(DOC);
  assert.ok(text.startsWith('{\n  "findings": [\n    {\n      "message": "bad <thing>",'));
  assert.ok(text.endsWith("}\n"));
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(DOC)));
});

test("formatValue: markers unquoted, multi-line text shortened, long values cut", () => {
  const table: [Parameters<typeof formatValue>[0], string][] = [
    ["[secret]", "[secret]"],
    ["(known after deploy)", "(known after deploy)"],
    ["a\n", '"a\\n"'],
    ["a\nb\nc", '"a…" (3 lines)'],
    [{ a: [1, true, null] }, "{a: [1, true, null]}"],
  ];
  for (const [value, text] of table) assert.equal(formatValue(value), text);
  assert.equal(formatValue("x".repeat(200), 10), `"xxxxxxxx…`);
});

test("treeOrder: depth first, siblings by name then type, orphans as roots", () => {
  const order = treeOrder([
    { urn: "c", parent: "a", name: "z", type: "t" },
    { urn: "a", parent: null, name: "root", type: "t" },
    { urn: "b", parent: "a", name: "m", type: "t2" },
    { urn: "d", parent: "a", name: "m", type: "t1" },
    { urn: "e", parent: "missing", name: "orphan", type: "t" },
  ]);
  assert.deepEqual(order.map((r) => r.urn), ["e", "a", "d", "b", "c"]);
  assert.equal(providerUrn("urn:pulumi:s::p::pulumi:providers:docker::d::1234"), "urn:pulumi:s::p::pulumi:providers:docker::d");
});

test("values: mask secrets by path, compare, sort keys", () => {
  const value = { a: "x", b: [{ c: "y" }, "z"], d: { e: "w" } };
  assert.deepEqual(maskSecrets(value, ["b[0]", "d"]), { a: "x", b: ["[secret]", "z"], d: "[secret]" });
  assert.equal(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), true);
  assert.equal(sameValue({ a: [1] }, { a: [1, 2] }), false);
  assert.equal(sameValue({ a: 1 }, { b: 1 }), false);
  assert.deepEqual(Object.keys(sortKeys({ b: 1, a: { d: 1, c: 2 } }) as object), ["a", "b"]);
});

test("filterStack keeps the program's frames and drops Berth's, packages' and Node's", () => {
  const stack = [
    "Error: boom",
    "    at f (/home/u/prog/index.ts:3:9)",
    "    at g (/work/berth/src/docker/container.ts:10:1)",
    "    at h (/home/u/prog/node_modules/@pulumi/pulumi/resource.js:1:1)",
    "    at Module._compile (node:internal/modules/cjs/loader:1:1)",
    "    at Object.<anonymous> (/home/u/prog/index.ts:9:1)",
  ].join("\n");
  assert.equal(
    filterStack(stack, ["/work/berth/src"]),
    "Error: boom\n    at f (/home/u/prog/index.ts:3:9)\n    at Object.<anonymous> (/home/u/prog/index.ts:9:1)",
  );
  assert.equal(
    filterStack("Error: x\n    at a (node:internal/x:1:1)", []),
    "Error: x\n    (no frames in the program: the error was raised inside a library)",
  );
});
