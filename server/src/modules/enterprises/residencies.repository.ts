// SQL for the residency history (enterprises_residency). Only this file touches that table.
import { sql } from "kysely";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { enterpriseScope } from "./enterprises.repository.ts";
import type { EnterprisesTables } from "./enterprises.tables.ts";
import { inOrder, type Period } from "./residency-rules.ts";

const tables = (db: Db) => db.withTables<EnterprisesTables>();

export type EnterprisePeriod = Period & { enterpriseId: string };

const periodColumns = ["enterprisesResidency.enterpriseId", "enterprisesResidency.enclaveId", "enterprisesResidency.fromDate", "enterprisesResidency.toDate"] as const;

function toPeriod(row: { enterpriseId: string; enclaveId: string; fromDate: string | null; toDate: string | null }): EnterprisePeriod {
  return { enterpriseId: row.enterpriseId, enclaveId: row.enclaveId, from: row.fromDate, to: row.toDate };
}

/** The histories of these enterprises, oldest period first; an enterprise never resident has an empty one. */
export async function residenciesOf(db: Db, enterpriseIds: readonly string[]): Promise<Map<string, Period[]>> {
  const found = new Map<string, Period[]>(enterpriseIds.map((id) => [id, []]));
  for (let i = 0; i < enterpriseIds.length; i += 1000) {
    const chunk = enterpriseIds.slice(i, i + 1000);
    const rows = await tables(db).selectFrom("enterprisesResidency").select(periodColumns).where("enterpriseId", "in", chunk).execute();
    for (const row of rows) found.get(row.enterpriseId)?.push({ enclaveId: row.enclaveId, from: row.fromDate, to: row.toDate });
  }
  for (const [id, periods] of found) found.set(id, inOrder(periods));
  return found;
}

/** Replaces an enterprise's history (the database refuses overlapping periods). */
export async function replaceResidencies(trx: Db, enterpriseId: string, periods: readonly Period[]): Promise<void> {
  await tables(trx).deleteFrom("enterprisesResidency").where("enterpriseId", "=", enterpriseId).execute();
  if (periods.length === 0) return;
  await tables(trx)
    .insertInto("enterprisesResidency")
    .values(periods.map((p) => ({ enterpriseId, enclaveId: p.enclaveId, fromDate: p.from, toDate: p.to })))
    .execute();
}

export type ResidencyQuery = {
  /** Enterprises resident in one of these enclaves at any time within [from, to] (both days included). */
  enclaveIds?: readonly string[];
  /** And these enterprises, wherever they were. */
  enterpriseIds?: readonly string[];
  from?: string;
  to?: string;
};

/** Every period (in any enclave) of the enterprises the query selects and the scope lets the reader see. */
export async function residencyPeriodsMatching(db: Db, query: ResidencyQuery, scope: ScopeFilter): Promise<EnterprisePeriod[]> {
  const enclaveIds = query.enclaveIds ?? [];
  const enterpriseIds = query.enterpriseIds ?? [];
  if (enclaveIds.length === 0 && enterpriseIds.length === 0) return [];
  // Half-open periods against a closed range: resident on some day d with from ≤ d < to and query.from ≤ d ≤ query.to.
  const inRange = sql<boolean>`daterange(r.from_date, r.to_date) && daterange(${query.from ?? null}::date, ${query.to ?? null}::date, '[]')`;
  const resident = enclaveIds.length === 0 ? sql<boolean>`false` : sql<boolean>`r.enclave_id in (${sql.join(enclaveIds)}) and ${inRange}`;
  const named = enterpriseIds.length === 0 ? sql<boolean>`false` : sql<boolean>`r.enterprise_id in (${sql.join(enterpriseIds)})`;
  const rows = await tables(db)
    .selectFrom("enterprisesResidency")
    .innerJoin("enterprisesEnterprise", "enterprisesEnterprise.id", "enterprisesResidency.enterpriseId")
    .select(periodColumns)
    .where(scopeCondition(scope, enterpriseScope))
    .where(sql<boolean>`enterprises_residency.enterprise_id in (select r.enterprise_id from enterprises_residency r where (${resident}) or (${named}))`)
    .orderBy("enterprisesResidency.enterpriseId")
    .orderBy(sql`enterprises_residency.from_date asc nulls first`)
    .execute();
  return rows.map(toPeriod);
}
