import type { SourcePosition } from "./positions";

/** One problem in a source file, with its position. */
export interface Diagnostic extends SourcePosition {
  /** What is wrong and how to fix it. */
  message: string;
  /** The text of the line it is on, for the caret display. @default none (only the first line is printed) */
  source?: string;
}

/**
 * Formats a diagnostic as `file:line:col: message`, then the source line and a caret under the column
 * (when the source line is known).
 *
 * @example
 * ```ts
 * formatDiagnostic({ file: "a.yaml", line: 2, col: 7, message: "unknown type", source: "  type: x" });
 * // a.yaml:2:7: unknown type
 * //     type: x
 * //         ^
 * ```
 */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.col}: ${d.message}`;
  if (d.source === undefined) return head;
  const line = d.source.replace(/\t/g, " ");
  const caret = `${" ".repeat(Math.max(0, Math.min(d.col - 1, line.length)))}^`;
  return `${head}\n  ${line}\n  ${caret}`;
}

/** Formats many diagnostics, sorted by file, line and column, one block each. */
export function formatDiagnostics(list: readonly Diagnostic[]): string {
  return sortDiagnostics(list).map(formatDiagnostic).join("\n");
}

/** Diagnostics sorted by file, line and column (stable for equal positions). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1));
}

/** The `file:line:col` text of a position (the `where` of a core Problem). */
export function where(p: SourcePosition): string {
  return `${p.file}:${p.line}:${p.col}`;
}
