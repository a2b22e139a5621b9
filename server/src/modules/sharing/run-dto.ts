// Runs as the API shows them: amounts in the measure's unit as strings (integer fen, or decimal quantities),
// the parties with who confirmed for each and when.
import type { PartyTotalJson, RunListItem, SettlementLineSummary, SettlementRun } from "../../../../contracts/sharing.ts";
import { formatMeasureAmount, type Party } from "./engine/index.ts";
import { kindOfUnit } from "./engine/measures.ts";
import type { ConfirmationRow, RunRow, StoredLine } from "./runs.repository.ts";

/** Totals are stored in the engine's whole units (fen, micro-units) as integer strings. */
export type StoredTotal = { party: string; partyName: string; measure: string; unit: string; dueToDate: string; previouslyPosted: string; amount: string };

export type RunInputs = SettlementRun["inputs"];

export const amountText = (value: bigint, unit: string): string => formatMeasureAmount(value, kindOfUnit(unit));

export function totalJson(t: StoredTotal): PartyTotalJson {
  return {
    ...t,
    dueToDate: amountText(BigInt(t.dueToDate), t.unit),
    previouslyPosted: amountText(BigInt(t.previouslyPosted), t.unit),
    amount: amountText(BigInt(t.amount), t.unit),
  };
}

export function lineJson(l: Omit<StoredLine, "explanation">): SettlementLineSummary {
  return {
    lineNo: l.lineNo,
    kind: l.kind,
    termsVersion: l.termsVersion,
    rule: l.rule,
    party: l.party,
    measure: l.measure,
    unit: l.unit,
    subject: l.subject,
    dueToDate: amountText(l.dueToDate, l.unit),
    previouslyPosted: amountText(l.previouslyPosted, l.unit),
    amount: amountText(l.amount, l.unit),
  };
}

export function listItemOf(row: RunRow, confirmations: readonly ConfirmationRow[]): RunListItem {
  const parties = row.parties as Party[];
  return {
    id: row.id,
    agreementId: row.agreementId,
    period: { label: row.period, kind: row.periodKind, year: row.year, firstMonth: row.firstMonth, lastMonth: row.lastMonth },
    kind: row.kind,
    restatesRunId: row.restatesRunId,
    status: row.status,
    fingerprint: row.fingerprint,
    inputs: row.inputs as RunInputs,
    parties: parties.map((p) => {
      const c = confirmations.find((x) => x.party === p.code);
      return { code: p.code, name: p.name, confirmation: c ? { actorId: c.actorId, actorName: c.actorName, actorRole: c.actorRole, confirmedAt: c.confirmedAt.toISOString() } : null };
    }),
    totals: (row.totals as StoredTotal[]).map(totalJson),
    warnings: row.warnings as string[],
    illustrative: row.illustrative,
    createdBy: { id: row.createdBy, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    lockedAt: row.lockedAt ? row.lockedAt.toISOString() : null,
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
  };
}

export function runOf(row: RunRow, confirmations: readonly ConfirmationRow[], lines: readonly StoredLine[]): SettlementRun {
  return { ...listItemOf(row, confirmations), lines: lines.map(lineJson), skipped: row.skipped as Record<string, unknown>[] };
}
