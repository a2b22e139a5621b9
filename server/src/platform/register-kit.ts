// The shared life cycle of register records: write in one transaction together with the history entry,
// optimistic versions, archive/restore, read as of a past date. Module services supply only what differs:
// validation, the insert/update of their own columns, and how to load the record as the API shows it.
import { sql, type Generated } from "kysely";
import type { Actor } from "./actor.ts";
import type { Db } from "./database.ts";
import { Conflict, DomainError, NotFound, ValidationFailed } from "./errors.ts";
import { historyOf, recordChange, snapshotAsOf, type ChangeAction, type HistoryEntry } from "./history.ts";

/** Every register table has these columns besides its own. */
export type RecordMeta = {
  version: number;
  illustrative: boolean;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export type RegisterKit<Dto> = {
  entity: string;
  get(db: Db, id: string, asOf?: Date): Promise<Dto>;
  history(db: Db, id: string): Promise<HistoryEntry[]>;
  /** Creates: `insert` writes the rows and returns the new id. */
  create(actor: Actor, insert: (trx: Db) => Promise<string>): Promise<Dto>;
  /** Updates: `apply` sees the record before the change and writes the new values. */
  update(actor: Actor, id: string, apply: (trx: Db, before: Dto) => Promise<void>, expectedVersion?: number): Promise<Dto>;
  archive(actor: Actor, id: string): Promise<Dto>;
  restore(actor: Actor, id: string): Promise<Dto>;
};

export function registerKit<Dto extends { version: number }>(spec: {
  db: Db;
  /** Singular, snake_case: "enterprise"; names history rows and error codes. */
  entity: string;
  table: string;
  /** The key column (default "id"). */
  key?: string;
  load(db: Db, id: string): Promise<Dto | undefined>;
}): RegisterKit<Dto> {
  const { db, entity } = spec;
  const table = sql.table(spec.table);
  const key = sql.ref(spec.key ?? "id");

  // Ids of uuid-keyed tables that are not UUIDs cannot exist: 404, before PostgreSQL rejects their syntax.
  const keyIsUuid = (spec.key ?? "id") === "id";
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  async function mustLoad(from: Db, id: string): Promise<Dto> {
    if (keyIsUuid && !uuid.test(id)) throw new NotFound(entity, id);
    const found = await spec.load(from, id);
    if (!found) throw new NotFound(entity, id);
    return found;
  }

  async function change(actor: Actor, action: ChangeAction, id: string | undefined, write: (trx: Db, before: Dto | null) => Promise<string>): Promise<Dto> {
    try {
      return await db.transaction().execute(async (trx) => {
        const before = id === undefined ? null : await mustLoad(trx, id);
        const recordId = await write(trx, before);
        if (before) {
          await sql`update ${table} set version = version + 1, updated_at = now() where ${key} = ${recordId}`.execute(trx);
        }
        const after = await mustLoad(trx, recordId);
        await recordChange(trx, { entity, recordId, version: after.version, action, actor, before, after });
        return after;
      });
    } catch (error) {
      throw translateDatabaseError(error, entity);
    }
  }

  async function setArchived(actor: Actor, id: string, archived: boolean): Promise<Dto> {
    return change(actor, archived ? "archive" : "restore", id, async (trx) => {
      await sql`update ${table} set archived_at = ${archived ? sql`now()` : null} where ${key} = ${id}`.execute(trx);
      return id;
    });
  }

  return {
    entity,
    async get(from, id, asOf) {
      if (!asOf || (keyIsUuid && !uuid.test(id))) return mustLoad(from, id);
      const snapshot = await snapshotAsOf(from, entity, id, asOf);
      if (snapshot === undefined) {
        throw new DomainError("not_found", `${entity}.not_found`, `No ${entity} with id ${id} existed at ${asOf.toISOString()}.`);
      }
      return snapshot as Dto;
    },
    async history(from, id) {
      const entries = await historyOf(from, entity, id);
      if (entries.length === 0) await mustLoad(from, id); // 404 for unknown ids, [] never means "not found"
      return entries;
    },
    create: (actor, insert) => change(actor, "create", undefined, (trx) => insert(trx)),
    update: (actor, id, apply, expectedVersion) =>
      change(actor, "update", id, async (trx, before) => {
        if (expectedVersion !== undefined && before && before.version !== expectedVersion) {
          throw new Conflict(
            `${entity}.version_conflict`,
            `The ${entity} was changed by someone else (now version ${before.version}, you edited version ${expectedVersion}). Reload and try again.`,
          );
        }
        await apply(trx, before as Dto);
        return id;
      }),
    archive: (actor, id) => setArchived(actor, id, true),
    restore: (actor, id) => setArchived(actor, id, false),
  };
}

/** Constraint violations the services did not catch first still become clear 4xx answers, never a 500. */
export function translateDatabaseError(error: unknown, entity: string): unknown {
  if (error instanceof DomainError || typeof error !== "object" || error === null) return error;
  const pgError = error as { code?: string; constraint?: string; detail?: string };
  const detail = pgError.detail ?? "";
  switch (pgError.code) {
    case "23505":
      return new Conflict(`${entity}.duplicate`, `A ${entity} with the same ${describeKey(detail)} already exists.`, [
        { field: keyField(detail), message: "already exists" },
      ]);
    case "23503":
      return new ValidationFailed([{ field: keyField(detail), message: `refers to a record that does not exist (${detail})` }]);
    case "23514":
      return new ValidationFailed([{ message: `violates the rule ${pgError.constraint ?? "(unnamed)"}` }]);
    default:
      return error;
  }
}

// PostgreSQL says: Key (uscc)=(9133...) already exists.
function keyField(detail: string): string | undefined {
  const match = /^Key \(([^)]+)\)/.exec(detail);
  return match?.[1]?.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function describeKey(detail: string): string {
  const match = /^Key \(([^)]+)\)=\(([^)]*)\)/.exec(detail);
  return match ? `${keyField(detail)} (${match[2]})` : "key";
}

/** The metadata columns as Kysely table types declare them. */
export type MetaColumns = {
  version: Generated<number>;
  illustrative: Generated<boolean>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  archivedAt: Date | null;
};

export function metaOf(row: { version: number; illustrative: boolean; createdAt: Date; updatedAt: Date; archivedAt: Date | null }): RecordMeta {
  return {
    version: row.version,
    illustrative: row.illustrative,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null,
  };
}
