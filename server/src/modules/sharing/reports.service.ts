// What a run and the ledger say: a line's explanation, a party's statement (JSON, XLSX or PDF), the journal's
// entries and each party's balance recomputed from them beside the runs' reported totals.
import type { LedgerBalances, LedgerEntryJson, LineExplanation, StatementQuery } from "../../../../contracts/sharing.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound, invalid } from "../../platform/errors.ts";
import type { Access } from "./access.ts";
import type { Party } from "./engine/index.ts";
import { explainLine } from "./explain.ts";
import { findEnclave, sharingActor, type SharingDependencies } from "./inputs.ts";
import { entriesOf, journalBalances } from "./ledger.repository.ts";
import { amountText, type StoredTotal } from "./run-dto.ts";
import { decodeExplanations } from "./explanation-store.ts";
import { confirmationsOf, listRunRows, loadRunLines, loadStoredExplanations, type RunRow, type StoredLine } from "./runs.repository.ts";
import type { SettlementService } from "./settlement.service.ts";
import { statementPdf } from "./statement-pdf.ts";
import { statementXlsx } from "./statement-xlsx.ts";
import { buildStatement, type Statement } from "./statement.ts";
import { termSetRows } from "./terms.repository.ts";

export type StatementFile = { format: "json"; statement: Statement } | { format: "xlsx" | "pdf"; body: Buffer; contentType: string; fileName: string };

export function createReportsService(db: Db, deps: SharingDependencies, access: Access, runs: SettlementService) {
  /** The subjects' Chinese names (the id where there is none): enterprises all at once, enclaves (a few) one by one. */
  async function subjectNames(lines: readonly StoredLine[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const enterpriseIds = [...new Set(lines.flatMap((l) => (l.subject?.kind === "enterprise" ? [l.subject.id] : [])))];
    const enterprises = await deps.enterprises.names(sharingActor, enterpriseIds);
    for (const id of enterpriseIds) names.set(id, enterprises.get(id)?.nameZh ?? id);
    for (const l of lines) {
      if (l.subject?.kind !== "enclave" || names.has(l.subject.id)) continue;
      names.set(l.subject.id, (await findEnclave(deps, l.subject.id))?.nameZh ?? l.subject.id);
    }
    return names;
  }

  /** Lines with their explanations as the engine presented them (the figures' ids and values looked up). */
  async function explainedLines(run: RunRow, options: { party?: string; from?: number; to?: number }): Promise<StoredLine[]> {
    const stored = await loadStoredExplanations(db, run.id, options);
    const explanations = await decodeExplanations(stored.lines, { year: run.year, texts: stored.texts, rows: stored.rows }, deps.figureVersions);
    return stored.lines.map(({ explanationRef: _ref, explanation: _json, ...line }, i) => ({ ...line, explanation: explanations[i] ?? {} }));
  }

  return {
    async explanation(actor: Actor, runId: string, lineNo: number): Promise<LineExplanation> {
      const run = await runs.loadRun(actor, runId);
      const [line] = await explainedLines(run, { from: lineNo, to: lineNo });
      if (!line) throw new NotFound("settlement_line", `${runId} line ${lineNo}`);
      const termSet = (await termSetRows(db, run.agreementId)).find((t) => t.version === line.termsVersion);
      return explainLine(run, line, termSet);
    },

    async statement(actor: Actor, runId: string, query: StatementQuery): Promise<StatementFile> {
      const run = await runs.loadRun(actor, runId);
      const agreement = await access.agreement(actor, "sharing.read", run.agreementId);
      const parties = run.parties as Party[];
      if (!parties.some((p) => p.code === query.party)) throw invalid("party", `is not a party of this run (${parties.map((p) => p.code).join(", ")})`, query.party);
      const lines = await explainedLines(run, { party: query.party });
      const replaced = run.restatesRunId ? await loadRunLines(db, run.restatesRunId, { party: query.party }) : null;
      const confirmations = (await confirmationsOf(db, [runId])).get(runId) ?? [];
      const statement = buildStatement({ run, agreement, party: query.party, lines, confirmations, replacedLines: replaced, subjectNames: await subjectNames(lines) });
      if (query.format === "json") return { format: "json", statement };
      const base = `statement-${run.period}-${query.party}-${run.id.slice(0, 8)}`;
      if (query.format === "xlsx") {
        return { format: "xlsx", body: await statementXlsx(statement), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName: `${base}.xlsx` };
      }
      return { format: "pdf", body: await statementPdf(statement), contentType: "application/pdf", fileName: `${base}.pdf` };
    },

    async balances(actor: Actor, agreementId: string, year: number): Promise<LedgerBalances> {
      await access.agreement(actor, "sharing.read", agreementId);
      const journal = await journalBalances(db, agreementId, year);
      const reported = new Map<string, { party: string; measure: string; unit: string; amount: bigint }>();
      for (const run of await listRunRows(db, agreementId, { year, status: "locked" })) {
        for (const t of run.totals as StoredTotal[]) {
          const key = `${t.party}|${t.measure}`;
          const seen = reported.get(key) ?? { party: t.party, measure: t.measure, unit: t.unit, amount: 0n };
          reported.set(key, { ...seen, amount: seen.amount + BigInt(t.amount) });
        }
      }
      const fromJournal = new Map(journal.balances.map((b) => [`${b.party}|${b.measure}`, b]));
      const keys = new Set([...fromJournal.keys(), ...[...reported].filter(([, r]) => r.amount !== 0n).map(([k]) => k)]);
      const consistent = [...keys].every((k) => (fromJournal.get(k)?.amount ?? 0n) === (reported.get(k)?.amount ?? 0n));
      const json = (b: { party: string; measure: string; unit: string; amount: bigint }) => ({ party: b.party, measure: b.measure, unit: b.unit, amount: amountText(b.amount, b.unit) });
      const order = (a: { party: string; measure: string }, b: { party: string; measure: string }) => (a.party + a.measure < b.party + b.measure ? -1 : 1);
      return {
        agreementId,
        year,
        entries: journal.entries,
        balances: journal.balances.sort(order).map(json),
        reportedTotals: [...reported.values()].sort(order).map(json),
        consistent,
      };
    },

    async entries(actor: Actor, agreementId: string, year: number): Promise<LedgerEntryJson[]> {
      await access.agreement(actor, "sharing.read", agreementId);
      const entries = await entriesOf(db, { agreementId, year });
      return entries.map((e) => ({
        id: e.id,
        runId: e.runId,
        kind: e.kind,
        reversesEntryId: e.reversesEntryId,
        year: e.year,
        period: e.period,
        postedBy: e.postedBy,
        postedAt: e.postedAt.toISOString(),
        memo: e.memo,
        lines: e.lines.map((l) => ({ lineNo: l.lineNo, account: l.account, party: l.party, termsVersion: l.termsVersion, rule: l.rule, measure: l.measure, unit: l.unit, subject: l.subject, amount: amountText(l.amount, l.unit) })),
      }));
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
