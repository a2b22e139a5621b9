// SQL for accounts. The password hash never leaves this file except to the sign-in check.
import { sql } from "kysely";
import type { CreateUser, User, UserFilters } from "../../../../contracts/accounts.ts";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { AccountsTables } from "./accounts.tables.ts";

const tables = (db: Db) => db.withTables<AccountsTables>();

type UserRow = AccountsTables["accountsUser"] & { id: string; passwordMustChange: boolean; failedAttempts: number; version: number; illustrative: boolean; createdAt: Date; updatedAt: Date };

/** What sign-in needs besides the record. */
export type Credentials = { user: User; passwordHash: string; failedAttempts: number; lockedUntil: Date | null; passwordChangedAt: Date };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role as User["role"],
    regionCode: r.regionCode,
    enclaveId: r.enclaveId,
    enterpriseId: r.enterpriseId,
    passwordChangedAt: r.passwordChangedAt.toISOString(),
    passwordMustChange: r.passwordMustChange,
    lockedUntil: r.lockedUntil ? r.lockedUntil.toISOString() : null,
    lastSignInAt: r.lastSignInAt ? r.lastSignInAt.toISOString() : null,
    disabled: r.archivedAt !== null,
    ...metaOf(r),
  };
}

export async function loadUser(db: Db, id: string): Promise<User | undefined> {
  if (!uuid.test(id)) return undefined;
  const row = await tables(db).selectFrom("accountsUser").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toUser(row as UserRow) : undefined;
}

export async function credentialsOf(db: Db, username: string): Promise<Credentials | undefined> {
  const row = await tables(db).selectFrom("accountsUser").selectAll().where("username", "=", username).executeTakeFirst();
  if (!row) return undefined;
  const r = row as UserRow;
  return { user: toUser(r), passwordHash: r.passwordHash, failedAttempts: r.failedAttempts, lockedUntil: r.lockedUntil, passwordChangedAt: r.passwordChangedAt };
}

export async function passwordHashOf(db: Db, id: string): Promise<string | undefined> {
  const row = await tables(db).selectFrom("accountsUser").select("passwordHash").where("id", "=", id).executeTakeFirst();
  return row?.passwordHash;
}

export const userSortFields = ["username", "displayName", "role", "lastSignInAt", "createdAt"] as const;

export async function listUsers(db: Db, query: UserFilters, scope: ScopeFilter): Promise<Page<User>> {
  let qb = tables(db)
    .selectFrom("accountsUser")
    .selectAll()
    .where(scopeCondition(scope, { ownerId: sql.ref("accounts_user.id") }));
  if (!query.includeDisabled) qb = qb.where("archivedAt", "is", null);
  if (query.role) qb = qb.where("role", "=", query.role);
  if (query.q) {
    const pattern = containsPattern(query.q);
    qb = qb.where((eb) => eb.or([eb("username", "ilike", pattern), eb("displayName", "ilike", pattern)]));
  }
  const page = await pageOf(qb, query, userSortFields, "username", "id");
  return { ...page, items: (page.items as UserRow[]).map(toUser) };
}

export async function countUsers(db: Db): Promise<number> {
  const row = await tables(db).selectFrom("accountsUser").select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(trx: Db, input: Omit<CreateUser, "password">, passwordHash: string, now: Date, mustChange: boolean): Promise<string> {
  const { id } = await tables(trx)
    .insertInto("accountsUser")
    .values({ ...input, passwordHash, passwordChangedAt: now, passwordMustChange: mustChange })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export type UserColumns = Partial<{
  displayName: string;
  role: string;
  regionCode: string | null;
  enclaveId: string | null;
  enterpriseId: string | null;
  passwordHash: string;
  passwordChangedAt: Date;
  passwordMustChange: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
}>;

export async function updateUserRow(trx: Db, id: string, columns: UserColumns): Promise<void> {
  if (Object.keys(columns).length === 0) return;
  await tables(trx).updateTable("accountsUser").set(columns).where("id", "=", id).execute();
}
