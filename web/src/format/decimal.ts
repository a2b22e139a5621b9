// Exact decimals from the API ("1047.49", "27133000000"): division and ratios in bigint, rounded half away from
// zero, for figures such as per-capita GDP that the client derives from two facts.
import { divideRounded, groupDigits } from "./money.ts";

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal string as an integer and its scale: "12.5" → { units: 125n, scale: 1 }. */
export function parseDecimal(text: string): { units: bigint; scale: number } {
  const match = decimalPattern.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole = "0", fraction = ""] = match;
  const units = BigInt(whole + fraction);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

/** a ÷ b as a decimal string with `digits` decimals, exact up to the final rounding. */
export function divideDecimals(a: string, b: string, digits: number): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (y.units === 0n) throw new RangeError("division by zero");
  // a/b = (x.units / 10^x.scale) / (y.units / 10^y.scale); scaled by 10^digits.
  const numerator = x.units * 10n ** BigInt(digits + y.scale);
  const denominator = y.units * 10n ** BigInt(x.scale);
  const value = divideRounded(numerator, denominator);
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const fraction = digits > 0 ? `.${abs.slice(abs.length - digits)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Thousands separators on a decimal string: "66353.2" → "66,353.2". */
export function groupDecimal(text: string): string {
  const match = decimalPattern.exec(text.trim());
  if (!match) return text;
  const [, sign, whole = "0", fraction] = match;
  return `${sign}${groupDigits(whole)}${fraction !== undefined ? `.${fraction}` : ""}`;
}

/** Drops trailing zeros of the fraction: "320.00" → "320", "120.50" → "120.5". */
export function trimDecimal(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
