// SQL for term sets (immutable versions per agreement) and enterprises' production starts.
import { sql } from "kysely";
import type { ProductionStart, TermSet } from "../../../../contracts/sharing.ts";
import type { Db } from "../../platform/database.ts";
import { dayBefore } from "./run-compute.ts";
import type { SharingTables } from "./sharing.tables.ts";

const tables = (db: Db) => db.withTables<SharingTables>();

export type TermSetRow = {
  id: string;
  agreementId: string;
  version: number;
  termsId: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  document: Record<string, unknown>;
  illustrative: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
};

export async function termSetRows(db: Db, agreementId: string): Promise<TermSetRow[]> {
  return (await tables(db).selectFrom("sharingTermSet").selectAll().where("agreementId", "=", agreementId).orderBy("version").execute()) as TermSetRow[];
}

export async function insertTermSet(trx: Db, row: Omit<TermSetRow, "id" | "createdAt" | "illustrative"> & { illustrative: boolean }): Promise<string> {
  const { id } = await tables(trx)
    .insertInto("sharingTermSet")
    .values({ ...row, document: JSON.stringify(row.document) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Each version with the last day it settles (effectiveTo, or the day before the next version starts). */
export function toTermSets(rows: readonly TermSetRow[]): TermSet[] {
  return rows.map((r, i) => {
    const next = rows[i + 1];
    const cut = next ? dayBefore(next.effectiveFrom) : null;
    const settlesThrough = cut === null ? r.effectiveTo : r.effectiveTo === null || cut < r.effectiveTo ? cut : r.effectiveTo;
    return {
      id: r.id,
      agreementId: r.agreementId,
      version: r.version,
      termsId: r.termsId,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      settlesThrough,
      illustrative: r.illustrative,
      createdBy: { id: r.createdBy, name: r.createdByName },
      createdAt: r.createdAt.toISOString(),
      document: r.document,
    };
  });
}

type StartRow = { enterpriseId: string; startedOn: string; note: string | null; illustrative: boolean; version: number; recordedBy: string; updatedAt: Date };

function toProductionStart(r: StartRow): ProductionStart {
  return { enterpriseId: r.enterpriseId, startedOn: r.startedOn, note: r.note, illustrative: r.illustrative, version: r.version, recordedBy: r.recordedBy, updatedAt: r.updatedAt.toISOString() };
}

export async function productionStarts(db: Db, enterpriseIds?: readonly string[]): Promise<ProductionStart[]> {
  if (enterpriseIds && enterpriseIds.length === 0) return [];
  let qb = tables(db).selectFrom("sharingProductionStart").select(["enterpriseId", "startedOn", "note", "illustrative", "version", "recordedBy", "updatedAt"]);
  // One array parameter, not one placeholder per enterprise: a settlement asks for thousands at once.
  if (enterpriseIds) qb = qb.where("enterpriseId", "=", sql<string>`any(${[...enterpriseIds]}::uuid[])`);
  const rows = (await qb.orderBy("enterpriseId").execute()) as StartRow[];
  return rows.map(toProductionStart);
}

export async function loadProductionStart(db: Db, enterpriseId: string): Promise<ProductionStart | undefined> {
  const row = (await tables(db).selectFrom("sharingProductionStart").selectAll().where("enterpriseId", "=", enterpriseId).executeTakeFirst()) as StartRow | undefined;
  return row ? toProductionStart(row) : undefined;
}

export async function upsertProductionStart(trx: Db, row: { enterpriseId: string; startedOn: string; note: string | null; illustrative: boolean; recordedBy: string }): Promise<void> {
  await tables(trx)
    .insertInto("sharingProductionStart")
    .values(row)
    .onConflict((oc) =>
      oc.column("enterpriseId").doUpdateSet({
        startedOn: row.startedOn,
        note: row.note,
        illustrative: row.illustrative,
        recordedBy: row.recordedBy,
        version: sql<number>`sharing_production_start.version + 1`,
        updatedAt: sql<Date>`now()`,
      }),
    )
    .execute();
}
