/**
 * One-line display of a recorded value for the tree: JSON-like, with `[secret]` and `(known after deploy)` shown as
 * they are (not quoted), multi-line text shortened to its first line and a line count, and long values cut at a width.
 */
import { UNKNOWN_VALUE, type RecordedValue } from "../resources/recorder";
import { SECRET_MASK } from "./values";

function full(value: RecordedValue): string {
  if (value === SECRET_MASK || value === UNKNOWN_VALUE) return value;
  if (typeof value === "string") {
    const lines = value.split("\n");
    const count = lines[lines.length - 1] === "" ? lines.length - 1 : lines.length;
    if (count > 1) return `${JSON.stringify(`${lines[0]}…`)} (${count} lines)`;
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(full).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${full(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/** The value on one line, at most `width` characters (cut with `…`). */
export function formatValue(value: RecordedValue, width = 100): string {
  const text = full(value);
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
