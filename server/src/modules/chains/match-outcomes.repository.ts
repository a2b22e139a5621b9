// SQL for recorded match outcomes: the match with the statuses it reached (forward only, each stamped once).
import { sql, type Expression, type Selectable, type SqlBool } from "kysely";
import type { ChainMatchFilters, ChainMatchRecord, MatchOutcomeStatus } from "../../../../contracts/chains.ts";
import type { ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, type ListParams, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { ChainsTables } from "./chains.tables.ts";

const tables = (db: Db) => db.withTables<ChainsTables>();
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const matchSortFields = ["updatedAt", "createdAt", "status", "score"] as const;

export type MatchSideColumns = { id: string; nameZh: string; nameEn: string | null; regionCode: string; enclaveId: string | null };

export type MatchColumns = {
  supplier: MatchSideColumns;
  customer: MatchSideColumns;
  status: MatchOutcomeStatus;
  note?: string | undefined;
};

type MatchRow = Selectable<ChainsTables["chainsMatch"]>;

function toRecord(r: MatchRow, history: { status: string; reachedAt: Date; actorId: string; actorName: string }[]): ChainMatchRecord {
  return {
    id: r.id,
    supplier: { id: r.supplierId, nameZh: r.supplierNameZh, nameEn: r.supplierNameEn, regionCode: r.supplierRegionCode, enclaveId: r.supplierEnclaveId },
    customer: { id: r.customerId, nameZh: r.customerNameZh, nameEn: r.customerNameEn, regionCode: r.customerRegionCode, enclaveId: r.customerEnclaveId },
    status: r.status as MatchOutcomeStatus,
    statusHistory: history.map((h) => ({ status: h.status as MatchOutcomeStatus, at: h.reachedAt.toISOString(), actor: { id: h.actorId, name: h.actorName } })),
    suggestion:
      r.score === null || r.supplierNodeId === null || r.buyerNodeId === null || r.chainSetVersion === null
        ? null
        : { score: r.score, supplierNodeId: r.supplierNodeId, buyerNodeId: r.buyerNodeId, chainSetVersion: r.chainSetVersion },
    projectId: r.projectId,
    note: r.note,
    ...metaOf(r),
  };
}

async function historiesOf(db: Db, ids: readonly string[]) {
  const byMatch = new Map<string, { status: string; reachedAt: Date; actorId: string; actorName: string }[]>();
  if (ids.length === 0) return byMatch;
  const rows = await tables(db).selectFrom("chainsMatchStatus").selectAll().where("matchId", "in", [...ids]).orderBy("reachedAt").orderBy(sql`array_position(array['suggested','contacted','agreed','deal'], status)`).execute();
  for (const row of rows) byMatch.set(row.matchId, [...(byMatch.get(row.matchId) ?? []), row]);
  return byMatch;
}

export async function loadMatch(db: Db, id: string): Promise<ChainMatchRecord | undefined> {
  if (!uuid.test(id)) return undefined;
  const row = await tables(db).selectFrom("chainsMatch").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return toRecord(row as MatchRow, (await historiesOf(db, [id])).get(id) ?? []);
}

export async function matchIdOfPair(db: Db, supplierId: string, customerId: string): Promise<string | undefined> {
  const row = await tables(db).selectFrom("chainsMatch").select("id").where("supplierId", "=", supplierId).where("customerId", "=", customerId).executeTakeFirst();
  return row?.id;
}

/** Outcomes of live (unarchived) records of these supplier → buyer pairs, keyed `${supplier}>${buyer}`. */
export async function outcomesOfPairs(db: Db, pairs: readonly (readonly [string, string])[]): Promise<Map<string, { id: string; status: MatchOutcomeStatus }>> {
  const found = new Map<string, { id: string; status: MatchOutcomeStatus }>();
  if (pairs.length === 0) return found;
  const rows = await tables(db)
    .selectFrom("chainsMatch")
    .select(["id", "supplierId", "customerId", "status"])
    .where("archivedAt", "is", null)
    .where("supplierId", "in", [...new Set(pairs.map((p) => p[0]))])
    .where("customerId", "in", [...new Set(pairs.map((p) => p[1]))])
    .execute();
  for (const r of rows) found.set(`${r.supplierId}>${r.customerId}`, { id: r.id, status: r.status as MatchOutcomeStatus });
  return found;
}

const sideColumns = (m: MatchColumns) => ({
  supplierNameZh: m.supplier.nameZh,
  supplierNameEn: m.supplier.nameEn,
  supplierRegionCode: m.supplier.regionCode,
  supplierEnclaveId: m.supplier.enclaveId,
  customerNameZh: m.customer.nameZh,
  customerNameEn: m.customer.nameEn,
  customerRegionCode: m.customer.regionCode,
  customerEnclaveId: m.customer.enclaveId,
});

type Stamp = { actorId: string; actorName: string };

export async function insertMatch(
  trx: Db,
  m: MatchColumns & { illustrative: boolean; suggestion: { score: number; supplierNodeId: string; buyerNodeId: string; chainSetVersion: string } | null },
  by: Stamp,
): Promise<string> {
  const { id } = await tables(trx)
    .insertInto("chainsMatch")
    .values({
      supplierId: m.supplier.id,
      customerId: m.customer.id,
      ...sideColumns(m),
      status: m.status,
      score: m.suggestion?.score ?? null,
      supplierNodeId: m.suggestion?.supplierNodeId ?? null,
      buyerNodeId: m.suggestion?.buyerNodeId ?? null,
      chainSetVersion: m.suggestion?.chainSetVersion ?? null,
      note: m.note ?? null,
      illustrative: m.illustrative,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tables(trx).insertInto("chainsMatchStatus").values({ matchId: id, status: m.status, ...by }).execute();
  return id;
}

/** Moves the match to a later status (the service checked the order) and refreshes the two sides' place. */
export async function advanceMatch(trx: Db, id: string, m: MatchColumns, by: Stamp): Promise<void> {
  await tables(trx)
    .updateTable("chainsMatch")
    .set({ ...sideColumns(m), status: m.status, ...(m.note !== undefined ? { note: m.note } : {}) })
    .where("id", "=", id)
    .execute();
  await tables(trx).insertInto("chainsMatchStatus").values({ matchId: id, status: m.status, ...by }).execute();
}

export async function setMatchProject(trx: Db, id: string, projectId: string): Promise<void> {
  await tables(trx).updateTable("chainsMatch").set({ projectId }).where("id", "=", id).execute();
}

/** A match lies where either of its enterprises lies: either county, either enclave, either enterprise. */
function scopeOfRows(filter: ScopeFilter): Expression<SqlBool> {
  if (filter.all) return sql<SqlBool>`true`;
  const parts: Expression<SqlBool>[] = [];
  if (filter.regions.length > 0) {
    const codes = sql.join([...filter.regions]);
    parts.push(sql<SqlBool>`(supplier_region_code in (${codes}) or customer_region_code in (${codes}))`);
  }
  if (filter.enclaveId) parts.push(sql<SqlBool>`(supplier_enclave_id = ${filter.enclaveId} or customer_enclave_id = ${filter.enclaveId})`);
  if (filter.enterpriseId) parts.push(sql<SqlBool>`(supplier_id = ${filter.enterpriseId} or customer_id = ${filter.enterpriseId})`);
  return parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export async function listMatches(db: Db, query: ChainMatchFilters & ListParams, filter: ScopeFilter): Promise<Page<ChainMatchRecord>> {
  let qb = tables(db).selectFrom("chainsMatch").selectAll().where(scopeOfRows(filter));
  if (!query.includeArchived) qb = qb.where("archivedAt", "is", null);
  if (query.status) qb = qb.where("status", "=", query.status);
  if (query.illustrative !== undefined) qb = qb.where("illustrative", "=", query.illustrative);
  if (query.enterpriseId) {
    const id = query.enterpriseId;
    qb = qb.where((eb) => eb.or([eb("supplierId", "=", id), eb("customerId", "=", id)]));
  }
  if (query.regionCode) {
    const code = query.regionCode;
    qb = qb.where((eb) => eb.or([eb("supplierRegionCode", "=", code), eb("customerRegionCode", "=", code)]));
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    qb = qb.where((eb) => eb.or([eb("supplierNameZh", "ilike", pattern), eb("customerNameZh", "ilike", pattern), eb("supplierNameEn", "ilike", pattern), eb("customerNameEn", "ilike", pattern)]));
  }
  const page = await pageOf(qb, query, matchSortFields, "-updatedAt", "id");
  const rows = page.items as MatchRow[];
  const histories = await historiesOf(db, rows.map((r) => r.id));
  return { ...page, items: rows.map((r) => toRecord(r, histories.get(r.id) ?? [])) };
}
