// Cell parsers for imported spreadsheets: pure functions from one cell to a value or a message that tells the
// official what is wrong. Officials type dates, counts and money in many ways; each parser accepts the common
// ones and refuses anything it would have to guess. Money never passes through a floating-point number.

/** One cell as read from a file: XLSX gives numbers, booleans and dates; CSV gives text only. */
export type Cell = string | number | boolean | Date | null;

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a parser may know besides the cell: the header as written (it can carry a unit, e.g. 注册资本（万元）). */
export type CellContext = { header: string };

export type CellParser<T> = (cell: Cell, context: CellContext) => CellResult<T>;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (message: string): CellResult<never> => ({ ok: false, message });

/** True for a cell that holds nothing (blank, or only spaces). */
export function isBlankCell(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** The cell as text, the way the official sees it; integers never in exponent notation. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return numberToDecimalText(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return isoDateOf(cell);
}

// Full-width digits, letters and punctuation (１，２３４．５) read as ASCII for numbers, codes and dates. Text that
// is ASCII already (most cells of a large file) is left as it is: NFKC would not change it.
const printableAscii = /^[\x20-\x7e]*$/;
const ascii = (text: string): string => (printableAscii.test(text) ? text : text.normalize("NFKC")).trim();

/** Text, trimmed; full-width characters kept (they belong to Chinese names). */
export function textCell(options: { maxLength?: number } = {}): CellParser<string> {
  const max = options.maxLength ?? 500;
  return (cell) => {
    const text = cellText(cell);
    return text.length > max ? fail(`is longer than ${max} characters`) : ok(text);
  };
}

/**
 * A code (USCC, division code, industry code): ASCII, upper case. A number cell is padded to `digits` with
 * leading zeros, which Excel drops when it takes a code such as 0164 for a number.
 */
export function codeCell(options: { digits?: number; maxLength?: number } = {}): CellParser<string> {
  const max = options.maxLength ?? 50;
  return (cell) => {
    let code = ascii(cellText(cell)).toUpperCase().replace(/\s+/g, "");
    if (typeof cell === "number" && options.digits && /^\d+$/.test(code)) code = code.padStart(options.digits, "0");
    return code.length > max ? fail(`is longer than ${max} characters`) : ok(code);
  };
}

/** A whole number; thousands separators allowed ("1,234"), decimals only if they are zeros ("12.0"). */
export function integerCell(options: { min?: number; max?: number } = {}): CellParser<number> {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  return (cell) => {
    if (typeof cell === "boolean" || cell instanceof Date) return fail("must be a whole number");
    const decimal = readDecimal(cell);
    if (!decimal.ok) return fail(decimal.message === notANumber ? "must be a whole number" : decimal.message);
    const { negative, whole, fraction } = decimal.value;
    if (/[1-9]/.test(fraction)) return fail("must be a whole number, without decimals");
    if (whole.length > 15) return fail("is too large");
    const value = Number(whole) * (negative && whole !== "0" ? -1 : 1);
    if (value < min) return fail(min === 0 ? "must not be negative" : `must be at least ${min}`);
    if (value > max) return fail(`must be at most ${max}`);
    return ok(value);
  };
}

/**
 * A calendar date as YYYY-MM-DD: an Excel date cell, an Excel serial number, or text written 2024-03-01,
 * 2024/3/1, 2024.3.1, 2024年3月1日 or 20240301 (a time after the date is ignored).
 */
export function dateCell(options: { notAfter?: () => string } = {}): CellParser<string> {
  return (cell) => {
    const parsed = readDate(cell);
    if (!parsed.ok) return parsed;
    const limit = options.notAfter?.();
    if (limit !== undefined && parsed.value > limit) return fail(`must not be in the future (after ${limit})`);
    return parsed;
  };
}

function readDate(cell: Cell): CellResult<string> {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? fail("is not a date") : ok(isoDateOf(cell));
  }
  if (typeof cell === "boolean") return fail("is not a date");
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 18000101 && cell <= 29991231) return calendarDate(cell / 10000, (cell / 100) % 100, cell % 100);
    // Excel counts days from 1899-12-30 (its serial 60 is the 1900-02-29 that never was; older dates are rare).
    if (cell >= 61 && cell < 2958466) return ok(isoDateOf(new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000)));
    return fail("is not a date");
  }
  const text = ascii(cell ?? "").replace(/\s*(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/, "");
  const match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return fail("is not a date; write it as 2024-03-01, 2024/3/1 or 2024年3月1日");
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function calendarDate(year: number, month: number, day: number): CellResult<string> {
  const [y, m, d] = [Math.trunc(year), Math.trunc(month), Math.trunc(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail(`is not a calendar date (${y}-${m}-${d})`);
  }
  return ok(isoDateOf(date));
}

// Excel date cells arrive as the moment UTC midnight of the day shown; the UTC fields are the day the official typed.
function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const trueWords = new Set(["是", "yes", "y", "true", "1", "√", "✓", "对"]);
const falseWords = new Set(["否", "no", "n", "false", "0", "×", "✗", "错"]);

/** Yes or no: 是/否, yes/no, y/n, true/false, 1/0, √/×, or an Excel TRUE/FALSE cell. */
export function booleanCell(): CellParser<boolean> {
  return (cell) => {
    if (typeof cell === "boolean") return ok(cell);
    const word = ascii(cellText(cell)).toLowerCase();
    if (trueWords.has(word)) return ok(true);
    if (falseWords.has(word)) return ok(false);
    return fail("must be 是 or 否 (yes or no)");
  };
}

/**
 * One of a fixed set of values, written as its key (public_service) or one of its words (公共服务, public service);
 * compared without case, spaces, underscores or hyphens. The message lists each value's first word and key.
 */
export function choiceCell<K extends string>(choices: Readonly<Record<K, readonly string[]>>): CellParser<K> {
  const squash = (text: string) => ascii(text).toLowerCase().replace(/[\s_\-–—]+/g, "");
  const entries = Object.entries(choices) as [K, readonly string[]][];
  const byWord = new Map<string, K>();
  for (const [key, words] of entries) for (const word of [key, ...words]) byWord.set(squash(word), key);
  const listed = entries.map(([key, words]) => (words[0] ? `${words[0]} (${key})` : key)).join(", ");
  return (cell) => {
    const key = typeof cell === "string" || typeof cell === "number" ? byWord.get(squash(cellText(cell))) : undefined;
    return key === undefined ? fail(`must be one of ${listed}`) : ok(key);
  };
}

/** Several values in one cell, separated by ; or 、 (or line breaks); blanks dropped, repeats kept once. */
export function listCell(options: { maxItems?: number; maxLength?: number } = {}): CellParser<string[]> {
  const maxItems = options.maxItems ?? 200;
  const maxLength = options.maxLength ?? 200;
  return (cell) => {
    const items = [...new Set(cellText(cell).split(/[;；、\r\n]+/).map((s) => s.trim()).filter((s) => s !== ""))];
    if (items.length > maxItems) return fail(`lists more than ${maxItems} values`);
    const long = items.find((s) => s.length > maxLength);
    return long ? fail(`"${long.slice(0, 20)}…" is longer than ${maxLength} characters`) : ok(items);
  };
}

export type MoneyUnit = "yuan" | "wan_yuan";

/** Decimal places each unit can carry and still be a whole number of fen. */
const unitDecimals: Record<MoneyUnit, number> = { yuan: 2, wan_yuan: 6 };
const unitNames: Record<MoneyUnit, string> = { yuan: "元", wan_yuan: "万元" };

/** The money unit a header names in brackets or at its end: 注册资本（万元）, Capital (10k yuan), 金额/元. */
export function moneyUnitOfHeader(header: string): MoneyUnit | undefined {
  const text = ascii(header).toLowerCase();
  const inBrackets = [...text.matchAll(/[([【{]([^)\]】}]*)[)\]】}]/g)].map((m) => m[1] ?? "");
  const trailing = /[/:：,，\s]\s*([^/:：,，\s]+)\s*$/.exec(text)?.[1];
  for (const part of [...inBrackets, trailing ?? ""]) {
    const unit = moneyUnitOfWord(part.trim());
    if (unit) return unit;
  }
  return text.endsWith("万元") ? "wan_yuan" : undefined;
}

