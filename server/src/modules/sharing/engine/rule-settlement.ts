// One rule for one year to date: which figures it covers, per subject; the year split into segments (months
// under the same schedule window); each segment's total split by its shares; caps and floors; and each party's
// amount due to date, with every step kept for the explanation.
import type { Fraction } from "./fraction.ts";
import type { FigureIndex, FigureUse } from "./figure-index.ts";
import { allocate, type Allocation, type RoundingStep } from "./allocate.ts";
import { applyLimits, type LimitedAmounts, type LimitStep } from "./limits.ts";
import { roundingUnitName } from "./measures.ts";
import { lastDayOf } from "./periods.ts";
import { covers, isOutside, productionStartOf, scheduleYear, subjectKey, windowOf } from "./schedule.ts";
import type { SharingRule, SharingTerms, SubjectFacts, SubjectRef } from "./types.ts";

export type { FigureUse };

/** One segment of the year as seen by one party. */
export type SegmentStep = {
  window: { index: number; fromYear: number; toYear: number | null };
  scheduleYears: number[];
  months: { from: string; to: string };
  figures: FigureUse[];
  /** Year-to-date total of the segment's figures. */
  total: bigint;
  share: Fraction;
  /** The party's part of the total by the split, before caps. */
  allocated: bigint;
  rounding: RoundingStep;
};

export type RuleDue = {
  rule: string;
  measure: string;
  unit: string;
  subject: SubjectRef;
  party: string;
  segments: SegmentStep[];
  /** The subject's covered year-to-date total across segments. */
  ytdTotal: bigint;
  limits: LimitStep[];
  dueToDate: bigint;
};

export type SkippedFigure = { figure: FigureUse; subject: SubjectRef; rule: string; reason: string };

export type RuleYear = { dues: RuleDue[]; skipped: SkippedFigure[]; coveredFigureIds: string[] };

/** Parties of a rule in the order they are first listed: the order of the lines and of tie-breaks. */
export function partiesOf(rule: SharingRule): string[] {
  let parties = partiesByRule.get(rule);
  if (!parties) partiesByRule.set(rule, (parties = [...new Set(rule.windows.flatMap((w) => w.shares.map((s) => s.party)))]));
  return parties;
}

// Asked once per subject, of a rule that does not change: remembered.
const partiesByRule = new WeakMap<SharingRule, string[]>();

/** Whether the month is settled under these terms: the version in force on the month's last day. */
export function inForce(terms: SharingTerms, month: string): boolean {
  const last = lastDayOf(month);
  return terms.effectiveFrom <= last && (terms.effectiveTo === null || terms.effectiveTo >= last);
}

/**
 * One rule's year to date. `trackCovered`: list the figures the rule covers (for the warning about a figure
 * shared by two rules of one measure; only needed when the terms have such rules).
 */
export function settleRuleYear(
  terms: SharingTerms,
  rule: SharingRule,
  year: number,
  throughMonth: number,
  figures: FigureIndex,
  facts: SubjectFacts,
  yearEnd: boolean,
  trackCovered = true,
): RuleYear {
  const skipped: SkippedFigure[] = [];
  const covered: string[] = [];
  const dues: RuleDue[] = [];
  const first = `${year}-01`;
  const last = `${year}-${String(throughMonth).padStart(2, "0")}`;
  const notInForce = `outside the terms' effective dates (${terms.effectiveFrom} to ${terms.effectiveTo ?? "open"})`;
  // Subjects come in key order, each one's figures in month and id order: the order of the output.
  for (const { subject, figures: own } of figures.byMeasure.get(rule.measure.key) ?? []) {
    let segments: Map<number, { years: Set<number>; figures: FigureUse[] }> | undefined;
    const start = productionStartOf(subject, facts);
    for (const use of own) {
      if (use.month < first || use.month > last) continue;
      if (!covers(rule.coverage, subject, use.month, facts)) continue;
      if (!inForce(terms, use.month)) {
        skipped.push({ figure: use, subject, rule: rule.id, reason: notInForce });
        continue;
      }
      const sy = scheduleYear(rule.schedule, start, use.month);
      const window = isOutside(sy) ? sy : windowOf(rule, sy);
      if (isOutside(window)) {
        skipped.push({ figure: use, subject, rule: rule.id, reason: window.reason });
        continue;
      }
      if (trackCovered) covered.push(use.id);
      segments ??= new Map();
      let segment = segments.get(window.index);
      if (!segment) segments.set(window.index, (segment = { years: new Set<number>(), figures: [] }));
      segment.years.add(sy as number);
      segment.figures.push(use);
    }
    if (segments) for (const due of subjectDues(rule, subject, segments, yearEnd)) dues.push(due);
  }
  // Input order must not show in the output: skipped figures in subject, month and id order.
  const order = (x: SkippedFigure) => `${subjectKey(x.subject)}\u0000${x.figure.month}\u0000${x.figure.id}`;
  skipped.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { dues, skipped, coveredFigureIds: covered.sort() };
}

function subjectDues(rule: SharingRule, subject: SubjectRef, segmentsByWindow: Map<number, { years: Set<number>; figures: FigureUse[] }>, yearEnd: boolean): RuleDue[] {
  const unit = roundingUnitName(rule.measure);
  const parties = partiesOf(rule);
  // Windows follow each other in time, so window order is date order.
  const segments = [...segmentsByWindow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, s]) => {
      const window = rule.windows[index] as SharingRule["windows"][number];
      // The figures arrive in month and id order (figure-index.ts).
      const uses = s.figures;
      const total = uses.reduce((sum, u) => sum + u.value, 0n);
      return { index, window, years: [...s.years].sort((a, b) => a - b), figures: uses, total, allocation: allocate(total, window.shares, unit) };
    });
  const limited =
    rule.limits.length === 0
      ? unlimited(segments, parties)
      : applyLimits(
          segments.map((s) => ({ window: s.window, amounts: new Map(s.allocation.parts.map((p) => [p.party, p.amount])) })),
          rule.limits,
          parties,
          { yearEnd, unit },
        );
  const ytdTotal = segments.reduce((sum, s) => sum + s.total, 0n);
  return parties.map((party): RuleDue => ({
    rule: rule.id,
    measure: rule.measure.key,
    unit: rule.measure.unit,
    subject,
    party,
    segments: segments.map((s) => {
      const part = s.allocation.parts.find((p) => p.party === party);
      return {
        window: { index: s.index, fromYear: s.window.fromYear, toYear: s.window.toYear },
        scheduleYears: s.years,
        months: { from: s.figures[0]?.month ?? "", to: s.figures[s.figures.length - 1]?.month ?? "" },
        figures: s.figures,
        total: s.total,
        share: part?.share ?? { num: 0n, den: 1n },
        allocated: part?.amount ?? 0n,
        rounding: part?.rounding ?? { quota: { num: 0n, den: 1n }, whole: 0n, remainder: { num: 0n, den: 1n }, roundingUnit: 0n, rank: null, reason: "no share in this window" },
      };
    }),
    ytdTotal,
    limits: limited.steps.get(party) ?? [],
    dueToDate: limited.totals.get(party) ?? 0n,
  }));
}

/** What applyLimits gives without caps or floors: each party's split, summed over the segments. */
function unlimited(segments: readonly { allocation: Allocation }[], parties: readonly string[]): Pick<LimitedAmounts, "totals" | "steps"> {
  const totals = new Map<string, bigint>(parties.map((p) => [p, 0n]));
  for (const s of segments) for (const part of s.allocation.parts) totals.set(part.party, (totals.get(part.party) ?? 0n) + part.amount);
  return { totals, steps: new Map() };
}
