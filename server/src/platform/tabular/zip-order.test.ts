import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { workbookPartsFirst } from "./zip-order.ts";

/** The entries of a zip in file order, by their local headers, inflated. */
function localEntries(bytes: Uint8Array): { name: string; text: string }[] {
  const buffer = Buffer.from(bytes);
  const entries: { name: string; text: string }[] = [];
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const compressed = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const dataAt = at + 30 + nameLength + buffer.readUInt16LE(at + 28);
    const data = buffer.subarray(dataAt, dataAt + compressed);
    entries.push({ name: buffer.toString("latin1", at + 30, at + 30 + nameLength), text: (method === 8 ? inflateRawSync(data) : data).toString("utf8") });
    at = dataAt + compressed;
  }
  return entries;
}

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("指标");
  sheet.addRow(["统一社会信用代码", "月份", "金额（万元）"]);
  for (let i = 0; i < 50; i += 1) sheet.addRow([`代码${i}`, new Date(Date.UTC(2024, i % 12, 1)), i / 4]);
  sheet.getColumn(2).numFmt = "yyyy-mm";
  book.addWorksheet("说明").addRow(["第二张表"]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("workbookPartsFirst", () => {
  it("puts the workbook, its relations, styles and shared strings before the sheets, every part unchanged", async () => {
    const bytes = await workbook();
    const before = localEntries(bytes);
    // As Excel and ExcelJS write it: the sheets come first.
    expect(before.findIndex((e) => e.name.startsWith("xl/worksheets/"))).toBeLessThan(before.findIndex((e) => e.name === "xl/sharedStrings.xml"));
    const after = localEntries(workbookPartsFirst(bytes));
    expect(after.slice(0, 4).map((e) => e.name)).toEqual(["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"]);
    expect([...after].sort((x, y) => x.name.localeCompare(y.name))).toEqual([...before].sort((x, y) => x.name.localeCompare(y.name)));
  });

  it("makes a zip that a whole-file reader opens the same, by its central directory", async () => {
    const bytes = await workbook();
    const load = async (b: Uint8Array) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(b as unknown as ArrayBuffer);
      return book.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues() }));
    };
    expect(await load(workbookPartsFirst(bytes))).toEqual(await load(bytes));
  });

  it("leaves alone what it cannot copy safely: not a zip, a cut-off zip, a zip already in order", async () => {
    const bytes = await workbook();
    const text = new TextEncoder().encode("月份,金额\n2024-01,1\n");
    expect(workbookPartsFirst(text)).toBe(text);
    const cut = bytes.subarray(0, bytes.length - 30);
    expect(workbookPartsFirst(cut)).toBe(cut);
    const ordered = workbookPartsFirst(bytes);
    expect(workbookPartsFirst(ordered)).toBe(ordered);
  });
});
