// History of register records (DESIGN: every change keeps who, when, before/after; any record can be read as
// of a past date). Snapshots are the records as the API shows them, written in the transaction of the change,
// together with the change's entry in the audit log: every module that records a change is audited.
import type { Generated } from "kysely";
import type { Actor } from "./actor.ts";
import { appendAudit } from "./audit.ts";
import type { Db } from "./database.ts";
import { invalid } from "./errors.ts";

export type ChangeAction = "create" | "update" | "archive" | "restore";

export type HistoryEntry = {
  version: number;
  action: ChangeAction;
  changedAt: string;
  actor: { id: string; name: string };
  before: unknown;
  after: unknown;
};

type HistoryTables = {
  platformHistory: {
    entity: string;
    recordId: string;
    version: number;
    action: ChangeAction;
    changedAt: Generated<Date>;
    actorId: string;
    actorName: string;
    before: unknown;
    after: unknown;
  };
};

export async function recordChange(
  trx: Db,
  change: { entity: string; recordId: string; version: number; action: ChangeAction; actor: Actor; before: unknown; after: unknown },
): Promise<void> {
  await trx
    .withTables<HistoryTables>()
    .insertInto("platformHistory")
    .values({
      entity: change.entity,
      recordId: change.recordId,
      version: change.version,
      action: change.action,
      actorId: change.actor.id,
      actorName: change.actor.name,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: JSON.stringify(change.after),
    })
    .execute();
  await appendAudit(trx, {
    action: `record.${change.action}`,
    outcome: "success",
    actor: change.actor,
    entity: change.entity,
    recordId: change.recordId,
    detail: { version: change.version, before: change.before, after: change.after },
  });
}

export async function historyOf(db: Db, entity: string, recordId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .withTables<HistoryTables>()
    .selectFrom("platformHistory")
    .selectAll()
    .where("entity", "=", entity)
    .where("recordId", "=", recordId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    changedAt: r.changedAt.toISOString(),
    actor: { id: r.actorId, name: r.actorName },
    before: r.before,
    after: r.after,
  }));
}

/** The record as it stood at `at`, or undefined when it did not exist yet. */
export async function snapshotAsOf(db: Db, entity: string, recordId: string, at: Date): Promise<unknown> {
  const row = await db
    .withTables<HistoryTables>()
    .selectFrom("platformHistory")
    .select("after")
    .where("entity", "=", entity)
    .where("recordId", "=", recordId)
    .where("changedAt", "<=", at)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.after;
}

/**
 * "2024-03-31" means the end of that day in China Standard Time (UTC+8), the officials' calendar;
 * a full ISO timestamp means exactly that moment.
 */
export function parseAsOf(value: string, field = "asOf"): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = new Date(day ? `${value}T23:59:59.999+08:00` : value);
  if (Number.isNaN(at.getTime())) throw invalid(field, "must be a date (YYYY-MM-DD) or an ISO 8601 timestamp", value);
  return at;
}

