// Money on screen. The API carries money as integer fen in a string; every step here is bigint arithmetic, so no
// amount is ever rounded by a float. Chinese shows 元/万元/亿元, English shows yuan with thousands separators.

export type Locale = "zh-CN" | "en-US";

/** The units an amount can be shown in, with their size in fen. */
export const moneyUnits = { yuan: 100n, wan: 1_000_000n, yi: 10_000_000_000n } as const;
export type MoneyUnit = keyof typeof moneyUnits;

export type MoneyOptions = {
  /** zh-CN: the unit to show; "auto" takes 亿元 from 1亿, 万元 from 1万, else 元. en-US always shows yuan. */
  unit?: MoneyUnit | "auto";
  /** Digits after the point, rounded half away from zero (default 2). */
  fractionDigits?: number;
};

const fenPattern = /^-?\d+$/;

/** A fen string ("150000") as a bigint; throws on anything that is not a whole number of fen. */
export function parseFen(fen: string | bigint): bigint {
  if (typeof fen === "bigint") return fen;
  const text = fen.trim();
  if (!fenPattern.test(text)) throw new RangeError(`not a whole number of fen: ${JSON.stringify(fen)}`);
  return BigInt(text);
}

/** Divides and rounds half away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** Groups the digits of a non-negative integer string by three with the separator. */
export function groupDigits(digits: string, separator = ","): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The amount `fen` expressed in `unitFen` with `digits` decimals, e.g. (123456789n, 1_000_000n, 2) → "123.46". */
export function scaled(fen: bigint, unitFen: bigint, digits: number): string {
  const factor = 10n ** BigInt(digits);
  const value = divideRounded(fen * factor, unitFen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = groupDigits((abs / factor).toString());
  const fraction = digits > 0 ? `.${(abs % factor).toString().padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** The unit 亿元, 万元 or 元 that shows `fen` best: the largest unit the amount reaches. */
export function autoUnit(fen: bigint): MoneyUnit {
  const abs = fen < 0n ? -fen : fen;
  if (abs >= moneyUnits.yi) return "yi";
  if (abs >= moneyUnits.wan) return "wan";
  return "yuan";
}

const zhUnitNames: Record<MoneyUnit, string> = { yuan: "元", wan: "万元", yi: "亿元" };

/** Formats fen for the locale: zh-CN "1.50亿元" / "320.00万元" / "12.30元"; en-US "¥150,000,000.00". */
export function formatMoney(fen: string | bigint, locale: Locale, options: MoneyOptions = {}): string {
  const amount = parseFen(fen);
  const digits = options.fractionDigits ?? 2;
  if (locale === "en-US") {
    const text = scaled(amount, moneyUnits.yuan, digits);
    return text.startsWith("-") ? `-¥${text.slice(1)}` : `¥${text}`;
  }
  const unit = !options.unit || options.unit === "auto" ? autoUnit(amount) : options.unit;
  return `${scaled(amount, moneyUnits[unit], digits)}${zhUnitNames[unit]}`;
}

/** The unit an input field asks for in each locale: 万元 in Chinese (how officials write amounts), yuan in English. */
export function inputUnitOf(locale: Locale): MoneyUnit {
  return locale === "zh-CN" ? "wan" : "yuan";
}

/**
 * Parses an amount typed in `unit` ("12.5" 万元, "1,234.56" yuan) to fen, exactly. Returns undefined when the text
 * is not a number or has more decimals than a fen can hold (e.g. "0.001" yuan).
 */
export function parseMoneyInput(text: string, unit: MoneyUnit): bigint | undefined {
  const cleaned = text.trim().replace(/[,，\s]/g, "");
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return undefined;
  const [, sign, whole = "0", fraction = ""] = match;
  const unitFen = moneyUnits[unit];
  const scale = 10n ** BigInt(fraction.length);
  const numerator = (BigInt(whole) * scale + BigInt(fraction || "0")) * unitFen;
  if (numerator % scale !== 0n) return undefined;
  const fen = numerator / scale;
  return sign === "-" ? -fen : fen;
}

/** The fen amount written in `unit` without separators and without trailing zeros, for an input field. */
export function moneyInputText(fen: string | bigint, unit: MoneyUnit): string {
  const amount = parseFen(fen);
  const unitFen = moneyUnits[unit];
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = abs / unitFen;
  const rest = abs % unitFen;
  const digits = unitFen.toString().length - 1;
  const fraction = rest === 0n ? "" : `.${rest.toString().padStart(digits, "0").replace(/0+$/, "")}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
