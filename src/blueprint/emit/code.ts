import { berthDependencySpec } from "../../codegen/berth-spec";
import { type ConfigEntry, type GeneratedProject, projectFiles } from "../../codegen/project";
import type { YamlValue } from "../../codegen/yaml-emit";
import { CodeWriter, identifier, literal, propertyKey } from "../../codegen/writer";
import { CallRef, CapabilityRef, HelperRef, InputRef, OutputRef, SecretRef, type Value } from "../functions/values";
import type { Plan } from "./plan";

/** The files of a generated Pulumi project, by relative path. */
export type ProjectFiles = Record<string, string>;

/** Options for {@link writeProject}. */
export interface ProjectOptions {
  /** The Pulumi project and Blueprint component name. */
  name: string;
  /** The stack whose config file is written. @default "dev" */
  stack?: string;
  /** The berth dependency spec for package.json. @default what `berthDependencySpec` finds for the working folder */
  berthSpec?: string;
}

/**
 * An object-literal key: `__proto__` written as a computed key, since a plain `__proto__:` member sets the object's
 * prototype and the value would vanish.
 */
function objectKey(key: string): string {
  return key === "__proto__" ? `[${literal(key)}]` : propertyKey(key);
}

/** The key under which an input's variable is kept in the variables map (resource keys never contain a space). */
function inputKey(name: string): string {
  return `input ${name}`;
}

/** The run-time helpers of `berth/blueprint` a generated program may call. */
const HELPERS = [
  "blueprintScope",
  "blueprintCall",
  "blueprintCallList",
  "blueprintInput",
  "blueprintRequire",
  "blueprintOutput",
  "blueprintSecret",
  "blueprintSsh",
  "blueprintSshUrl",
  "blueprintStackName",
  "blueprintSys",
  "blueprintConfig",
  "blueprintPlaceholder",
] as const;

/** Above this many arguments a blueprint function's call is written with its arguments as one array. */
const LONG_ARGUMENT_LIST = 256;

/** A TypeScript expression for a plan value; resource references use the variable names given. */
export function expression(v: Value, vars: Map<string, string>, indent = ""): string {
  // The parts go into one list joined once: joining at every level would copy a value's text once per level above it.
  const out: string[] = [];
  writeExpression(v, vars, indent, out);
  return out.join("");
}

/** A path element of a reference, as an argument. */
function pathArg(p: string | number): string {
  return typeof p === "number" ? String(p) : literal(p);
}

/** Appends the parts of {@link expression}'s text for `v` to `out`. */
function writeExpression(v: Value, vars: Map<string, string>, indent: string, out: string[]): void {
  if (v instanceof InputRef) {
    const name = vars.get(inputKey(v.name));
    if (name === undefined) {
      writeExpression(v.resolved, vars, indent, out);
      return;
    }
    if (v.path.length === 0) out.push(name);
    else out.push(`blueprintCall(${[literal("pick"), name, ...v.path.map(pathArg)].join(", ")})`);
    return;
  }
  if (v instanceof SecretRef) {
    out.push(`blueprintSecret(${[literal(v.name), ...v.path.map(pathArg)].join(", ")})`);
    return;
  }
  if (v instanceof CallRef && v.args.length > LONG_ARGUMENT_LIST) {
    // A long list goes as one array literal: JavaScript refuses a call written with more than 65,535 arguments.
    out.push(`blueprintCallList(${literal(v.fn)}, [`);
    for (let i = 0; i < v.args.length; i++) {
      if (i > 0) out.push(", ");
      writeExpression(v.args[i]!, vars, indent, out);
    }
    out.push("])");
    return;
  }
  if (v instanceof CallRef || v instanceof HelperRef) {
    out.push(v instanceof CallRef ? `blueprintCall(${literal(v.fn)}` : `${v.helper}(`);
    for (let i = 0; i < v.args.length; i++) {
      if (i > 0 || v instanceof CallRef) out.push(", ");
      writeExpression(v.args[i]!, vars, indent, out);
    }
    out.push(")");
    return;
  }
  if (v instanceof OutputRef) {
    const name = vars.get(v.resource) ?? "undefined";
    out.push(`blueprintOutput(${[name, literal(v.output), ...v.path.map(pathArg)].join(", ")})`);
    return;
  }
  if (v instanceof CapabilityRef || v === null || v === undefined) {
    out.push("null");
    return;
  }
  if (typeof v === "string") {
    out.push(literal(v));
    return;
  }
  if (typeof v === "number") {
    out.push(Number.isFinite(v) ? String(v) : literal(String(v)));
    return;
  }
  if (typeof v === "boolean") {
    out.push(String(v));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push("[]");
      return;
    }
    out.push("[\n");
    for (const x of v) {
      out.push(inner);
      writeExpression(x, vars, inner, out);
      out.push(",\n");
    }
    out.push(indent, "]");
    return;
  }
  // Any other object (a mapping) is written member by member, as Object.entries lists them.
  const members = v as { [key: string]: Value | undefined };
  let any = false;
  for (const k of Object.keys(members)) {
    const x = members[k];
    if (x === undefined) continue;
    if (!any) out.push("{\n");
    any = true;
    out.push(inner, objectKey(k), ": ");
    writeExpression(x, vars, inner, out);
    out.push(",\n");
  }
  out.push(any ? `${indent}}` : "{}");
}

