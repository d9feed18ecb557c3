/**
 * Generated code is safe by construction: hostile text in every field of a blueprint or a Compose file that reaches
 * the written project (names, descriptions, property values, input and secret names, file paths) cannot add a
 * statement, a call or a config key. Each written TypeScript file is parsed with the TypeScript compiler: it must
 * parse cleanly, use no identifier outside strings and comments that would run something (require, eval,
 * child_process, ...), and make only calls and statements of the kinds the generator makes for benign input. Each
 * YAML file is parsed back: only the keys the writer writes. A case may also be refused (exit 2, nothing written).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { load } from "js-yaml";
import ts from "typescript";
import { main } from "../../src/cli/main";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "berth-safety-"));
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** Text written to break out of a string, a comment, a template or a YAML scalar, and run something. */
export const PAYLOADS: readonly string[] = [
  'x"); require("child_process").execSync("touch /tmp/pwned"); ("',
  "x'); require('child_process').execSync('id'); ('",
  "x */ require('child_process').execSync('id') /* y",
  "x\nrequire('child_process').execSync('id')\n//",
  "x\rrequire('child_process').execSync('id')",
  "x\u2028require('child_process').execSync('id')",
  "x\u2029require('child_process').execSync('id')",
  "x`; require('child_process').execSync('id'); `",
  `x$\{require('child_process').execSync('id')}`,
  "x\\\"); eval('1'); //",
  "x\ny: injected\nsecretsprovider: awskms://evil",
  "x\ndocker:host: tcp://203.0.113.9:2375",
  "__proto__",
  "constructor",
  "x\u202e\u0000\u001b[31m",
  `x${"\u00e9".repeat(300)}`,
];

/** Identifiers that must never appear as code (outside strings and comments) in a generated file. */
const FORBIDDEN = new Set(["require", "eval", "Function", "child_process", "execSync", "exec", "spawn", "globalThis", "constructor", "__proto__", "import"]);

/** What a generated TypeScript file holds: its calls (callee text), `new` targets and top-level statement kinds. */
interface Shape {
  calls: Set<string>;
  statements: Set<string>;
}

function calleeText(e: ts.Expression): string {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return `${calleeText(e.expression)}.${e.name.text}`;
  if (ts.isCallExpression(e)) return `${calleeText(e.expression)}()`;
  if (ts.isElementAccessExpression(e)) return `${calleeText(e.expression)}[]`;
  if (ts.isParenthesizedExpression(e)) return calleeText(e.expression);
  return ts.SyntaxKind[e.kind];
}

/** Parses a generated file; fails on any syntax error or forbidden identifier; returns its shape. */
function inspect(file: string, text: string): Shape {
  const out = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
  assert.deepEqual(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")) ?? [], [], `${file} parses`);
  const scanner = ts.createScanner(ts.ScriptTarget.ES2020, true, ts.LanguageVariant.Standard, text);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.ImportKeyword) {
      const word = scanner.getTokenText();
      // `import` is allowed only as the first word of a top-level import declaration.
      if (word === "import") continue;
      const at = scanner.getTokenPos();
      assert.ok(!FORBIDDEN.has(word), `${file}: the identifier ${word} appears as code: ${JSON.stringify(text.slice(Math.max(0, at - 80), at + 40))}`);
    }
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const shape: Shape = { calls: new Set(), statements: new Set() };
  for (const s of source.statements) shape.statements.add(ts.SyntaxKind[s.kind]);
  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) shape.calls.add(calleeText(node.expression));
    if (ts.isNewExpression(node)) shape.calls.add(`new ${calleeText(node.expression)}`);
    if (ts.isImportDeclaration(node)) assert.match((node.moduleSpecifier as ts.StringLiteral).text, /^(@pulumi\/[a-z]+|berth(\/[a-z]+)?|node:(fs|path))$/, `${file}: imports`);
    if (ts.isImportEqualsDeclaration(node) || (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)) assert.fail(`${file}: a dynamic import`);
    ts.forEachChild(node, walk);
  };
  walk(source);
  return shape;
}

/** Checks the YAML and JSON files of a written project; returns the shapes of its TypeScript files. */
function inspectProject(dir: string): Shape {
  const total: Shape = { calls: new Set(), statements: new Set() };
  const project = (load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as Record<string, unknown>)["name"];
  for (const rel of fs.readdirSync(dir, { recursive: true }).map(String)) {
    const file = path.join(dir, rel);
    if (!fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, "utf8");
    if (rel.endsWith(".ts")) {
      const s = inspect(rel, text);
      for (const c of s.calls) total.calls.add(c);
      for (const k of s.statements) total.statements.add(k);
    } else if (rel === "Pulumi.yaml") {
      const doc = load(text) as Record<string, unknown>;
      assert.deepEqual(Object.keys(doc), ["name", "description", "runtime"], `${rel} keys`);
    } else if (/^Pulumi\..+\.yaml$/.test(rel)) {
      const doc = (load(text) ?? {}) as Record<string, unknown>;
      assert.deepEqual(Object.keys(doc), ["config"], `${rel} keys`);
      for (const k of Object.keys((doc["config"] ?? {}) as Record<string, unknown>)) assert.ok(k.startsWith(`${String(project)}:`), `${rel}: key ${JSON.stringify(k)} in the project's namespace`);
    } else if (rel === "package.json") {
      assert.deepEqual(Object.keys(JSON.parse(text) as object), ["name", "main", "devDependencies", "dependencies"]);
    } else if (rel === "tsconfig.json") {
      JSON.parse(text);
    }
  }
  return total;
}

