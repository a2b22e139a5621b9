// SQL for figure imports: the import's record, its rows written batch by batch (a batch to a table row), and the
// commit that turns them into figure versions all at once.
import { sql } from "kysely";
import type { FigureImport, FigureImportMode, FigureImportProblem, FigureImportStatus } from "../../../../contracts/indicators.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { ValidationFailed } from "../../platform/errors.ts";
import { arrayOf, arrayParameter } from "../../platform/sql-values.ts";
import type { Page } from "../../platform/listing.ts";
import type { StagedFigure } from "./figure-import.check.ts";
import { tables } from "./figures.repository.ts";
import { stagedColumns, type StagedColumn, type StagedColumns } from "./staged-columns.ts";

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

/** What an import has written so far: the file rows and its count of them (read together, in one statement). */
export type Written = { rows: Set<number>; done: number };

export async function writtenRows(db: Db, importId: string): Promise<Written> {
  const result = await sql<{ done: number; rowNos: number[] | null }>`
    select i.done, (select array_agg(n) from indicators_import_batch b cross join lateral unnest(b.row_nos) as n where b.import_id = i.id) as row_nos
    from indicators_import i where i.id = ${importId}`.execute(db);
  const found = result.rows[0];
  return { rows: new Set(found?.rowNos ?? []), done: found?.done ?? 0 };
}

/**
 * The rows column by column, as array parameters; a column of one value (a file's measure, unit …) as that value
 * repeated in SQL: the database then parses one value, not one per row.
 */
function arraysOf(c: StagedColumns) {
  const p = (column: StagedColumn) => ("same" in column ? sql`array_fill(${column.same}::${sql.raw(column.type)}, array[${c.count}::integer])` : arrayParameter(column));
  return {
    rowNos: p(c.rowNos),
    figureIds: p(c.figureIds),
    subjectKinds: p(c.subjectKinds),
    enterpriseIds: p(c.enterpriseIds),
    enclaveIds: p(c.enclaveIds),
    months: p(c.months),
    measures: p(c.measures),
    units: p(c.units),
    amountsFen: p(c.amountsFen),
    quantities: p(c.quantities),
    reasons: p(c.reasons),
  };
}

/** Another run of the same import wrote meanwhile (a process taken for dead was not): this run stops. */
export class ImportRunOvertaken extends Error {
  constructor() {
    super("another run of this import is writing it; this run stops");
  }
}

/**
 * Advances the import's count from `expectedDone` and writes the batch, in one transaction: after a crash the
 * count and the batches agree, and a batch is there whole or not at all. The count must still be what this run
 * last saw, so two runs of one import (a takeover of one wrongly taken for dead) never write a row twice: the
 * second to write stops. Returns the new count.
 */
export async function writeBatch(db: Db, importId: string, expectedDone: number, batch: readonly StagedFigure[]): Promise<number> {
  const first = batch[0];
  if (!first) return expectedDone;
  const a = arraysOf(stagedColumns(batch));
  return db.transaction().execute(async (trx) => {
    const counted = await sql<{ done: number }>`
      update indicators_import set done = done + ${batch.length}, updated_at = now() where id = ${importId} and done = ${expectedDone} returning done`.execute(trx);
    const done = counted.rows[0]?.done;
    if (done === undefined) throw new ImportRunOvertaken();
    await sql`
      insert into indicators_import_batch
        (import_id, first_row, row_nos, figure_ids, subject_kinds, enterprise_ids, enclave_ids, months, measures, units, amounts_fen, quantities, reasons)
      values (${importId}, ${first.rowNo}, ${a.rowNos}, ${a.figureIds}, ${a.subjectKinds}, ${a.enterpriseIds}, ${a.enclaveIds}, ${a.months}, ${a.measures},
              ${a.units}, ${a.amountsFen}, ${a.quantities}, ${a.reasons})`.execute(trx);
    return done;
  });
}

