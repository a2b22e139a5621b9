// The split: largest remainder in whole units (fen, or micro-units of a quantity). Every party first gets the
// whole part of its exact quota; the units left over go one each to the largest fractional remainders, ties to
// the party listed first. So the parts always add up to the whole, each part is within one unit of its exact
// quota, a zero share gets zero, and a negative amount (a refund) splits as the exact mirror of the positive one.
import { fraction, fractionText, type Fraction } from "./fraction.ts";

export type PartyShare = { readonly party: string; readonly share: Fraction };

/** How one party's part was rounded — enough for an official to redo the step by hand. */
export type RoundingStep = {
  /** amount × share, exactly. */
  quota: Fraction;
  /** The whole units of the quota, toward zero (so a refund mirrors a payment). */
  whole: bigint;
  /** What the whole part leaves of the quota, in units (always between 0 and 1, as a magnitude). */
  remainder: Fraction;
  /** +1 (or −1 for a negative amount) when this party received a leftover unit; else 0. */
  roundingUnit: -1n | 0n | 1n;
  /** Place among the non-zero remainders, largest first (ties: listed first); null when the quota is whole. */
  rank: number | null;
  reason: string;
};

export type AllocationPart = { party: string; share: Fraction; amount: bigint; rounding: RoundingStep };

export type Allocation = { amount: bigint; leftoverUnits: bigint; parts: AllocationPart[] };

const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const lcm = (a: bigint, b: bigint): bigint => (a / gcdOf(a, b)) * b;
function gcdOf(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Splits `amount` by `shares` (non-negative fractions adding up to exactly 1, parties in the rule's order).
 * `unit` only names the unit in the explanations ("fen", or "0.000001 t").
 */
export function allocate(amount: bigint, shares: readonly PartyShare[], unit = "fen"): Allocation {
  const { common, numerators } = commonOf(shares);
  const sign = amount < 0n ? -1n : 1n;
  const magnitude = abs(amount);
  const wholes = numerators.map((n) => (magnitude * n) / common);
  const remainders = numerators.map((n) => (magnitude * n) % common);
  const leftover = magnitude - wholes.reduce((a, b) => a + b, 0n);
  // Largest remainder first; equal remainders keep the rule's order (the sort is stable).
  const ranked = remainders
    .map((r, i) => ({ r, i }))
    .filter((x) => x.r > 0n)
    .sort((a, b) => (a.r === b.r ? 0 : a.r > b.r ? -1 : 1));
  const rankOf: (number | null)[] = shares.map(() => null);
  ranked.forEach((x, place) => (rankOf[x.i] = place + 1));

  const parts = shares.map((s, i): AllocationPart => {
    const rank = rankOf[i] ?? null;
    const gets = rank !== null && BigInt(rank) <= leftover;
    const whole = wholes[i] as bigint;
    const remainder = remainders[i] as bigint;
    const roundingUnit = (gets ? sign : 0n) as -1n | 0n | 1n;
    return {
      party: s.party,
      share: s.share,
      amount: sign * whole + roundingUnit,
      rounding: {
        quota: fraction(amount * (numerators[i] as bigint), common),
        whole: sign * whole,
        remainder: fraction(remainder, common),
        roundingUnit,
        rank,
        reason: rank === null ? WHOLE : reasonOf({ rank, gets, leftover, unit, remainder, common, negative: sign < 0n, tiedWith: tieNote(ranked, i, leftover, shares) }),
      },
    };
  });
  return { amount, leftoverUnits: sign * leftover, parts };
}

const WHOLE = "the quota is whole: no rounding";

type Common = { common: bigint; numerators: bigint[]; of: readonly PartyShare[] };

/**
 * The shares over their common denominator, checked. Remembered per list of shares (a rule's window is split
 * once per subject), and used again only while the list holds the same entries.
 */
function commonOf(shares: readonly PartyShare[]): Common {
  const found = commons.get(shares);
  if (found && found.of.length === shares.length && found.of.every((s, i) => s === shares[i])) return found;
  if (shares.length === 0) throw new RangeError("allocate needs at least one party");
  const common = shares.reduce((d, s) => lcm(d, s.share.den), 1n);
  const numerators = shares.map((s) => {
    if (s.share.num < 0n) throw new RangeError(`negative share for ${s.party}`);
    return s.share.num * (common / s.share.den);
  });
  if (numerators.reduce((a, b) => a + b, 0n) !== common) throw new RangeError("shares do not add up to the whole");
  const computed = { common, numerators, of: [...shares] };
  commons.set(shares, computed);
  return computed;
}

const commons = new WeakMap<readonly PartyShare[], Common>();

/** Splits in proportion to whole-number weights (e.g. what each party received), by the same method. */
export function allocateByWeights(amount: bigint, weights: readonly { party: string; weight: bigint }[], unit = "fen"): Allocation {
  const total = weights.reduce((a, w) => a + w.weight, 0n);
  if (total <= 0n) throw new RangeError("weights must add up to more than zero");
  return allocate(
    amount,
    weights.map((w) => ({ party: w.party, share: fraction(w.weight, total) })),
    unit,
  );
}

type Ranked = readonly { r: bigint; i: number }[];

/** Names the parties with the same remainder on the other side of the cut, which only the listing order decided. */
function tieNote(ranked: Ranked, index: number, leftover: bigint, shares: readonly PartyShare[]): string[] {
  const me = ranked.findIndex((x) => x.i === index);
  if (me < 0) return [];
  const mine = ranked[me] as { r: bigint; i: number };
  const inside = BigInt(me + 1) <= leftover;
  return ranked
    .filter((x, place) => x.r === mine.r && x.i !== index && BigInt(place + 1) <= leftover !== inside)
    .map((x) => (shares[x.i] as PartyShare).party);
}

function reasonOf(step: { rank: number | null; gets: boolean; leftover: bigint; unit: string; remainder: bigint; common: bigint; negative: boolean; tiedWith: string[] }): string {
  if (step.rank === null) return WHOLE;
  const rem = `remainder ${fractionText(fraction(step.remainder, step.common))} ${step.unit}`;
  const left = `${step.leftover} leftover ${step.unit}`;
  const tie = step.tiedWith.length === 0 ? "" : step.gets ? `; tied with ${step.tiedWith.join(", ")}, listed later` : `; tied with ${step.tiedWith.join(", ")}, listed earlier`;
  return step.gets
    ? `${rem} ranks ${step.rank} of ${left}: ${step.negative ? "bears one more (a negative amount mirrors a positive one)" : "receives one"}${tie}`
    : `${rem} ranks ${step.rank}, after the ${left} were given out: no rounding unit${tie}`;
}
