// Tabular import, the platform piece every import reuses: read an uploaded XLSX or CSV (UTF-8 or GBK), find the
// header row, map Chinese or English headers to columns, parse cells exactly; problems name the row and column.
// Pure and free of HTTP, so services may import it (runImport is the course of every import; directory.ts resolves
// regions and enclaves by code or name); routes take uploads from ./upload.ts and add theirs with ./import-routes.ts.
export {
  booleanCell,
  cellText,
  choiceCell,
  codeCell,
  dateCell,
  decimalToFen,
  integerCell,
  isBlankCell,
  listCell,
  moneyCell,
  moneyUnitOfHeader,
  numberToDecimalText,
  textCell,
  type Cell,
  type CellContext,
  type CellParser,
  type CellResult,
  type MoneyUnit,
} from "./cells.ts";
export { decodeText, parseCsv, type TextEncoding } from "./csv.ts";
export { byName, enclaveLookup, listAll, regionLookup, type EnclaveLookup, type NamedRecord, type RegionLookup } from "./directory.ts";
export {
  ImportRejected,
  rowProblem,
  runImport,
  type CheckedRow,
  type ImportMode,
  type ImportProgress,
  type ImportReport,
  type WriteCounts,
} from "./import-run.ts";
export { readTabularFile, UnreadableFile, type Sheet, type SheetRow, type UploadedFile, type Workbook } from "./read-file.ts";
export { TableAsRead, type TableReceiver } from "./table-as-read.ts";
export {
  findHeaderRow,
  headerOf,
  matchHeader,
  normaliseHeader,
  problemValue,
  readSheet,
  readTable,
  templateHeaders,
  type ColumnSpec,
  type ColumnSpecs,
  type HeaderOptions,
  type MappedColumn,
  type ParsedRow,
  type RowValues,
  type Table,
  type TableHead,
  type TabularProblem,
} from "./table.ts";
export type { RowsAsRead } from "./xlsx.ts";