/**
 * Takes back rows written by an earlier run that are no longer to be imported (the register changed meanwhile):
 * the batches holding them go, and with them their other rows, which this run writes again. Returns the new
 * count and every row taken back.
 */
export async function unwriteRows(db: Db, importId: string, expectedDone: number, rowNos: readonly number[]): Promise<{ done: number; removed: number[] }> {
  if (rowNos.length === 0) return { done: expectedDone, removed: [] };
  return db.transaction().execute(async (trx) => {
    const removed = await sql<{ rowNos: number[] }>`
      delete from indicators_import_batch b
      where b.import_id = ${importId} and exists (select 1 from unnest(b.row_nos) as n join unnest(${[...rowNos]}::integer[]) as m on m = n)
      returning b.row_nos`.execute(trx);
    const rows = removed.rows.flatMap((r) => r.rowNos);
    const counted = await sql<{ done: number }>`
      update indicators_import set done = done - ${rows.length}, updated_at = now() where id = ${importId} and done = ${expectedDone} returning done`.execute(trx);
    const done = counted.rows[0]?.done;
    if (done === undefined) throw new ImportRunOvertaken();
    return { done, removed: rows };
  });
}

/** An import refused after it had written rows (at its commit): its batches go, and its count is 0 again. */
export async function discardWritten(db: Db, importId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`delete from indicators_import_batch where import_id = ${importId}`.execute(trx);
    await sql`update indicators_import set done = 0, updated_at = now() where id = ${importId}`.execute(trx);
  });
}

export type CommitCounts = { created: number; corrected: number; unchanged: number };

/** The staged rows' columns, in the order the commit reads them. */
const stagedColumnNames = sql`figure_id, subject_kind, enterprise_id, enclave_id, month, measure, unit, amount_fen, quantity, reason`;

/** Where a commit's rows come from: the import's batches, or rows handed in (sent as array parameters). */
type RowSource = { batchesOf: string } | { held: StagedColumns };

function stagedRows(source: RowSource) {
  if ("batchesOf" in source) {
    return sql`
      select r.* from indicators_import_batch b
      cross join lateral unnest(b.figure_ids, b.subject_kinds, b.enterprise_ids, b.enclave_ids, b.months, b.measures, b.units, b.amounts_fen, b.quantities, b.reasons)
        as r (${stagedColumnNames})
      where b.import_id = ${source.batchesOf}`;
  }
  const a = arraysOf(source.held);
  return sql`
    select * from unnest(${a.figureIds}, ${a.subjectKinds}, ${a.enterpriseIds}, ${a.enclaveIds}, ${a.months}, ${a.measures}, ${a.units}, ${a.amountsFen}, ${a.quantities}, ${a.reasons})
      as h (${stagedColumnNames})`;
}

/**
 * Records the rows' custom measures at their first use, and refuses a measure recorded meanwhile in another unit
 * (the rows were checked against the units known then). `recorded` holds the (measure, unit) pairs this commit
 * has already seen to, so that a commit fed in many parts looks up each pair once.
 */
async function recordMeasures(trx: Db, source: RowSource, recorded: Set<string>): Promise<void> {
  let measures;
  if ("batchesOf" in source) {
    measures = sql`select distinct m.measure, m.unit from indicators_import_batch b cross join lateral unnest(b.measures, b.units) as m (measure, unit) where b.import_id = ${source.batchesOf}`;
  } else {
    const pairs = source.held.measurePairs.filter((pair) => !recorded.has(pair.join("\u0000")));
    if (pairs.length === 0) return;
    for (const pair of pairs) recorded.add(pair.join("\u0000"));
    measures = sql`select * from unnest(${pairs.map(([measure]) => measure)}::text[], ${pairs.map(([, unit]) => unit)}::text[]) as h (measure, unit)`;
  }
  await sql`insert into indicators_measure (key, unit) select measure, unit from (${measures}) m on conflict (key) do nothing`.execute(trx);
  const clash = await sql<{ measure: string; unit: string; kept: string }>`
    select r.measure, r.unit, m.unit as kept from (${measures}) r join indicators_measure m on m.key = r.measure
    where m.unit <> r.unit limit 1`.execute(trx);
  const first = clash.rows[0];
  if (first) throw new ValidationFailed([{ row: 0, column: "", value: first.unit, message: `${first.measure} is now recorded in ${first.kept}, not ${first.unit}` }]);
}

