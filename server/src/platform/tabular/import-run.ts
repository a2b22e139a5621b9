// The course every register import takes: read the file, check every row (problems name the row and the column
// as the file writes it), then, unless the mode refuses the whole file for a bad row, write the good rows in
// batches of one transaction each. Modules supply only their checks and their writes. Pure of HTTP.
import { ValidationFailed, type ErrorDetail } from "../errors.ts";
import { readTabularFile, type UploadedFile } from "./read-file.ts";
import { headerOf, readTable, type ColumnSpecs, type Table, type TabularProblem } from "./table.ts";

/** all_or_nothing: any bad row refuses the file and nothing is written; valid_rows: the good rows are written. */
export type ImportMode = "all_or_nothing" | "valid_rows";

/** What an import did (the API's ImportOutcome). */
export type ImportReport = { rows: number; created: number; updated: number; unchanged: number; rejected: number; problems: TabularProblem[]; warnings: TabularProblem[] };

export type ImportProgress = { phase: "checking" | "writing"; done: number; total: number };

export type WriteCounts = { created: number; updated: number; unchanged: number };

/**
 * A checked row: a module's candidate carries at least its row and its problems (none: it will be written), and
 * may carry warnings (written all the same, with something to look at).
 */
export type CheckedRow = { row: number; problems: TabularProblem[]; warnings?: TabularProblem[] };

/** The file is refused as a whole: nothing was written. Details name each row and column. */
export class ImportRejected extends ValidationFailed {
  readonly outcome: ImportReport;
  constructor(outcome: ImportReport) {
    const badRows = new Set(outcome.problems.map((p) => p.row)).size;
    super(
      outcome.problems.map((p): ErrorDetail => ({ row: p.row, column: p.column, value: p.value, message: p.message })),
      `The file was not imported: ${outcome.problems.length} problem${outcome.problems.length === 1 ? "" : "s"} in ${badRows} row${badRows === 1 ? "" : "s"}; nothing was written.`,
      "import.rejected",
    );
    this.outcome = outcome;
  }
}

export async function runImport<C extends ColumnSpecs, R extends CheckedRow>(spec: {
  file: UploadedFile;
  columns: C;
  mode: ImportMode;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  batchSize?: number;
  /** Checks every row; may read (the register, other modules' doors), never writes. */
  check(table: Table<C>): Promise<R[]>;
  /** Writes good rows in one transaction, reading the register again inside it. */
  write(batch: R[]): Promise<WriteCounts>;
}): Promise<ImportReport> {
  const batchSize = spec.batchSize ?? 500;
  const table = readTable(await readTabularFile(spec.file), spec.columns);
  const outcome: ImportReport = { rows: table.rows.length, created: 0, updated: 0, unchanged: 0, rejected: 0, problems: [], warnings: [] };
  if (table.fileProblems.length > 0) throw new ImportRejected({ ...outcome, rejected: outcome.rows, problems: table.fileProblems });

  const candidates = await spec.check(table);
  spec.onProgress?.({ phase: "checking", done: table.rows.length, total: table.rows.length });
  const good = candidates.filter((c) => c.problems.length === 0);
  outcome.rejected = candidates.length - good.length;
  outcome.problems = candidates.flatMap((c) => c.problems);
  outcome.warnings = good.flatMap((c) => c.warnings ?? []);
  if (spec.mode === "all_or_nothing" && outcome.rejected > 0) throw new ImportRejected(outcome);

  for (let i = 0; i < good.length; i += batchSize) {
    const counts = await spec.write(good.slice(i, i + batchSize));
    outcome.created += counts.created;
    outcome.updated += counts.updated;
    outcome.unchanged += counts.unchanged;
    spec.onProgress?.({ phase: "writing", done: Math.min(i + batchSize, good.length), total: good.length });
  }
  return outcome;
}

/**
 * A problem with one cell of a row. `key` is the import's column key (the problem names the header as the file
 * writes it, else the template's Chinese header) or, for a field no column carries, the field's name.
 */
export function rowProblem(table: Pick<Table<ColumnSpecs>, "columns">, columns: ColumnSpecs, row: number, key: string, value: unknown, message: string): TabularProblem {
  const shown = value === undefined ? null : typeof value === "object" && value !== null ? JSON.stringify(value) : (value as string | number | boolean | null);
  return { row, column: headerOf(table, columns, key), value: shown, message };
}
