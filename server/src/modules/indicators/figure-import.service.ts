// Importing figures from XLSX or CSV. An import is keyed by the file's SHA-256 and the mode: the same file again
// finds the earlier import and changes nothing. Its course (check every row, write the good rows in batches,
// commit) is kept in indicators_import, so it can stop anywhere (a crash, a stop) and resume where it stopped:
// each batch is written with the import's count in one transaction (one table row per batch, see
// imports.repository.ts), and the rows become figure versions only in the commit, all together, by one INSERT ...
// SELECT. Small files import during the request: their file is read and checked in a worker thread
// (figure-reader.ts) while the rows checked so far become figure versions, all in the commit's one transaction.
// Larger ones run as a background job, writing their batches as they go.
import { createHash } from "node:crypto";
import type { FigureImport, FigureImportMode, FigureImportProblem } from "../../../../contracts/indicators.ts";
import type { Actor } from "../../platform/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import { auditingDenials, authorize, decide, readFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound, ValidationFailed } from "../../platform/errors.ts";
import type { Jobs } from "../../platform/jobs.ts";
import type { Page } from "../../platform/listing.ts";
import { ImportRejected, runImport, UnreadableFile, type ImportProgress, type Table, type TableHead, type UploadedFile } from "../../platform/tabular/index.ts";
// eslint-disable-next-line no-restricted-imports -- the engine is pure and owns the figures-file format (see figure-import.columns.ts)
import { measureKeyOf } from "../sharing/engine/index.ts";
import { isBuiltIn } from "./figure-identity.ts";
import { checkFigureRows, type CheckedFigureRow } from "./figure-import.check.ts";
import { figureImportColumns, type FigureImportColumns } from "./figure-import.columns.ts";
import { createFigureReader } from "./figure-reader.ts";
import type { ReadEvent } from "./figure-reading.ts";
import { loadDirectory, loadRegisters, type IndicatorDependencies } from "./figure-subjects.ts";
import { customMeasureUnits, measureUnits } from "./figures.repository.ts";
import {
  commitImport,
  discardWritten,
  finishedStatuses,
  importOf,
  importOfFile,
  insertImport,
  listImports,
  loadImport,
  loadImportFile,
  unfinishedImports,
  unwriteRows,
  updateImport,
  writeBatch,
  writtenRows,
  type CommitFeed,
  type FeedOutcome,
  type ImportRow,
} from "./imports.repository.ts";

export type ImportSettings = {
  /** Files up to this size import during the request; larger ones run as a background job. */
  inlineLimitBytes: number;
  /** Rows written per transaction. */
  batchSize: number;
  /**
   * An unfinished import not running in this process, untouched this long, is taken for abandoned (its process
   * died) and resumed. 0 on the embedded database, which one process holds; a minute on PostgreSQL, where another
   * server process may be running it.
   */
  abandonedAfterMs: number;
};

/** 256 KiB: a few thousand CSV rows, some ten thousand XLSX rows; the request then takes a second or two. */
export const defaultImportSettings: ImportSettings = { inlineLimitBytes: 256 * 1024, batchSize: 5000, abandonedAfterMs: 60_000 };

export type ImportRunChoice = "auto" | "inline" | "background";

export type FigureImportService = {
  /**
   * Imports a file, or finds the earlier import of the same file and mode. Inline: returns the finished import
   * (a rejected file throws ImportRejected, and nothing is written). Background: returns the queued import.
   */
  start(actor: Actor, file: UploadedFile, options: { mode: FigureImportMode; run?: ImportRunChoice }, onProgress?: (progress: ImportProgress) => void): Promise<FigureImport>;
  get(actor: Actor, id: string): Promise<FigureImport>;
  list(actor: Actor, page: number, pageSize: number): Promise<Page<Omit<FigureImport, "problems">>>;
  /** Follows an import until it has finished, calling `onUpdate` with each reading. */
  wait(actor: Actor, id: string, onUpdate?: (figureImport: FigureImport) => void, intervalMs?: number): Promise<FigureImport>;
  /** Resumes the imports a stopped or crashed process left unfinished (at start-up). */
  resumeUnfinished(): Promise<string[]>;
  /** Starts the file reader's thread ahead of the first import (a server does, at start). */
  warm(): Promise<void>;
  close(): Promise<void>;
};

export const importQueue = "figures-import";