/** Which subjects and months the rows name: every earlier version of their figures lies within. */
type StagedScope = { subjectIds: string[]; firstMonth: string | null; lastMonth: string | null };

async function stagedScope(trx: Db, source: RowSource): Promise<StagedScope> {
  if ("batchesOf" in source) {
    const found = await sql<{ subjectIds: string[] | null; firstMonth: string | null; lastMonth: string | null }>`
      select array_agg(distinct coalesce(r.enterprise_id, r.enclave_id)) as subject_ids, min(r.month) as first_month, max(r.month) as last_month
      from indicators_import_batch b cross join lateral unnest(b.enterprise_ids, b.enclave_ids, b.months) as r (enterprise_id, enclave_id, month)
      where b.import_id = ${source.batchesOf}`.execute(trx);
    const row = found.rows[0];
    return { subjectIds: row?.subjectIds ?? [], firstMonth: row?.firstMonth ?? null, lastMonth: row?.lastMonth ?? null };
  }
  const { subjectIds, firstMonth, lastMonth } = source.held;
  return { subjectIds, firstMonth, lastMonth };
}

/** Whether any figure within the scope has a version. */
async function anyVersionWithin(trx: Db, scope: StagedScope): Promise<boolean> {
  const found = await sql`
    select 1 from indicators_figure_version v
    where v.subject_id = any(${arrayOf("uuid", scope.subjectIds)}) and v.month between ${scope.firstMonth}::date and ${scope.lastMonth}::date
    limit 1`.execute(trx);
  return found.rows.length > 0;
}

/**
 * The current version of every figure within the scope. Read by the table's key (subject and month first) and
 * joined by hash: for a hundred thousand rows, quicker than looking up each row's figure.
 */
function latestVersions(scope: StagedScope) {
  return sql`
    select distinct on (v.figure_id) v.figure_id, v.version, v.amount_fen, v.quantity from indicators_figure_version v
    where v.subject_id = any(${arrayOf("uuid", scope.subjectIds)}) and v.month between ${scope.firstMonth}::date and ${scope.lastMonth}::date
    order by v.figure_id, v.version desc`;
}

/**
 * Rows become figure versions, by one INSERT ... SELECT: a row equal to its figure's current version writes
 * nothing; another value is the next version. When no figure in the rows' scope has a version yet (the usual
 * case: a new month's figures), every row is a first version and goes in without that comparison (a tenth of
 * the database's time for a hundred thousand rows); the commit's table lock keeps other writers out between the
 * look and the insert. Custom measures are recorded at their first use.
 */
async function insertVersions(trx: Db, importId: string, actor: Actor, source: RowSource, recorded: Set<string>): Promise<{ created: number; corrected: number }> {
  await recordMeasures(trx, source, recorded);
  const scope = await stagedScope(trx, source);
  const columns = sql`figure_id, version, subject_kind, enterprise_id, enclave_id, month, measure, unit, amount_fen, quantity, recorded_by_id, recorded_by_name, source, import_id, reason`;
  const recordedBy = sql`${actor.id}, ${actor.name}, 'import', ${importId}::uuid`;
  if (!(await anyVersionWithin(trx, scope))) {
    const inserted = await sql`
      insert into indicators_figure_version (${columns})
      select r.figure_id, 1, r.subject_kind, r.enterprise_id, r.enclave_id, r.month, r.measure, r.unit, r.amount_fen, r.quantity, ${recordedBy}, r.reason
      from (${stagedRows(source)}) r`.execute(trx);
    return { created: Number(inserted.numAffectedRows ?? 0n), corrected: 0 };
  }
  const counted = await sql<{ created: string; corrected: string }>`
    with added as (
      insert into indicators_figure_version (${columns})
      select r.figure_id, coalesce(latest.version, 0) + 1, r.subject_kind, r.enterprise_id, r.enclave_id, r.month, r.measure, r.unit, r.amount_fen, r.quantity, ${recordedBy}, r.reason
      from (${stagedRows(source)}) r
      left join (${latestVersions(scope)}) latest on latest.figure_id = r.figure_id
      where latest.version is null or latest.amount_fen is distinct from r.amount_fen or latest.quantity is distinct from r.quantity
      returning version
    )
    select count(*) filter (where version = 1) as created, count(*) filter (where version > 1) as corrected from added`.execute(trx);
  return { created: Number(counted.rows[0]?.created ?? 0), corrected: Number(counted.rows[0]?.corrected ?? 0) };
}

