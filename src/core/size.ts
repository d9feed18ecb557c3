/**
 * Byte sizes as Docker reads them (`512m`, `1.5g`, `100kb`, `2048`): binary multiples (1k = 1024), an optional `b`
 * after the unit, any case, spaces around. What Compose files and docker-py params both write.
 */

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** The units a reader accepts: Docker's CLI and Compose read up to `t`, docker-py only up to `g`. */
export type SizeUnits = "bkmgt" | "bkmg";

/**
 * A size in bytes (fractions of a byte dropped), or undefined when the text or number is not a size or uses a unit
 * outside `units`.
 */
export function parseBytes(text: string | number, units: SizeUnits = "bkmgt"): number | undefined {
  if (typeof text === "number") return Number.isSafeInteger(text) && text >= 0 ? text : undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)b?$/i.exec(text.trim());
  if (!m || !units.includes(m[2]!.toLowerCase())) return undefined;
  return Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
}
