// SQL for figure versions and measures. Only this file and imports.repository.ts touch the module's tables.
import { sql, type Expression, type SqlBool } from "kysely";
import type { FigureFilters, FigureVersion } from "../../../../contracts/indicators.ts";
import type { Db } from "../../platform/database.ts";
import { parseSort, type Page } from "../../platform/listing.ts";
import { dateToMonth, monthToDate, normaliseDecimal, subjectRangeOf, type SubjectKind } from "./figure-identity.ts";
import type { IndicatorsTables } from "./indicators.tables.ts";

export const tables = (db: Db) => db.withTables<IndicatorsTables>();

export type VersionRow = {
  figureId: string;
  version: number;
  subjectKind: SubjectKind;
  enterpriseId: string | null;
  enclaveId: string | null;
  month: string;
  measure: string;
  unit: string;
  amountFen: string | null;
  quantity: string | null;
  recordedAt: Date;
  recordedById: string;
  recordedByName: string;
  source: "api" | "import";
  importId: string | null;
  reason: string | null;
};

export function figureOf(row: VersionRow): FigureVersion {
  return {
    figureId: row.figureId,
    version: row.version,
    subjectKind: row.subjectKind,
    subjectId: (row.enterpriseId ?? row.enclaveId) as string,
    month: dateToMonth(row.month),
    measure: row.measure,
    unit: row.unit,
    amountFen: row.amountFen,
    quantity: row.quantity === null ? null : normaliseDecimal(row.quantity),
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: { id: row.recordedById, name: row.recordedByName },
    source: row.source,
    importId: row.importId,
    reason: row.reason,
  };
}

const versionColumns = [
  "figureId",
  "version",
  "subjectKind",
  "enterpriseId",
  "enclaveId",
  "month",
  "measure",
  "unit",
  "amountFen",
  "quantity",
  "recordedAt",
  "recordedById",
  "recordedByName",
  "source",
  "importId",
  "reason",
] as const;

/** The figure's versions: found through the table's key, by the subjects its id begins with (figure-identity.ts). */
function versionsOf(db: Db, figureId: string) {
  const subjects = subjectRangeOf(figureId);
  return tables(db)
    .selectFrom("indicatorsFigureVersion")
    .select(versionColumns)
    .where("subjectId", ">=", subjects.from)
    .where("subjectId", "<=", subjects.to)
    .where("figureId", "=", figureId);
}

/** The figure's newest version (as of `asOf` when given). */
export async function latestVersion(db: Db, figureId: string, asOf?: Date): Promise<VersionRow | undefined> {
  let qb = versionsOf(db, figureId);
  if (asOf) qb = qb.where("recordedAt", "<=", asOf);
  return qb.orderBy("version", "desc").limit(1).executeTakeFirst();
}

export async function figureVersions(db: Db, figureId: string): Promise<VersionRow[]> {
  return versionsOf(db, figureId).orderBy("version").execute();
}

export type NewVersion = Omit<VersionRow, "recordedAt" | "month"> & { month: string };

export async function insertVersion(trx: Db, row: NewVersion): Promise<VersionRow> {
  return tables(trx)
    .insertInto("indicatorsFigureVersion")
    .values({ ...row, month: monthToDate(row.month) })
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
}

/** The unit each measure is kept in (built-in ones and the custom ones recorded so far). */
export async function measureUnits(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await tables(db).selectFrom("indicatorsMeasure").select(["key", "unit"]).where("key", "in", [...new Set(keys)]).execute();
  return new Map(rows.map((r) => [r.key, r.unit]));
}

/** The units of all custom measures recorded so far (a few dozen at most). */
export async function customMeasureUnits(db: Db): Promise<Map<string, string>> {
  const rows = await tables(db).selectFrom("indicatorsMeasure").select(["key", "unit"]).where("builtIn", "=", false).execute();
  return new Map(rows.map((r) => [r.key, r.unit]));
}

/** Registers custom measures at first use; returns the unit each is kept in (the first one recorded wins). */
export async function ensureMeasures(trx: Db, measures: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  if (measures.size > 0) {
    await tables(trx)
      .insertInto("indicatorsMeasure")
      .values([...measures].map(([key, unit]) => ({ key, unit })))
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
  }
  return measureUnits(trx, [...measures.keys()]);
}

/** Which subjects a list may show: all, or these enterprise and enclave ids. */
export type SubjectFilter = { all: true } | { all: false; subjectIds: readonly string[] };

export type FigureQuery = FigureFilters & { page: number; pageSize: number; sort?: string | undefined };

export const figureSortFields = ["month", "measure", "recordedAt", "version", "subjectId"] as const;

