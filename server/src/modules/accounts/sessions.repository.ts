// SQL for sessions and API tokens: both are found by the SHA-256 of their secret.
import type { ActiveSession, ApiToken } from "../../../../contracts/accounts.ts";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { sql } from "kysely";
import type { AccountsTables } from "./accounts.tables.ts";

const tables = (db: Db) => db.withTables<AccountsTables>();

export type SessionRow = AccountsTables["accountsSession"] & { id: string };
export type EndReason = "sign_out" | "idle" | "expired" | "ended_by_admin" | "account_disabled" | "signed_in_again" | "account_changed" | "password_changed";

export async function insertSession(
  trx: Db,
  session: { tokenHash: string; userId: string; csrfToken: string; now: Date; expiresAt: Date; remoteAddress: string | null; userAgent: string | null },
): Promise<string> {
  const { now, ...rest } = session;
  const { id } = await tables(trx)
    .insertInto("accountsSession")
    .values({ ...rest, createdAt: now, lastSeenAt: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function sessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return (await tables(db).selectFrom("accountsSession").selectAll().where("tokenHash", "=", tokenHash).executeTakeFirst()) as SessionRow | undefined;
}

export async function sessionById(db: Db, id: string): Promise<SessionRow | undefined> {
  return (await tables(db).selectFrom("accountsSession").selectAll().where("id", "=", id).executeTakeFirst()) as SessionRow | undefined;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await tables(db).updateTable("accountsSession").set({ lastSeenAt: now }).where("id", "=", id).execute();
}

/** Ends one session; answers whether it was still active. */
export async function endSession(trx: Db, id: string, reason: EndReason, now: Date): Promise<boolean> {
  const ended = await tables(trx)
    .updateTable("accountsSession")
    .set({ endedAt: now, endReason: reason })
    .where("id", "=", id)
    .where("endedAt", "is", null)
    .returning("id")
    .execute();
  return ended.length > 0;
}

/** Ends every active session of an account (but `except`); answers their ids. */
export async function endSessionsOf(trx: Db, userId: string, reason: EndReason, now: Date, except?: string): Promise<string[]> {
  let qb = tables(trx).updateTable("accountsSession").set({ endedAt: now, endReason: reason }).where("userId", "=", userId).where("endedAt", "is", null);
  if (except) qb = qb.where("id", "<>", except);
  const ended = await qb.returning("id").execute();
  return ended.map((e) => e.id);
}

export async function listActiveSessions(db: Db, now: Date): Promise<ActiveSession[]> {
  const rows = await tables(db)
    .selectFrom("accountsSession as s")
    .innerJoin("accountsUser as u", "u.id", "s.userId")
    .select(["s.id", "s.userId", "u.username", "u.role", "s.createdAt", "s.lastSeenAt", "s.expiresAt", "s.remoteAddress", "s.userAgent"])
    .where("s.endedAt", "is", null)
    .where("s.expiresAt", ">", now)
    .orderBy("s.createdAt", "desc")
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    ...r,
    role: r.role as ActiveSession["role"],
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}

type TokenRow = AccountsTables["accountsApiToken"] & { id: string };

function toToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    userId: r.userId,
    name: r.name,
    tokenPrefix: r.tokenPrefix,
    permissions: r.permissions,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt ? r.expiresAt.toISOString() : null,
    lastUsedAt: r.lastUsedAt ? r.lastUsedAt.toISOString() : null,
    revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
  };
}

export async function insertToken(
  trx: Db,
  token: { userId: string; name: string; tokenHash: string; tokenPrefix: string; permissions: string[]; createdAt: Date; expiresAt: Date | null },
): Promise<ApiToken> {
  const row = await tables(trx).insertInto("accountsApiToken").values(token).returningAll().executeTakeFirstOrThrow();
  return toToken(row as TokenRow);
}

export async function tokenByHash(db: Db, tokenHash: string): Promise<ApiToken | undefined> {
  const row = await tables(db).selectFrom("accountsApiToken").selectAll().where("tokenHash", "=", tokenHash).executeTakeFirst();
  return row ? toToken(row as TokenRow) : undefined;
}

export async function tokenById(db: Db, id: string): Promise<ApiToken | undefined> {
  const row = await tables(db).selectFrom("accountsApiToken").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toToken(row as TokenRow) : undefined;
}

export async function listTokens(db: Db, scope: ScopeFilter): Promise<ApiToken[]> {
  const rows = await tables(db)
    .selectFrom("accountsApiToken")
    .selectAll()
    .where(scopeCondition(scope, { ownerId: sql.ref("accounts_api_token.user_id") }))
    .orderBy("createdAt", "desc")
    .limit(1000)
    .execute();
  return rows.map((r) => toToken(r as TokenRow));
}

export async function markTokenUsed(db: Db, id: string, now: Date): Promise<void> {
  await tables(db).updateTable("accountsApiToken").set({ lastUsedAt: now }).where("id", "=", id).execute();
}

export async function revokeToken(trx: Db, id: string, now: Date): Promise<boolean> {
  const revoked = await tables(trx).updateTable("accountsApiToken").set({ revokedAt: now }).where("id", "=", id).where("revokedAt", "is", null).returning("id").execute();
  return revoked.length > 0;
}

export async function revokeTokensOf(trx: Db, userId: string, now: Date): Promise<void> {
  await tables(trx).updateTable("accountsApiToken").set({ revokedAt: now }).where("userId", "=", userId).where("revokedAt", "is", null).execute();
}
