// Settlement runs: compute a period with the engine from the gathered inputs, store the run with its input
// fingerprint (idempotent by agreement, period and fingerprint), and keep the order of a year straight. Runs of
// one agreement and year are serialised by a transaction-level lock; of two runs started at once, the one that
// finds a run it did not see when it began gets 409 settlement.concurrent_run (and the database's unique
// partial indexes stop a second draft even without the lock).
import type { RunFilters, RunListItem, SettlementRun, StartSettlement } from "../../../../contracts/sharing.ts";
import type { Actor } from "../../platform/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, DomainError, NotFound, ValidationFailed, invalid } from "../../platform/errors.ts";
import type { Access } from "./access.ts";
import { parsePeriod, type Period } from "./engine/index.ts";
import { monthKey } from "./engine/periods.ts";
import { encodeExplanations, storedColumnsOf } from "./explanation-store.ts";
import { compiledTermSets, coverageOf, figureIndexFor, withSkippedIds, type SharingDependencies } from "./inputs.ts";
import { postedBefore } from "./ledger.repository.ts";
import { runOf, listItemOf, type RunInputs, type StoredTotal } from "./run-dto.ts";
import { computeRun, fingerprintOf, postedDigestOf, settlementWindows, versionsFor } from "./run-compute.ts";
import { activeRunRows, confirmationsOf, insertRun, insertRunLines, listRunRows, loadRunLines, loadRunRow, lockAgreementYear, setRunStatus, type RunRow, type StoredLine } from "./runs.repository.ts";

export type StartOutcome = { run: SettlementRun; created: boolean };

