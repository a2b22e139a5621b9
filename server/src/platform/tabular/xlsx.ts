// Reading an .xlsx workbook as a stream: ExcelJS's streaming WorkbookReader unzips the file part by part (the
// workbook, its relations, styles and shared strings, put before the sheets by ./zip-order.ts), and the rows of
// each sheet are read here, from the sheet's XML as it inflates (and handed on as they are, if asked: RowsAsRead). Three things ExcelJS's own streaming sheet reader gets wrong are why: it decodes each chunk
// of a part on its own, so a Chinese character split between two chunks turns into U+FFFD (names, headers and
// measures were silently changed); it reads a formula's boolean, error or date result as a number; and it
// ignores merged cells, which the whole-workbook reader filled with the merged value (a title row merged across
// the sheet, an enterprise merged down its months). Rows here are plain arrays of cells, which also makes
// reading a large sheet about twice as quick as ExcelJS's streaming reader with its Row and Cell objects. ExcelJS
// is pinned (package.json): this file uses four of its reader's internal methods, and xlsx.test.ts checks the
// result against its whole-workbook reader.
import { PassThrough, Readable, type Stream } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell } from "./cells.ts";
import type { Sheet, SheetRow } from "./read-file.ts";
import { workbookPartsFirst } from "./zip-order.ts";

/** What this file needs of ExcelJS's WorkbookReader beyond its typings (it keeps them on itself). */
type ReaderState = {
  model?: { sheets?: { name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  sharedStrings?: string[];
};

type SheetPart = { name: string; state?: string; iterator: AsyncIterable<Buffer | string> };

/** The part as text decoded across chunk boundaries (ExcelJS's parsers pass strings through untouched). */
function utf8Text(entry: Stream): PassThrough {
  const text = new PassThrough();
  text.setEncoding("utf8");
  entry.pipe(text);
  return text;
}

type Internals = { _parseRels(entry: Stream): Promise<void>; _parseWorkbook(entry: Stream): Promise<void>; _parseStyles(entry: Stream): Promise<void> };
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Internals;

/** ExcelJS's streaming reader with whole characters in every part, and plain strings for shared strings. */
class WholeCharacterReader extends ExcelJS.stream.xlsx.WorkbookReader {
  stylesRead = false;
  _parseRels(entry: Stream): Promise<void> {
    return base._parseRels.call(this, utf8Text(entry));
  }
  _parseWorkbook(entry: Stream): Promise<void> {
    return base._parseWorkbook.call(this, utf8Text(entry));
  }
  async _parseStyles(entry: Stream): Promise<void> {
    await base._parseStyles.call(this, utf8Text(entry));
    this.stylesRead = true;
  }
  /** Rich text is kept as its plain text, which is all an import reads of it; phonetic guides are left out. */
  // eslint-disable-next-line require-yield -- ExcelJS delegates to it with yield*; the strings are kept, not yielded
  async *_parseSharedStrings(entry: Stream): AsyncGenerator<never> {
    const strings: string[] = [];
    let text: string | null = null;
    let phonetic = false;
    let inText = false;
    await scanXml(utf8Text(entry), {
      open(name) {
        if (name === "si") text = "";
        else if (name === "rPh") phonetic = true;
        else if (name === "t" && !phonetic) inText = true;
      },
      close(name) {
        if (name === "si") strings.push(text ?? "");
        else if (name === "rPh") phonetic = false;
        else if (name === "t") inText = false;
      },
      text(value) {
        if (inText && text !== null) text += value;
      },
    });
    (this as unknown as ReaderState).sharedStrings = strings;
  }
}

type XmlHandler = {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  text(value: string): void;
};

const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return entities[name] ?? whole;
  });
}

/**
 * A small XML scanner for the machine-written parts of a workbook: elements (namespace prefixes dropped), their
 * raw attribute text and the text between them (entities decoded). Comments, processing instructions and the
 * declaration are skipped; CDATA is text.
 */
async function scanXml(chunks: AsyncIterable<Buffer | string>, handler: XmlHandler): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  const scan = (buf: string, final: boolean): string => {
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) {
        // Text at the end of a chunk may go on in the next one (an entity such as &amp; may be cut in two).
        if (!final) return buf.slice(pos);
        if (pos < buf.length) handler.text(decodeXml(buf.slice(pos)));
        return "";
      }
      if (lt > pos) handler.text(decodeXml(buf.slice(pos, lt)));
      const c = buf.charCodeAt(lt + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        const cdata = buf.startsWith("<![CDATA[", lt);
        const end = cdata ? "]]>" : buf.startsWith("<!--", lt) ? "-->" : ">";
        const at = buf.indexOf(end, lt + 2);
        if (at < 0) return final ? "" : buf.slice(lt);
        if (cdata) handler.text(buf.slice(lt + 9, at));
        pos = at + end.length;
        continue;
      }
      let gt = buf.indexOf(">", lt);
      // A ">" inside a quoted attribute value does not end the tag.
      while (gt >= 0 && quotesOpen(buf, lt, gt)) gt = buf.indexOf(">", gt + 1);
      if (gt < 0) return final ? "" : buf.slice(lt);
      if (c === 47 /* / */) handler.close(localName(buf.slice(lt + 2, gt)));
      else {
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        const tag = buf.slice(lt + 1, selfClosing ? gt - 1 : gt);
        const name = localName(tag);
        handler.open(name, tag, selfClosing);
        if (selfClosing) handler.close(name);
      }
      pos = gt + 1;
    }
  };
  for await (const chunk of chunks) rest = scan(rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })), false);
  scan(rest + decoder.decode(), true);
}