const MODULE_ALIAS: Record<string, string> = {
  "@pulumi/pulumi": "pulumi",
  "@pulumi/openstack": "openstack",
  "@pulumi/aws": "aws",
  "@pulumi/kubernetes": "k8s",
  "@pulumi/command": "command",
  "@pulumi/docker": "docker",
  "@pulumi/tls": "tls",
  "@pulumi/random": "random",
};

/** The program (`index.ts`): one statement per planned resource, in dependency order, under one Blueprint parent. */
export function writeProgram(plan: Plan, name: string): string {
  const w = new CodeWriter();
  w.comment(`Generated by \`berth import\` from a Cloudify blueprint.${plan.description ? `\n${plan.description.trim()}` : ""}`);
  w.line('import * as pulumi from "@pulumi/pulumi";');
  const modules = [...new Set(plan.resources.map((r) => r.target.module))].filter((m) => m !== "@pulumi/pulumi").sort();
  // Berth's components are imported by name (`import { SwarmService } from "berth/swarm"`), providers as namespaces.
  const berthClasses = new Set<string>();
  for (const m of modules) {
    if (m.startsWith("berth/")) {
      const names = [...new Set(plan.resources.filter((r) => r.target.module === m).map((r) => r.target.path[0]!))].sort();
      for (const n of names) berthClasses.add(n);
      w.line(`import { ${names.join(", ")} } from ${literal(m)};`);
    } else w.line(`import * as ${MODULE_ALIAS[m] ?? identifier(m)} from ${literal(m)};`);
  }
  w.line(`import { ${HELPERS.join(", ")} } from "berth/blueprint";`);
  w.line();
  w.line("// The parent every node hangs under: the same type and name as the live Blueprint component.");
  w.line(`const root = blueprintScope(${literal(name)});`);
  const taken = new Set<string>(["root", "pulumi", ...HELPERS, ...berthClasses, ...Object.values(MODULE_ALIAS)]);
  const vars = new Map<string, string>();
  if (plan.inputs.length > 0) {
    w.line();
    w.line("// The blueprint's inputs, read from the stack's config: required when the blueprint gives no value, secret when");
    w.line("// they are credentials, else falling back to the value the blueprint was imported with.");
    for (const i of plan.inputs) {
      const v = identifier(`input-${i.name}`, taken);
      if (i.description) w.comment(i.description.trim());
      if (i.required) w.line(`const ${v} = blueprintRequire(${literal(i.name)}, ${literal(i.type)}, ${i.secret});`);
      else w.line(`const ${v} = blueprintInput(${literal(i.name)}, ${expression(i.defaultValue, vars)}${i.secret ? ", true" : ""});`);
      vars.set(inputKey(i.name), v);
    }
  }
  // Data sources are read, not created: their results are data dependencies, never dependsOn entries.
  const invokes = new Set(plan.resources.filter((r) => r.target.invoke).map((r) => r.key));
  let lastNode = "";
  for (const r of plan.resources) {
    const v = identifier(r.key, taken);
    vars.set(r.key, v);
    w.line();
    if (r.node !== lastNode && r.description) w.comment(r.description.trim());
    lastNode = r.node;
    const ctor = r.target.module.startsWith("berth/") ? r.target.path[0]! : [MODULE_ALIAS[r.target.module] ?? identifier(r.target.module), ...r.target.path].join(".");
    const opts: string[] = ["parent: root.resource"];
    const deps = r.dependsOn.filter((k) => !invokes.has(k));
    if (deps.length > 0) opts.push(`dependsOn: [${deps.map((k) => vars.get(k) ?? "root.resource").join(", ")}]`);
    if (r.provider && vars.get(r.provider)) opts.push(`provider: ${vars.get(r.provider)}`);
    if (r.secretOutputs && r.secretOutputs.length > 0) opts.push(`additionalSecretOutputs: [${r.secretOutputs.map(literal).join(", ")}]`);
    const rname = literal(`${name}-${r.key}`);
    if (r.target.invoke) {
      const invokeOpts = ["parent: root.resource", ...(r.provider && vars.get(r.provider) ? [`provider: ${vars.get(r.provider)}`] : [])];
      w.comment("A data source: read when the program runs, nothing is created.");
      w.line(`const ${v} = ${ctor}(${expression(r.args, vars)}, { ${invokeOpts.join(", ")} });`);
    } else if (r.lookupId !== undefined) {
      w.comment("use_external_resource: read, never created or deleted.");
      w.line(`const ${v} = ${ctor}.get(${rname}, ${expression(r.lookupId, vars)}, undefined, { ${opts.join(", ")} });`);
    } else {
      w.line(`const ${v} = new ${ctor}(${rname}, ${expression(r.args, vars)}, { ${opts.join(", ")} });`);
    }
  }
  for (const p of plan.placeholders) {
    const v = identifier(`${p.key}-placeholder`, taken);
    w.line();
    w.comment(`NOT CONVERTED, creates nothing: ${p.node} (${p.type}). ${p.reason}`);
    const spec = { node: p.node, type: p.type, reason: p.reason, properties: p.properties };
    w.line(`export const ${v} = blueprintPlaceholder(${expression(spec, vars)});`);
  }
  w.line();
  const outs = plan.outputs.map((o) => `  ${objectKey(o.name)}: ${expression(o.value, vars, "  ")},`);
  w.line(`root.finish({${outs.length > 0 ? `\n${outs.join("\n")}\n` : ""}});`);
  for (const o of plan.outputs) {
    if (o.description) w.comment(o.description.trim());
    w.line(`export const ${identifier(o.name, taken)} = ${expression(o.value, vars)};`);
  }
  return w.toString();
}