export async function listVersions(db: Db, query: FigureQuery, subjects: SubjectFilter): Promise<Page<FigureVersion>> {
  const t = tables(db);
  const identity = (): Expression<SqlBool>[] => {
    const where: Expression<SqlBool>[] = [];
    if (!subjects.all) where.push(subjects.subjectIds.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`subject_id = any(${subjects.subjectIds}::uuid[])`);
    if (query.enterpriseId) where.push(sql<SqlBool>`enterprise_id = ${query.enterpriseId}`);
    if (query.enclaveId) where.push(sql<SqlBool>`enclave_id = ${query.enclaveId}`);
    if (query.subjectKind) where.push(sql<SqlBool>`subject_kind = ${query.subjectKind}`);
    if (query.measure) where.push(sql<SqlBool>`measure = ${query.measure}`);
    if (query.from) where.push(sql<SqlBool>`month >= ${monthToDate(query.from)}::date`);
    if (query.to) where.push(sql<SqlBool>`month <= ${monthToDate(query.to)}::date`);
    return where;
  };
  const conditions = identity();
  const selected = t.selectFrom("indicatorsFigureVersion").select(versionColumns);
  const versions = conditions.length === 0 ? selected : selected.where((eb) => eb.and(conditions));
  let qb =
    query.versions === "all"
      ? t.selectFrom(versions.as("v")).selectAll()
      : t.selectFrom(versions.distinctOn("figureId").orderBy("figureId").orderBy("version", "desc").as("v")).selectAll();
  if (query.importId) qb = qb.where("v.importId", "=", query.importId);
  let ordered = qb;
  for (const key of parseSort(query.sort, figureSortFields, "month,measure,subjectId")) {
    const column = key.field === "subjectId" ? sql.ref("v.enterpriseId") : sql.ref(`v.${key.field}`);
    ordered = ordered.orderBy(column, (ob) => (key.descending ? ob.desc() : ob.asc()).nullsLast());
    if (key.field === "subjectId") ordered = ordered.orderBy(sql.ref("v.enclaveId"), (ob) => (key.descending ? ob.desc() : ob.asc()).nullsLast());
  }
  ordered = ordered.orderBy("v.figureId").orderBy("v.version");
  const [rows, counted] = await Promise.all([
    ordered.limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    qb.clearSelect().select(sql<string>`count(*)`.as("total")).executeTakeFirst(),
  ]);
  return { items: (rows as VersionRow[]).map(figureOf), total: Number(counted?.total ?? 0), page: query.page, pageSize: query.pageSize };
}

export type SettlementQuery = {
  enterpriseIds?: readonly string[] | undefined;
  enclaveIds?: readonly string[] | undefined;
  measures?: readonly string[] | undefined;
  fromMonth: string;
  toMonth: string;
  asOf: Date;
};

export type SettlementRow = {
  figureId: string;
  version: number;
  subjectKind: SubjectKind;
  subjectId: string;
  month: string;
  measure: string;
  unit: string;
  amountFen: string | null;
  quantity: string | null;
};

/** The newest version as of `asOf` of every figure in the months, for the given subjects and measures. */
export async function settlementVersions(db: Db, query: SettlementQuery): Promise<SettlementRow[]> {
  const subjects: Expression<SqlBool>[] = [];
  if (query.enterpriseIds) subjects.push(sql<SqlBool>`enterprise_id = any(${[...query.enterpriseIds]}::uuid[])`);
  if (query.enclaveIds) subjects.push(sql<SqlBool>`enclave_id = any(${[...query.enclaveIds]}::uuid[])`);
  const bySubject = subjects.length === 0 ? sql`true` : sql`(${sql.join(subjects, sql` or `)})`;
  const byMeasure = query.measures ? sql`measure = any(${[...query.measures]}::text[])` : sql`true`;
  const result = await sql<SettlementRow>`
    select figure_id, version, subject_kind, subject_id, to_char(month, 'YYYY-MM') as month, measure, unit, amount_fen, quantity::text as quantity
    from (
      select distinct on (figure_id) figure_id, version, subject_kind, subject_id, month, measure, unit, amount_fen, quantity
      from indicators_figure_version
      where month between ${monthToDate(query.fromMonth)}::date and ${monthToDate(query.toMonth)}::date
        and recorded_at <= ${query.asOf} and ${bySubject} and ${byMeasure}
      order by figure_id, version desc
    ) latest
    order by subject_kind, subject_id, month, measure`.execute(db);
  return result.rows;
}

export type PackedSubjectRow = { subjectKind: SubjectKind; subjectId: string; figures: string };

