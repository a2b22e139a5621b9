// A table read while its file is still being read (an .xlsx file inflates sheet by sheet, see xlsx.ts): the
// first sheet whose first rows hold a header row is taken, and its rows are parsed and handed on as they come, so
// an import can check and write them meanwhile. Whether that is the table readTable finds in the whole file is
// known only at the end — another sheet may come first in the workbook's order, the sheet may be hidden, merged
// cells may be filled in or numbers turn into dates once the styles are read — so `settle` then says whether the
// rows handed on hold, or gives the table as readTable reads it, to be taken instead. Pure: no I/O.
import type { Workbook, SheetRow } from "./read-file.ts";
import { dataRows, findHeaderRow, readSheet, tableHead, tableSheet, type ColumnSpecs, type HeaderOptions, type ParsedRow, type Table, type TableHead } from "./table.ts";
import type { RowsAsRead } from "./xlsx.ts";

export type TableReceiver<C extends ColumnSpecs> = {
  head(head: TableHead): void | Promise<void>;
  rows(rows: ParsedRow<C>[]): void | Promise<void>;
};

export class TableAsRead<C extends ColumnSpecs> implements RowsAsRead {
  /** The sheet taken, and its header. */
  private taken: { sheet: string; head: TableHead } | undefined;
  /** The sheet being looked at for a header, and its rows so far. */
  private looking: { sheet: string; rows: SheetRow[] } | undefined;
  private readonly passed = new Set<string>();
  private readonly changedSheets = new Set<string>();

  private readonly columns: C;
  private readonly receiver: TableReceiver<C>;
  private readonly options: HeaderOptions;

  constructor(columns: C, receiver: TableReceiver<C>, options: HeaderOptions = {}) {
    this.columns = columns;
    this.receiver = receiver;
    this.options = options;
  }

  async rows(sheet: string, rows: readonly SheetRow[]): Promise<void> {
    if (this.taken) {
      if (sheet === this.taken.sheet) await this.receiver.rows(dataRows(rows, this.taken.head, this.columns));
      return;
    }
    if (this.passed.has(sheet)) return;
    if (this.looking?.sheet !== sheet) this.looking = { sheet, rows: [] };
    const seen = this.looking.rows;
    seen.push(...rows);
    const at = findHeaderRow(seen, this.columns, this.options);
    if (at !== undefined) {
      const head = tableHead(sheet, seen[at], this.columns);
      this.taken = { sheet, head };
      this.looking = undefined;
      await this.receiver.head(head);
      await this.receiver.rows(dataRows(seen.slice(at + 1), head, this.columns));
    } else if (seen.length >= (this.options.searchRows ?? 30)) {
      this.passed.add(sheet);
      this.looking = undefined;
    }
  }

  changed(sheet: string): void {
    this.changedSheets.add(sheet);
  }

  /** After the whole file was read: undefined when the rows handed on are the table, else the table to take instead. */
  settle(workbook: Workbook): Table<C> | undefined {
    const sheet = tableSheet(workbook, this.columns, this.options);
    if (this.taken && this.taken.sheet === sheet.name && !this.changedSheets.has(sheet.name)) return undefined;
    return readSheet(sheet, this.columns, this.options);
  }
}
