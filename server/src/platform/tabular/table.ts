// From rows of cells to typed rows: find the header row (title rows may stand above it), map the headers the
// file uses (Chinese or English) to the import's columns, and parse every cell. Pure: no I/O.
import { isBlankCell, type Cell, type CellParser } from "./cells.ts";
import type { Sheet, SheetRow, Workbook } from "./read-file.ts";

/** One column an import understands. */
export type ColumnSpec<T> = {
  /** Header in the Chinese and English template; also accepted in files. */
  zh: string;
  en: string;
  /** Other headers accepted for this column (compared without case, spaces, punctuation or full-width forms). */
  aliases?: readonly string[];
  /** A required column must be in the file, and every row must fill it. */
  required?: boolean;
  /** Called only for non-blank cells. */
  parse: CellParser<T>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ColumnSpecs = Record<string, ColumnSpec<any>>;

/** A row's values: null where the cell is blank; undefined where the file has no such column. */
export type RowValues<C extends ColumnSpecs> = { [K in keyof C]?: (C[K] extends ColumnSpec<infer T> ? T : never) | null };

/** A problem in a file: the spreadsheet row (1-based) and the header as the file writes it. */
export type TabularProblem = { row: number; column: string; value: string | number | boolean | null; message: string };

export type ParsedRow<C extends ColumnSpecs> = { row: number; values: RowValues<C>; problems: TabularProblem[] };

export type MappedColumn = { key: string; header: string; index: number };

/** A table without its rows: where it stands and what its header says. */
export type TableHead = Omit<Table<ColumnSpecs>, "rows">;

export type Table<C extends ColumnSpecs> = {
  sheet: string;
  /** Spreadsheet row of the header; 0 when none was found. */
  headerRow: number;
  /** The import's columns found in the file, with the header as written. */
  columns: MappedColumn[];
  /** Headers in the file that no column claims (ignored). */
  ignoredHeaders: string[];
  /** Problems with the file as a whole (no header row, a required column missing, a column given twice). */
  fileProblems: TabularProblem[];
  rows: ParsedRow<C>[];
};

/** Header text reduced for comparison: NFKC, lower case, no spaces, punctuation or required-marks. */
export function normaliseHeader(header: string): { full: string; base: string } {
  const text = header.normalize("NFKC").toLowerCase();
  const squash = (s: string) => s.replace(/[\s*＊:：_\-–—/.·()[\]【】{}<>《》"'“”‘’]/g, "");
  return { full: squash(text), base: squash(text.replace(/[([【{<《][^)\]】}>》]*[)\]】}>》]/g, "")) };
}

/** Which column a header names: an exact match of the whole header wins over a match without its brackets. */
export function matchHeader(header: string, columns: ColumnSpecs): string | undefined {
  const { full, base } = normaliseHeader(header);
  if (full === "") return undefined;
  const namesOf = (spec: ColumnSpec<unknown>) => [spec.zh, spec.en, ...(spec.aliases ?? [])].map((n) => normaliseHeader(n));
  const entries = Object.entries(columns).map(([key, spec]) => ({ key, names: namesOf(spec) }));
  return (
    entries.find((e) => e.names.some((n) => n.full === full))?.key ??
    entries.find((e) => e.names.some((n) => n.full === base || (n.base === base && base !== "")))?.key
  );
}

/** Reads the first sheet that has a header row (the first sheet when none has one). */
export function readTable<C extends ColumnSpecs>(workbook: Workbook, columns: C, options: HeaderOptions = {}): Table<C> {
  return readSheet(tableSheet(workbook, columns, options), columns, options);
}

/** The sheet readTable reads. */
export function tableSheet(workbook: Workbook, columns: ColumnSpecs, options: HeaderOptions = {}): Sheet {
  return workbook.sheets.find((sheet) => findHeaderRow(sheet.rows, columns, options) !== undefined) ?? workbook.sheets[0] ?? { name: "", rows: [] };
}

export type HeaderOptions = {
  /** How many known headers make a row the header row (default: 2, or all columns when fewer). */
  minMatches?: number;
  /** How far down the header row may stand (default 30 rows). */
  searchRows?: number;
};