/** A file being read in the reader's thread: its events, the first already asked for. */
type Reading = { first: Promise<IteratorResult<ReadEvent>>; next(): Promise<IteratorResult<ReadEvent>>; stop(): Promise<unknown> };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createFigureImportService(db: Db, deps: IndicatorDependencies, jobs: Jobs | undefined, settings: ImportSettings): FigureImportService {
  /** Imports running in this process: a second request for one joins the run instead of starting another. */
  const active = new Map<string, Promise<ImportRow>>();
  const reader = createFigureReader();

  jobs?.define(importQueue, async (data, signal) => {
    await runOnce(String(data.importId), signal);
  });

  function runOnce(id: string, signal?: AbortSignal, onProgress?: (progress: ImportProgress) => void, reading?: Reading): Promise<ImportRow> {
    const running = active.get(id);
    if (running) {
      void reading?.stop();
      return running;
    }
    const run = execute(id, signal, onProgress, reading).finally(() => {
      active.delete(id);
      return reading?.stop();
    });
    active.set(id, run);
    return run;
  }

  async function execute(id: string, signal: AbortSignal | undefined, onProgress?: (progress: ImportProgress) => void, reading?: Reading): Promise<ImportRow> {
    const record = await mustLoad(id);
    if (finishedStatuses.includes(record.status)) return record;
    await updateImport(db, id, { status: "checking", error: null });
    try {
      if (record.run === "inline") {
        // A run started by the upload has its file read already; a resumed one reads the file the import kept.
        reading ??= await startReading({ fileName: record.fileName, bytes: await loadImportFile(db, id) }, record.actor as Actor);
        await readAndCommit(record, reading, onProgress);
      }
      else if (await checkAndWrite(record, signal, onProgress)) await commit(record, async () => {});
    } catch (error) {
      // Kept on the import for whoever follows it; the run itself fails and is tried again (a job) or answered.
      await updateImport(db, id, { error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
      throw error;
    }
    return mustLoad(id);
  }

  /** A background import: checks every row and writes the good ones in batches; false when the file was rejected. */
  async function checkAndWrite(record: ImportRow, signal: AbortSignal | undefined, onProgress?: (progress: ImportProgress) => void): Promise<boolean> {
    const { id } = record;
    const actor = record.actor as Actor;
    // The file rows written so far (by this run or an earlier one) and the import's count of them.
    let written = new Set<number>();
    let done = 0;
    try {
      await runImport({
        file: { fileName: record.fileName, bytes: await loadImportFile(db, id) },
        columns: figureImportColumns,
        mode: record.mode,
        batchSize: settings.batchSize,
        onProgress,
        check: async (table) => {
          const rows = await checkTable(table, actor);
          const good = rows.filter((r) => r.figure !== null);
          if (record.mode === "all_or_nothing" && good.length < rows.length) return rows;
          // What an earlier run of this import wrote: kept when still good, taken back when not.
          const earlier = await writtenRows(db, id);
          const goodRows = new Set(good.map((r) => r.row));
          const taken = await unwriteRows(db, id, earlier.done, [...earlier.rows].filter((n) => !goodRows.has(n)));
          for (const n of taken.removed) earlier.rows.delete(n);
          written = earlier.rows;
          done = taken.done;
          await updateImport(db, id, { status: "writing", rows: rows.length, toWrite: good.length, rejected: rows.length - good.length, problems: rows.flatMap((r) => r.problems) });
          return rows;
        },
        write: async (batch: CheckedFigureRow[]) => {
          if (signal?.aborted) throw new Error("the import was stopped; it resumes where it stopped");
          const figures = batch.flatMap((r) => (r.figure && !written.has(r.row) ? [r.figure] : []));
          // Written as it goes, so that it shows its progress and resumes where it stopped.
          done = await writeBatch(db, id, done, figures);
          return { created: 0, updated: 0, unchanged: 0 };
        },
      });
      return true;
    } catch (error) {
      if (error instanceof ImportRejected) {
        const { rows, rejected, problems } = error.outcome;
        await updateImport(db, id, { status: "rejected", rows, toWrite: 0, rejected, problems });
        return false;
      }
      if (!(error instanceof UnreadableFile)) throw error;
      await updateImport(db, id, { status: "rejected", rows: 0, toWrite: 0, rejected: 0, problems: [{ row: 0, column: "", value: record.fileName, message: error.message }] });
      return false;
    }
  }

  /**
   * Starts reading a file in the reader's thread: its first event is asked for at once, so that the thread reads
   * while this one records the import and the commit takes its locks.
   */
  async function startReading(file: UploadedFile, actor: Actor): Promise<Reading> {
    const [registers, units] = await Promise.all([loadRegisters(deps), customMeasureUnits(db)]);
    const events = reader.read({ file, registers, units: [...units], actor })[Symbol.asyncIterator]();
    const first = events.next();
    first.catch(() => undefined); // seen by the feed that awaits it
    let stopped: Promise<unknown> | undefined;
    return {
      first,
      next: () => events.next(),
      // Stops the thread's reading if the feed did not read to the end (it failed, or the import was done).
      stop: () => (stopped ??= Promise.resolve(events.return?.(undefined)).catch(() => undefined)),
    };
  }

  /**
   * An inline import: the file is read and checked in a worker thread; the rows it has checked become figure
   * versions meanwhile, in the commit's transaction, which a rejected or unreadable file rolls back.
   */
  async function readAndCommit(record: ImportRow, reading: Reading, onProgress?: (progress: ImportProgress) => void): Promise<void> {
    try {
      await commit(record, feed);
    } finally {
      await reading.stop();
    }

    async function feed(rows: CommitFeed): Promise<FeedOutcome> {
      let head: TableHead | undefined;
      let outcome = { rows: 0, toWrite: 0, rejected: 0, problems: [] as FigureImportProblem[] };
      for (let step = await reading.first; !step.done; step = await reading.next()) {
        const event = step.value;
        if (event.kind === "unreadable") throw new UnreadableFile(record.fileName, event.reason);
        if (event.kind === "restart") {
          outcome = { rows: 0, toWrite: 0, rejected: 0, problems: [] };
          await rows.restart();
        } else if (event.kind === "head") head = event.head;
        else if (event.kind === "rows") {
          outcome.rows += event.rows;
          outcome.toWrite += event.figures.count;
          outcome.rejected += event.rejected;
          outcome.problems.push(...event.problems);
          // The file's length is known only at its end: each part's progress counts the rows read so far.
          onProgress?.({ phase: "checking", done: outcome.rows, total: outcome.rows });
          // Once a row is refused, a file imported all or nothing writes nothing more: it will be rolled back.
          const refused = (head?.fileProblems.length ?? 0) > 0 || (record.mode === "all_or_nothing" && outcome.rejected > 0);
          if (!refused) await rows.write(event.figures);
          onProgress?.({ phase: "writing", done: outcome.toWrite, total: outcome.toWrite });
        }
      }
      const fileProblems = head?.fileProblems ?? [];
      if (fileProblems.length > 0) {
        throw new ImportRejected({ rows: outcome.rows, created: 0, updated: 0, unchanged: 0, rejected: outcome.rows, problems: fileProblems, warnings: [] });
      }
      if (record.mode === "all_or_nothing" && outcome.rejected > 0) {
        throw new ImportRejected({ rows: outcome.rows, created: 0, updated: 0, unchanged: 0, rejected: outcome.rejected, problems: outcome.problems, warnings: [] });
      }
      return outcome;
    }
  }

  /** The rows written in batches and those the feed writes become figure versions, all at once. */
  async function commit(record: ImportRow, feed: (rows: CommitFeed) => Promise<FeedOutcome | void>): Promise<void> {
    const actor = record.actor as Actor;
    await updateImport(db, record.id, { status: "committing" });
    try {
      await commitImport(db, record.id, actor, feed, (trx, counts) =>
        appendAudit(trx, {
          action: "figure.import",
          outcome: "success",
          actor,
          entity: "figure_import",
          recordId: record.id,
          detail: { fileName: record.fileName, sha256: record.sha256, mode: record.mode, ...counts },
        }),
      );
    } catch (error) {
      if (error instanceof ImportRejected) {
        const { rows, rejected, problems } = error.outcome;
        await updateImport(db, record.id, { status: "rejected", rows, toWrite: 0, rejected, problems });
        return;
      }
      if (error instanceof UnreadableFile) {
        await updateImport(db, record.id, { status: "rejected", rows: 0, toWrite: 0, rejected: 0, problems: [{ row: 0, column: "", value: record.fileName, message: error.message }] });
        return;
      }
      if (!(error instanceof ValidationFailed)) throw error;
      await discardWritten(db, record.id);
      const problems = error.details.map((d) => ({ row: d.row ?? 0, column: d.column ?? "", value: (d.value as string | null) ?? null, message: d.message }));
      await updateImport(db, record.id, { status: "rejected", toWrite: 0, problems });
    }
  }

  async function checkTable(table: Table<FigureImportColumns>, actor: Actor): Promise<CheckedFigureRow[]> {
    const custom = new Set(table.rows.flatMap((r) => (r.values.measure ? [measureKeyOf(r.values.measure)] : [])).filter((m) => !isBuiltIn(m)));
    const [subjects, units] = await Promise.all([loadDirectory(deps), measureUnits(db, [...custom])]);
    return checkFigureRows(table, { subjects, units, mayRecord: (scope) => decide(actor, "figure.record", scope).allowed });
  }

  async function mustLoad(id: string): Promise<ImportRow> {
    const row = uuid.test(id) ? await loadImport(db, id) : undefined;
    if (!row) throw new NotFound("figure_import", id);
    return row;
  }

  const abandoned = (row: ImportRow) => !active.has(row.id) && Date.now() - row.updatedAt.getTime() >= settings.abandonedAfterMs;

  /** Runs (or hands to a job) an import that has not finished. */
  async function proceed(row: ImportRow, onProgress?: (progress: ImportProgress) => void): Promise<ImportRow> {
    if (row.run === "background" && jobs) {
      await jobs.send(importQueue, { importId: row.id });
      return row;
    }
    return runOnce(row.id, undefined, onProgress);
  }

  function finishedInline(row: ImportRow): FigureImport {
    if (row.status === "rejected") {
      throw new ImportRejected({ rows: row.rows ?? 0, created: 0, updated: 0, unchanged: 0, rejected: row.rejected ?? 0, problems: row.problems, warnings: [] });
    }
    return importOf(row);
  }

  const get = (actor: Actor, id: string): Promise<FigureImport> =>
    auditingDenials(db, actor, async () => {
      authorize(actor, "figure_import.read", { entity: "figure_import", id });
      const row = await mustLoad(id);
      authorize(actor, "figure_import.read", { entity: "figure_import", id, scope: { ownerId: row.actorId } });
      return importOf(row);
    });

  return {
    start: (actor, file, options, onProgress) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "figure.record", { entity: "figure" });
        const sha256 = createHash("sha256").update(file.bytes).digest("hex");
        let earlier = await importOfFile(db, sha256, options.mode);
        if (!earlier) {
          const choice = options.run ?? "auto";
          const run = choice === "auto" ? (file.bytes.byteLength > settings.inlineLimitBytes && jobs ? "background" : "inline") : choice === "background" && !jobs ? "inline" : choice;
          // An inline import's file is read (in the reader's thread) while its import is recorded.
          const reading = run === "inline" ? await startReading(file, actor) : undefined;
          try {
            const id = await insertImport(db, { fileName: file.fileName, sha256, bytes: file.bytes, mode: options.mode, run, actor });
            if (id) return run === "background" ? importOf(await proceed(await mustLoad(id))) : finishedInline(await runOnce(id, undefined, onProgress, reading));
          } finally {
            await reading?.stop();
          }
          earlier = await importOfFile(db, sha256, options.mode);
          if (!earlier) throw new Error("an import of this file appeared and vanished");
        }
        if (finishedStatuses.includes(earlier.status)) return importOf(earlier, true);
        // The same file while its import is unfinished: join it here, or take it over when its process died.
        if (active.has(earlier.id) && earlier.run === "inline") return finishedInline(await runOnce(earlier.id));
        if (!abandoned(earlier)) return importOf(earlier);
        const resumed = await proceed(earlier, onProgress);
        return earlier.run === "background" && jobs ? importOf(resumed) : finishedInline(resumed);
      }),

    get,

    list: (actor, page, pageSize) =>
      auditingDenials(db, actor, async () => {
        const filter = readFilter(actor, "figure_import.read", "figure_import");
        return listImports(db, filter.all ? null : (filter.ownerId ?? ""), page, pageSize);
      }),

    async wait(actor, id, onUpdate, intervalMs = 250) {
      for (;;) {
        const current = await get(actor, id);
        onUpdate?.(current);
        if (current.finished) return current;
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    },

    async resumeUnfinished() {
      const ids = await unfinishedImports(db, settings.abandonedAfterMs);
      for (const id of ids.filter((i) => !active.has(i))) {
        if (jobs) await jobs.send(importQueue, { importId: id });
        else void runOnce(id).catch(() => undefined); // the error is kept on the import (its `error`)
      }
      return ids;
    },

    warm: () => reader.warm(),
    close: () => reader.close(),
  };
}
