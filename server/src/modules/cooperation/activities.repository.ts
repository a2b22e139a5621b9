// SQL for cooperation activities and their measures. Only this file and summary.repository.ts touch the
// module's tables.
import type {
  ActivityMeasure,
  CooperationActivity,
  CooperationActivityFilters,
  CreateCooperationActivity,
  UpdateCooperationActivity,
} from "../../../../contracts/cooperation.ts";
import { sql } from "kysely";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, type ListParams, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { CooperationTables } from "./cooperation.tables.ts";

const tables = (db: Db) => db.withTables<CooperationTables>();

export const activitySortFields = ["startedOn", "domain", "titleZh", "titleEn", "updatedAt"] as const;

type ActivityRow = Omit<CooperationTables["cooperationActivity"], "id" | "published"> & {
  id: string;
  published: boolean;
  version: number;
  illustrative: boolean;
  createdAt: Date;
  updatedAt: Date;
};

async function withMeasures(db: Db, rows: ActivityRow[]): Promise<CooperationActivity[]> {
  if (rows.length === 0) return [];
  const measures = await tables(db)
    .selectFrom("cooperationActivityMeasure")
    .selectAll()
    .where("activityId", "in", rows.map((r) => r.id))
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    domain: r.domain as CooperationActivity["domain"],
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    fromRegionCode: r.fromRegionCode,
    toRegionCode: r.toRegionCode,
    pairingId: r.pairingId,
    agreementId: r.agreementId,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    measures: measures.filter((m) => m.activityId === r.id).map((m) => ({ measure: m.measure, value: m.value, unit: m.unit })),
    description: r.description,
    published: r.published,
    ...metaOf(r),
  }));
}

export async function loadActivity(db: Db, id: string): Promise<CooperationActivity | undefined> {
  if (!isUuid(id)) return undefined; // a malformed id is simply not found, not a database type error
  const row = await tables(db).selectFrom("cooperationActivity").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withMeasures(db, [row as ActivityRow]))[0] : undefined;
}

/** Where an activity lies, in SQL, for a table aliased or named `alias`: its two regions; published and not archived. */
export function activityScope(alias: string) {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return {
    regions: (codes: readonly string[]) => sql<boolean>`(${col("from_region_code")} in (${sql.join(codes)}) or ${col("to_region_code")} in (${sql.join(codes)}))`,
    published: sql<boolean>`(${col("published")} and ${col("archived_at")} is null)`,
  };
}

export async function listActivities(db: Db, query: CooperationActivityFilters & ListParams, scope: ScopeFilter): Promise<Page<CooperationActivity>> {
  let qb = tables(db).selectFrom("cooperationActivity").selectAll().where(scopeCondition(scope, activityScope("cooperation_activity")));
  if (!query.includeArchived) qb = qb.where("archivedAt", "is", null);
  if (query.domain) qb = qb.where("domain", "=", query.domain);
  if (query.fromRegionCode) qb = qb.where("fromRegionCode", "=", query.fromRegionCode);
  if (query.toRegionCode) qb = qb.where("toRegionCode", "=", query.toRegionCode);
  if (query.regionCode) {
    const code = query.regionCode;
    qb = qb.where((eb) => eb.or([eb("fromRegionCode", "=", code), eb("toRegionCode", "=", code)]));
  }
  if (query.pairingId) qb = qb.where("pairingId", "=", query.pairingId);
  if (query.agreementId) qb = qb.where("agreementId", "=", query.agreementId);
  if (query.startedFrom) qb = qb.where("startedOn", ">=", query.startedFrom);
  if (query.startedTo) qb = qb.where("startedOn", "<=", query.startedTo);
  if (query.illustrative !== undefined) qb = qb.where("illustrative", "=", query.illustrative);
  if (query.q) {
    const pattern = containsPattern(query.q);
    qb = qb.where((eb) => eb.or([eb("titleZh", "ilike", pattern), eb("titleEn", "ilike", pattern)]));
  }
  const page = await pageOf(qb, query, activitySortFields, "-startedOn", "id");
  return { ...page, items: await withMeasures(db, page.items as ActivityRow[]) };
}

export async function insertActivity(trx: Db, input: CreateCooperationActivity): Promise<string> {
  const { measures, ...activity } = input;
  const { id } = await tables(trx).insertInto("cooperationActivity").values(activity).returning("id").executeTakeFirstOrThrow();
  await replaceMeasures(trx, id, measures);
  return id;
}

export async function updateActivityRow(trx: Db, id: string, patch: UpdateCooperationActivity): Promise<void> {
  const { measures, ...columns } = patch;
  if (Object.keys(columns).length > 0) await tables(trx).updateTable("cooperationActivity").set(columns).where("id", "=", id).execute();
  if (measures) await replaceMeasures(trx, id, measures);
}

async function replaceMeasures(trx: Db, id: string, measures: readonly ActivityMeasure[]): Promise<void> {
  await tables(trx).deleteFrom("cooperationActivityMeasure").where("activityId", "=", id).execute();
  if (measures.length === 0) return;
  await tables(trx)
    .insertInto("cooperationActivityMeasure")
    .values(measures.map((m, position) => ({ activityId: id, measure: m.measure, value: m.value, unit: m.unit, position })))
    .execute();
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
