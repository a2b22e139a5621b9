// One settlement run, computed: the engine's settlement of the period under every version of the agreement's
// terms that settles some month of the year to date, merged into one list of lines, each tagged with its terms
// version and carrying its explanation. Pure: the service gathers the inputs and stores the result; the ledger's
// property tests drive the same function in memory.
import { createHash } from "node:crypto";
import { canonicalJson } from "../../platform/audit.ts";
import {
  figureIndex,
  presentLine,
  presentSkipped,
  settlePeriod,
  type Figure,
  type FigureIndex,
  type Party,
  type Period,
  type PostedAmount,
  type SettlementLine,
  type SharingTerms,
  type SubjectFacts,
  type SubjectRef,
} from "./engine/index.ts";
import { lastDayOf, monthKey } from "./engine/periods.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A stored version of the terms, with the days it settles (a later version takes over from its effectiveFrom). */
export type VersionedTerms = { termSetId: string; version: number; terms: SharingTerms; settlesFrom: string; settlesThrough: string | null };

/** What the ledger holds for a line key, per terms version. */
export type LedgerPosted = PostedAmount & { termsVersion: number };

export type RunLine = {
  lineNo: number;
  kind: "rule" | "guaranteed_return";
  termsVersion: number;
  rule: string;
  party: string;
  measure: string;
  unit: string;
  subject: SubjectRef | null;
  dueToDate: bigint;
  previouslyPosted: bigint;
  amount: bigint;
  /** The engine's line, whose explanation explanationOf presents (and explanation-store.ts stores compactly). */
  source: SettlementLine;
  /** The party's name in the terms version of the line. */
  partyName: string;
};

/** A line's explanation as the API shows it: the engine's presented line, with the terms version first. */
export function explanationOf(line: Pick<RunLine, "termsVersion" | "source" | "partyName">): Record<string, Json> {
  return { termsVersion: line.termsVersion, ...presentLine(line.source, line.partyName) };
}

export type RunTotal = { party: string; partyName: string; measure: string; unit: string; dueToDate: bigint; previouslyPosted: bigint; amount: bigint };

export type RunResult = { parties: Party[]; lines: RunLine[]; totals: RunTotal[]; skipped: Record<string, Json>[]; warnings: string[] };

export type RunInput = { termSets: readonly VersionedTerms[]; period: Period; figures: readonly Figure[] | FigureIndex; facts: SubjectFacts; posted: readonly LedgerPosted[] };

/** The day before a date, YYYY-MM-DD. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Term sets in version order with the days each settles: up to its effectiveTo or the next version's start. */
export function settlementWindows(termSets: readonly { id: string; version: number; terms: SharingTerms }[]): VersionedTerms[] {
  const sorted = [...termSets].sort((a, b) => a.version - b.version);
  return sorted.map((t, i) => {
    const next = sorted[i + 1];
    const cut = next ? dayBefore(next.terms.effectiveFrom) : null;
    const own = t.terms.effectiveTo;
    const through = cut === null ? own : own === null || cut < own ? cut : own;
    return { termSetId: t.id, version: t.version, terms: t.terms, settlesFrom: t.terms.effectiveFrom, settlesThrough: through };
  });
}

const settles = (t: VersionedTerms, month: string) => t.settlesFrom <= lastDayOf(month) && (t.settlesThrough === null || t.settlesThrough >= lastDayOf(month));

/** The versions that settle some month from January through the period's last month. */
export function versionsFor(termSets: readonly VersionedTerms[], period: Period): VersionedTerms[] {
  const months = Array.from({ length: period.lastMonth }, (_, i) => monthKey(period.year, i + 1));
  return termSets.filter((t) => months.some((m) => settles(t, m)));
}

export function computeRun(input: RunInput): RunResult {
  const { period } = input;
  const versions = versionsFor(input.termSets, period);
  const endMonth = monthKey(period.year, period.lastMonth);
  const atEnd = versions.find((t) => settles(t, endMonth));
  const parties: Party[] = [];
  for (const t of atEnd ? [atEnd, ...versions.filter((v) => v !== atEnd)] : versions) {
    for (const p of t.terms.parties) if (!parties.some((q) => q.code === p.code)) parties.push(p);
  }
  const lines: RunLine[] = [];
  const skipped: Record<string, Json>[] = [];
  const warnings: string[] = [];
  // Grouped once for all versions (a flat list's duplicate versions are reported once, as before).
  const { index: figures, warnings: figureWarnings } = figureIndex(input.figures);
  for (const t of versions) {
    // Guaranteed returns are settled by the version in force when the period ends.
    const terms: SharingTerms = { ...t.terms, effectiveFrom: t.settlesFrom, effectiveTo: t.settlesThrough, guaranteedReturns: t === atEnd ? t.terms.guaranteedReturns : [] };
    const posted = input.posted.filter((p) => p.termsVersion === t.version);
    const settlement = settlePeriod({ terms, period, figures, facts: input.facts, posted });
    const names = new Map(terms.parties.map((p) => [p.code, p.name]));
    for (const line of settlement.lines) {
      lines.push({
        lineNo: lines.length + 1,
        kind: line.kind,
        termsVersion: t.version,
        rule: line.kind === "rule" ? line.rule : line.guarantee,
        party: line.party,
        measure: line.kind === "rule" ? line.measure : "guaranteed_return",
        unit: line.kind === "rule" ? line.unit : "fen",
        subject: line.kind === "rule" ? line.subject : null,
        dueToDate: line.dueToDate,
        previouslyPosted: line.previouslyPosted,
        amount: line.amount,
        source: line,
        partyName: names.get(line.party) ?? line.party,
      });
    }
    for (const x of settlement.skipped) {
      // A month outside this version's days is settled by another version: not a skip.
      if (x.reason.startsWith("outside the terms' effective dates") && versions.some((v) => v !== t && settles(v, x.figure.month))) continue;
      skipped.push({ termsVersion: t.version, ...presentSkipped(x) });
    }
    const own = [...figureWarnings, ...settlement.warnings];
    for (const w of new Set(own)) warnings.push(versions.length > 1 ? `terms version ${t.version}: ${w}` : w);
  }
  const versionsPosted = new Set(versions.map((v) => v.version));
  for (const p of input.posted) {
    if (!versionsPosted.has(p.termsVersion)) warnings.push(`posted amount ${p.amount} for terms version ${p.termsVersion} rule ${p.rule} / ${p.party} belongs to no version that settles ${period.label}; it is not reversed`);
  }
  return { parties, lines, totals: totalsOf(parties, lines), skipped, warnings };
}