/** YAML double-quoted text for any string (every character outside printable ASCII escaped). */
function q(text: string): string {
  return `"${[...text]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (c === '"' || c === "\\") return `\\${c}`;
      if (code >= 0x20 && code < 0x7f) return c;
      return code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\U${code.toString(16).padStart(8, "0")}`;
    })
    .join("")}"`;
}

interface Template {
  label: string;
  command: "compose" | "import";
  /** Files of the project (relative path → text) for one payload. */
  files(p: string): Record<string, string>;
  /** The main file's name for one payload. @default the first file */
  main?(p: string): string;
  args: string[];
}

const COMPOSE_TEMPLATES: Template[] = [
  ...(["swarm", "docker"] as const).flatMap((target): Template[] => [
    {
      label: `compose (${target}): an environment value, a label key and value, a command item`,
      command: "compose",
      files: (p) => ({
        "compose.yaml": `services:\n  web:\n    image: nginx:1.27\n    environment: { MODE: ${q(p)} }\n    labels: { ${q(`l-${p}`)}: ${q(p)} }\n    command: ["sh", "-c", ${q(p)}]\n`,
      }),
      args: ["--target", target, "--name", "app"],
    },
    {
      label: `compose (${target}): a network and a volume named by the payload`,
      command: "compose",
      files: (p) => ({
        "compose.yaml": `services:\n  web:\n    image: nginx:1.27\n    networks: [front]\n    volumes: ["data:/data"]\nnetworks:\n  front: { name: ${q(p)} }\nvolumes:\n  data: { name: ${q(p)} }\n`,
      }),
      args: ["--target", target, "--name", "app"],
    },
    {
      label: `compose (${target}): the Compose file's own name`,
      command: "compose",
      files: (p) => ({ [`c-${fileName(p)}.yaml`]: "services:\n  web:\n    image: nginx:1.27\n" }),
      args: ["--target", target, "--name", "app"],
    },
    {
      label: `compose (${target}): a config's content and a secret from an environment variable`,
      command: "compose",
      files: (p) => ({
        "compose.yaml": `services:\n  web:\n    image: nginx:1.27\n    configs: [site]\n    secrets: [token]\nconfigs:\n  site: { content: ${q(p)} }\nsecrets:\n  token: { environment: PAYLOAD_TOKEN }\n`,
      }),
      args: ["--target", target, "--name", "app"],
    },
  ]),
];

/** A file name made from a payload: the characters a file name cannot hold replaced, cut to 80. */
function fileName(p: string): string {
  return [...p]
    .map((c) => (c === "/" || c === "\u0000" ? "_" : c))
    .join("")
    .slice(0, 80);
}

const BP_HEAD = "tosca_definitions_version: cloudify_dsl_1_3\nimports:\n  - http://www.getcloudify.org/spec/cloudify/4.2/types.yaml\n  - http://www.getcloudify.org/spec/docker-plugin/1.3.2/plugin.yaml\n";
const CONTAINER = (name: string, extra = "") => `    type: cloudify.docker.Container\n    properties:\n      name: ${name}\n      image: { repository: nginx, tag: "1.27" }\n${extra}`;

