/**
 * The TypeScript snippets of the README and docs/, extracted from the Markdown at test time (so the docs cannot drift
 * from what the tests check), each made into a program folder a user could copy: its index.ts, a Pulumi.yaml that
 * declares the config it reads, and the stand-in files it refers to (test/consumer/files/snippet-files).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./workspace";

/** One ```ts block. */
export interface Snippet {
  /** `<doc>-<n>`, n counting the doc's ts blocks from 1 (e.g. `docker-1`). */
  id: string;
  /** The Markdown file and line where the block starts (for messages). */
  where: string;
  code: string;
  /** A test file (imports node:test), run with `node --test`, or a program, run under mocks and previewed. */
  kind: "program" | "test";
}

/** Every ts block of docs/*.md, and of README.md (which docs/ assembles; a block only there is still checked). */
export function extractSnippets(): Snippet[] {
  const files = [...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => path.join("docs", f)), "README.md"];
  const seen = new Set<string>();
  const out: Snippet[] = [];
  for (const rel of files) {
    const lines = fs.readFileSync(path.join(ROOT, rel), "utf8").split("\n");
    let n = 0;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] !== "```ts" && lines[i] !== "```typescript") continue;
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end] !== "```") end++;
      n++;
      const code = `${lines.slice(start, end).join("\n")}\n`;
      i = end;
      if (seen.has(code)) continue;
      seen.add(code);
      const doc = path.basename(rel, ".md").replace(/^_/, "");
      out.push({ id: `${doc}-${n}`, where: `${rel}:${start}`, code, kind: /from "node:test"/.test(code) ? "test" : "program" });
    }
  }
  return out;
}

/** The config keys a snippet reads with `config.require…("key")` or `Config().require…("key")`, and which are secret. */
export function configKeys(code: string): { key: string; secret: boolean }[] {
  const keys = new Map<string, boolean>();
  for (const m of code.matchAll(/\.require(Secret)?(?:Object|Number|Boolean)?\("([^"]+)"\)/g)) keys.set(m[2]!, keys.get(m[2]!) === true || m[1] === "Secret");
  return [...keys].map(([key, secret]) => ({ key, secret }));
}

/** Writes a snippet as a program folder under `dir/<id>`; returns that folder. */
export function writeSnippet(dir: string, s: Snippet): string {
  const target = path.join(dir, s.id);
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(path.join(__dirname, "files", "snippet-files"), target, { recursive: true });
  fs.writeFileSync(path.join(target, s.kind === "test" ? "index.test.ts" : "index.ts"), s.code);
  const config = configKeys(s.code);
  const lines = [`name: snippet-${s.id}`, "runtime: nodejs", `description: ${JSON.stringify(`The snippet at ${s.where}`)}`];
  if (config.length > 0) {
    lines.push("config:");
    for (const c of config) lines.push(`  ${c.key}:`, "    type: string", ...(c.secret ? ["    secret: true"] : []));
  }
  fs.writeFileSync(path.join(target, "Pulumi.yaml"), `${lines.join("\n")}\n`);
  return target;
}