/** What a commit's feed may do: write rows (as many times as it likes), or take back all it wrote to start again. */
export type CommitFeed = {
  write(figures: StagedColumns): Promise<void>;
  restart(): Promise<void>;
};

/** What a feed learnt of the file, kept on the import with its counts. */
export type FeedOutcome = Pick<ImportPatch, "rows" | "toWrite" | "rejected" | "problems">;

/**
 * The import's rows become figure versions, all in this one transaction: first the rows its batches hold (a
 * background import writes them as it goes), then those the feed writes, as it reads them (an inline import writes
 * no batches: if its process dies, it runs again from its file). The table lock keeps single writers (the API)
 * out for the commit, so version numbers are taken in order. The batches are then removed. Runs once: a committed
 * import is left be. The feed's error rolls all of it back.
 */
export async function commitImport(
  db: Db,
  importId: string,
  actor: Actor,
  feed: (rows: CommitFeed) => Promise<FeedOutcome | void>,
  within: (trx: Db, counts: CommitCounts) => Promise<void>,
): Promise<CommitCounts | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`lock table indicators_figure_version in share row exclusive mode`.execute(trx);
    const current = await tables(trx).selectFrom("indicatorsImport").select(["status", "done"]).where("id", "=", importId).forUpdate().executeTakeFirstOrThrow();
    if (finishedStatuses.includes(current.status)) return undefined;
    const counts = { created: 0, corrected: 0, fed: 0 };
    const recorded = new Set<string>();
    const add = (added: { created: number; corrected: number }) => {
      counts.created += added.created;
      counts.corrected += added.corrected;
    };
    if (current.done > 0) add(await insertVersions(trx, importId, actor, { batchesOf: importId }, recorded));
    await sql`savepoint fed_rows`.execute(trx);
    const learnt = await feed({
      async write(figures) {
        if (figures.count === 0) return;
        add(await insertVersions(trx, importId, actor, { held: figures }, recorded));
        counts.fed += figures.count;
      },
      async restart() {
        await sql`rollback to savepoint fed_rows`.execute(trx);
        counts.created = counts.corrected = counts.fed = 0;
        recorded.clear();
        if (current.done > 0) add(await insertVersions(trx, importId, actor, { batchesOf: importId }, recorded));
      },
    });
    const { created, corrected } = counts;
    // The import's rows: those its batches counted and those fed; the rest were equal to their figures.
    const done = current.done + counts.fed;
    const unchanged = done - created - corrected;
    const { problems, ...learntCounts } = learnt ?? {};
    await sql`delete from indicators_import_batch where import_id = ${importId}`.execute(trx);
    await tables(trx)
      .updateTable("indicatorsImport")
      .set({
        ...learntCounts,
        ...(problems ? { problems: JSON.stringify(problems) } : {}),
        status: "committed",
        done,
        created,
        corrected,
        unchanged,
        updatedAt: sql<Date>`now()`,
        finishedAt: sql<Date>`now()`,
      })
      .where("id", "=", importId)
      .execute();
    await within(trx, { created, corrected, unchanged });
    return { created, corrected, unchanged };
  });
}
