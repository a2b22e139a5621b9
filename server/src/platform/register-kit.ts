// The shared life cycle of register records: write in one transaction together with the history entry (and,
// through it, the audit entry), optimistic versions, archive/restore, read as of a past date, and authorisation:
// every read and change is checked against the permission table with the record's scope, which the module
// supplies (`scopeOf`). Module services supply only what differs: validation, the insert/update of their own
// columns, how to load the record as the API shows it, and where it lies.
import { sql, type Generated } from "kysely";
import type { Actor } from "./actor.ts";
import { auditingDenials, authorize, readFilter, type RecordScope, type ScopeFilter } from "./authorize.ts";
import type { Db } from "./database.ts";
import { Conflict, DomainError, NotFound, ValidationFailed } from "./errors.ts";
import { historyOf, recordChange, snapshotAsOf, type ChangeAction, type HistoryEntry } from "./history.ts";
import { isPermission, type Permission } from "./permissions.ts";

/** Every register table has these columns besides its own. */
export type RecordMeta = {
  version: number;
  illustrative: boolean;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export type KitAction = "read" | "create" | "update" | "archive";

export type RegisterKit<Dto> = {
  entity: string;
  /** Whether the actor's role holds the action at all; call it before validating input (401/403, never a 400). */
  allow(actor: Actor, action: KitAction): Promise<void>;
  /** The record, when the actor may do the action on it; call it before validating a change against the record. */
  authorized(actor: Actor, action: KitAction, id: string): Promise<Dto>;
  /** What the actor's lists may contain; hand it to the repository's list query (filters in SQL, before paging). */
  readFilter(actor: Actor): Promise<ScopeFilter>;
  get(actor: Actor, id: string, asOf?: Date): Promise<Dto>;
  history(actor: Actor, id: string): Promise<HistoryEntry[]>;
  /** Creates: `insert` writes the rows and returns the new id; the new record must lie in the actor's scope. */
  create(actor: Actor, insert: (trx: Db) => Promise<string>): Promise<Dto>;
  /** Updates: `apply` sees the record before the change and writes the new values; before and after must be in scope. */
  update(actor: Actor, id: string, apply: (trx: Db, before: Dto) => Promise<void>, expectedVersion?: number): Promise<Dto>;
  archive(actor: Actor, id: string): Promise<Dto>;
  restore(actor: Actor, id: string): Promise<Dto>;
};

export function registerKit<Dto extends { version: number }>(spec: {
  db: Db;
  /** Singular, snake_case: "enterprise"; names history rows, error codes and permissions ("enterprise.update"). */
  entity: string;
  table: string;
  /** The key column (default "id"). */
  key?: string;
  load(db: Db, id: string): Promise<Dto | undefined>;
  /** Where the record lies: its regions, enclave, enterprise, whether it is published (authorize.ts). */
  scopeOf(record: Dto): RecordScope;
}): RegisterKit<Dto> {
  const { db, entity } = spec;
  const table = sql.table(spec.table);
  const key = sql.ref(spec.key ?? "id");

  const permissionOf = Object.fromEntries(
    (["read", "create", "update", "archive"] as const).map((action) => {
      const name = `${entity}.${action}`;
      if (!isPermission(name)) throw new Error(`The permission table has no ${name} (server/src/platform/permissions.ts).`);
      return [action, name];
    }),
  ) as Record<KitAction, Permission>;

  // Ids of uuid-keyed tables that are not UUIDs cannot exist: 404, before PostgreSQL rejects their syntax.
  const keyIsUuid = (spec.key ?? "id") === "id";
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  async function mustLoad(from: Db, id: string): Promise<Dto> {
    if (keyIsUuid && !uuid.test(id)) throw new NotFound(entity, id);
    const found = await spec.load(from, id);
    if (!found) throw new NotFound(entity, id);
    return found;
  }

  /** The role first (before the record is looked up, so existence is not revealed), then the record's scope. */
  async function loadAuthorized(from: Db, actor: Actor, action: KitAction, id: string): Promise<Dto> {
    authorize(actor, permissionOf[action], { entity, id });
    const record = await mustLoad(from, id);
    authorize(actor, permissionOf[action], { entity, id, scope: spec.scopeOf(record) });
    return record;
  }

  async function change(actor: Actor, action: ChangeAction, id: string | undefined, write: (trx: Db, before: Dto | null) => Promise<string>): Promise<Dto> {
    const permission = permissionOf[action === "create" ? "create" : action === "update" ? "update" : "archive"];
    try {
      return await auditingDenials(db, actor, async () => {
        authorize(actor, permission, { entity, id });
        return db.transaction().execute(async (trx) => {
          const before = id === undefined ? null : await mustLoad(trx, id);
          if (before) authorize(actor, permission, { entity, id, scope: spec.scopeOf(before) });
          const recordId = await write(trx, before);
          if (before) {
            await sql`update ${table} set version = version + 1, updated_at = now() where ${key} = ${recordId}`.execute(trx);
          }
          const after = await mustLoad(trx, recordId);
          // The record must still lie within the actor's scope: no moving a record out of one's reach, and no
          // creating one outside it. A denial rolls the whole change back.
          authorize(actor, permission, { entity, id: recordId, scope: spec.scopeOf(after) }, { afterChange: before !== null });
          await recordChange(trx, { entity, recordId, version: after.version, action, actor, before, after });
          return after;
        });
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
    allow: (actor, action) => auditingDenials(db, actor, async () => authorize(actor, permissionOf[action], { entity })),
    authorized: (actor, action, id) => auditingDenials(db, actor, () => loadAuthorized(db, actor, action, id)),
    readFilter: (actor) => auditingDenials(db, actor, async () => readFilter(actor, permissionOf.read, entity)),
    get: (actor, id, asOf) =>
      auditingDenials(db, actor, async () => {
        const current = await loadAuthorized(db, actor, "read", id);
        if (!asOf) return current;
        const snapshot = await snapshotAsOf(db, entity, id, asOf);
        if (snapshot === undefined) {
          throw new DomainError("not_found", `${entity}.not_found`, `No ${entity} with id ${id} existed at ${asOf.toISOString()}.`);
        }
        return snapshot as Dto;
      }),
    history: (actor, id) =>
      auditingDenials(db, actor, async () => {
        await loadAuthorized(db, actor, "read", id);
        return historyOf(db, entity, id);
      }),
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
