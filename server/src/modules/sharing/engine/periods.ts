// Periods and months. A month is "YYYY-MM"; a settlement period is a month, a quarter or a calendar year (the
// Chinese fiscal year), and settles the year to date through its last month.
import type { Period } from "./types.ts";

/** "2024", "2024-03", "2024-Q1" (also "2024Q1"); undefined for anything else. */
export function parsePeriod(text: string): Period | undefined {
  const t = text.trim().toUpperCase();
  let match = /^(\d{4})$/.exec(t);
  if (match) return { kind: "year", label: t, year: Number(match[1]), firstMonth: 1, lastMonth: 12 };
  match = /^(\d{4})-(\d{2})$/.exec(t);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return undefined;
    return { kind: "month", label: t, year: Number(match[1]), firstMonth: month, lastMonth: month };
  }
  match = /^(\d{4})-?Q([1-4])$/.exec(t);
  if (match) {
    const q = Number(match[2]);
    return { kind: "quarter", label: `${match[1]}-Q${q}`, year: Number(match[1]), firstMonth: q * 3 - 2, lastMonth: q * 3 };
  }
  return undefined;
}

export function yearPeriod(year: number): Period {
  return { kind: "year", label: String(year), year, firstMonth: 1, lastMonth: 12 };
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Months counted from year 0: comparable and subtractable. */
export function monthIndex(month: string): number {
  let index = monthIndexes.get(month);
  if (index === undefined) {
    index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
    if (monthIndexes.size < 10_000) monthIndexes.set(month, index);
  }
  return index;
}

const monthIndexes = new Map<string, number>();

/** The month of a YYYY-MM-DD date. */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** First day of a month, YYYY-MM-DD. */
export function firstDayOf(month: string): string {
  let first = firstDays.get(month);
  if (first === undefined) {
    first = `${month}-01`;
    if (firstDays.size < 10_000) firstDays.set(month, first);
  }
  return first;
}

const firstDays = new Map<string, string>();

/** Last day of a month, YYYY-MM-DD (for "was the enterprise resident at any time in this month"). */
export function lastDayOf(month: string): string {
  // Asked for every figure of a settlement, of a few dozen months: remembered.
  let last = lastDays.get(month);
  if (last === undefined) {
    const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    last = `${month}-${String(days).padStart(2, "0")}`;
    if (lastDays.size < 10_000) lastDays.set(month, last);
  }
  return last;
}

const lastDays = new Map<string, string>();

/** Whether a month is in a period that ends a year (December, Q4 or the year): guarantees and floors settle then. */
export function endsYear(period: Period): boolean {
  return period.lastMonth === 12;
}
