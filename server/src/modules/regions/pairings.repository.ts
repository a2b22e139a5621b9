// SQL for pairings and their member regions.
import { sql } from "kysely";
import type { CreatePairing, Pairing, PairingFilters, UpdatePairing } from "../../../../contracts/regions.ts";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, type ListParams, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { RegionsTables } from "./regions.tables.ts";

const tables = (db: Db) => db.withTables<RegionsTables>();

export const pairingSortFields = ["nameZh", "nameEn", "programme", "sinceYear", "updatedAt"] as const;

type PairingRow = Omit<RegionsTables["regionsPairing"], "id"> & { id: string; version: number; illustrative: boolean; createdAt: Date; updatedAt: Date };

async function withMembers(db: Db, rows: PairingRow[]): Promise<Pairing[]> {
  if (rows.length === 0) return [];
  const members = await tables(db)
    .selectFrom("regionsPairingMember as m")
    .innerJoin("regionsRegion as r", "r.code", "m.regionCode")
    .select(["m.pairingId", "m.regionCode", "r.nameZh", "r.nameEn", "r.kind"])
    .where("m.pairingId", "in", rows.map((r) => r.id))
    .orderBy("m.position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    programme: r.programme,
    sinceYear: r.sinceYear,
    since: r.since,
    note: r.note,
    members: members
      .filter((m) => m.pairingId === r.id)
      .map((m) => ({ regionCode: m.regionCode, nameZh: m.nameZh, nameEn: m.nameEn, kind: m.kind as Pairing["members"][number]["kind"] })),
    ...metaOf(r),
  }));
}

export async function loadPairing(db: Db, id: string): Promise<Pairing | undefined> {
  const row = await tables(db).selectFrom("regionsPairing").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withMembers(db, [row as PairingRow]))[0] : undefined;
}

export async function listPairings(db: Db, query: PairingFilters & ListParams, scope: ScopeFilter): Promise<Page<Pairing>> {
  let qb = tables(db)
    .selectFrom("regionsPairing")
    .selectAll()
    .where(
      scopeCondition(scope, {
        regions: (codes) =>
          sql<boolean>`exists (select 1 from regions_pairing_member m where m.pairing_id = regions_pairing.id and m.region_code in (${sql.join(codes)}))`,
      }),
    );
  if (!query.includeArchived) qb = qb.where("archivedAt", "is", null);
  if (query.illustrative !== undefined) qb = qb.where("illustrative", "=", query.illustrative);
  if (query.regionCode) {
    const code = query.regionCode;
    qb = qb.where("id", "in", (eb) => eb.selectFrom("regionsPairingMember").select("pairingId").where("regionCode", "=", code));
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    qb = qb.where((eb) => eb.or([eb("nameZh", "ilike", pattern), eb("nameEn", "ilike", pattern), eb("programme", "ilike", pattern)]));
  }
  const page = await pageOf(qb, query, pairingSortFields, "sinceYear", "id");
  return { ...page, items: await withMembers(db, page.items as PairingRow[]) };
}

export async function insertPairing(trx: Db, input: CreatePairing): Promise<string> {
  const { regionCodes, ...pairing } = input;
  const { id } = await tables(trx).insertInto("regionsPairing").values(pairing).returning("id").executeTakeFirstOrThrow();
  await replaceMembers(trx, id, regionCodes);
  return id;
}

export async function updatePairingRow(trx: Db, id: string, patch: UpdatePairing): Promise<void> {
  const { regionCodes, ...columns } = patch;
  if (Object.keys(columns).length > 0) await tables(trx).updateTable("regionsPairing").set(columns).where("id", "=", id).execute();
  if (regionCodes) await replaceMembers(trx, id, regionCodes);
}

async function replaceMembers(trx: Db, id: string, regionCodes: string[]): Promise<void> {
  await tables(trx).deleteFrom("regionsPairingMember").where("pairingId", "=", id).execute();
  await tables(trx)
    .insertInto("regionsPairingMember")
    .values(regionCodes.map((regionCode, position) => ({ pairingId: id, regionCode, position })))
    .execute();
}
