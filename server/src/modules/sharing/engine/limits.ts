// Caps and floors of a rule, per party, per subject and calendar year.
// Caps bind at every settlement: segments (the parts of the year under one schedule window) fill a party's cap
// in date order, and whatever exceeds it goes to the other parties of that window who are not yet full, in
// proportion to their shares, by the same largest-remainder split. Floors are a promise about the year's
// total, so they apply only when the period ends the year: the shortfall is taken from the other parties in
// proportion to what they receive above their own floors (never from below them); if that is not enough, the
// floor party receives what there is.
import { allocateByWeights } from "./allocate.ts";
import type { PartyLimit, ScheduleWindow } from "./types.ts";

export type LimitStep = {
  kind: "cap" | "cap_excess" | "floor" | "floor_contribution";
  /** Index of the segment the step belongs to (caps); null for floors, which act on the year. */
  segment: number | null;
  change: bigint;
  reason: string;
};

/** One segment as allocated by shares: amounts per party in the window's order. */
export type SegmentAmounts = { window: ScheduleWindow; amounts: Map<string, bigint> };

export type LimitedAmounts = { totals: Map<string, bigint>; segments: Map<string, bigint>[]; steps: Map<string, LimitStep[]> };

export function applyLimits(
  segments: readonly SegmentAmounts[],
  limits: readonly PartyLimit[],
  parties: readonly string[],
  options: { yearEnd: boolean; unit: string },
): LimitedAmounts {
  const steps = new Map<string, LimitStep[]>(parties.map((p) => [p, []]));
  const note = (party: string, step: LimitStep) => steps.get(party)?.push(step);
  const caps = new Map(limits.filter((l) => l.cap !== null).map((l) => [l.party, l.cap as bigint]));
  const used = new Map<string, bigint>(parties.map((p) => [p, 0n]));
  const finalSegments = segments.map((segment, index) => {
    const amounts = capSegment(segment, index, caps, used, note, options.unit);
    for (const [party, amount] of amounts) used.set(party, (used.get(party) ?? 0n) + amount);
    return amounts;
  });
  const totals = new Map(parties.map((p) => [p, used.get(p) ?? 0n]));
  if (options.yearEnd) applyFloors(totals, limits, parties, note, options.unit);
  return { totals, segments: finalSegments, steps };
}

type Note = (party: string, step: LimitStep) => void;

/** One segment with caps applied, given what each party already received earlier in the year. */
function capSegment(segment: SegmentAmounts, index: number, caps: ReadonlyMap<string, bigint>, used: ReadonlyMap<string, bigint>, note: Note, unit: string): Map<string, bigint> {
  const amounts = new Map(segment.amounts);
  const full = new Set<string>();
  for (;;) {
    let excess = 0n;
    for (const [party, cap] of caps) {
      const amount = amounts.get(party) ?? 0n;
      const room = cap - (used.get(party) ?? 0n);
      if (amount > room) {
        excess += amount - room;
        amounts.set(party, room);
        note(party, { kind: "cap", segment: index, change: room - amount, reason: `capped at ${cap} ${unit} for the year; ${amount - room} ${unit} over it passed on` });
        full.add(party);
      } else if (amount === room) full.add(party);
    }
    if (excess === 0n) return amounts;
    const takers = segment.window.shares.filter((s) => s.share.num > 0n && !full.has(s.party));
    // Validation guarantees an uncapped party with a share in every window; the guard stops a loop on bad input.
    if (takers.length === 0) throw new RangeError("an excess over a cap has no party to go to");
    const common = lcmDen(takers);
    const split = allocateByWeights(excess, takers.map((t) => ({ party: t.party, weight: t.share.num * (common / t.share.den) })), unit);
    for (const part of split.parts) {
      amounts.set(part.party, (amounts.get(part.party) ?? 0n) + part.amount);
      if (part.amount !== 0n) note(part.party, { kind: "cap_excess", segment: index, change: part.amount, reason: `receives ${part.amount} ${unit} of the ${excess} over caps, by shares (${part.rounding.reason})` });
    }
  }
}

function applyFloors(totals: Map<string, bigint>, limits: readonly PartyLimit[], parties: readonly string[], note: Note, unit: string): void {
  const floors = new Map(limits.filter((l) => l.floor !== null).map((l) => [l.party, l.floor as bigint]));
  for (const party of parties) {
    const floor = floors.get(party);
    if (floor === undefined) continue;
    const shortfall = floor - (totals.get(party) ?? 0n);
    if (shortfall <= 0n) continue;
    const donors = parties
      .filter((q) => q !== party)
      .map((q) => ({ party: q, weight: (totals.get(q) ?? 0n) - (floors.get(q) ?? 0n) }))
      .filter((d) => d.weight > 0n);
    const available = donors.reduce((a, d) => a + d.weight, 0n);
    const take = shortfall < available ? shortfall : available;
    if (take === 0n) {
      note(party, { kind: "floor", segment: null, change: 0n, reason: `${shortfall} ${unit} short of the floor ${floor}, but no other party receives anything above its own floor` });
      continue;
    }
    const split = allocateByWeights(take, donors, unit);
    for (const part of split.parts) {
      totals.set(part.party, (totals.get(part.party) ?? 0n) - part.amount);
      note(part.party, { kind: "floor_contribution", segment: null, change: -part.amount, reason: `gives ${part.amount} ${unit} toward ${party}'s floor, in proportion to what it receives above its own floor` });
    }
    totals.set(party, (totals.get(party) ?? 0n) + take);
    const missing = shortfall - take;
    note(party, { kind: "floor", segment: null, change: take, reason: `topped up to the floor ${floor} ${unit}${missing > 0n ? `, ${missing} short: no more to take` : ""}` });
  }
}

function lcmDen(shares: readonly { share: { den: bigint } }[]): bigint {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  return shares.reduce((d, s) => (d / gcd(d, s.share.den)) * s.share.den, 1n);
}
