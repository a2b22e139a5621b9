// Units of the measures a rule can share, and exact conversion of the amounts written in terms files.
import { measureUnits, type BuiltInMeasure, type SharingMeasure } from "../../../../../contracts/sharing-terms.ts";
import type { Measure, MeasureKind } from "./types.ts";

/** Quantities are held as whole micro-units: 6 decimal places, as `Decimal` in contracts/common.ts allows. */
export const QUANTITY_DECIMALS = 6;
export const QUANTITY_SCALE = 10n ** BigInt(QUANTITY_DECIMALS);

export function isBuiltInMeasure(key: string): key is BuiltInMeasure {
  return Object.hasOwn(measureUnits, key);
}

export function measureOf(measure: SharingMeasure): Measure {
  if (typeof measure === "string") return { key: measure, unit: measureUnits[measure], kind: kindOfUnit(measureUnits[measure]) };
  return { key: measure.key, unit: measure.unit, kind: kindOfUnit(measure.unit) };
}

export function kindOfUnit(unit: string): MeasureKind {
  return unit === "fen" ? "money" : "quantity";
}

/** The unit the split rounds to, for explanations: "fen", or "0.000001 tce". */
export function roundingUnitName(measure: Measure): string {
  return measure.kind === "money" ? "fen" : `0.000001 ${measure.unit}`;
}

/**
 * An amount written in the measure's unit as a whole number of the engine's units: money must be whole fen
 * ("500000000"); a quantity may carry up to 6 decimals ("1200.5" tce). Undefined when it cannot be read exactly.
 */
export function parseMeasureAmount(text: string, kind: MeasureKind): bigint | undefined {
  // Whole numbers within a double's exact range, as most figures are: no pattern to match.
  if (/^-?\d{1,15}$/.test(text)) return kind === "money" ? BigInt(Number(text)) : BigInt(Number(text)) * QUANTITY_SCALE;
  const match = /^(-?)(\d{1,18})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole = "0", decimals = ""] = match;
  const significant = decimals.replace(/0+$/, "");
  if (kind === "money") return significant === "" ? BigInt(`${sign}${whole}`) : undefined;
  if (significant.length > QUANTITY_DECIMALS) return undefined;
  const value = BigInt(whole) * QUANTITY_SCALE + BigInt(significant.padEnd(QUANTITY_DECIMALS, "0") || "0");
  return sign === "-" ? -value : value;
}

/** The engine's whole units back to text: fen as an integer string, a quantity as a plain decimal ("1200.5"). */
export function formatMeasureAmount(value: bigint, kind: MeasureKind): string {
  if (kind === "money") return `${value}`;
  const magnitude = value < 0n ? -value : value;
  const whole = magnitude / QUANTITY_SCALE;
  const decimals = `${magnitude % QUANTITY_SCALE}`.padStart(QUANTITY_DECIMALS, "0").replace(/0+$/, "");
  return `${value < 0n ? "-" : ""}${whole}${decimals ? `.${decimals}` : ""}`;
}
