// Guaranteed returns (保底收益), settled once a year when the period ends the year. The target is
// principal × rate, rounded once to whole fen (half away from zero). A fixed return pays the target; a floor
// pays only what the beneficiary's receipts from the counted rules that year fall short of it, and nothing when
// they reach it.
import { fraction, fractionText, mul, roundHalfAwayFromZero, shareText, type Fraction } from "./fraction.ts";
import type { RuleDue } from "./rule-settlement.ts";
import type { GuaranteedReturn } from "./types.ts";

export type GuaranteeDue = {
  guarantee: string;
  guaranteeKind: "fixed" | "floor";
  year: number;
  party: string;
  role: "beneficiary" | "payer";
  principal: bigint;
  rate: Fraction;
  /** principal × rate, exactly, and rounded to fen. */
  exactTarget: Fraction;
  target: bigint;
  /** floor only: what the beneficiary receives this year from the counted rules. */
  receivedFromRules: bigint | null;
  rulesCounted: string[];
  dueToDate: bigint;
  reason: string;
};

export function appliesIn(g: GuaranteedReturn, year: number): boolean {
  return g.fromYear <= year && (g.toYear === null || year <= g.toYear);
}

/** Year-end dues of one guarantee: the beneficiary receives what the payer pays (two lines that sum to zero). */
export function settleGuarantee(g: GuaranteedReturn, year: number, ruleDues: readonly RuleDue[]): GuaranteeDue[] {
  const exactTarget = mul(fraction(g.principal), g.rate);
  const target = roundHalfAwayFromZero(exactTarget);
  const targetText = `${fractionText(exactTarget)} fen exactly (${g.principal} × ${shareText(g.rate)}), ${target} fen rounded half away from zero`;
  let pay = target;
  let received: bigint | null = null;
  let reason = `fixed return: ${targetText}`;
  if (g.kind === "floor") {
    received = ruleDues.filter((d) => d.party === g.beneficiary && g.countsRules.includes(d.rule)).reduce((a, d) => a + d.dueToDate, 0n);
    pay = received >= target ? 0n : target - received;
    reason =
      pay === 0n
        ? `floor met: received ${received} fen from rules ${g.countsRules.join(", ") || "(none)"}, at least the floor ${targetText}; nothing to pay`
        : `floor: ${targetText}; received ${received} fen from rules ${g.countsRules.join(", ") || "(none)"}; top-up ${pay} fen`;
  }
  const line = (party: string, role: GuaranteeDue["role"], amount: bigint): GuaranteeDue => ({
    guarantee: g.id,
    guaranteeKind: g.kind,
    year,
    party,
    role,
    principal: g.principal,
    rate: g.rate,
    exactTarget,
    target,
    receivedFromRules: received,
    rulesCounted: g.kind === "floor" ? [...g.countsRules] : [],
    dueToDate: amount,
    reason: role === "payer" ? `pays ${g.beneficiary}: ${reason}` : reason,
  });
  return [line(g.beneficiary, "beneficiary", pay), line(g.payer, "payer", -pay)];
}
