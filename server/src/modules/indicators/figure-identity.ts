// What makes a figure the same figure: its subject, month and measure. The figure's id is made of those (an
// RFC 9562 version-8 UUID), so an import and the API arrive at the same id without asking the database, and every
// version carries it. Its first six bytes are its subject's: the figure table is keyed by subject, month, measure
// and version, and the figure is found by its id through that key (subjectRangeOf). Also: measures and their
// units, and exact quantities. Pure.
import { hash } from "node:crypto";
import { builtInMeasures, measureUnits, type BuiltInMeasure } from "../../../../contracts/sharing-terms.ts";

export type SubjectKind = "enterprise" | "enclave";
export type FigureKey = { subjectKind: SubjectKind; subjectId: string; month: string; measure: string };

/** The namespace of shanhai's figure ids (a random UUID, fixed for ever: changing it changes every id). */
const figureNamespace = "6f1d2c7e-94a3-4b0e-8f65-0c3a9e21d5b4";

/**
 * The subject's first six bytes, then ten of the SHA-256 of "namespace:kind:subject:month:measure", with the
 * version (8) and variant bits set. The database's `indicators_figure_id` makes the same id (the migration that
 * introduced these ids rewrote the earlier ones with it). An import names every row's figure: done on text.
 */
export function figureIdOf(key: FigureKey): string {
  const subject = key.subjectId.toLowerCase();
  const h = hash("sha256", `${figureNamespace}:${key.subjectKind}:${subject}:${key.month}:${key.measure}`, "hex");
  const variant = ((Number.parseInt(h[4] as string, 16) & 0x3) | 0x8).toString(16);
  return `${subject.slice(0, 13)}-8${h.slice(1, 4)}-${variant}${h.slice(5, 8)}-${h.slice(8, 20)}`;
}

/** The subject ids a figure's subject lies between: those that begin with the figure id's first six bytes. */
export function subjectRangeOf(figureId: string): { from: string; to: string } {
  const prefix = figureId.toLowerCase().slice(0, 13);
  return { from: `${prefix}-0000-0000-000000000000`, to: `${prefix}-ffff-ffff-ffffffffffff` };
}

export function isBuiltIn(measure: string): measure is BuiltInMeasure {
  return (builtInMeasures as readonly string[]).includes(measure);
}

/** The unit a built-in measure is always in; undefined for a custom one. */
export function builtInUnit(measure: string): string | undefined {
  return isBuiltIn(measure) ? measureUnits[measure] : undefined;
}

export const isMoneyUnit = (unit: string): boolean => unit === "fen";

/** "2024-03" ↔ the date of its first day, as the database keeps months. */
export const monthToDate = (month: string): string => `${month}-01`;
export const dateToMonth = (date: string): string => date.slice(0, 7);

/**
 * A quantity as the database gives it back ("1200.500000", "-0.50") in its shortest exact form ("1200.5",
 * "-0.5"): numeric keeps the scale it was written with, and the API shows one form for one value.
 */
export function normaliseDecimal(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign, whole = "0", fraction = ""] = match;
  const digits = whole.replace(/^0+(?=\d)/, "");
  const decimals = fraction.replace(/0+$/, "");
  const zero = /^0$/.test(digits) && decimals === "";
  return `${zero ? "" : sign}${digits}${decimals ? `.${decimals}` : ""}`;
}
