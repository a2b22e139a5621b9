// Builders for the engine's tests: example terms from docs/, monthly figures, enterprise facts, and a ledger
// that posts each period's amounts the way the sharing service will.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { monthKey } from "./periods.ts";
import { settlePeriod, type Settlement, type SettlementInput } from "./settle.ts";
import { parseTerms } from "./terms.ts";
import type { EnterpriseFacts, Figure, Period, PostedAmount, SharingTerms, SubjectRef } from "./types.ts";

export function exampleJson(name: string): Record<string, unknown> {
  const path = fileURLToPath(new URL(`../../../../../docs/sharing/examples/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

export function exampleTerms(name: string): SharingTerms {
  return parseTerms(exampleJson(name));
}

export const enterprise = (id: string): SubjectRef => ({ kind: "enterprise", id });

/** Figures for the months of a year: one value for every month, or a value per month (index 0 = January). */
export function monthly(subject: SubjectRef, measure: string, year: number, values: bigint | readonly bigint[]): Figure[] {
  return Array.from({ length: 12 }, (_, i) => ({
    id: `${subject.id}/${measure}/${monthKey(year, i + 1)}`,
    version: 1,
    subject,
    month: monthKey(year, i + 1),
    measure,
    value: typeof values === "bigint" ? values : (values[i] ?? 0n),
  }));
}

export function residentSince(id: string, productionStart: string | null, enclave: string, from = "2000-01-01"): EnterpriseFacts {
  return { id, productionStart, residencies: [{ enclave, from, to: null }] };
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: "month", label: monthKey(year, month), year, firstMonth: month, lastMonth: month };
}

/** Settles the periods in turn, posting each one's amounts; returns the settlements and the final ledger. */
export function settleInTurn(input: Omit<SettlementInput, "period" | "posted">, periods: readonly Period[]): { settlements: Settlement[]; ledger: Map<string, bigint> } {
  const ledger = new Map<string, PostedAmount>();
  const settlements = periods.map((period) => {
    const settlement = settlePeriod({ ...input, period, posted: [...ledger.values()] });
    for (const line of settlement.lines) {
      const [rule, subject, measure] = line.kind === "rule" ? [line.rule, line.subject, line.measure] : [line.guarantee, null, "guaranteed_return"];
      const key = lineKey(rule, subject, line.party);
      const before = ledger.get(key);
      ledger.set(key, { rule, subject, party: line.party, measure, amount: (before?.amount ?? 0n) + line.amount });
    }
    return settlement;
  });
  return { settlements, ledger: new Map([...ledger].map(([k, p]) => [k, p.amount])) };
}

export function lineKey(rule: string, subject: SubjectRef | null, party: string): string {
  return `${rule}|${subject ? `${subject.kind}:${subject.id}` : "-"}|${party}`;
}

/** Each line's due to date by key (rule lines and guaranteed returns alike). */
export function duesOf(settlement: Settlement): Map<string, bigint> {
  return new Map(
    settlement.lines.map((l) => [l.kind === "rule" ? lineKey(l.rule, l.subject, l.party) : lineKey(l.guarantee, null, l.party), l.dueToDate]),
  );
}

/** What a party receives in a settlement for one measure (summed over lines). */
export function totalOf(settlement: Settlement, party: string, measure: string): bigint {
  return settlement.totals.find((t) => t.party === party && t.measure === measure)?.amount ?? 0n;
}
