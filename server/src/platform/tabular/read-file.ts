// The thin reader: an uploaded XLSX or CSV file to sheets of rows of cells. Everything after this is pure. An
// .xlsx file is read as a stream (./xlsx.ts): a sheet's XML is never held whole, only its rows.
import { DomainError } from "../errors.ts";
import type { Cell } from "./cells.ts";
import { decodeText, parseCsv, type TextEncoding } from "./csv.ts";
import { NotAWorkbook, readXlsxSheets, type RowsAsRead } from "./xlsx.ts";

export type UploadedFile = { fileName: string; bytes: Uint8Array };

/** One row with its spreadsheet row number (1-based, as Excel shows it); cells[0] is column A. */
export type SheetRow = { row: number; cells: Cell[] };

export type Sheet = { name: string; rows: SheetRow[] };

export type Workbook = { format: "xlsx" | "csv"; encoding?: TextEncoding; sheets: Sheet[] };

/** The file cannot be read at all (not XLSX or CSV, or damaged): a 400 naming the file. */
export class UnreadableFile extends DomainError {
  constructor(fileName: string, reason: string) {
    super("validation", "import.unreadable", `Cannot read ${fileName}: ${reason}`, [{ field: "file", value: fileName, message: reason }]);
  }
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The whole file; an .xlsx file's rows are also handed to `asRead` as its sheets inflate. */
export async function readTabularFile(file: UploadedFile, asRead?: RowsAsRead): Promise<Workbook> {
  const name = file.fileName.toLowerCase();
  if (file.bytes.byteLength === 0) throw new UnreadableFile(file.fileName, "the file is empty");
  if (startsWith(file.bytes, oleMagic) || name.endsWith(".xls")) {
    throw new UnreadableFile(file.fileName, "old Excel (.xls) files are not read; save the file as .xlsx or .csv");
  }
  if (startsWith(file.bytes, zipMagic)) return readXlsx(file, asRead);
  if (name.endsWith(".xlsx")) throw new UnreadableFile(file.fileName, "the file is not a valid .xlsx workbook");
  return readCsv(file);
}

function readCsv(file: UploadedFile): Workbook {
  const { text, encoding } = decodeText(file.bytes);
  if (text.includes("\u0000")) throw new UnreadableFile(file.fileName, "the file is not text (CSV) nor an .xlsx workbook");
  const rows = parseCsv(text).map((fields, i) => ({ row: i + 1, cells: fields.map((f): Cell => (f === "" ? null : f)) }));
  return { format: "csv", encoding, sheets: [{ name: file.fileName.replace(/\.[^.]*$/, ""), rows }] };
}

async function readXlsx(file: UploadedFile, asRead: RowsAsRead | undefined): Promise<Workbook> {
  try {
    return { format: "xlsx", sheets: await readXlsxSheets(file.bytes, asRead) };
  } catch (error) {
    if (error instanceof NotAWorkbook) throw new UnreadableFile(file.fileName, "the file is not a valid .xlsx workbook");
    throw new UnreadableFile(file.fileName, `the .xlsx workbook is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
}
