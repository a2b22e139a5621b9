// One rule for one year to date: which figures it covers, per subject; the year split into segments (months
// under the same schedule window); each segment's total split by its shares; caps and floors; and each party's
// amount due to date, with every step kept for the explanation.
import type { RoundingStep } from "./allocate.ts";
import type { Fraction } from "./fraction.ts";
import { applyLimits, splitSegment, type LimitStep } from "./limits.ts";
import { roundingUnitName } from "./measures.ts";
import { lastDayOf, monthIndex } from "./periods.ts";
import { covers, isOutside, productionStartOf, scheduleYear, subjectKey, windowOf } from "./schedule.ts";
import type { Figure, SharingRule, SharingTerms, SubjectFacts, SubjectRef } from "./types.ts";

export type FigureUse = { id: string; version: number; month: string; value: bigint };

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
  return [...new Set(rule.windows.flatMap((w) => w.shares.map((s) => s.party)))];
}

/** Whether the month is settled under these terms: the version in force on the month's last day. */
export function inForce(terms: SharingTerms, month: string): boolean {
  const last = lastDayOf(month);
  return terms.effectiveFrom <= last && (terms.effectiveTo === null || terms.effectiveTo >= last);
}

export function settleRuleYear(
  terms: SharingTerms,
  rule: SharingRule,
  year: number,
  throughMonth: number,
  figures: readonly Figure[],
  facts: SubjectFacts,
  yearEnd: boolean,
): RuleYear {
  const skipped: SkippedFigure[] = [];
  const covered: string[] = [];
  const bySubject = new Map<string, { subject: SubjectRef; segments: Map<number, { years: Set<number>; figures: FigureUse[] }> }>();
  const first = `${year}-01`;
  const last = `${year}-${String(throughMonth).padStart(2, "0")}`;
  for (const f of figures) {
    if (f.measure !== rule.measure.key || f.month < first || f.month > last) continue;
    if (!covers(rule.coverage, f.subject, f.month, facts)) continue;
    const use: FigureUse = { id: f.id, version: f.version, month: f.month, value: f.value };
    if (!inForce(terms, f.month)) {
      skipped.push({ figure: use, subject: f.subject, rule: rule.id, reason: `outside the terms' effective dates (${terms.effectiveFrom} to ${terms.effectiveTo ?? "open"})` });
      continue;
    }
    const sy = scheduleYear(rule.schedule, productionStartOf(f.subject, facts), f.month);
    const window = isOutside(sy) ? sy : windowOf(rule, sy);
    if (isOutside(window)) {
      skipped.push({ figure: use, subject: f.subject, rule: rule.id, reason: window.reason });
      continue;
    }
    covered.push(f.id);
    const key = subjectKey(f.subject);
    const entry = bySubject.get(key) ?? { subject: f.subject, segments: new Map() };
    bySubject.set(key, entry);
    const segment = entry.segments.get(window.index) ?? { years: new Set<number>(), figures: [] };
    entry.segments.set(window.index, segment);
    segment.years.add(sy as number);
    segment.figures.push(use);
  }
  const dues: RuleDue[] = [];
  for (const key of [...bySubject.keys()].sort()) {
    const entry = bySubject.get(key) as { subject: SubjectRef; segments: Map<number, { years: Set<number>; figures: FigureUse[] }> };
    dues.push(...subjectDues(rule, entry.subject, entry.segments, yearEnd));
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
      const uses = [...s.figures].sort((a, b) => monthIndex(a.month) - monthIndex(b.month) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const total = uses.reduce((sum, u) => sum + u.value, 0n);
      return { index, window, years: [...s.years].sort((a, b) => a - b), figures: uses, total, ...splitSegment(total, window, unit) };
    });
  const limited = applyLimits(
    segments.map((s) => ({ window: s.window, amounts: s.amounts })),
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
