// Confirmation and locking. A draft run records who confirmed for each party and when; the confirmation of the
// last party locks the run in the same transaction: its lines are posted to the journal (and, for a
// restatement, the replaced run's posting is reversed first). A run whose basis moved — earlier periods posted
// differently since it was computed — is stale and cannot lock.
import type { SettlementRun } from "../../../../contracts/sharing.ts";
import type { Actor } from "../../platform/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, invalid } from "../../platform/errors.ts";
import type { Access } from "./access.ts";
import type { Party } from "./engine/index.ts";
import { entriesOf, insertEntry, postedBefore } from "./ledger.repository.ts";
import { postingLines, reversalLines } from "./postings.ts";
import type { RunInputs } from "./run-dto.ts";
import { postedDigestOf } from "./run-compute.ts";
import { confirmationsOf, insertConfirmation, loadRunLines, loadRunRow, lockAgreementYear, setRunStatus, type RunRow } from "./runs.repository.ts";
import type { SettlementService } from "./settlement.service.ts";

export function createConfirmService(db: Db, access: Access, runs: SettlementService) {
  async function lock(trx: Db, run: RunRow, actor: Actor): Promise<void> {
    const posted = await postedBefore(trx, run.agreementId, run.year, run.firstMonth);
    if (postedDigestOf(posted) !== (run.inputs as RunInputs).postedDigest) {
      throw new Conflict("settlement.stale", `What was posted for earlier periods of ${run.year} changed after this run was computed; discard it and settle ${run.period} again.`);
    }
    if (run.restatesRunId) {
      const replaced = await loadRunRow(trx, run.restatesRunId, { forUpdate: true });
      if (replaced?.status !== "locked") throw new Conflict("settlement.stale", `The run this restatement replaces is ${replaced?.status ?? "gone"}, no longer locked.`);
      const original = (await entriesOf(trx, { agreementId: run.agreementId, runId: replaced.id })).find((e) => e.kind === "posting");
      if (original) {
        await insertEntry(
          trx,
          { agreementId: run.agreementId, runId: run.id, kind: "reversal", reversesEntryId: original.id, year: replaced.year, period: replaced.period, periodLastMonth: replaced.lastMonth, postedBy: actor.id, memo: `reversal of run ${replaced.id} (${replaced.period}), restated by run ${run.id}` },
          reversalLines(original.lines),
        );
      }
      await setRunStatus(trx, replaced.id, "restated");
    }
    const lines = await loadRunLines(trx, run.id);
    await insertEntry(
      trx,
      { agreementId: run.agreementId, runId: run.id, kind: "posting", reversesEntryId: null, year: run.year, period: run.period, periodLastMonth: run.lastMonth, postedBy: actor.id, memo: `${run.kind} ${run.period}, run ${run.id}` },
      postingLines(lines),
    );
    await setRunStatus(trx, run.id, "locked");
    await appendAudit(trx, { action: "sharing.run_locked", outcome: "success", actor, entity: "settlement_run", recordId: run.id, detail: { agreementId: run.agreementId, period: run.period, restates: run.restatesRunId } });
  }

  return {
    async confirm(actor: Actor, runId: string, party: string): Promise<SettlementRun> {
      const row = await runs.loadRun(actor, runId);
      const parties = row.parties as Party[];
      if (!parties.some((p) => p.code === party)) throw invalid("party", `is not a party of this run (${parties.map((p) => p.code).join(", ")})`, party);
      await access.confirmFor(actor, runId, party);
      await db.transaction().execute(async (trx) => {
        await lockAgreementYear(trx, row.agreementId, row.year);
        const run = await loadRunRow(trx, runId, { forUpdate: true });
        if (!run || run.status !== "draft") throw new Conflict("settlement.not_draft", `Only a draft run can be confirmed; this run is ${run?.status ?? "gone"}.`);
        const confirmed = (await confirmationsOf(trx, [runId])).get(runId) ?? [];
        if (confirmed.some((c) => c.party === party)) return; // confirming twice changes nothing
        await insertConfirmation(trx, { runId, party, actorId: actor.id, actorName: actor.name, actorRole: actor.role });
        await appendAudit(trx, { action: "sharing.run_confirmed", outcome: "success", actor, entity: "settlement_run", recordId: runId, detail: { party, period: run.period } });
        const all = new Set([...confirmed.map((c) => c.party), party]);
        if (parties.every((p) => all.has(p.code))) await lock(trx, run, actor);
      });
      return runs.present((await loadRunRow(db, runId)) as RunRow);
    },
  };
}

export type ConfirmService = ReturnType<typeof createConfirmService>;
