// The arithmetic of an enclave's headline figures, pure and exact: sums of fen over the counted figures with the
// months they cover, tax per mu as an exact fraction rounded once, and each party's revenue from ledger balances.
import { fraction, roundHalfAwayFromZero } from "./engine/fraction.ts";

export type CountedFigure = { month: string; measure: string; amountFen: bigint | null };

/** The sum of the figures of `measures` (fen) and the months that have at least one of them, in order. */
export function sumOf(figures: readonly CountedFigure[], measures: readonly string[]): { amount: bigint; months: string[]; byMeasure: Map<string, bigint> } {
  const byMeasure = new Map<string, bigint>(measures.map((m) => [m, 0n]));
  const months = new Set<string>();
  for (const f of figures) {
    const seen = byMeasure.get(f.measure);
    if (seen === undefined || f.amountFen === null) continue;
    byMeasure.set(f.measure, seen + f.amountFen);
    months.add(f.month);
  }
  const amount = [...byMeasure.values()].reduce((a, b) => a + b, 0n);
  return { amount, months: [...months].sort(), byMeasure };
}

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Fen per mu: `fen ÷ areaMu` computed as an exact fraction (the area's decimal digits become a power of ten) and
 * rounded once to whole fen, halves away from zero — the engine's rounding of guaranteed returns. Null when the
 * area is zero (no land, no per-mu figure).
 */
export function perMu(fen: bigint, areaMu: string): bigint | null {
  const match = decimalPattern.exec(areaMu.trim());
  if (!match) throw new RangeError(`not a decimal area: ${JSON.stringify(areaMu)}`);
  const [, sign, whole, decimals = ""] = match;
  const area = BigInt(`${sign}${whole}${decimals}`);
  if (area === 0n) return null;
  return roundHalfAwayFromZero(fraction(fen * 10n ** BigInt(decimals.length), area));
}

export type Balance = { party: string; measure: string; amount: bigint };

/** Each party's revenue from the balances of `measures` (those with an amount); every party in `parties` appears first, in that order. */
export function revenueOf(balances: readonly Balance[], parties: readonly string[], measures: readonly string[]): { party: string; revenue: bigint; byMeasure: { measure: string; amount: bigint }[] }[] {
  const counted = balances.filter((b) => measures.includes(b.measure));
  return [...new Set([...parties, ...counted.map((b) => b.party)])].map((party) => {
    const byMeasure = measures
      .map((measure) => ({ measure, amount: counted.filter((b) => b.party === party && b.measure === measure).reduce((a, b) => a + b.amount, 0n) }))
      .filter((m) => m.amount !== 0n);
    return { party, revenue: byMeasure.reduce((a, m) => a + m.amount, 0n), byMeasure };
  });
}