function totalsOf(parties: readonly Party[], lines: readonly RunLine[]): RunTotal[] {
  const totals = new Map<string, RunTotal>();
  // party → measure → total, so that no key is built line after line; `totals` keeps the order they appear in.
  const byParty = new Map<string, Map<string, RunTotal>>();
  for (const l of lines) {
    let ofParty = byParty.get(l.party);
    if (!ofParty) byParty.set(l.party, (ofParty = new Map()));
    let t = ofParty.get(l.measure);
    if (!t) {
      t = { party: l.party, partyName: parties.find((p) => p.code === l.party)?.name ?? l.party, measure: l.measure, unit: l.unit, dueToDate: 0n, previouslyPosted: 0n, amount: 0n };
      ofParty.set(l.measure, t);
      totals.set(`${l.party}|${l.measure}`, t);
    }
    t.dueToDate += l.dueToDate;
    t.previouslyPosted += l.previouslyPosted;
    t.amount += l.amount;
  }
  const order = parties.map((p) => p.code);
  return [...totals.values()].sort((a, b) => order.indexOf(a.party) - order.indexOf(b.party));
}

export function sha256(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/** Digests of the inputs; the fingerprint covers them all, so the same inputs give the same run. */
export function fingerprintOf(input: { agreementId: string; period: Period; termSets: readonly VersionedTerms[]; figures: readonly Figure[] | FigureIndex; facts: SubjectFacts; posted: readonly LedgerPosted[] }) {
  const figuresDigest = figuresDigestOf(input.figures);
  const factsDigest = sha256({
    enterprises: [...input.facts.enterprises].sort((a, b) => (a.id < b.id ? -1 : 1)),
    enclaves: [...input.facts.enclaves].sort((a, b) => (a.id < b.id ? -1 : 1)),
  });
  const postedDigest = postedDigestOf(input.posted);
  const termSets = input.termSets.map((t) => ({ id: t.termSetId, version: t.version, termsId: t.terms.id }));
  const fingerprint = sha256({ agreementId: input.agreementId, period: input.period.label, termSets, figuresDigest, factsDigest, postedDigest });
  return { fingerprint, figuresDigest, factsDigest, postedDigest, termSets };
}

/**
 * The figure versions read, by what each figure is of (measure, subject, month) and its version: the newest
 * version of each counts, whatever order the figures come in. A version's value never changes, so this pins
 * the figures. Hashed as it goes: a million figures make no million-entry array.
 */
export function figuresDigestOf(figures: readonly Figure[] | FigureIndex): string {
  const { index } = figureIndex(figures);
  const hash = createHash("sha256");
  // Each figure as two little-endian numbers (its month counted from year 0, its version) in one reused buffer.
  let bytes = new DataView(new ArrayBuffer(512));
  for (const measure of [...index.byMeasure.keys()].sort()) {
    for (const s of index.byMeasure.get(measure) ?? []) {
      hash.update(`${measure}|${s.key}|${s.figures.length}\n`);
      if (bytes.byteLength < s.figures.length * 8) bytes = new DataView(new ArrayBuffer(s.figures.length * 8));
      s.figures.forEach((f, i) => {
        bytes.setInt32(8 * i, monthNumber(f.month), true);
        bytes.setInt32(8 * i + 4, f.version, true);
      });
      hash.update(new Uint8Array(bytes.buffer, 0, s.figures.length * 8));
    }
  }
  return hash.digest("hex");
}

/** "YYYY-MM" as year × 100 + month, from its digits (a million of them). */
function monthNumber(month: string): number {
  let n = 0;
  for (let i = 0; i < month.length; i += 1) {
    const c = month.charCodeAt(i);
    if (c >= 48 && c <= 57) n = n * 10 + c - 48;
  }
  return n;
}

export function postedDigestOf(posted: readonly LedgerPosted[]): string {
  const rows = posted
    .filter((p) => p.amount !== 0n)
    .map((p) => `${p.termsVersion}|${p.rule}|${p.subject ? `${p.subject.kind}:${p.subject.id}` : "-"}|${p.party}|${p.measure}|${p.amount}`)
    .sort();
  return sha256(rows);
}
