/**
 * Writing YAML that users' tools read (Pulumi.yaml, Pulumi.<stack>.yaml): keys and values go through js-yaml's
 * emitter, never through string concatenation, and comments through {@link yamlComment}, so no text from a blueprint
 * or a Compose file can add a key, end a comment or change the document's structure.
 */
import { dump } from "js-yaml";
import { commentLines } from "./writer";
import { shellQuote } from "../core/shell-quote";

/** A value js-yaml can write. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** A YAML document for `value` (a mapping), in block style, long strings never folded. */
export function yamlDocument(value: { [key: string]: YamlValue }): string {
  return dump(value, { lineWidth: -1, noRefs: true, quotingType: '"', sortKeys: false });
}

/**
 * `#` comment lines for any text: split on every line break YAML or JavaScript knows, control characters shown as
 * escapes, each line indented by `indent`.
 */
export function yamlComment(text: string, indent = ""): string {
  return commentLines(text)
    .map((l) => (l === "" ? `${indent}#` : `${indent}# ${l}`))
    .join("\n");
}

/** One member of a mapping (`key: value`), written by the emitter and indented by `indent` (block style). */
export function yamlMember(key: string, value: YamlValue, indent = ""): string {
  const text = dump({ [key]: value }, { lineWidth: -1, noRefs: true, quotingType: '"' }).replace(/\n$/, "");
  return text
    .split("\n")
    .map((l) => indent + l)
    .join("\n");
}

/** A word for a shell command shown in a comment: bare when safe, else single-quoted (control characters escaped). */
export function shellWord(text: string): string {
  return shellQuote(text, { oneLine: true });
}
