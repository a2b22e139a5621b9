// The ledger's life in memory, with the very functions the service uses (computeRun, postingLines,
// reversalLines, postedFromLines): settle a period, correct a figure (a new version), restate a locked period.
// The property tests drive thousands of random sequences through it; the integration tests drive fewer through
// the database and check the same invariants there.
import type { Figure, Period, SubjectFacts } from "./engine/index.ts";
import { postingLines, postedFromLines, reversalLines, type JournalLine } from "./postings.ts";
import { computeRun, type RunTotal, type VersionedTerms } from "./run-compute.ts";

export type ModelEntry = { kind: "posting" | "reversal"; periodLastMonth: number; lines: JournalLine[] };
export type ModelRun = { period: Period; totals: RunTotal[]; entry: ModelEntry; status: "locked" | "restated" };

export type LedgerModel = {
  termSets: VersionedTerms[];
  facts: SubjectFacts;
  figures: Figure[];
  entries: ModelEntry[];
  runs: ModelRun[];
};

export function newModel(termSets: VersionedTerms[], facts: SubjectFacts, figures: Figure[]): LedgerModel {
  return { termSets, facts, figures: [...figures], entries: [], runs: [] };
}

/** What the journal holds for periods ending before `month` (the engine's "previously posted"). */
export function postedBeforeMonth(model: LedgerModel, month: number) {
  return postedFromLines(model.entries.filter((e) => e.periodLastMonth < month).flatMap((e) => e.lines));
}

/** Settles (or, when the period is locked, restates) a period and locks it at once. */
export function settleAndLock(model: LedgerModel, period: Period): ModelRun {
  const result = computeRun({ termSets: model.termSets, period, figures: model.figures, facts: model.facts, posted: postedBeforeMonth(model, period.firstMonth) });
  const locked = model.runs.find((r) => r.period.label === period.label && r.status === "locked");
  if (locked) {
    model.entries.push({ kind: "reversal", periodLastMonth: locked.period.lastMonth, lines: reversalLines(locked.entry.lines) });
    locked.status = "restated";
  }
  const entry: ModelEntry = { kind: "posting", periodLastMonth: period.lastMonth, lines: postingLines(result.lines) };
  model.entries.push(entry);
  const run: ModelRun = { period, totals: result.totals, entry, status: "locked" };
  model.runs.push(run);
  return run;
}

/** A corrected figure: the next version of the same figure id. */
export function correctFigure(model: LedgerModel, id: string, value: bigint): void {
  const versions = model.figures.filter((f) => f.id === id);
  const latest = versions.reduce<Figure | undefined>((a, f) => (a === undefined || f.version > a.version ? f : a), undefined);
  if (!latest) return;
  model.figures.push({ ...latest, version: latest.version + 1, value });
}

/** party|measure → the sum of the locked runs' reported amounts. */
export function reportedTotals(model: LedgerModel): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const run of model.runs.filter((r) => r.status === "locked")) {
    for (const t of run.totals) totals.set(`${t.party}|${t.measure}`, (totals.get(`${t.party}|${t.measure}`) ?? 0n) + t.amount);
  }
  return totals;
}