function moneyUnitOfWord(word: string): MoneyUnit | undefined {
  if (/^(?:万元|万|人民币万元|万元人民币|10k yuan|10,?000 yuan|ten thousand yuan|wan yuan|10k cny|cny 10k)$/.test(word)) return "wan_yuan";
  if (/^(?:元|人民币元|元人民币|yuan|cny|rmb|¥)$/.test(word)) return "yuan";
  return undefined;
}

/**
 * An amount in 元 or 万元 as an exact integer string of fen. The unit comes from the cell ("12.5万元", "¥1,200")
 * or else from the header (注册资本（万元）); with neither, the cell is refused rather than guessed.
 * "1,234.5678" 万元 is "123456780" fen. More decimals than whole fen allow (2 for 元, 6 for 万元) are refused.
 */
export function moneyCell(options: { allowNegative?: boolean } = {}): CellParser<string> {
  // The unit a header names, worked out once per header rather than once per row.
  const headerUnits = new Map<string, MoneyUnit | undefined>();
  const unitOfHeader = (header: string) => {
    if (!headerUnits.has(header)) {
      if (headerUnits.size >= 100) headerUnits.clear(); // the parser lives as long as the process; files vary
      headerUnits.set(header, moneyUnitOfHeader(header));
    }
    return headerUnits.get(header);
  };
  return (cell, context) => {
    if (typeof cell === "boolean" || cell instanceof Date) return fail("must be an amount of money");
    let text = typeof cell === "number" ? numberToDecimalText(cell) : ascii(cell ?? "");
    let unit: MoneyUnit | undefined;
    const suffix = /(万元|万|元)$/.exec(text);
    if (suffix) {
      unit = suffix[1] === "元" ? "yuan" : "wan_yuan";
      text = text.slice(0, -suffix[0].length).trim();
    }
    text = text.replace(/^(?:¥|￥|rmb|cny)\s*/i, "");
    unit ??= unitOfHeader(context.header);
    if (!unit) return fail("has no unit: write 125万元 or 1250000元, or name the unit in the header, e.g. 注册资本（万元）");
    const fen = decimalToFen(text, unit);
    if (!fen.ok) return fen;
    if (!options.allowNegative && fen.value.startsWith("-")) return fail("must not be negative");
    return fen;
  };
}

