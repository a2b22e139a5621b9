// Importing figures from XLSX or CSV. An import is keyed by the file's SHA-256 and the mode: the same file again
// finds the earlier import and changes nothing. Its course (check every row, write the good rows in batches,
// commit) is kept in indicators_import, so it can stop anywhere (a crash, a stop) and resume where it stopped:
// each batch is written with the import's count in one transaction (one table row per batch, see
// imports.repository.ts), and the rows become figure versions only in the commit, all together, by one INSERT ...
// SELECT. Every file is read and checked in a worker thread (figure-reader.ts). Small files import during the
// request, the rows checked so far becoming figure versions meanwhile, all in the commit's one transaction.
// Larger ones run as a background job: read whole, then written in batches.
import { createHash } from "node:crypto";
import type { FigureImport, FigureImportMode, FigureImportProblem } from "../../../../contracts/indicators.ts";
import type { Actor } from "../../platform/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import { auditingDenials, authorize, readFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound, ValidationFailed } from "../../platform/errors.ts";
import type { Jobs } from "../../platform/jobs.ts";
import type { Page } from "../../platform/listing.ts";
import { ImportRejected, UnreadableFile, type ImportProgress, type TableHead, type UploadedFile } from "../../platform/tabular/index.ts";
import type { StagedFigure } from "./figure-import.check.ts";
import { createFigureReader } from "./figure-reader.ts";
import { encodedFigures, plainFigures, type ReadEvent, type ReadRequest } from "./figure-reading.ts";
import { loadRegisters, type IndicatorDependencies } from "./figure-subjects.ts";
import { customMeasureUnits } from "./figures.repository.ts";
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

/** A figures file read whole: its rows' count, their problems and its own, and the good rows. */
type WholeFile = { rows: number; rejected: number; problems: FigureImportProblem[]; fileProblems: FigureImportProblem[]; good: StagedFigure[] };

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

  /**
   * A background import: its file is read and checked whole in the reader's thread (this one answers other
   * requests meanwhile), then the good rows are written in batches; false when the file was rejected.
   */
  async function checkAndWrite(record: ImportRow, signal: AbortSignal | undefined, onProgress?: (progress: ImportProgress) => void): Promise<boolean> {
    const { id } = record;
    const read = await readWhole(await startReading({ fileName: record.fileName, bytes: await loadImportFile(db, id) }, record.actor as Actor, "plain"), onProgress);
    const refuse = (rows: number, rejected: number, problems: FigureImportProblem[]) => updateImport(db, id, { status: "rejected", rows, toWrite: 0, rejected, problems });
    if ("unreadable" in read) {
      await refuse(0, 0, [{ row: 0, column: "", value: record.fileName, message: new UnreadableFile(record.fileName, read.unreadable).message }]);
      return false;
    }
    if (read.fileProblems.length > 0) {
      await refuse(read.rows, read.rows, read.fileProblems);
      return false;
    }
    if (record.mode === "all_or_nothing" && read.rejected > 0) {
      await refuse(read.rows, read.rejected, read.problems);
      return false;
    }
    // What an earlier run of this import wrote: kept when still good, taken back when not.
    const earlier = await writtenRows(db, id);
    const goodRows = new Set(read.good.map((f) => f.rowNo));
    const taken = await unwriteRows(db, id, earlier.done, [...earlier.rows].filter((n) => !goodRows.has(n)));
    for (const n of taken.removed) earlier.rows.delete(n);
    let done = taken.done;
    await updateImport(db, id, { status: "writing", rows: read.rows, toWrite: read.good.length, rejected: read.rejected, problems: read.problems });
    for (let i = 0; i < read.good.length; i += settings.batchSize) {
      if (signal?.aborted) throw new Error("the import was stopped; it resumes where it stopped");
      // Written as it goes, so that it shows its progress and resumes where it stopped.
      done = await writeBatch(db, id, done, read.good.slice(i, i + settings.batchSize).filter((f) => !earlier.rows.has(f.rowNo)));
      onProgress?.({ phase: "writing", done: Math.min(i + settings.batchSize, read.good.length), total: read.good.length });
    }
    return true;
  }

  /** A file read to its end: how many rows, the problems, the good rows (a restart forgets what came before it). */
  async function readWhole(reading: Reading, onProgress?: (progress: ImportProgress) => void): Promise<WholeFile | { unreadable: string }> {
    const whole: WholeFile = { rows: 0, rejected: 0, problems: [], fileProblems: [], good: [] };
    try {
      for (let step = await reading.first; !step.done; step = await reading.next()) {
        const event = step.value;
        if (event.kind === "unreadable") return { unreadable: event.reason };
        if (event.kind === "restart") Object.assign(whole, { rows: 0, rejected: 0, problems: [], good: [] });
        else if (event.kind === "head") whole.fileProblems = event.head.fileProblems;
        else if (event.kind === "rows") {
          whole.rows += event.rows;
          whole.rejected += event.rejected;
          whole.problems.push(...event.problems);
          whole.good.push(...plainFigures(event));
          onProgress?.({ phase: "checking", done: whole.rows, total: whole.rows });
        }
      }
      return whole;
    } finally {
      await reading.stop();
    }
  }

  /**
   * Starts reading a file in the reader's thread: its first event is asked for at once, so that the thread reads
   * while this one records the import and the commit takes its locks.
   */
  async function startReading(file: UploadedFile, actor: Actor, staged: ReadRequest["staged"] = "encoded"): Promise<Reading> {
    const [registers, units] = await Promise.all([loadRegisters(deps), customMeasureUnits(db)]);
    const events = reader.read({ file, registers, units: [...units], actor, staged })[Symbol.asyncIterator]();
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
          const figures = encodedFigures(event);
          outcome.rows += event.rows;
          outcome.toWrite += figures.count;
          outcome.rejected += event.rejected;
          outcome.problems.push(...event.problems);
          // The file's length is known only at its end: each part's progress counts the rows read so far.
          onProgress?.({ phase: "checking", done: outcome.rows, total: outcome.rows });
          // Once a row is refused, a file imported all or nothing writes nothing more: it will be rolled back.
          const refused = (head?.fileProblems.length ?? 0) > 0 || (record.mode === "all_or_nothing" && outcome.rejected > 0);
          if (!refused) await rows.write(figures);
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
