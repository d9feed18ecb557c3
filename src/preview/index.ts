/**
 * berth preview: run a Pulumi TypeScript program (or a blueprint) offline under a recording mock runtime and render
 * what it would create: a tree, JSON, Mermaid, DOT or an HTML page, with a security report.
 * @packageDocumentation
 */
export * from "./config";
export * from "./document";
export * from "../testing/fake-values";
export * from "./format-value";
export * from "./graph";
export * from "./layout";
export * from "../testing/plausible-outputs";
export * from "./preview";
export * from "./protocol";
export * from "./render-dot";
export * from "./render-html";
export * from "./render-json";
export * from "./render-mermaid";
export * from "./render-tree";
export * from "./runner";
export * from "./security-report";
export * from "./stack-frames";
export * from "./target";
export * from "./values";
