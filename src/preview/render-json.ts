/** `berth preview --format json`: the document with every object's keys sorted, two-space indented. */
import type { RecordedValue } from "../resources/recorder";
import type { PreviewDocument } from "./document";
import { sortKeys } from "./values";

/** Renders the document as stable JSON text (same program, same text). */
export function renderJson(doc: PreviewDocument): string {
  return `${JSON.stringify(sortKeys(doc as unknown as RecordedValue), null, 2)}\n`;
}