/** A config value as YAML: JSON-shaped values as they are, anything else (a reference, a function) as its JSON text. */
function configValue(v: unknown): YamlValue {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v)) return v.map(configValue);
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out: { [key: string]: YamlValue } = {};
    for (const [k, item] of Object.entries(v)) Object.defineProperty(out, k, { value: configValue(item), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return JSON.stringify(v) ?? String(v);
}

/**
 * The stack config of the generated project: every key the program reads (inputs, `get_secret` names, hosts' SSH
 * user and key, other deployments' stacks), a value only where the import has one and it is not a secret.
 */
export function blueprintConfig(plan: Plan): ConfigEntry[] {
  return plan.config.map((c) => {
    const entry: ConfigEntry = { key: c.key, comment: c.comment, required: c.required };
    if (c.secret) entry.secret = true;
    else if (c.value !== undefined && c.value !== null) entry.value = configValue(c.value);
    return entry;
  });
}

/** The generated project: index.ts and its config, around the shared project writer. */
export function blueprintProject(plan: Plan, options: ProjectOptions): GeneratedProject {
  return {
    name: options.name,
    description: (plan.description ?? "Imported from a Cloudify blueprint").trim(),
    stack: options.stack ?? "dev",
    program: writeProgram(plan, options.name),
    config: blueprintConfig(plan),
    berthSpec: options.berthSpec ?? berthDependencySpec(process.cwd()),
    generator: "berth import",
  };
}

/** Every file of the generated project. */
export function writeProject(plan: Plan, options: ProjectOptions): ProjectFiles {
  return projectFiles(blueprintProject(plan, options));
}
