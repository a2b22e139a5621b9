// Totals per domain: the number of activities and the sum of each measure. Sums are taken in SQL numeric and
// read back as text, so no figure ever passes through a floating-point number.
import { sql } from "kysely";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { activityScope } from "./activities.repository.ts";
import type { CooperationTables } from "./cooperation.tables.ts";

const tables = (db: Db) => db.withTables<CooperationTables>();

/** What a summary counts: optionally one pairing and year, always within what the reader may read. */
export type SummaryScope = { pairingId?: string | undefined; year?: number | undefined; readable: ScopeFilter };

export type DomainCount = { domain: string; activities: number; illustrative: boolean };
export type DomainMeasureTotal = { domain: string; measure: string; unit: string; total: string };

/** The activities a summary counts, as a condition on the activity table aliased "a". */
function inScope(scope: SummaryScope) {
  const conditions = [sql`a.archived_at is null`, scopeCondition(scope.readable, activityScope("a"))];
  if (scope.pairingId) conditions.push(sql`a.pairing_id = ${scope.pairingId}`);
  // An activity counts in the year it started: its measures are totals, so counting it in every year it
  // ran would count them twice.
  if (scope.year !== undefined) conditions.push(sql`a.started_on between ${`${scope.year}-01-01`}::date and ${`${scope.year}-12-31`}::date`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

export async function countByDomain(db: Db, scope: SummaryScope): Promise<DomainCount[]> {
  const rows = await tables(db)
    .selectFrom("cooperationActivity as a")
    .where(inScope(scope))
    .select(["a.domain", sql<string>`count(*)`.as("activities"), sql<boolean>`bool_or(a.illustrative)`.as("illustrative")])
    .groupBy("a.domain")
    .execute();
  return rows.map((r) => ({ domain: r.domain, activities: Number(r.activities), illustrative: r.illustrative }));
}

export async function measureTotalsByDomain(db: Db, scope: SummaryScope): Promise<DomainMeasureTotal[]> {
  return tables(db)
    .selectFrom("cooperationActivityMeasure as m")
    .innerJoin("cooperationActivity as a", "a.id", "m.activityId")
    .where(inScope(scope))
    .select(["a.domain", "m.measure", "m.unit", sql<string>`sum(m.value)::text`.as("total")])
    .groupBy(["a.domain", "m.measure", "m.unit"])
    .orderBy("a.domain")
    .orderBy("m.measure")
    .orderBy("m.unit")
    .execute();
}
