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
const figureNamespace = Buffer.from("6f1d2c7e94a34b0e8f650c3a9e21d5b4", "hex");

/**
 * The subject's first six bytes, then ten of the SHA-256 of the namespace and "kind:subject:month:measure",
 * with the version (8) and variant bits set. The database's `indicators_figure_id` makes the same id (the
 * migration that introduced these ids rewrote the earlier ones with it).
 */
export function figureIdOf(key: FigureKey): string {
  const subject = key.subjectId.toLowerCase();
  const digest = hash("sha256", Buffer.concat([figureNamespace, Buffer.from(`${key.subjectKind}:${subject}:${key.month}:${key.measure}`, "utf8")]), "buffer");
  const id = Buffer.alloc(16);
  id.write(subject.replace(/-/g, "").slice(0, 12), 0, "hex");
  digest.copy(id, 6, 0, 10);
  id[6] = ((id[6] as number) & 0x0f) | 0x80;
  id[8] = ((id[8] as number) & 0x3f) | 0x80;
  const h = id.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
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
