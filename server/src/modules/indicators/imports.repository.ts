// SQL for figure imports: the import's record, its rows written batch by batch, and the commit that turns them
// into figure versions all at once.
import { sql } from "kysely";
import type { FigureImport, FigureImportMode, FigureImportProblem, FigureImportStatus } from "../../../../contracts/indicators.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { ValidationFailed } from "../../platform/errors.ts";
import type { Page } from "../../platform/listing.ts";
import { monthToDate } from "./figure-identity.ts";
import type { StagedFigure } from "./figure-import.check.ts";
import { tables } from "./figures.repository.ts";

const importColumns = [
  "id",
  "fileName",
  "sha256",
  "sizeBytes",
  "mode",
  "run",
  "status",
  "actorId",
  "actor",
  "rows",
  "toWrite",
  "done",
  "created",
  "corrected",
  "unchanged",
  "rejected",
  "problems",
  "error",
  "createdAt",
  "updatedAt",
  "finishedAt",
] as const;

export type ImportRow = {
  id: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mode: FigureImportMode;
  run: "inline" | "background";
  status: FigureImportStatus;
  actorId: string;
  actor: unknown;
  rows: number | null;
  toWrite: number | null;
  done: number;
  created: number | null;
  corrected: number | null;
  unchanged: number | null;
  rejected: number | null;
  problems: FigureImportProblem[];
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

export const finishedStatuses: readonly FigureImportStatus[] = ["committed", "rejected"];

export function importOf(row: ImportRow, repeated = false): FigureImport {
  const actor = row.actor as Partial<Actor>;
  return {
    id: row.id,
    fileName: row.fileName,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    mode: row.mode,
    run: row.run,
    status: row.status,
    finished: finishedStatuses.includes(row.status),
    rows: row.rows,
    toWrite: row.toWrite,
    done: row.done,
    created: row.created,
    corrected: row.corrected,
    unchanged: row.unchanged,
    rejected: row.rejected,
    problems: row.problems,
    error: row.error,
    importedBy: { id: row.actorId, name: actor.name ?? row.actorId },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    repeated,
  };
}

export async function loadImport(db: Db, id: string): Promise<ImportRow | undefined> {
  return (await tables(db).selectFrom("indicatorsImport").select(importColumns).where("id", "=", id).executeTakeFirst()) as ImportRow | undefined;
}

export async function loadImportFile(db: Db, id: string): Promise<Uint8Array> {
  const row = await tables(db).selectFrom("indicatorsImport").select("fileBytes").where("id", "=", id).executeTakeFirstOrThrow();
  return new Uint8Array(row.fileBytes);
}

/** The import of this file in this mode that was not rejected (there is at most one). */
export async function importOfFile(db: Db, sha256: string, mode: FigureImportMode): Promise<ImportRow | undefined> {
  return (await tables(db)
    .selectFrom("indicatorsImport")
    .select(importColumns)
    .where("sha256", "=", sha256)
    .where("mode", "=", mode)
    .where("status", "<>", "rejected")
    .executeTakeFirst()) as ImportRow | undefined;
}

export type NewImport = { fileName: string; sha256: string; bytes: Uint8Array; mode: FigureImportMode; run: "inline" | "background"; actor: Actor };

/** A new import, or undefined when one of the same file and mode appeared meanwhile (the caller reads that one). */
export async function insertImport(db: Db, input: NewImport): Promise<string | undefined> {
  const inserted = await tables(db)
    .insertInto("indicatorsImport")
    .values({
      fileName: input.fileName,
      sha256: input.sha256,
      sizeBytes: input.bytes.byteLength,
      fileBytes: input.bytes,
      mode: input.mode,
      run: input.run,
      actorId: input.actor.id,
      actor: JSON.stringify(input.actor),
      rows: null,
      toWrite: null,
      created: null,
      corrected: null,
      unchanged: null,
      rejected: null,
      problems: "[]",
      error: null,
      finishedAt: null,
    })
    .onConflict((oc) => oc.columns(["sha256", "mode"]).where("status", "<>", "rejected").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted?.id;
}

export type ImportPatch = Partial<{
  status: FigureImportStatus;
  rows: number | null;
  toWrite: number | null;
  rejected: number | null;
  problems: FigureImportProblem[];
  error: string | null;
}>;

export async function updateImport(db: Db, id: string, patch: ImportPatch): Promise<void> {
  const { problems, ...rest } = patch;
  const finished = patch.status !== undefined && finishedStatuses.includes(patch.status);
  await tables(db)
    .updateTable("indicatorsImport")
    .set({ ...rest, ...(problems ? { problems: JSON.stringify(problems) } : {}), updatedAt: sql<Date>`now()`, ...(finished ? { finishedAt: sql<Date>`now()` } : {}) })
    .where("id", "=", id)
    .execute();
}

export async function listImports(db: Db, ownerId: string | null, page: number, pageSize: number): Promise<Page<Omit<FigureImport, "problems">>> {
  let qb = tables(db).selectFrom("indicatorsImport");
  if (ownerId !== null) qb = qb.where("actorId", "=", ownerId);
  const [rows, counted] = await Promise.all([
    qb
      .select(importColumns)
      .orderBy("createdAt", "desc")
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    qb.select(sql<string>`count(*)`.as("total")).executeTakeFirst(),
  ]);
  const items = (rows as ImportRow[]).map((r) => {
    const { problems: _problems, ...rest } = importOf(r);
    return rest;
  });
  return { items, total: Number(counted?.total ?? 0), page, pageSize };
}

/** Imports not finished, untouched for `idleMs` (0: all of them). */
export async function unfinishedImports(db: Db, idleMs: number): Promise<string[]> {
  const rows = await tables(db)
    .selectFrom("indicatorsImport")
    .select("id")
    .where("status", "not in", [...finishedStatuses])
    .where("updatedAt", "<=", sql<Date>`now() - ${`${Math.max(0, idleMs)} milliseconds`}::interval`)
    .orderBy("createdAt")
    .execute();
  return rows.map((r) => r.id);
}

/** The row numbers of the file already written for this import. */
export async function writtenRows(db: Db, importId: string): Promise<Set<number>> {
  const rows = await tables(db).selectFrom("indicatorsImportRow").select("rowNo").where("importId", "=", importId).execute();
  return new Set(rows.map((r) => r.rowNo));
}

/**
 * Writes one batch of rows and advances the import's count in the same transaction: after a crash the count and
 * the rows agree, and a batch is there whole or not at all. A row written before (a resumed run) is skipped.
 */
export async function writeBatch(db: Db, importId: string, batch: readonly StagedFigure[]): Promise<void> {
  if (batch.length === 0) return;
  const column = <K extends keyof StagedFigure>(key: K) => batch.map((f) => f[key]);
  await db.transaction().execute(async (trx) => {
    await sql`
      with written as (
        insert into indicators_import_row (import_id, row_no, figure_id, subject_kind, enterprise_id, enclave_id, month, measure, unit, amount_fen, quantity, reason)
        select ${importId}::uuid, r.row_no, r.figure_id, r.subject_kind, r.enterprise_id, r.enclave_id, r.month, r.measure, r.unit, r.amount_fen, r.quantity, r.reason
        from unnest(${column("rowNo")}::integer[], ${column("figureId")}::uuid[], ${column("subjectKind")}::text[], ${column("enterpriseId")}::uuid[],
                    ${column("enclaveId")}::uuid[], ${batch.map((f) => monthToDate(f.month))}::date[], ${column("measure")}::text[], ${column("unit")}::text[],
                    ${column("amountFen")}::bigint[], ${column("quantity")}::numeric[], ${column("reason")}::text[])
          as r (row_no, figure_id, subject_kind, enterprise_id, enclave_id, month, measure, unit, amount_fen, quantity, reason)
        on conflict (import_id, row_no) do nothing
        returning 1
      )
      update indicators_import set done = done + (select count(*) from written), updated_at = now() where id = ${importId}`.execute(trx);
  });
}

/** Takes back rows written by an earlier run that are no longer to be imported (the register changed meanwhile). */
export async function unwriteRows(db: Db, importId: string, rowNos: readonly number[]): Promise<void> {
  if (rowNos.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await sql`
      with removed as (delete from indicators_import_row where import_id = ${importId} and row_no = any(${[...rowNos]}::integer[]) returning 1)
      update indicators_import set done = done - (select count(*) from removed), updated_at = now() where id = ${importId}`.execute(trx);
  });
}

export type CommitCounts = { created: number; corrected: number; unchanged: number };

/**
 * The import's rows become figure versions, all in this one transaction: a row equal to its figure's current
 * version writes nothing; another value is the next version. The table lock keeps single writers (the API) out
 * for the moment of the commit, so version numbers are taken in order. Runs once: a committed import is left be.
 */
export async function commitImport(db: Db, importId: string, actor: Actor, within: (trx: Db, counts: CommitCounts) => Promise<void>): Promise<CommitCounts | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table indicators_figure_version in share row exclusive mode`.execute(trx);
    const current = await tables(trx).selectFrom("indicatorsImport").select(["status", "done"]).where("id", "=", importId).forUpdate().executeTakeFirstOrThrow();
    if (finishedStatuses.includes(current.status)) return undefined;
    await sql`
      insert into indicators_measure (key, unit)
      select distinct measure, unit from indicators_import_row where import_id = ${importId}
      on conflict (key) do nothing`.execute(trx);
    // A custom measure recorded meanwhile in another unit (the rows were checked against the units known then).
    const clash = await sql<{ measure: string; unit: string; kept: string }>`
      select r.measure, r.unit, m.unit as kept from indicators_import_row r join indicators_measure m on m.key = r.measure
      where r.import_id = ${importId} and m.unit <> r.unit limit 1`.execute(trx);
    const first = clash.rows[0];
    if (first) throw new ValidationFailed([{ row: 0, column: "", value: first.unit, message: `${first.measure} is now recorded in ${first.kept}, not ${first.unit}` }]);
    const counted = await sql<{ created: string; corrected: string }>`
      with added as (
        insert into indicators_figure_version
          (figure_id, version, subject_kind, enterprise_id, enclave_id, month, measure, unit, amount_fen, quantity, recorded_by_id, recorded_by_name, source, import_id, reason)
        select r.figure_id, coalesce(latest.version, 0) + 1, r.subject_kind, r.enterprise_id, r.enclave_id, r.month, r.measure, r.unit, r.amount_fen, r.quantity,
               ${actor.id}, ${actor.name}, 'import', r.import_id, r.reason
        from indicators_import_row r
        left join lateral (
          select v.version, v.amount_fen, v.quantity from indicators_figure_version v where v.figure_id = r.figure_id order by v.version desc limit 1
        ) latest on true
        where r.import_id = ${importId}
          and (latest.version is null or latest.amount_fen is distinct from r.amount_fen or latest.quantity is distinct from r.quantity)
        returning version
      )
      select count(*) filter (where version = 1) as created, count(*) filter (where version > 1) as corrected from added`.execute(trx);
    const created = Number(counted.rows[0]?.created ?? 0);
    const corrected = Number(counted.rows[0]?.corrected ?? 0);
    // `done` counts the import's rows (each batch advanced it with its rows); the rest were equal to their figures.
    const unchanged = current.done - created - corrected;
    await tables(trx)
      .updateTable("indicatorsImport")
      .set({ status: "committed", created, corrected, unchanged, updatedAt: sql<Date>`now()`, finishedAt: sql<Date>`now()` })
      .where("id", "=", importId)
      .execute();
    await within(trx, { created, corrected, unchanged });
    return { created, corrected, unchanged };
  });
}
