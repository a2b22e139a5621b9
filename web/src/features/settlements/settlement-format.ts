// Settlement figures for people: periods ("2026-Q1" → 2026年第1季度), amounts in their measure's unit (fen as
// 万元/亿元 or yuan, quantities with their unit), shares as percentages — all exact, never through a float.
import type { RunListItem } from "../../../../contracts/sharing.ts";
import { groupDecimal } from "../../format/decimal.ts";
import { divideRounded } from "../../format/money.ts";
import type { I18n, MessageKey } from "../../i18n/i18n.tsx";

export type PeriodKind = "month" | "quarter" | "year";
export const periodKinds: readonly PeriodKind[] = ["quarter", "month", "year"];

export type ParsedPeriod = { kind: PeriodKind; year: number; number: number | null };

/** "2026-03", "2026-Q1" or "2026" as its parts; undefined for anything else. */
export function parsePeriod(label: string): ParsedPeriod | undefined {
  const match = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(label.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2]) return { kind: "quarter", year, number: Number(match[2]) };
  if (match[3]) return { kind: "month", year, number: Number(match[3]) };
  return { kind: "year", year, number: null };
}

/** The label the API takes: 2026 + quarter 1 → "2026-Q1". */
export function periodLabel(kind: PeriodKind, year: number, number: number | null): string {
  if (kind === "year") return String(year);
  if (kind === "quarter") return `${year}-Q${number ?? 1}`;
  return `${year}-${String(number ?? 1).padStart(2, "0")}`;
}

/** 2026年第1季度 / Q1 2026, 2026年3月 / Mar 2026, 2026年度 / Year 2026. */
export function periodText(label: string, i18n: Pick<I18n, "t" | "locale">): string {
  const p = parsePeriod(label);
  if (!p) return label;
  if (p.kind === "year") return i18n.t("settlements.period.yearOf", { year: p.year });
  if (p.kind === "quarter")
    return i18n.t("settlements.period.quarterOf", { year: p.year, quarter: p.number ?? 1 });
  const month =
    i18n.locale === "en-US"
      ? new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" }).format(
          new Date(Date.UTC(p.year, (p.number ?? 1) - 1, 1)),
        )
      : String(p.number);
  return i18n.t("settlements.period.monthOf", { year: p.year, month });
}

/** Orders periods by year, then by their first month (a year before its quarters, a quarter before its months). */
export function periodSortKey(label: string): number {
  const p = parsePeriod(label);
  if (!p) return 0;
  const first =
    p.kind === "year" ? 0 : p.kind === "quarter" ? ((p.number ?? 1) - 1) * 3 + 1 : (p.number ?? 1);
  return p.year * 1000 + first * 10 + (p.kind === "year" ? 0 : p.kind === "quarter" ? 1 : 2);
}

/** The period after the latest run that still counts (not discarded), of the same kind: what to settle next. */
export function nextPeriod(
  runs: readonly Pick<RunListItem, "period" | "status">[],
  fallbackYear: number,
): string {
  const latest = runs
    .filter((r) => r.status !== "discarded")
    .sort((a, b) => periodSortKey(b.period.label) - periodSortKey(a.period.label))[0];
  const p = latest ? parsePeriod(latest.period.label) : undefined;
  if (!p) return periodLabel("quarter", fallbackYear, 1);
  if (p.kind === "year") return String(p.year + 1);
  const last = p.kind === "quarter" ? 4 : 12;
  return (p.number ?? last) >= last
    ? periodLabel(p.kind, p.year + 1, 1)
    : periodLabel(p.kind, p.year, (p.number ?? 0) + 1);
}

const quantityUnits = new Set(["tce", "mu", "t"]);

/** The name of a quantity's unit in the console's language (tce → 吨标准煤); other units as written. */
export function unitText(unit: string, t: I18n["t"]): string {
  return quantityUnits.has(unit) ? t(`settlements.unit.${unit}` as MessageKey) : unit;
}

/**
 * An amount in its measure's unit: fen as money, a quantity ("213.96") with its unit. `exact` shows money to the
 * fen in 元 (for redoing a line by hand) instead of rounded to 万元/亿元.
 */
export function amountText(
  value: string,
  unit: string,
  i18n: Pick<I18n, "t" | "money">,
  options: { exact?: boolean } = {},
): string {
  if (unit === "fen") return i18n.money(value, options.exact ? { unit: "yuan" } : undefined);
  return i18n.t("unit.quantity", { value: groupDecimal(value), unit: unitText(unit, i18n.t) });
}

/** A share as the engine writes it ("1", "7/10", "1/3") as a percentage: exact when it ends, else to 4 places. */
export function sharePercent(share: string): string {
  const match = /^(-?\d+)(?:\/(\d+))?$/.exec(share.trim());
  if (!match) return share;
  const num = BigInt(match[1] ?? "0");
  const den = BigInt(match[2] ?? "1");
  if (den === 0n) return share;
  // Percent with 4 decimals: exact when (num × 10^6) divides by den, otherwise rounded and marked ≈.
  const scaled = num * 1_000_000n;
  const exact = scaled % den === 0n;
  const value = divideRounded(scaled, den);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const fraction = String(abs % 10_000n)
    .padStart(4, "0")
    .replace(/0+$/, "");
  const text = `${negative ? "-" : ""}${abs / 10_000n}${fraction ? `.${fraction}` : ""}%`;
  return exact ? text : `≈${text}`;
}

/** Basis points (600) as a percentage ("6%"). */
export function basisPointsPercent(bp: number): string {
  return sharePercent(`${bp}/10000`);
}

/** The measures a county receives as money in its budget (the statistics are attributions, not payments). */
export const fiscalMeasures: ReadonlySet<string> = new Set([
  "local_retained_vat",
  "local_retained_cit",
  "other_local_tax",
  "guaranteed_return",
]);

/** What a party receives in its budget from a run: the sum of its fiscal measures this period, in fen. */
export function fiscalAmount(totals: RunListItem["totals"], party: string): bigint {
  return totals
    .filter((t) => t.party === party && t.unit === "fen" && fiscalMeasures.has(t.measure))
    .reduce((sum, t) => sum + BigInt(t.amount), 0n);
}

/** A measure's label: a built-in measure from the catalogue, a custom one by its key. */
export function measureText(measure: string, i18n: Pick<I18n, "t" | "has">): string {
  const key = `settlements.measure.${measure}`;
  return i18n.has(key) ? i18n.t(key) : measure;
}

export const statusColor: Record<string, string> = {
  draft: "gold",
  locked: "green",
  restated: "purple",
  discarded: "default",
};
