// What makes a figure the same figure: its subject, month and measure. The figure's id is a name-based UUID
// (RFC 4122 version 5) of those, so an import and the API arrive at the same id without asking the database,
// and every version can carry it. Also: measures and their units, and exact quantities. Pure.
import { hash } from "node:crypto";
import { builtInMeasures, measureUnits, type BuiltInMeasure } from "../../../../contracts/sharing-terms.ts";

export type SubjectKind = "enterprise" | "enclave";
export type FigureKey = { subjectKind: SubjectKind; subjectId: string; month: string; measure: string };

/** The namespace of shanhai's figure ids (a random UUID, fixed for ever: changing it changes every id). */
const figureNamespace = "6f1d2c7e-94a3-4b0e-8f65-0c3a9e21d5b4";

export function figureIdOf(key: FigureKey): string {
  return uuidV5(`${key.subjectKind}:${key.subjectId.toLowerCase()}:${key.month}:${key.measure}`, figureNamespace);
}

const namespaceBytes = new Map<string, Buffer>();

/**
 * RFC 4122 §4.3: SHA-1 of the namespace's bytes and the name, with the version and variant bits set. An import
 * names every row's figure this way, so it is done on the hex digest, with the namespace's bytes kept.
 */
export function uuidV5(name: string, namespace: string): string {
  let ns = namespaceBytes.get(namespace);
  if (!ns) namespaceBytes.set(namespace, (ns = Buffer.from(namespace.replace(/-/g, ""), "hex")));
  const hex = hash("sha1", Buffer.concat([ns, Buffer.from(name, "utf8")]));
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
