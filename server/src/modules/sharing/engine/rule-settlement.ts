// One rule for one year to date: which figures it covers, per subject; the year split into segments (months
// under the same schedule window); each segment's total split by its shares; caps and floors; and each party's
// amount due to date, with every step kept for the explanation.
import type { Fraction } from "./fraction.ts";
import type { FigureIndex, FigureUse } from "./figure-index.ts";
import { allocate, type Allocation, type RoundingStep } from "./allocate.ts";
import { applyLimits, type LimitedAmounts, type LimitStep } from "./limits.ts";
import { roundingUnitName } from "./measures.ts";
import { lastDayOf } from "./periods.ts";
import { coverageTest, isOutside, productionStartOf, scheduleYear, scheduleYearCounter, subjectKey, windowOf, type OutsideSchedule } from "./schedule.ts";
import type { ScheduleWindow, SharingRule, SharingTerms, SubjectFacts, SubjectRef } from "./types.ts";

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
  const coveredIds: string[] = [];
  const dues: RuleDue[] = [];
  const first = `${year}-01`;
  const last = `${year}-${String(throughMonth).padStart(2, "0")}`;
  const notInForce = `outside the terms' effective dates (${terms.effectiveFrom} to ${terms.effectiveTo ?? "open"})`;
  // Asked once per figure, of a few dozen months and years: remembered for this rule (no closure per figure).
  const forceOf = new Map<string, boolean>();
  const windows = new Map<number, ReturnType<typeof windowOf>>();
  const calendarYears = new Map<string, ReturnType<typeof scheduleYear>>();
  const calendar =
    rule.schedule.basis === "calendar"
      ? (month: string) => {
          let year = calendarYears.get(month);
          if (year === undefined) calendarYears.set(month, (year = scheduleYear(rule.schedule, null, month)));
          return year;
        }
      : undefined;
  // Subjects come in key order, each one's figures in month and id order: the order of the output.
  for (const { subject, figures: own } of figures.byMeasure.get(rule.measure.key) ?? []) {
    // By window index; a rule has a few windows.
    let segments: ({ years: number[]; figures: FigureUse[] } | undefined)[] | undefined;
    const covered = coverageTest(rule.coverage, subject, facts);
    const yearOf = calendar ?? scheduleYearCounter(rule.schedule, productionStartOf(subject, facts));
    for (const use of own) {
      if (use.month < first || use.month > last) continue;
      if (!covered(use.month)) continue;
      let force = forceOf.get(use.month);
      if (force === undefined) forceOf.set(use.month, (force = inForce(terms, use.month)));
      if (!force) {
        skipped.push({ figure: use, subject, rule: rule.id, reason: notInForce });
        continue;
      }
      const sy = yearOf(use.month);
      let window: ReturnType<typeof windowOf> | OutsideSchedule | undefined = isOutside(sy) ? sy : windows.get(sy);
      if (window === undefined) windows.set(sy as number, (window = windowOf(rule, sy as number)));
      if (isOutside(window)) {
        skipped.push({ figure: use, subject, rule: rule.id, reason: window.reason });
        continue;
      }
      if (trackCovered) coveredIds.push(use.id);
      segments ??= [];
      let segment = segments[window.index];
      if (!segment) segments[window.index] = segment = { years: [], figures: [] };
      if (!segment.years.includes(sy as number)) segment.years.push(sy as number);
      segment.figures.push(use);
    }
    if (segments) for (const due of subjectDues(rule, subject, segments, yearEnd)) dues.push(due);
  }
  // Input order must not show in the output: skipped figures in subject, month and id order.
  const order = (x: SkippedFigure) => `${subjectKey(x.subject)}\u0000${x.figure.month}\u0000${x.figure.id}`;
  skipped.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { dues, skipped, coveredFigureIds: coveredIds.sort() };
}

function subjectDues(rule: SharingRule, subject: SubjectRef, segmentsByWindow: readonly ({ years: number[]; figures: FigureUse[] } | undefined)[], yearEnd: boolean): RuleDue[] {
  const unit = roundingUnitName(rule.measure);
  const parties = partiesOf(rule);
  // Windows follow each other in time, so window order is date order.
  const segments: { index: number; window: ScheduleWindow; years: number[]; figures: FigureUse[]; total: bigint; allocation: Allocation }[] = [];
  segmentsByWindow.forEach((s, index) => {
    if (!s) return;
    const window = rule.windows[index] as ScheduleWindow;
    // The figures arrive in month and id order (figure-index.ts).
    let total = 0n;
    for (const u of s.figures) total += u.value;
    segments.push({ index, window, years: s.years.sort((a, b) => a - b), figures: s.figures, total, allocation: allocate(total, window.shares, unit) });
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
  // What the parties' steps of a segment have in common is one object each, shared (never changed).
  const shared = segments.map((s) => ({
    window: { index: s.index, fromYear: s.window.fromYear, toYear: s.window.toYear },
    months: { from: s.figures[0]?.month ?? "", to: s.figures[s.figures.length - 1]?.month ?? "" },
  }));
  return parties.map((party): RuleDue => ({
    rule: rule.id,
    measure: rule.measure.key,
    unit: rule.measure.unit,
    subject,
    party,
    segments: segments.map((s, i) => {
      const part = s.allocation.parts.find((p) => p.party === party);
      return {
        window: (shared[i] as (typeof shared)[number]).window,
        scheduleYears: s.years,
        months: (shared[i] as (typeof shared)[number]).months,
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

