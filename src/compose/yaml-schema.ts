/**
 * YAML as Compose files are written: the YAML 1.2 core types, YAML 1.1 octal integers (`mode: 0440` is 288, as the
 * Docker CLI reads it), merge keys (`<<: *anchor`), and Compose's two merge tags: `!reset` (remove what an earlier
 * file or a base service set) and `!override` (replace it instead of merging).
 */
import * as yaml from "js-yaml";

/** A value written with a Compose merge tag. */
export class ComposeTag {
  constructor(
    /** `reset`: the key is removed; `override`: the value replaces the earlier one instead of merging with it. */
    public readonly tag: "reset" | "override",
    /** The value as written after the tag (ignored for `reset`). */
    public readonly value: unknown,
  ) {}
}

// js-yaml exports its built-in types as `types` at run time; @types/js-yaml does not declare them.
const builtin = (yaml as unknown as { types: Record<"null" | "bool" | "int" | "float" | "merge", yaml.Type> }).types;

const tagTypes = (["reset", "override"] as const).flatMap((tag) =>
  (["scalar", "sequence", "mapping"] as const).map(
    (kind) =>
      new yaml.Type(`!${tag}`, {
        kind,
        // An empty scalar (`command: !reset`) arrives as null.
        resolve: () => true,
        construct: (data: unknown) => new ComposeTag(tag, data ?? null),
      }),
  ),
);

/** The js-yaml schema of Compose files. */
export const COMPOSE_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    builtin.null,
    builtin.bool,
    new yaml.Type("tag:berth,2026:octal-int", {
      kind: "scalar",
      resolve: (data: string) => /^[-+]?0[0-7]+$/.test(data),
      construct: (data: string) => Number.parseInt(data, 8),
    }),
    builtin.int,
    builtin.float,
    builtin.merge,
  ],
  explicit: tagTypes,
});
