// SQL for regions and their yearly facts. Only this file and pairings.repository.ts touch the module's tables.
import { sql } from "kysely";
import type { CreateRegion, Region, RegionFilters, UpdateRegion } from "../../../../contracts/regions.ts";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, type ListParams, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { RegionsTables } from "./regions.tables.ts";

const tables = (db: Db) => db.withTables<RegionsTables>();

export const regionSortFields = ["code", "nameZh", "nameEn", "level", "kind", "parentCode", "updatedAt"] as const;

type RegionRow = RegionsTables["regionsRegion"] & { version: number; illustrative: boolean; createdAt: Date; updatedAt: Date };

async function withFacts(db: Db, rows: RegionRow[]): Promise<Region[]> {
  if (rows.length === 0) return [];
  const facts = await tables(db)
    .selectFrom("regionsRegionFact")
    .selectAll()
    .where("regionCode", "in", rows.map((r) => r.code))
    .orderBy("year")
    .orderBy("measure")
    .execute();
  return rows.map((r) => ({
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    level: r.level as Region["level"],
    kind: r.kind as Region["kind"],
    parentCode: r.parentCode,
    facts: facts
      .filter((f) => f.regionCode === r.code)
      .map((f) => ({ year: f.year, measure: f.measure, value: f.value, unit: f.unit, source: f.source, illustrative: f.illustrative })),
    ...metaOf(r),
  }));
}

export async function loadRegion(db: Db, code: string): Promise<Region | undefined> {
  const row = await tables(db).selectFrom("regionsRegion").selectAll().where("code", "=", code).executeTakeFirst();
  return row ? (await withFacts(db, [row as RegionRow]))[0] : undefined;
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  const row = await tables(db).selectFrom("regionsRegion").select("code").where("code", "=", code).executeTakeFirst();
  return row !== undefined;
}

export async function listRegions(db: Db, query: RegionFilters & ListParams, scope: ScopeFilter): Promise<Page<Region>> {
  let qb = tables(db)
    .selectFrom("regionsRegion")
    .selectAll()
    .where(scopeCondition(scope, { regions: (codes) => sql<boolean>`regions_region.code in (${sql.join(codes)})` }));
  if (!query.includeArchived) qb = qb.where("archivedAt", "is", null);
  if (query.level) qb = qb.where("level", "=", query.level);
  if (query.kind) qb = qb.where("kind", "=", query.kind);
  if (query.parentCode) qb = qb.where("parentCode", "=", query.parentCode);
  if (query.q) {
    const pattern = containsPattern(query.q);
    qb = qb.where((eb) => eb.or([eb("nameZh", "ilike", pattern), eb("nameEn", "ilike", pattern), eb("code", "like", pattern)]));
  }
  const page = await pageOf(qb, query, regionSortFields, "code", "code");
  return { ...page, items: await withFacts(db, page.items as RegionRow[]) };
}

export async function insertRegion(trx: Db, input: CreateRegion): Promise<void> {
  const { facts, ...region } = input;
  await tables(trx).insertInto("regionsRegion").values(region).execute();
  await replaceFacts(trx, input.code, facts);
}

export async function updateRegionRow(trx: Db, code: string, patch: UpdateRegion): Promise<void> {
  const { facts, ...columns } = patch;
  if (Object.keys(columns).length > 0) await tables(trx).updateTable("regionsRegion").set(columns).where("code", "=", code).execute();
  if (facts) await replaceFacts(trx, code, facts);
}

async function replaceFacts(trx: Db, code: string, facts: CreateRegion["facts"]): Promise<void> {
  await tables(trx).deleteFrom("regionsRegionFact").where("regionCode", "=", code).execute();
  if (facts.length === 0) return;
  await tables(trx)
    .insertInto("regionsRegionFact")
    .values(facts.map((f) => ({ ...f, regionCode: code })))
    .execute();
}