/** Exact conversion of a decimal written in `unit` to an integer string of fen, by string arithmetic only. */
export function decimalToFen(text: string, unit: MoneyUnit): CellResult<string> {
  const decimal = readDecimal(text);
  if (!decimal.ok) return fail(decimal.message === notANumber ? `is not an amount in ${unitNames[unit]}` : decimal.message);
  const { negative, whole, fraction } = decimal.value;
  const places = unitDecimals[unit];
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > places) {
    return fail(`has more than ${places} decimal places for ${unitNames[unit]}, which is less than one fen`);
  }
  const digits = `${whole}${significant.padEnd(places, "0")}`.replace(/^0+(?=\d)/, "");
  if (digits.length > 18) return fail("is too large");
  return ok(negative && digits !== "0" ? `-${digits}` : digits);
}

const notANumber = "is not a number";

type DecimalParts = { negative: boolean; whole: string; fraction: string };

/** Splits "-1,234.50" into sign, whole digits and fraction digits; thousands separators must group by three. */
function readDecimal(cell: Cell): CellResult<DecimalParts> {
  const text = typeof cell === "number" ? numberToDecimalText(cell) : ascii(typeof cell === "string" ? cell : "");
  const match = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/.exec(text.replace(/\s+/g, ""));
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    return fail(/\d,\d/.test(text) ? "has misplaced thousands separators" : notANumber);
  }
  const whole = (match[2] ?? "0").replace(/,/g, "").replace(/^0+(?=\d)/, "");
  return ok({ negative: match[1] === "-", whole, fraction: match[3] ?? "" });
}

/**
 * The shortest decimal that reads back as this number (what the official typed into Excel), in positional
 * notation: 1e21 becomes "1000000000000000000000", 1.5e-7 becomes "0.00000015".
 */
export function numberToDecimalText(value: number): string {
  const text = String(value);
  if (!Number.isFinite(value) || !text.includes("e")) return text;
  const exp = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  const [, sign, lead, rest = "", power] = exp;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
