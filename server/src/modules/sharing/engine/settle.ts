// Settlement of one period (month, quarter or year): every rule's year-to-date split through the period's last
// month, minus what was already posted in that year, so the months of a year add up exactly to the split of the
// annual total. Guaranteed returns settle when the period ends the year. Pure and deterministic: the same
// inputs give the same output, line for line.
import { indexFigures, isFigureIndex, type FigureIndex } from "./figure-index.ts";
import { appliesIn, settleGuarantee, type GuaranteeDue } from "./guaranteed.ts";
import { endsYear, monthKey } from "./periods.ts";
import { settleRuleYear, type RuleDue, type SkippedFigure } from "./rule-settlement.ts";
import { subjectKey } from "./schedule.ts";
import type { Figure, Period, PostedAmount, SharingRule, SharingTerms, SubjectFacts, SubjectRef } from "./types.ts";

export type SettlementInput = {
  terms: SharingTerms;
  period: Period;
  /** A flat list (several versions of a figure allowed: the highest counts), or figures already grouped. */
  figures: readonly Figure[] | FigureIndex;
  facts: SubjectFacts;
  /** Posted earlier in the same year; empty for a first settlement. */
  posted?: readonly PostedAmount[];
};

type Posting = { previouslyPosted: bigint; amount: bigint };
export type RuleLine = RuleDue & Posting & { kind: "rule" };
export type GuaranteeLine = GuaranteeDue & Posting & { kind: "guaranteed_return" };
export type SettlementLine = RuleLine | GuaranteeLine;

/** What each party receives this period per measure (guaranteed returns under "guaranteed_return", in fen). */
export type PartyTotal = { party: string; measure: string; unit: string; dueToDate: bigint; previouslyPosted: bigint; amount: bigint };

export type Settlement = {
  terms: { id: string; version: number };
  period: Period;
  throughMonth: string;
  lines: SettlementLine[];
  totals: PartyTotal[];
  skipped: SkippedFigure[];
  warnings: string[];
};

export const GUARANTEE_MEASURE = "guaranteed_return";

/** The figures to use: the highest version of each figure id. */
export function latestFigures(figures: readonly Figure[]): { figures: Figure[]; warnings: string[] } {
  const byId = new Map<string, Figure>();
  const warnings: string[] = [];
  for (const f of figures) {
    const seen = byId.get(f.id);
    if (seen && seen.version === f.version && seen.value !== f.value) {
      warnings.push(`figure ${f.id} version ${f.version} is given twice with different values; the first is used`);
    }
    if (!seen || f.version > seen.version) byId.set(f.id, f);
  }
  return { figures: [...byId.values()], warnings };
}

const postingKey = (rule: string, subject: string, party: string) => `${rule}|${subject}|${party}`;

/** Flat figures as the rules read them: the newest version of each, grouped. */
export function figureIndex(figures: readonly Figure[] | FigureIndex): { index: FigureIndex; warnings: string[] } {
  if (isFigureIndex(figures)) return { index: figures, warnings: [] };
  const latest = latestFigures(figures);
  return { index: indexFigures(latest.figures), warnings: latest.warnings };
}

export function settlePeriod(input: SettlementInput): Settlement {
  const { terms, period } = input;
  const { index: figures, warnings } = figureIndex(input.figures);
  const yearEnd = endsYear(period);
  const posted = postedIndex(input.posted ?? []);
  const lines: SettlementLine[] = [];
  const skipped: SkippedFigure[] = [];
  const coveredBy = new Map<string, string[]>();
  const dues: RuleDue[] = [];
  // Only rules sharing a measure can cover a figure twice: only then are covered figures listed.
  const measureRules = new Map<string, number>();
  for (const rule of terms.rules) measureRules.set(rule.measure.key, (measureRules.get(rule.measure.key) ?? 0) + 1);
  for (const rule of terms.rules) {
    const year = settleRuleYear(terms, rule, period.year, period.lastMonth, figures, input.facts, yearEnd, (measureRules.get(rule.measure.key) ?? 0) > 1);
    for (const x of year.skipped) skipped.push(x); // a loop: spreading 100,000s of arguments overflows the stack
    for (const id of year.coveredFigureIds) coveredBy.set(id, [...(coveredBy.get(id) ?? []), rule.id]);
    const ruleDues = withReversals(rule, year.dues, posted.forRule(rule.id), warnings);
    for (const due of ruleDues) {
      dues.push(due);
      const previouslyPosted = posted.take(rule.id, due.subject, due.party);
      lines.push({
        kind: "rule",
        rule: due.rule,
        measure: due.measure,
        unit: due.unit,
        subject: due.subject,
        party: due.party,
        segments: due.segments,
        ytdTotal: due.ytdTotal,
        limits: due.limits,
        dueToDate: due.dueToDate,
        previouslyPosted,
        amount: due.dueToDate - previouslyPosted,
      });
    }
  }
  for (const [id, rules] of coveredBy) {
    if (rules.length > 1) warnings.push(`figure ${id} is covered by rules ${rules.join(", ")} of the same measure, so it is shared more than once`);
  }
  if (yearEnd) {
    for (const g of terms.guaranteedReturns.filter((g) => appliesIn(g, period.year))) {
      for (const due of settleGuarantee(g, period.year, dues)) {
        const previouslyPosted = posted.take(g.id, null, due.party);
        lines.push({ kind: "guaranteed_return", ...due, previouslyPosted, amount: due.dueToDate - previouslyPosted });
      }
    }
  }
  for (const p of posted.rest()) {
    warnings.push(`posted amount ${p.amount} for ${p.rule} / ${p.party} matches nothing these terms settle in ${period.label}; it is not reversed`);
  }
  return {
    terms: { id: terms.id, version: terms.version },
    period,
    throughMonth: monthKey(period.year, period.lastMonth),
    lines,
    totals: totalsOf(terms, lines),
    skipped,
    warnings: [...new Set(warnings)],
  };
}

