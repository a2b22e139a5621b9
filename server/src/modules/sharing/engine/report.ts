// Settlements and scenario comparisons as plain JSON: amounts as strings in the measure's unit (integer fen for
// money, decimals for quantities), shares and quotas as exact fractions ("7/10"). The JSON an API, a statement
// or the CLI shows; nothing here computes.
import { fractionText, shareText } from "./fraction.ts";
import { formatMeasureAmount, kindOfUnit } from "./measures.ts";
import type { ScenarioComparison } from "./scenarios.ts";
import type { SkippedFigure } from "./rule-settlement.ts";
import type { Settlement, SettlementLine } from "./settle.ts";
import type { SharingTerms } from "./types.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function presentSettlement(settlement: Settlement, terms: SharingTerms): Record<string, Json> {
  const name = (code: string) => terms.parties.find((p) => p.code === code)?.name ?? code;
  return {
    terms: settlement.terms,
    period: { kind: settlement.period.kind, label: settlement.period.label, year: settlement.period.year, throughMonth: settlement.throughMonth },
    totals: settlement.totals.map((t) => {
      const fmt = (v: bigint) => formatMeasureAmount(v, kindOfUnit(t.unit));
      return { party: t.party, partyName: name(t.party), measure: t.measure, unit: t.unit, dueToDate: fmt(t.dueToDate), previouslyPosted: fmt(t.previouslyPosted), amount: fmt(t.amount) };
    }),
    lines: settlement.lines.map((l) => presentLine(l, name(l.party))),
    skipped: settlement.skipped.map(presentSkipped),
    warnings: settlement.warnings,
  };
}

export function presentSkipped(s: SkippedFigure): Record<string, Json> {
  return { rule: s.rule, subject: { ...s.subject }, figure: { id: s.figure.id, version: s.figure.version, month: s.figure.month }, reason: s.reason };
}

/** One line of a settlement with its explanation: figures, windows, shares, rounding, caps and floors. */
export function presentLine(line: SettlementLine, partyName: string): Record<string, Json> {
  if (line.kind === "guaranteed_return") {
    return {
      kind: line.kind,
      guarantee: line.guarantee,
      guaranteeKind: line.guaranteeKind,
      year: line.year,
      party: line.party,
      partyName,
      role: line.role,
      unit: "fen",
      principal: `${line.principal}`,
      rate: shareText(line.rate),
      exactTarget: fractionText(line.exactTarget),
      target: `${line.target}`,
      receivedFromRules: line.receivedFromRules === null ? null : `${line.receivedFromRules}`,
      rulesCounted: line.rulesCounted,
      dueToDate: `${line.dueToDate}`,
      previouslyPosted: `${line.previouslyPosted}`,
      amount: `${line.amount}`,
      reason: line.reason,
    };
  }
  const fmt = (v: bigint) => formatMeasureAmount(v, kindOfUnit(line.unit));
  return {
    kind: line.kind,
    rule: line.rule,
    measure: line.measure,
    unit: line.unit,
    subject: { ...line.subject },
    party: line.party,
    partyName,
    ytdTotal: fmt(line.ytdTotal),
    dueToDate: fmt(line.dueToDate),
    previouslyPosted: fmt(line.previouslyPosted),
    amount: fmt(line.amount),
    segments: line.segments.map((s) => ({
      window: { ...s.window },
      scheduleYears: s.scheduleYears,
      months: { ...s.months },
      figures: s.figures.map((f) => ({ id: f.id, version: f.version, month: f.month, value: fmt(f.value) })),
      total: fmt(s.total),
      share: fractionText(s.share),
      allocated: fmt(s.allocated),
      rounding: {
        // In rounding units: fen, or micro-units of a quantity.
        quota: fractionText(s.rounding.quota),
        whole: `${s.rounding.whole}`,
        remainder: fractionText(s.rounding.remainder),
        roundingUnit: Number(s.rounding.roundingUnit),
        rank: s.rounding.rank,
        reason: s.rounding.reason,
      },
    })),
    limits: line.limits.map((l) => ({ kind: l.kind, segment: l.segment, change: fmt(l.change), reason: l.reason })),
  };
}

/** One row per settlement line, for CSV: the explanation condensed into text columns. */
export function settlementRows(settlement: Settlement, terms: SharingTerms): Record<string, string>[] {
  const name = (code: string) => terms.parties.find((p) => p.code === code)?.name ?? code;
  return settlement.lines.map((line) => {
    const common = { period: settlement.period.label, party: line.party, partyName: name(line.party) };
    if (line.kind === "guaranteed_return") {
      return { ...common, kind: line.kind, rule: line.guarantee, measure: "guaranteed_return", unit: "fen", subject: "", share: shareText(line.rate), ytdTotal: "", dueToDate: `${line.dueToDate}`, previouslyPosted: `${line.previouslyPosted}`, amount: `${line.amount}`, figures: "", explanation: line.reason };
    }
    const fmt = (v: bigint) => formatMeasureAmount(v, kindOfUnit(line.unit));
    return {
      ...common,
      kind: line.kind,
      rule: line.rule,
      measure: line.measure,
      unit: line.unit,
      subject: `${line.subject.kind}:${line.subject.id}`,
      share: line.segments.map((s) => `years ${s.scheduleYears.join(",")}: ${fractionText(s.share)}`).join("; "),
      ytdTotal: fmt(line.ytdTotal),
      dueToDate: fmt(line.dueToDate),
      previouslyPosted: fmt(line.previouslyPosted),
      amount: fmt(line.amount),
      figures: line.segments.flatMap((s) => s.figures.map((f) => `${f.id}@${f.version}`)).join("; "),
      explanation: [
        ...line.segments.map((s) => `${s.months.from}..${s.months.to} total ${fmt(s.total)} × ${fractionText(s.share)} = ${fmt(s.allocated)} (${s.rounding.reason})`),
        ...line.limits.map((l) => l.reason),
      ].join(" | "),
    };
  });
}

export function presentComparison(comparison: ScenarioComparison): Record<string, Json> {
  return {
    scenarios: comparison.scenarios,
    growth: comparison.growth,
    warnings: comparison.warnings,
    years: comparison.years.map((y) => ({
      year: y.year,
      projected: y.projected,
      rows: y.rows.map((r) => ({
        party: r.party,
        measure: r.measure,
        unit: r.unit,
        amounts: r.amounts.map((a) => ({ scenario: a.scenario, amount: formatMeasureAmount(a.amount, kindOfUnit(r.unit)) })),
      })),
    })),
  };
}