function quotesOpen(buf: string, from: number, to: number): boolean {
  let quote = 0;
  for (let i = from; i < to; i += 1) {
    const c = buf.charCodeAt(i);
    if (quote === 0 && (c === 34 || c === 39)) quote = c;
    else if (c === quote) quote = 0;
  }
  return quote !== 0;
}

function localName(tag: string): string {
  let end = 0;
  while (end < tag.length) {
    const c = tag.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    end += 1;
  }
  const colon = tag.lastIndexOf(":", end);
  return tag.slice(colon + 1, end);
}

/** The value of one attribute in a tag's raw text. */
function attribute(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}=`);
  if (at < 0) return undefined;
  const quote = tag[at + name.length + 2];
  const start = at + name.length + 3;
  const end = tag.indexOf(quote as string, start);
  return end < 0 ? undefined : tag.slice(start, end);
}

/** "AB12" to its column number (28) and row (12); the row is 0 when the reference has none. */
function cellAddress(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return { col, row: Number(ref.slice(i)) || 0 };
}

/** Excel's test for a date format: after quoted text and [bracketed] parts, any of y m d h s b. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** As ExcelJS converts a serial date: days since 1899-12-30 (or 1904-01-01), at UTC. */
const excelToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

type Merge = { top: number; left: number; bottom: number; right: number };

/** A number cell whose style is not known yet (styles.xml can come after the sheet in the file). */
type StyledNumber = { sheet: string; cells: Cell[]; index: number; style: number };

/**
 * Rows handed on as a sheet inflates, before the file has been read to its end (an import checks and writes
 * them meanwhile). Rows handed on can still change once the whole file is read: `changed` then names the sheet.
 */
export type RowsAsRead = {
  /** The next rows of a sheet (hidden sheets too), in order; one sheet's rows come in many calls. */
  rows(sheet: string, rows: readonly SheetRow[]): void | Promise<void>;
  /** Rows of this sheet already handed on changed: merged ranges were filled, or numbers became dates. */
  changed(sheet: string): void;
};

/** The chunks of a part, with `after` called once each chunk has been scanned. */
async function* scanning(chunks: AsyncIterable<Buffer | string>, after: () => void | Promise<void>): AsyncGenerator<Buffer | string> {
  for await (const chunk of chunks) {
    yield chunk;
    await after();
  }
}

async function readSheetRows(part: SheetPart, reader: WholeCharacterReader, styledLater: StyledNumber[], asRead?: RowsAsRead): Promise<{ rows: SheetRow[]; merges: Merge[] }> {
  const state = reader as unknown as ReaderState;
  const shared = state.sharedStrings ?? [];
  const dateStyles = new Map<number, boolean>();
  const date1904 = () => state.properties?.model?.date1904 === true;
  const isDateStyle = (style: number) => {
    let known = dateStyles.get(style);
    if (known === undefined) dateStyles.set(style, (known = isDateFormat(state.styles.getStyleModel(style)?.numFmt)));
    return known;
  };
  const rows: SheetRow[] = [];
  const merges: Merge[] = [];
  let row: SheetRow | null = null;
  let lastRow = 0;
  let col = 0;
  // The cell being read: its type and style, its value text, and whether that text is being read now.
  let type = "";
  let style = 0;
  let value: string | null = null;
  let inValue = false;
  let phonetic = false;

  const endCell = () => {
    if (!row || col < 1) return;
    let cell = cellValue(type, value, shared);
    while (row.cells.length < col - 1) row.cells.push(null);
    if (typeof cell === "number" && style > 0) {
      if (!reader.stylesRead || !state.model) styledLater.push({ sheet: part.name, cells: row.cells, index: col - 1, style });
      else if (isDateStyle(style)) cell = excelToDate(cell, date1904());
    }
    row.cells[col - 1] = cell;
  };

  let handedOn = 0;
  const handOn = async () => {
    if (!asRead || handedOn === rows.length) return;
    const next = rows.slice(handedOn);
    handedOn = rows.length;
    await asRead.rows(part.name, next);
  };
  await scanXml(asRead ? scanning(part.iterator, handOn) : part.iterator, {
    open(name, tag) {
      switch (name) {
        case "row": {
          const r = Number(attribute(tag, "r"));
          lastRow = r > 0 ? r : lastRow + 1;
          row = { row: lastRow, cells: [] };
          col = 0;
          break;
        }
        case "c": {
          const ref = attribute(tag, "r");
          col = ref ? cellAddress(ref).col : col + 1;
          type = attribute(tag, "t") ?? "n";
          style = Number(attribute(tag, "s") ?? 0);
          value = null;
          break;
        }
        case "v":
        case "is":
          if (row) value = "";
          inValue = name === "v";
          break;
        case "t":
          inValue = value !== null && !phonetic;
          break;
        case "rPh":
          phonetic = true;
          break;
        case "mergeCell": {
          const [from, to] = (attribute(tag, "ref") ?? "").split(":");
          if (from && to) {
            const a = cellAddress(from);
            const b = cellAddress(to);
            merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
          }
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case "c":
          endCell();
          break;
        case "row":
          if (row && row.cells.some((c) => c !== null)) rows.push(row);
          row = null;
          break;
        case "v":
        case "t":
          inValue = false;
          break;
        case "rPh":
          phonetic = false;
          break;
      }
    },
    text(text) {
      if (inValue) value += text;
    },
  });
  await handOn();
  if (merges.length > 0) asRead?.changed(part.name);
  return { rows, merges };
}

/** A cell's value by its type: shared string, inline or formula string, boolean, error, ISO date or number. */
function cellValue(type: string, text: string | null, shared: readonly string[]): Cell {
  if (text === null) return null;
  switch (type) {
    case "s":
      return shared[Number(text)] ?? null;
    case "str":
    case "inlineStr":
      return text;
    case "b":
      return Number(text) !== 0;
    case "e":
      return text;
    case "d": {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default: {
      if (text.trim() === "") return null;
      const number = Number(text);
      return Number.isNaN(number) ? text : number;
    }
  }
}

/** Every cell of a merged range shows the value of its first cell, as in the whole-workbook reader. */
function fillMerges(rows: SheetRow[], merges: readonly Merge[]): SheetRow[] {
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  const lastRow = rows.at(-1)?.row ?? 0;
  const lastCol = Math.max(0, ...rows.map((r) => r.cells.length));
  for (const m of merges) {
    const master = byNumber.get(m.top)?.cells[m.left - 1] ?? null;
    if (master === null) continue;
    // A range merged to the end of the sheet is filled only as far as the sheet has values.
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r += 1) {
      let target = byNumber.get(r);
      if (!target) byNumber.set(r, (target = { row: r, cells: [] }));
      for (let c = m.left; c <= Math.min(m.right, lastCol); c += 1) {
        while (target.cells.length < c - 1) target.cells.push(null);
        target.cells[c - 1] = master;
      }
    }
  }
  return [...byNumber.values()].sort((a, b) => a.row - b.row);
}

/** No xl/workbook.xml: a zip file, but not a workbook. */
export class NotAWorkbook extends Error {}

/** The visible sheets of an .xlsx file, in the workbook's order, with their rows (handed on as read, if asked). */
export async function readXlsxSheets(bytes: Uint8Array, asRead?: RowsAsRead): Promise<Sheet[]> {
  const ordered = workbookPartsFirst(bytes);
  const reader = new WholeCharacterReader(Readable.from([Buffer.from(ordered.buffer, ordered.byteOffset, ordered.byteLength)]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  const state = reader as unknown as ReaderState;
  const styledLater: StyledNumber[] = [];
  const sheets: { name: string; state: string | undefined; rows: SheetRow[]; merges: Merge[] }[] = [];
  for await (const worksheet of reader) {
    const part = worksheet as unknown as SheetPart;
    sheets.push({ name: part.name, state: part.state, ...(await readSheetRows(part, reader, styledLater, asRead)) });
  }
  if (!state.model) throw new NotAWorkbook("the file is a zip archive but not an .xlsx workbook");
  const date1904 = state.properties?.model?.date1904 === true;
  for (const { sheet, cells, index, style } of styledLater) {
    const cell = cells[index];
    if (typeof cell === "number" && isDateFormat(state.styles.getStyleModel(style)?.numFmt)) {
      cells[index] = excelToDate(cell, date1904);
      asRead?.changed(sheet);
    }
  }
  const order = (state.model.sheets ?? []).map((s) => s.name);
  return sheets
    .filter((s) => s.state !== "hidden" && s.state !== "veryHidden")
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))
    .map(({ name, rows, merges }) => ({ name, rows: merges.length === 0 ? rows : fillMerges(rows, merges) }));
}
