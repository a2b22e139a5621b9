// SQL for enclaves, their sending regions and their land parcels. Only this file touches the module's tables.
import { sql } from "kysely";
import type { CreateEnclave, Enclave, EnclaveFilters, LandParcelInput, UpdateEnclave } from "../../../../contracts/enclaves.ts";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, type ListParams, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { EnclavesTables } from "./enclaves.tables.ts";

const tables = (db: Db) => db.withTables<EnclavesTables>();

export const enclaveSortFields = ["nameZh", "nameEn", "areaMu", "openedOn", "status", "updatedAt"] as const;

type EnclaveRow = Omit<EnclavesTables["enclavesEnclave"], "id" | "status" | "published"> & {
  id: string;
  status: string;
  published: boolean;
  parcelAreaMu: string;
  version: number;
  illustrative: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** The enclave rows with the parcels' total area, summed exactly as SQL numeric. */
function selectEnclaves(db: Db) {
  return tables(db)
    .selectFrom("enclavesEnclave as e")
    .selectAll("e")
    .select(sql<string>`(select coalesce(sum(p.area_mu), 0) from enclaves_land_parcel p where p.enclave_id = e.id)`.as("parcelAreaMu"));
}

async function withChildren(db: Db, rows: EnclaveRow[]): Promise<Enclave[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [sending, parcels] = await Promise.all([
    tables(db).selectFrom("enclavesEnclaveSendingRegion").selectAll().where("enclaveId", "in", ids).orderBy("position").execute(),
    tables(db).selectFrom("enclavesLandParcel").selectAll().where("enclaveId", "in", ids).orderBy("position").execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    kind: r.kind as Enclave["kind"],
    hostRegionCode: r.hostRegionCode,
    sendingRegionCodes: sending.filter((s) => s.enclaveId === r.id).map((s) => s.regionCode),
    agreementId: r.agreementId,
    areaMu: r.areaMu,
    parcelAreaMu: r.parcelAreaMu,
    status: r.status as Enclave["status"],
    openedOn: r.openedOn,
    address: r.address,
    note: r.note,
    published: r.published,
    parcels: parcels
      .filter((p) => p.enclaveId === r.id)
      .map((p) => ({
        parcelNo: p.parcelNo,
        areaMu: p.areaMu,
        landUse: p.landUse as Enclave["parcels"][number]["landUse"],
        status: p.status as Enclave["parcels"][number]["status"],
        acquiredOn: p.acquiredOn,
      })),
    ...metaOf(r),
  }));
}

export async function loadEnclave(db: Db, id: string): Promise<Enclave | undefined> {
  // A malformed id is simply not found (the column is uuid; PostgreSQL would refuse the comparison).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const row = await selectEnclaves(db).where("e.id", "=", id).executeTakeFirst();
  return row ? (await withChildren(db, [row as EnclaveRow]))[0] : undefined;
}

/** Where an enclave lies, in SQL: its host and sending regions, itself; published and not archived. */
const enclaveScope = {
  regions: (codes: readonly string[]) =>
    sql<boolean>`(e.host_region_code in (${sql.join(codes)}) or exists (select 1 from enclaves_enclave_sending_region s where s.enclave_id = e.id and s.region_code in (${sql.join(codes)})))`,
  enclaveId: sql.ref("e.id"),
  published: sql<boolean>`(e.published and e.archived_at is null)`,
};

export async function listEnclaves(db: Db, query: EnclaveFilters & ListParams, scope: ScopeFilter): Promise<Page<Enclave>> {
  let qb = selectEnclaves(db).where(scopeCondition(scope, enclaveScope));
  if (!query.includeArchived) qb = qb.where("e.archivedAt", "is", null);
  if (query.kind) qb = qb.where("e.kind", "=", query.kind);
  if (query.status) qb = qb.where("e.status", "=", query.status);
  if (query.hostRegionCode) qb = qb.where("e.hostRegionCode", "=", query.hostRegionCode);
  if (query.agreementId) qb = qb.where("e.agreementId", "=", query.agreementId);
  if (query.illustrative !== undefined) qb = qb.where("e.illustrative", "=", query.illustrative);
  if (query.sendingRegionCode) {
    const code = query.sendingRegionCode;
    qb = qb.where("e.id", "in", (eb) => eb.selectFrom("enclavesEnclaveSendingRegion").select("enclaveId").where("regionCode", "=", code));
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    qb = qb.where((eb) => eb.or([eb("e.nameZh", "ilike", pattern), eb("e.nameEn", "ilike", pattern)]));
  }
  const page = await pageOf(qb, query, enclaveSortFields, "nameZh", "id");
  return { ...page, items: await withChildren(db, page.items as EnclaveRow[]) };
}

export async function insertEnclave(trx: Db, input: CreateEnclave): Promise<string> {
  const { sendingRegionCodes, parcels, ...enclave } = input;
  const { id } = await tables(trx).insertInto("enclavesEnclave").values(enclave).returning("id").executeTakeFirstOrThrow();
  await replaceSendingRegions(trx, id, sendingRegionCodes);
  await replaceParcels(trx, id, parcels);
  return id;
}

export async function updateEnclaveRow(trx: Db, id: string, patch: UpdateEnclave): Promise<void> {
  const { sendingRegionCodes, parcels, ...columns } = patch;
  if (Object.keys(columns).length > 0) await tables(trx).updateTable("enclavesEnclave").set(columns).where("id", "=", id).execute();
  if (sendingRegionCodes) await replaceSendingRegions(trx, id, sendingRegionCodes);
  if (parcels) await replaceParcels(trx, id, parcels);
}

async function replaceSendingRegions(trx: Db, id: string, regionCodes: string[]): Promise<void> {
  await tables(trx).deleteFrom("enclavesEnclaveSendingRegion").where("enclaveId", "=", id).execute();
  await tables(trx)
    .insertInto("enclavesEnclaveSendingRegion")
    .values(regionCodes.map((regionCode, position) => ({ enclaveId: id, regionCode, position })))
    .execute();
}

async function replaceParcels(trx: Db, id: string, parcels: LandParcelInput[]): Promise<void> {
  await tables(trx).deleteFrom("enclavesLandParcel").where("enclaveId", "=", id).execute();
  if (parcels.length === 0) return;
  await tables(trx)
    .insertInto("enclavesLandParcel")
    .values(parcels.map((p, position) => ({ ...p, enclaveId: id, position })))
    .execute();
}

/** Whether parcels of these areas add up to more than `areaMu`, compared exactly as SQL numeric. */
export async function parcelsExceedArea(trx: Db, areaMu: string, parcelAreas: string[]): Promise<{ exceeds: boolean; total: string }> {
  const result = await sql<{ total: string; exceeds: boolean }>`
    select coalesce(sum(a), 0)::text as total, coalesce(sum(a), 0) > ${areaMu}::numeric as exceeds
    from unnest(${parcelAreas}::numeric[]) as a`.execute(trx);
  const row = result.rows[0];
  return { exceeds: row?.exceeds ?? false, total: row?.total ?? "0" };
}