/** Posted amounts by key (repeats summed); each is taken once by the line it belongs to, the rest reported. */
function postedIndex(list: readonly PostedAmount[]) {
  const posted = new Map<string, PostedAmount>();
  const byRule = new Map<string, PostedAmount[]>();
  for (const p of list) {
    const key = postingKey(p.rule, p.subject ? subjectKey(p.subject) : "-", p.party);
    const seen = posted.get(key);
    posted.set(key, seen ? { ...seen, amount: seen.amount + p.amount } : p);
    if (!seen) {
      const ofRule = byRule.get(p.rule) ?? [];
      ofRule.push(p);
      byRule.set(p.rule, ofRule);
    }
  }
  return {
    forRule: (rule: string): readonly PostedAmount[] => byRule.get(rule) ?? [],
    take(rule: string, subject: SubjectRef | null, party: string): bigint {
      if (posted.size === 0) return 0n; // a first settlement of the year: nothing to look up, line after line
      const key = postingKey(rule, subject ? subjectKey(subject) : "-", party);
      const p = posted.get(key);
      posted.delete(key);
      return p?.amount ?? 0n;
    },
    rest: (): PostedAmount[] => [...posted.values()],
  };
}

/** A posting with nothing due any more (a figure withdrawn or moved) is reversed by a line of its own. */
function withReversals(rule: SharingRule, dues: readonly RuleDue[], posted: readonly PostedAmount[], warnings: string[]): readonly RuleDue[] {
  if (posted.length === 0) return dues;
  const result = [...dues];
  const due = new Set(dues.map((d) => postingKey(rule.id, subjectKey(d.subject), d.party)));
  for (const p of posted) {
    if (p.measure !== rule.measure.key) warnings.push(`posted amount for rule ${rule.id} names measure ${p.measure}, but the rule shares ${rule.measure.key}`);
    if (!p.subject || due.has(postingKey(rule.id, subjectKey(p.subject), p.party))) continue;
    due.add(postingKey(rule.id, subjectKey(p.subject), p.party));
    result.push({ rule: rule.id, measure: rule.measure.key, unit: rule.measure.unit, subject: p.subject, party: p.party, segments: [], ytdTotal: 0n, limits: [], dueToDate: 0n });
  }
  return result;
}

function totalsOf(terms: SharingTerms, lines: readonly SettlementLine[]): PartyTotal[] {
  const totals = new Map<string, PartyTotal>();
  // party → measure → total, so that no key is built line after line; `totals` keeps the order they appear in.
  const byParty = new Map<string, Map<string, PartyTotal>>();
  for (const line of lines) {
    const measure = line.kind === "rule" ? line.measure : GUARANTEE_MEASURE;
    let ofParty = byParty.get(line.party);
    if (!ofParty) byParty.set(line.party, (ofParty = new Map()));
    let t = ofParty.get(measure);
    if (!t) {
      t = { party: line.party, measure, unit: line.kind === "rule" ? line.unit : "fen", dueToDate: 0n, previouslyPosted: 0n, amount: 0n };
      ofParty.set(measure, t);
      totals.set(`${line.party}|${measure}`, t);
    }
    t.dueToDate += line.dueToDate;
    t.previouslyPosted += line.previouslyPosted;
    t.amount += line.amount;
  }
  const partyOrder = terms.parties.map((p) => p.code);
  // Parties in the terms' order; measures in the order they first appear (rule order).
  return [...totals.values()].sort((a, b) => partyOrder.indexOf(a.party) - partyOrder.indexOf(b.party));
}

/** The year split as a whole: the settlement of the calendar year with nothing posted before. */
export function annualSplit(terms: SharingTerms, year: number, figures: readonly Figure[] | FigureIndex, facts: SubjectFacts): Settlement {
  return settlePeriod({ terms, period: { kind: "year", label: String(year), year, firstMonth: 1, lastMonth: 12 }, figures, facts });
}

/**
 * What earlier periods of the same year would have posted had each been settled on these same figures: the
 * year-to-date dues through the month before the period. For simulations without a ledger.
 */
export function postedBefore(input: Omit<SettlementInput, "posted">): PostedAmount[] {
  const { period } = input;
  if (period.firstMonth === 1) return [];
  const before: Period = { kind: "month", label: monthKey(period.year, period.firstMonth - 1), year: period.year, firstMonth: 1, lastMonth: period.firstMonth - 1 };
  return settlePeriod({ ...input, period: before }).lines.flatMap((l) =>
    l.kind === "rule" && l.dueToDate !== 0n ? [{ rule: l.rule, subject: l.subject, party: l.party, measure: l.measure, amount: l.dueToDate }] : [],
  );
}
