// The double-entry side, pure: a locked run's lines become a journal entry — each party's amount credited to the
// party, and the rule's pool debited with their sum per subject — so every entry sums to zero per unit. A
// restatement reverses the replaced run's entry line by line. Balances and what was posted before a period are
// read back from the lines alone.
import type { SubjectRef } from "./engine/index.ts";
import type { LedgerPosted, RunLine } from "./run-compute.ts";

export type JournalLine = {
  account: "party" | "pool";
  party: string | null;
  termsVersion: number;
  rule: string;
  measure: string;
  unit: string;
  subject: SubjectRef | null;
  amount: bigint;
};

const subjectText = (s: SubjectRef | null) => (s ? `${s.kind}:${s.id}` : "-");

/** The entry that posts a run: a party line per non-zero amount, and one pool line per rule and subject. */
export function postingLines(lines: readonly Omit<RunLine, "source" | "partyName" | "lineNo">[]): JournalLine[] {
  const out: JournalLine[] = [];
  const pools = new Map<string, JournalLine>();
  for (const l of lines) {
    if (l.amount === 0n) continue;
    out.push({ account: "party", party: l.party, termsVersion: l.termsVersion, rule: l.rule, measure: l.measure, unit: l.unit, subject: l.subject, amount: l.amount });
    // Guaranteed returns move money between parties (payer −, beneficiary +): they balance without a pool.
    if (l.kind !== "rule") continue;
    const key = `${l.termsVersion}|${l.rule}|${subjectText(l.subject)}`;
    const pool = pools.get(key) ?? { account: "pool", party: null, termsVersion: l.termsVersion, rule: l.rule, measure: l.measure, unit: l.unit, subject: l.subject, amount: 0n };
    pool.amount -= l.amount;
    pools.set(key, pool);
  }
  return [...out, ...[...pools.values()].filter((p) => p.amount !== 0n)];
}

/** The reversal of an entry: every line negated. */
export function reversalLines(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((l) => ({ ...l, amount: -l.amount }));
}

/** Units whose lines do not sum to zero (empty when the entry balances). */
export function unbalancedUnits(lines: readonly JournalLine[]): string[] {
  const sums = new Map<string, bigint>();
  for (const l of lines) sums.set(l.unit, (sums.get(l.unit) ?? 0n) + l.amount);
  return [...sums].filter(([, total]) => total !== 0n).map(([unit, total]) => `${unit} off by ${total}`);
}

/** What the party lines add up to per terms version, rule, subject and party: the engine's `posted`. */
export function postedFromLines(lines: readonly JournalLine[]): LedgerPosted[] {
  const posted = new Map<string, LedgerPosted>();
  for (const l of lines) {
    if (l.account !== "party" || l.party === null) continue;
    const key = `${l.termsVersion}|${l.rule}|${subjectText(l.subject)}|${l.party}`;
    const seen = posted.get(key);
    posted.set(key, seen ? { ...seen, amount: seen.amount + l.amount } : { termsVersion: l.termsVersion, rule: l.rule, subject: l.subject, party: l.party, measure: l.measure, amount: l.amount });
  }
  return [...posted.values()];
}

/** Each party's balance per measure from party lines: party|measure → amount. */
export function balancesFromLines(lines: readonly JournalLine[]): Map<string, { party: string; measure: string; unit: string; amount: bigint }> {
  const balances = new Map<string, { party: string; measure: string; unit: string; amount: bigint }>();
  for (const l of lines) {
    if (l.account !== "party" || l.party === null) continue;
    const key = `${l.party}|${l.measure}`;
    const b = balances.get(key) ?? { party: l.party, measure: l.measure, unit: l.unit, amount: 0n };
    balances.set(key, { ...b, amount: b.amount + l.amount });
  }
  return balances;
}
