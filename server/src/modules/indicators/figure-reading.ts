// Reading and checking a figures file, told as events as it goes: the table's header, then its checked rows part
// by part, while the file is still being read (see TableAsRead). Should the rows told turn out not to be the
// table (another sheet is the table, or cells changed once the whole file was read), a restart is told and the
// table follows from its start. Runs in a worker thread (figure-reader.ts), so the import writes the rows told
// while this reads on; pure of the database: the registers and known units are handed in.
import type { Actor } from "../../platform/actor.ts";
import { decide, type RecordScope } from "../../platform/authorize.ts";
import { readTabularFile, TableAsRead, UnreadableFile, type TableHead, type TabularProblem, type UploadedFile } from "../../platform/tabular/index.ts";
import { figureChecker, type CheckedFigureRow, type StagedFigure } from "./figure-import.check.ts";
import { figureImportColumns } from "./figure-import.columns.ts";
import { directoryOf, type SubjectRegisters } from "./figure-subjects.ts";
import { stagedColumns, type StagedColumns } from "./staged-columns.ts";

export type ReadRequest = {
  file: UploadedFile;
  registers: SubjectRegisters;
  /** Units of the custom measures known so far. */
  units: readonly (readonly [string, string])[];
  /** Whose import: what they may record decides which rows are theirs to import. */
  actor: Actor;
  /** Checked rows are told in parts of about this many. */
  partRows?: number;
  /**
   * How a part's good rows are handed over: encoded as the database's array parameters (an inline import writes
   * them as they come), or as they are (a background import writes them in batches of its own). Encoded unless said.
   */
  staged?: "encoded" | "plain";
};

/** A part of the table's rows, checked: how many, the problems of those refused, and the good ones ready to write. */
export type CheckedPart = { rows: number; rejected: number; problems: TabularProblem[]; figures: StagedColumns | StagedFigure[] };

export type ReadEvent =
  | { kind: "head"; head: TableHead }
  | ({ kind: "rows" } & CheckedPart)
  /** The rows told so far are not the table: forget them; a head and the table's rows follow. */
  | { kind: "restart" }
  | { kind: "end" }
  /** The file cannot be read at all (why: "the file is empty", …). */
  | { kind: "unreadable"; reason: string };

export async function readFigureFile(request: ReadRequest, tell: (event: ReadEvent) => void): Promise<void> {
  const partRows = request.partRows ?? 2500;
  const context = {
    subjects: directoryOf(request.registers),
    units: new Map(request.units),
    mayRecord: (scope: RecordScope) => decide(request.actor, "figure.record", scope).allowed,
  };
  // Set by the first head told: until a sheet's header is found, no row is checked.
  let check: ReturnType<typeof figureChecker> | undefined;
  let part: CheckedFigureRow[] = [];
  // The first part is told sooner, so that writing starts while the next parts are read.
  let partSize = Math.min(1000, partRows);
  const flush = () => {
    if (part.length === 0) return;
    tell({ kind: "rows", ...checkedPart(part, request.staged) });
    part = [];
    partSize = partRows;
  };
  const receiver = {
    head(head: TableHead) {
      check = figureChecker(head, context);
      tell({ kind: "head", head });
    },
    rows(rows: Parameters<ReturnType<typeof figureChecker>>[0]) {
      if (!check) return;
      for (const row of check(rows)) part.push(row);
      if (part.length >= partSize) flush();
    },
  };
  const asRead = new TableAsRead(figureImportColumns, receiver);
  let workbook;
  try {
    workbook = await readTabularFile(request.file, asRead);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    tell({ kind: "unreadable", reason: error.details[0]?.message ?? error.message });
    return;
  }
  flush();
  const table = asRead.settle(workbook);
  if (table) {
    if (check) tell({ kind: "restart" });
    const { rows, ...head } = table;
    receiver.head(head);
    for (let i = 0; i < rows.length; i += partRows) {
      receiver.rows(rows.slice(i, i + partRows));
      flush();
    }
  }
  tell({ kind: "end" });
}

/** Rows as a part: counted, their problems, the good ones (encoded for the database here, off the writing thread). */
export function checkedPart(rows: readonly CheckedFigureRow[], staged: ReadRequest["staged"] = "encoded"): CheckedPart {
  const figures = rows.flatMap((r) => (r.figure ? [r.figure] : []));
  return { rows: rows.length, rejected: rows.length - figures.length, problems: rows.flatMap((r) => r.problems), figures: staged === "plain" ? figures : stagedColumns(figures) };
}

/** A part's good rows encoded for the database (encoded here when the part was told plain). */
export function encodedFigures(part: CheckedPart): StagedColumns {
  return Array.isArray(part.figures) ? stagedColumns(part.figures) : part.figures;
}

/** A part's good rows as they are; the part must have been asked for plain. */
export function plainFigures(part: CheckedPart): StagedFigure[] {
  if (!Array.isArray(part.figures)) throw new Error("the part's rows were told encoded, not plain");
  return part.figures;
}