export function createSettlementService(db: Db, deps: SharingDependencies, access: Access) {
  async function loadRun(actor: Actor, id: string): Promise<RunRow> {
    await access.role(actor, "sharing.read");
    const row = await loadRunRow(db, id);
    if (!row) throw new NotFound("settlement_run", id);
    await access.agreement(actor, "sharing.read", row.agreementId);
    return row;
  }

  async function present(row: RunRow): Promise<SettlementRun> {
    const confirmations = (await confirmationsOf(db, [row.id])).get(row.id) ?? [];
    return runOf(row, confirmations, await loadRunLines(db, row.id));
  }

  async function compute(agreementId: string, period: Period) {
    const compiled = await compiledTermSets(db, agreementId);
    const versions = versionsFor(settlementWindows(compiled), period);
    if (versions.length === 0) {
      throw new ValidationFailed([{ field: "period", value: period.label, message: "no version of this agreement's sharing terms settles any month of the year through this period" }], undefined, "settlement.no_terms");
    }
    const coverage = await coverageOf(db, deps, versions.map((v) => v.terms));
    const resolved = versions.map((v, i) => ({ ...v, terms: coverage.terms[i] ?? v.terms }));
    // Figures covered by two rules of one measure are named in a warning: only their ids are read with them.
    const shared = new Set(resolved.flatMap((v) => v.terms.rules.map((r) => r.measure.key).filter((m, i, all) => all.indexOf(m) !== i)));
    const { figures, warnings } = await figureIndexFor(deps, coverage, monthKey(period.year, 1), monthKey(period.year, period.lastMonth), shared);
    const posted = await postedBefore(db, agreementId, period.year, period.firstMonth);
    const result = computeRun({ termSets: resolved, period, figures, facts: coverage.facts, posted });
    const measureOf = (x: Record<string, unknown>) => resolved.find((v) => v.version === x.termsVersion)?.terms.rules.find((r) => r.id === x.rule)?.measure.key;
    await withSkippedIds(deps, result.skipped, measureOf);
    const digest = fingerprintOf({ agreementId, period, termSets: resolved, figures, facts: coverage.facts, posted });
    const illustrative = versions.some((v) => compiled.find((c) => c.id === v.termSetId)?.row.illustrative);
    // Encoded now, the engine's lines (and the million figures they hold on to) can go before anything is stored.
    const encoded = encodeExplanations(result.lines);
    const lines: StoredLine[] = result.lines.map(storedColumnsOf);
    const { parties, totals, skipped } = result;
    return { result: { parties, totals, skipped, lines, encoded, warnings: [coverage.warnings, warnings, result.warnings].flat() }, digest, figureCount: figures.count, illustrative: illustrative === true };
  }

  /** The checks that keep a year in order, under the lock. */
  function orderProblems(active: readonly RunRow[], period: Period, restating: boolean): DomainError | undefined {
    const overlapping = active.find((r) => r.period !== period.label && r.firstMonth <= period.lastMonth && r.lastMonth >= period.firstMonth);
    if (overlapping) return new Conflict("settlement.overlapping_period", `Period ${period.label} overlaps ${overlapping.period}, which has a ${overlapping.status} run (${overlapping.id}); settle periods of one kind per year.`);
    const earlierDraft = active.find((r) => r.status === "draft" && r.lastMonth < period.firstMonth);
    if (earlierDraft) return new Conflict("settlement.earlier_draft", `The earlier period ${earlierDraft.period} has a draft run (${earlierDraft.id}); confirm or discard it first.`);
    const laterLocked = active.find((r) => r.status === "locked" && r.firstMonth > period.lastMonth);
    if (laterLocked && !restating) {
      return new Conflict("settlement.later_period_locked", `A later period (${laterLocked.period}) is already locked; ${period.label} can no longer be settled on its own — its figures are caught up by the next period's year-to-date settlement.`);
    }
    return undefined;
  }

  /** `receivedAt`: when the request arrived (the HTTP layer knows); runs created after it were started at the same time. */
  async function start(actor: Actor, agreementId: string, input: StartSettlement, receivedAt: Date = new Date()): Promise<StartOutcome> {
    await access.role(actor, "sharing.manage");
    const period = parsePeriod(input.period);
    if (!period) throw invalid("period", 'must be a month (2024-03), a quarter (2024-Q1) or a year (2024)', input.period);
    // A run created after this request began, or not seen when it began, was started at the same time.
    const startedAt = receivedAt;
    await access.agreement(actor, "sharing.manage", agreementId);
    const seen = await activeRunRows(db, agreementId, period.year);
    const seenDraft = seen.find((r) => r.period === period.label && r.status === "draft")?.id ?? null;
    const seenLocked = seen.find((r) => r.period === period.label && r.status === "locked")?.id ?? null;
    const { result, digest, figureCount, illustrative } = await compute(agreementId, period);
    const concurrent = () => new Conflict("settlement.concurrent_run", `Another settlement run for this agreement and ${period.label} was started at the same time; reload its runs and try again.`);
    try {
      const outcome = await db.transaction().execute(async (trx) => {
        await lockAgreementYear(trx, agreementId, period.year);
        const active = await activeRunRows(trx, agreementId, period.year);
        const draft = active.find((r) => r.period === period.label && r.status === "draft");
        const locked = active.find((r) => r.period === period.label && r.status === "locked");
        const appeared = (run: RunRow | undefined, seenId: string | null) => (run?.id ?? null) !== seenId || (run !== undefined && run.createdAt > startedAt);
        if (appeared(draft, seenDraft) || appeared(locked, seenLocked)) throw concurrent();
        if (draft) {
          if (draft.fingerprint === digest.fingerprint) return { id: draft.id, created: false };
          throw new Conflict("settlement.draft_exists", `A draft run for ${period.label} (${draft.id}) was computed on other inputs; confirm or discard it before starting another.`);
        }
        if (locked && locked.fingerprint === digest.fingerprint) return { id: locked.id, created: false };
        const problem = orderProblems(active, period, locked !== undefined);
        if (problem) throw problem;
        if (postedDigestOf(await postedBefore(trx, agreementId, period.year, period.firstMonth)) !== digest.postedDigest) throw concurrent();
        const inputs: RunInputs = { termSets: digest.termSets, figures: figureCount, figuresDigest: digest.figuresDigest, factsDigest: digest.factsDigest, postedDigest: digest.postedDigest };
        const totals: StoredTotal[] = result.totals.map((t) => ({ ...t, dueToDate: String(t.dueToDate), previouslyPosted: String(t.previouslyPosted), amount: String(t.amount) }));
        const id = await insertRun(trx, {
          agreementId,
          period: period.label,
          periodKind: period.kind,
          year: period.year,
          firstMonth: period.firstMonth,
          lastMonth: period.lastMonth,
          kind: locked ? "restatement" : "settlement",
          restatesRunId: locked?.id ?? null,
          status: "draft",
          fingerprint: digest.fingerprint,
          inputs,
          parties: result.parties,
          totals,
          skipped: result.skipped,
          warnings: result.warnings,
          explanationTexts: result.encoded.texts,
          illustrative,
          createdBy: actor.id,
          createdByName: actor.name,
        });
        await insertRunLines(trx, id, result.lines, result.encoded);
        await appendAudit(trx, {
          action: "sharing.run_started",
          outcome: "success",
          actor,
          entity: "settlement_run",
          recordId: id,
          detail: { agreementId, period: period.label, kind: locked ? "restatement" : "settlement", restates: locked?.id ?? null, fingerprint: digest.fingerprint },
        });
        return { id, created: true };
      });
      const row = await loadRunRow(db, outcome.id);
      if (!row) throw new NotFound("settlement_run", outcome.id);
      // A new run's lines are the ones just computed: no need to read a hundred thousand of them back.
      if (outcome.created) return { run: runOf(row, [], result.lines), created: true };
      return { run: await present(row), created: false };
    } catch (error) {
      // The unique partial indexes are the last guard when two runs slip past each other.
      const pg = error as { code?: string; constraint?: string };
      if (pg.code === "23505" && pg.constraint?.startsWith("sharing_settlement_run_one_")) throw concurrent();
      throw error;
    }
  }

  async function discard(actor: Actor, id: string): Promise<SettlementRun> {
    const row = await loadRun(actor, id);
    await access.agreement(actor, "sharing.manage", row.agreementId);
    await db.transaction().execute(async (trx) => {
      await lockAgreementYear(trx, row.agreementId, row.year);
      const now = await loadRunRow(trx, id, { forUpdate: true });
      if (now?.status !== "draft") throw new Conflict("settlement.not_draft", `Only a draft run can be discarded; this run is ${now?.status ?? "gone"}.`);
      await setRunStatus(trx, id, "discarded");
      await appendAudit(trx, { action: "sharing.run_discarded", outcome: "success", actor, entity: "settlement_run", recordId: id, detail: { agreementId: row.agreementId, period: row.period } });
    });
    return present((await loadRunRow(db, id)) as RunRow);
  }

  return {
    start,
    discard,
    loadRun,
    present,
    async get(actor: Actor, id: string): Promise<SettlementRun> {
      return present(await loadRun(actor, id));
    },
    async list(actor: Actor, agreementId: string, filters: RunFilters): Promise<RunListItem[]> {
      await access.agreement(actor, "sharing.read", agreementId);
      const rows = await listRunRows(db, agreementId, filters);
      const confirmations = await confirmationsOf(db, rows.map((r) => r.id));
      return rows.map((r) => listItemOf(r, confirmations.get(r.id) ?? []));
    },
  };
}

export type SettlementService = ReturnType<typeof createSettlementService>;