const BLUEPRINT_TEMPLATES: Template[] = [
  {
    label: "import: the blueprint's description, a node's description and a property value",
    command: "import",
    files: (p) => ({ "blueprint.yaml": `${BP_HEAD}description: ${q(p)}\nnode_templates:\n  web:\n    description: ${q(p)}\n${CONTAINER(q(p))}` }),
    args: [],
  },
  {
    label: "import: a node's name",
    command: "import",
    files: (p) => ({ "blueprint.yaml": `${BP_HEAD}node_templates:\n  ${q(p)}:\n${CONTAINER("web")}outputs:\n  id: { value: { get_attribute: [${q(p)}, container_id] } }\n` }),
    args: [],
  },
  {
    label: "import: an input's name, description and default, and an input with no value",
    command: "import",
    files: (p) => ({
      "blueprint.yaml": `${BP_HEAD}inputs:\n  ${q(p)}: { description: ${q(p)}, default: ${q(p)} }\n  ${q(`${p}-2`)}: { description: ${q(p)} }\nnode_templates:\n  web:\n${CONTAINER(`{ get_input: ${q(p)} }`)}  db:\n${CONTAINER(`{ get_input: ${q(`${p}-2`)} }`)}`,
    }),
    args: [],
  },
  {
    label: "import: a get_secret name",
    command: "import",
    files: (p) => ({ "blueprint.yaml": `${BP_HEAD}node_templates:\n  web:\n${CONTAINER(`{ get_secret: ${q(p)} }`)}` }),
    args: [],
  },
  {
    label: "import: an output's name, description and value",
    command: "import",
    files: (p) => ({ "blueprint.yaml": `${BP_HEAD}node_templates:\n  web:\n${CONTAINER("web")}outputs:\n  ${q(p)}: { description: ${q(p)}, value: ${q(p)} }\n` }),
    args: [],
  },
  {
    label: "import: a script's path and an operation input",
    command: "import",
    files: (p) => ({
      "blueprint.yaml": `${BP_HEAD}node_templates:\n  host:\n    type: cloudify.nodes.Compute\n    properties: { ip: 192.0.2.10, agent_config: { install_method: none, user: ubuntu } }\n  app:\n    type: cloudify.nodes.SoftwareComponent\n    interfaces:\n      cloudify.interfaces.lifecycle:\n        create: { implementation: ${q(`scripts/${fileName(p)}.sh`)}, inputs: { MODE: ${q(p)} } }\n    relationships:\n      - { type: cloudify.relationships.contained_in, target: host }\n`,
      [`scripts/${fileName(p)}.sh`]: "#!/bin/sh\necho ok\n",
    }),
    main: () => "blueprint.yaml",
    args: [],
  },
  {
    label: "import: an imported file's path and a node type's name",
    command: "import",
    files: (p) => ({
      "blueprint.yaml": `${BP_HEAD}  - ${q(`types/${fileName(p)}.yaml`)}\nnode_templates:\n  web:\n    type: ${q(`my.${p}`)}\n`,
      [`types/${fileName(p)}.yaml`]: `node_types:\n  ${q(`my.${p}`)}:\n    derived_from: cloudify.nodes.Root\n    properties:\n      x: { default: ${q(p)} }\n`,
    }),
    main: () => "blueprint.yaml",
    args: [],
  },
];

async function runCase(t: Template, payload: string, index: number): Promise<Shape | undefined> {
  const dir = path.join(work, `case-${index}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = t.files(payload);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const mainFile = t.main?.(payload) ?? Object.keys(files)[0]!;
  const out = path.join(dir, "out");
  let err = "";
  const code = await main([t.command, path.join(dir, mainFile), "--out", out, ...t.args], {
    out: () => undefined,
    err: (s) => {
      err += s;
    },
    cwd: dir,
    env: { PAYLOAD_TOKEN: payload, PATH: process.env["PATH"] },
  });
  if (code === 2) {
    assert.equal(fs.existsSync(out), false, `${t.label}: refused, and nothing written`);
    assert.doesNotMatch(err, /\n\s+at [^\n]+:\d+:\d+\)?\n/, `${t.label}: no stack frames`);
    return undefined;
  }
  assert.ok(code === 0 || code === 3, `${t.label} with ${JSON.stringify(payload)}: exit ${code}\n${err}`);
  return inspectProject(out);
}

/** Runs every template with the benign value and each payload; compares each written program's shape with the benign one. */
async function checkTemplates(templates: Template[], first: number): Promise<void> {
  let n = first;
  for (const t of templates) {
    const benign = await runCase(t, "benign-value", n++);
    assert.ok(benign, `${t.label}: the benign case is written`);
    let written = 0;
    for (const p of PAYLOADS) {
      const shape = await runCase(t, p, n++);
      if (!shape) continue;
      written++;
      for (const c of shape.calls) assert.ok(benign.calls.has(c), `${t.label} with ${JSON.stringify(p)}: a call ${c} the benign program does not make`);
      for (const k of shape.statements) assert.ok(benign.statements.has(k), `${t.label} with ${JSON.stringify(p)}: a statement ${k} the benign program does not have`);
    }
    assert.ok(written > 0, `${t.label}: at least one hostile case is written, not only refused`);
  }
}

test(`hostile text in ${COMPOSE_TEMPLATES.length} Compose fields × ${PAYLOADS.length} payloads adds no statement, call or config key`, async () => {
  await checkTemplates(COMPOSE_TEMPLATES, 0);
});

test(`hostile text in ${BLUEPRINT_TEMPLATES.length} blueprint fields × ${PAYLOADS.length} payloads adds no statement, call or config key`, async () => {
  await checkTemplates(BLUEPRINT_TEMPLATES, 10_000);
});