/**
 * Every version recorded by `asOf` of the figures in the months, of the given subjects and measures, one row per
 * subject: "measure day version value" per version, comma-separated, where measure is the 1-based index into
 * `measures`, day the days from `fromMonth`'s first day to the figure's month, and value the amount in fen, or
 * the quantity and its unit ("12.5 tce"). Packed so that a million figures cross to the server as a few thousand
 * rows: per-row overhead, not the bytes, is what reading costs on the embedded database.
 */
export async function packedSettlementVersions(db: Db, query: SettlementQuery & { measures: readonly string[] }): Promise<PackedSubjectRow[]> {
  const subjects: Expression<SqlBool>[] = [];
  if (query.enterpriseIds) subjects.push(sql<SqlBool>`enterprise_id = any(${[...query.enterpriseIds]}::uuid[])`);
  if (query.enclaveIds) subjects.push(sql<SqlBool>`enclave_id = any(${[...query.enclaveIds]}::uuid[])`);
  const bySubject = subjects.length === 0 ? sql`true` : sql`(${sql.join(subjects, sql` or `)})`;
  const from = monthToDate(query.fromMonth);
  const packed = sql<PackedSubjectRow>`
    select subject_kind, subject_id::text as subject_id,
      string_agg(concat_ws(' ', array_position(${[...query.measures]}::text[], measure), month - ${from}::date, version, amount_fen, quantity,
        case when quantity is not null then unit end), ',') as figures
    from indicators_figure_version
    where month between ${from}::date and ${monthToDate(query.toMonth)}::date
      and recorded_at <= ${query.asOf} and ${bySubject} and measure = any(${[...query.measures]}::text[])
    group by subject_kind, subject_id`;
  if (db.isTransaction) return (await packed.execute(db)).rows;
  // Group by hash, in memory. The embedded database gathers no planner statistics (it has no autovacuum), so
  // the planner guesses a handful of rows and sorts the million on disk instead: three times the work.
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_sort = off`.execute(trx);
    await sql`set local work_mem = '256MB'`.execute(trx);
    return (await packed.execute(trx)).rows;
  });
}

export type IdentityVersion = { subjectKind: SubjectKind; subjectId: string; measure: string; month: string; version: number };
export type IdentityVersionRow = { i: number; figureId: string; unit: string; amountFen: string | null; quantity: string | null };

/** The versions named by subject, measure, month and version; `i` is the key's 0-based place in `keys`. */
export async function versionsByIdentity(db: Db, keys: readonly IdentityVersion[]): Promise<IdentityVersionRow[]> {
  if (keys.length === 0) return [];
  const result = await sql<IdentityVersionRow>`
    select (k.i - 1)::integer as i, v.figure_id, v.unit, v.amount_fen, v.quantity::text as quantity
    from unnest(${keys.map((k) => k.subjectKind)}::text[], ${keys.map((k) => k.subjectId)}::uuid[], ${keys.map((k) => k.measure)}::text[],
      ${keys.map((k) => monthToDate(k.month))}::date[], ${keys.map((k) => k.version)}::integer[]) with ordinality as k(subject_kind, subject_id, measure, month, version, i)
    join indicators_figure_version v
      on v.subject_id = k.subject_id and v.month = k.month and v.subject_kind = k.subject_kind and v.measure = k.measure and v.version = k.version
    order by k.i, v.figure_id`.execute(db);
  return result.rows;
}

/**
 * Every version of the subjects' figures of the measures in the months, packed one row per subject as
 * `packedSettlementVersions` packs them, each version also carrying its figure id: "measure day version id
 * value". For looking up many figure versions at once (a statement of a large run): the subjects' rows are
 * fewer than the versions asked for, and joining a million keys one by one costs a minute.
 */
export async function packedVersionsOfSubjects(db: Db, query: { subjectIds: readonly string[]; measures: readonly string[]; fromMonth: string; toMonth: string }): Promise<PackedSubjectRow[]> {
  const from = monthToDate(query.fromMonth);
  const packed = sql<PackedSubjectRow>`
    select subject_kind, subject_id::text as subject_id,
      string_agg(concat_ws(' ', array_position(${[...query.measures]}::text[], measure), month - ${from}::date, version, figure_id, amount_fen, quantity,
        case when quantity is not null then unit end), ',') as figures
    from indicators_figure_version
    where subject_id = any(${[...query.subjectIds]}::uuid[]) and month between ${from}::date and ${monthToDate(query.toMonth)}::date
      and measure = any(${[...query.measures]}::text[])
    group by subject_kind, subject_id`;
  if (db.isTransaction) return (await packed.execute(db)).rows;
  // Grouped by hash in memory, as packedSettlementVersions explains.
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_sort = off`.execute(trx);
    await sql`set local work_mem = '256MB'`.execute(trx);
    return (await packed.execute(trx)).rows;
  });
}
