/** The names a generated project carries, checked against Pulumi's rules before anything is written. */

/** Pulumi's rule for a stack name (the last part of `org/project/stack`): letters, digits, `-`, `_`, `.`; ≤ 100. */
const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/** Pulumi's rule for a project name: letters, digits, `-`, `_`, `.`; ≤ 100 characters. */
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** Why `name` is not a usable stack name, or undefined when it is. */
export function stackNameProblem(name: string): string | undefined {
  if (STACK_NAME.test(name) && name !== "." && name !== "..") return undefined;
  return `${JSON.stringify(name)} is not a stack name: use up to 100 letters, digits, "-", "_" and "." (Pulumi's rule), e.g. dev`;
}

/** Why `name` is not a usable Pulumi project name, or undefined when it is. */
export function projectNameProblem(name: string): string | undefined {
  if (PROJECT_NAME.test(name) && name !== "." && name !== "..") return undefined;
  return `${JSON.stringify(name)} is not a Pulumi project name: use up to 100 letters, digits, "-", "_" and "."`;
}

/** A project name made from any text (a folder name): lowercase, other characters become `-`; "project" if empty. */
export function projectNameFrom(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return name === "" ? "project" : name;
}

/** Pulumi's rule for a config key's name part (after `project:`): letters, digits, `-`, `_`, `.`, `/`. */
const CONFIG_NAME = /^[A-Za-z0-9_./-]+$/;

/**
 * A config key name made from any text (an input or variable name): kept as is when Pulumi accepts it, else every
 * other character becomes `_` and a short hash of the original keeps two names apart.
 */
export function configKeyFrom(text: string): string {
  if (CONFIG_NAME.test(text) && text.length <= 100) return text;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const base = text.replace(/[^A-Za-z0-9_./-]+/g, "_").slice(0, 80) || "key";
  return `${base}_${h.toString(16).padStart(8, "0")}`;
}
