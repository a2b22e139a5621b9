// The audit log (MLPS 2.0 level 3): every write, sign-in, sign-out, lockout and denial, appended in the
// transaction of what it records, never changed (a trigger refuses UPDATE, DELETE and TRUNCATE). Tamper-evident:
// each entry's SHA-256 covers a canonical serialisation of its fields and the previous entry's hash; the chain
// head (platform_audit_head, one row) is locked FOR UPDATE by every writer, so concurrent transactions append one
// after another and the chain cannot fork. `verifyAuditChain` reports the first entry whose chain breaks.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Actor } from "./actor.ts";
import type { Db } from "./database.ts";

export type AuditOutcome = "success" | "failure" | "denied";

export type AuditEvent = {
  /** What happened: record.create|update|archive|restore, auth.sign_in, auth.sign_out, auth.lockout, auth.denied … */
  action: string;
  outcome: AuditOutcome;
  actor: Actor;
  entity?: string | null;
  recordId?: string | null;
  /** Before/after of a write, the reason of a denial or failure … (JSON). */
  detail?: unknown;
};

export type AuditEntry = {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  sessionId: string | null;
  remoteAddress: string | null;
  action: string;
  outcome: AuditOutcome;
  entity: string | null;
  recordId: string | null;
  detail: unknown;
  prevHash: string;
  hash: string;
};

type AuditRow = Omit<AuditEntry, "seq" | "at" | "detail"> & { seq: string | number; at: Date; detail: string };

export type AuditTables = {
  platformAuditEntry: AuditRow;
  platformAuditHead: { id: number; seq: string | number; hash: string };
};

export const genesisHash = "0".repeat(64);

/** JSON with object keys sorted at every level: one text for one value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value === undefined ? null : JSON.parse(JSON.stringify(value))));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

type Hashed = Omit<AuditEntry, "hash" | "detail"> & { detail: string };

/** The hash of an entry: SHA-256 over the previous hash and the entry's fields in a fixed order. */
export function entryHash(e: Hashed): string {
  const fields = [e.seq, e.at, e.actorId, e.actorName, e.actorRole, e.sessionId, e.remoteAddress, e.action, e.outcome, e.entity, e.recordId, e.detail];
  return createHash("sha256").update(`${e.prevHash}\n${JSON.stringify(fields)}`).digest("hex");
}

/** Appends one entry inside the caller's transaction (only `trx` may be used there). */
export async function appendAudit(trx: Db, event: AuditEvent): Promise<void> {
  const t = trx.withTables<AuditTables>();
  // The lock on the head row serialises writers until their transactions end: one chain, no fork.
  const head = await t.selectFrom("platformAuditHead").select(["seq", "hash"]).where("id", "=", 1).forUpdate().executeTakeFirstOrThrow();
  const entry: Hashed = {
    seq: Number(head.seq) + 1,
    at: new Date().toISOString(),
    actorId: event.actor.id,
    actorName: event.actor.name,
    actorRole: event.actor.role,
    sessionId: event.actor.sessionId ?? null,
    remoteAddress: event.actor.remoteAddress ?? null,
    action: event.action,
    outcome: event.outcome,
    entity: event.entity ?? null,
    recordId: event.recordId ?? null,
    detail: canonicalJson(event.detail ?? {}),
    prevHash: head.hash,
  };
  const hash = entryHash(entry);
  await t
    .insertInto("platformAuditEntry")
    .values({ ...entry, at: new Date(entry.at), hash })
    .execute();
  await t.updateTable("platformAuditHead").set({ seq: entry.seq, hash }).where("id", "=", 1).execute();
}

/** Appends in a transaction of its own (sign-in failures, denials: their own work was rolled back or never began). */
export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, event));
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return { ...row, seq: Number(row.seq), at: row.at.toISOString(), detail: JSON.parse(row.detail) as unknown };
}

export type ChainCheck = {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  head: { seq: number; hash: string };
  /** The first entry whose chain breaks, and why. */
  firstBroken: { seq: number; reason: string } | null;
};

/** Walks the whole chain in order; stops at the first break. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<ChainCheck> {
  const t = db.withTables<AuditTables>();
  const headRow = await t.selectFrom("platformAuditHead").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
  const head = { seq: Number(headRow?.seq ?? 0), hash: headRow?.hash ?? genesisHash };
  let previous = { seq: 0, hash: genesisHash };
  let checked = 0;
  const broken = (seq: number, reason: string): ChainCheck => ({ ok: false, checked, head, firstBroken: { seq, reason } });
  for (;;) {
    const rows = await t.selectFrom("platformAuditEntry").selectAll().where("seq", ">", previous.seq).orderBy("seq").limit(batchSize).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== previous.seq + 1) return broken(previous.seq + 1, `entry ${previous.seq + 1} is missing (the next entry is ${seq})`);
      if (row.prevHash !== previous.hash) return broken(seq, `its previous-hash does not match entry ${previous.seq}: an entry before it was changed, removed or inserted`);
      const expected = entryHash({ ...row, seq, at: row.at.toISOString() });
      if (row.hash !== expected) return broken(seq, "its content does not match its hash: the entry was changed or inserted");
      if (seq > head.seq) return broken(seq, `it lies beyond the chain head (entry ${head.seq}): it was inserted`);
      previous = { seq, hash: row.hash };
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  if (previous.seq !== head.seq || previous.hash !== head.hash) {
    return broken(previous.seq + 1, `the chain head says entry ${head.seq} is the last, but the log ends at entry ${previous.seq}: entries were removed`);
  }
  return { ok: true, checked, head, firstBroken: null };
}

export type AuditQuery = {
  from?: Date | undefined;
  to?: Date | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
  entity?: string | undefined;
  recordId?: string | undefined;
  page: number;
  pageSize: number;
};

/** Newest first. */
export async function searchAudit(db: Db, query: AuditQuery): Promise<{ items: AuditEntry[]; total: number; page: number; pageSize: number }> {
  let qb = db.withTables<AuditTables>().selectFrom("platformAuditEntry");
  if (query.from) qb = qb.where("at", ">=", query.from);
  if (query.to) qb = qb.where("at", "<=", query.to);
  if (query.actorId) qb = qb.where("actorId", "=", query.actorId);
  if (query.action) qb = qb.where("action", "=", query.action);
  if (query.outcome) qb = qb.where("outcome", "=", query.outcome);
  if (query.entity) qb = qb.where("entity", "=", query.entity);
  if (query.recordId) qb = qb.where("recordId", "=", query.recordId);
  const [rows, counted] = await Promise.all([
    qb
      .selectAll()
      .orderBy("seq", "desc")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    qb.select(sql<string>`count(*)`.as("total")).executeTakeFirst(),
  ]);
  return { items: rows.map(toAuditEntry), total: Number(counted?.total ?? 0), page: query.page, pageSize: query.pageSize };
}
