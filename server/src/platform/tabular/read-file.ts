// The thin reader: an uploaded XLSX or CSV file to sheets of rows of cells. Everything after this is pure.
import ExcelJS from "exceljs";
import { DomainError } from "../errors.ts";
import type { Cell } from "./cells.ts";
import { decodeText, parseCsv, type TextEncoding } from "./csv.ts";

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

export async function readTabularFile(file: UploadedFile): Promise<Workbook> {
  const name = file.fileName.toLowerCase();
  if (file.bytes.byteLength === 0) throw new UnreadableFile(file.fileName, "the file is empty");
  if (startsWith(file.bytes, oleMagic) || name.endsWith(".xls")) {
    throw new UnreadableFile(file.fileName, "old Excel (.xls) files are not read; save the file as .xlsx or .csv");
  }
  if (startsWith(file.bytes, zipMagic)) return readXlsx(file);
  if (name.endsWith(".xlsx")) throw new UnreadableFile(file.fileName, "the file is not a valid .xlsx workbook");
  return readCsv(file);
}

function readCsv(file: UploadedFile): Workbook {
  const { text, encoding } = decodeText(file.bytes);
  if (text.includes("\u0000")) throw new UnreadableFile(file.fileName, "the file is not text (CSV) nor an .xlsx workbook");
  const rows = parseCsv(text).map((fields, i) => ({ row: i + 1, cells: fields.map((f): Cell => (f === "" ? null : f)) }));
  return { format: "csv", encoding, sheets: [{ name: file.fileName.replace(/\.[^.]*$/, ""), rows }] };
}

async function readXlsx(file: UploadedFile): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(file.fileName, `the .xlsx workbook is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheets = workbook.worksheets
    .filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden")
    .map((ws) => {
      const rows: SheetRow[] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        const cells: Cell[] = [];
        for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellOf(row.getCell(c).value));
        rows.push({ row: row.number, cells });
      });
      return { name: ws.name, rows };
    });
  return { format: "xlsx", sheets };
}

/** ExcelJS cell values (formulas, rich text, hyperlinks, errors) to the plain cell the parsers know. */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    return typeof result === "object" && !(result instanceof Date) ? String((result as { error?: unknown }).error ?? "") : (result as Cell);
  }
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === "string" ? text : typeof text === "object" && text && "richText" in text ? (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("") : null;
  }
  return null;
}