/** The index (into rows) of the first row that names enough of the columns. */
export function findHeaderRow(rows: readonly SheetRow[], columns: ColumnSpecs, options: HeaderOptions = {}): number | undefined {
  const need = options.minMatches ?? Math.min(2, Object.keys(columns).length);
  const limit = Math.min(rows.length, options.searchRows ?? 30);
  for (let i = 0; i < limit; i += 1) {
    const matched = new Set(rows[i]?.cells.map((c) => (typeof c === "string" ? matchHeader(c, columns) : undefined)).filter((k) => k !== undefined));
    if (matched.size >= need) return i;
  }
  return undefined;
}

export function readSheet<C extends ColumnSpecs>(sheet: Sheet, columns: C, options: HeaderOptions = {}): Table<C> {
  const headerIndex = findHeaderRow(sheet.rows, columns, options);
  const head = tableHead(sheet.name, headerIndex === undefined ? undefined : sheet.rows[headerIndex], columns);
  const rows = headerIndex === undefined ? [] : dataRows(sheet.rows.slice(headerIndex + 1), head, columns);
  return { ...head, rows };
}

/** What a sheet's header row (undefined: none found) says: the columns found, those ignored, the file's problems. */
export function tableHead(sheet: string, headerRow: SheetRow | undefined, columns: ColumnSpecs): TableHead {
  if (headerRow === undefined) {
    const expected = Object.values(columns).filter((c) => c.required).map((c) => c.zh);
    return {
      sheet,
      columns: [],
      ignoredHeaders: [],
      headerRow: 0,
      fileProblems: [{ row: 0, column: "", value: null, message: `no header row found; the file needs headers such as ${expected.join(", ")}` }],
    };
  }
  const mapped: MappedColumn[] = [];
  const ignoredHeaders: string[] = [];
  const fileProblems: TabularProblem[] = [];
  headerRow.cells.forEach((cell, index) => {
    if (isBlankCell(cell)) return;
    const header = String(cell).trim();
    const key = matchHeader(header, columns);
    if (key === undefined) ignoredHeaders.push(header);
    else if (mapped.some((m) => m.key === key)) {
      const first = mapped.find((m) => m.key === key) as MappedColumn;
      fileProblems.push({ row: headerRow.row, column: header, value: header, message: `is the same column as "${first.header}"; keep one of them` });
    } else mapped.push({ key, header, index });
  });
  for (const [key, spec] of Object.entries(columns)) {
    if (spec.required && !mapped.some((m) => m.key === key)) {
      fileProblems.push({ row: headerRow.row, column: spec.zh, value: null, message: `the required column ${spec.zh} (${spec.en}) is missing` });
    }
  }
  return { sheet, headerRow: headerRow.row, columns: mapped, ignoredHeaders, fileProblems };
}

/** Rows below the header, parsed (rows of blank cells only are left out). */
export function dataRows<C extends ColumnSpecs>(rows: readonly SheetRow[], head: TableHead, columns: C): ParsedRow<C>[] {
  return rows.filter((r) => r.cells.some((c) => !isBlankCell(c))).map((r) => parseRow(r, head.columns, columns));
}

function parseRow<C extends ColumnSpecs>(sheetRow: SheetRow, mapped: readonly MappedColumn[], columns: C): ParsedRow<C> {
  const values: Record<string, unknown> = {};
  const problems: TabularProblem[] = [];
  for (const column of mapped) {
    const spec = columns[column.key] as ColumnSpec<unknown>;
    const cell: Cell = sheetRow.cells[column.index] ?? null;
    if (isBlankCell(cell)) {
      values[column.key] = null;
      if (spec.required) problems.push({ row: sheetRow.row, column: column.header, value: null, message: "is required" });
      continue;
    }
    const result = spec.parse(cell, { header: column.header });
    if (result.ok) values[column.key] = result.value;
    else problems.push({ row: sheetRow.row, column: column.header, value: problemValue(cell), message: result.message });
  }
  return { row: sheetRow.row, values: values as RowValues<C>, problems };
}

/** The cell as a problem shows it back to the official. */
export function problemValue(cell: Cell): string | number | boolean | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  return typeof cell === "string" ? cell.trim() : cell;
}

/** The header a problem names for a column key: as the file writes it, else the template's Chinese header. */
export function headerOf(table: Pick<Table<ColumnSpecs>, "columns">, columns: ColumnSpecs, key: string): string {
  return table.columns.find((c) => c.key === key)?.header ?? columns[key]?.zh ?? key;
}

/** Headers of an empty template, in the order of the column list. */
export function templateHeaders(columns: ColumnSpecs, lang: "zh" | "en"): string[] {
  return Object.values(columns).map((c) => c[lang]);
}
