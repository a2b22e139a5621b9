import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Cell } from "./cells.ts";
import type { Sheet } from "./read-file.ts";
import { readXlsxSheets } from "./xlsx.ts";

/**
 * What the whole-workbook reader (ExcelJS's workbook.xlsx.load, which the import used before it streamed) makes
 * of a file: the streaming reader must read every file the same.
 */
async function wholeWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cellOf = (value: ExcelJS.CellValue): Cell => {
    if (value === null || value === undefined) return null;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return String(value.error);
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      return typeof result === "object" && !(result instanceof Date) ? String((result as { error?: unknown }).error ?? "") : (result as Cell);
    }
    return "text" in value && typeof value.text === "string" ? value.text : null;
  };
  return book.worksheets
    .filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden")
    .map((ws) => {
      const rows: Sheet["rows"] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        const cells: Cell[] = [];
        for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellOf(row.getCell(c).value));
        rows.push({ row: row.number, cells });
      });
      return { name: ws.name, rows };
    });
}

/** Trailing blank cells say nothing (the whole-workbook reader keeps styled empty cells at a row's end). */
const trimmed = (sheets: Sheet[]) => sheets.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, cells: trimEnd(r.cells) })) }));
const trimEnd = (cells: Cell[]) => {
  const out = [...cells];
  while (out.length > 0 && out.at(-1) === null) out.pop();
  return out;
};

const bytesOf = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());

describe("readXlsxSheets", () => {
  it("reads what the whole-workbook reader reads: merged titles, dates, formulas, rich text, errors, hidden sheets", async () => {
    const book = new ExcelJS.Workbook();
    const data = book.addWorksheet("指标");
    data.addRow(["永康—武义飞地 税收月报"]);
    data.mergeCells("A1:E1");
    data.addRow(["统一社会信用代码", "企业名称", "月份", "金额（万元）", "说明"]);
    data.addRow(["91350200776049653A", "永康五金有限公司", new Date(Date.UTC(2024, 2, 1)), 12.5, { richText: [{ text: "更正" }, { text: "说明", font: { bold: true } }] }]);
    data.addRow(["91350200776049653A", null, "2024-04", { formula: "10/4", result: 2.5 }, { formula: "\"文本\"&\"结果\"", result: "文本结果" }]);
    // The enterprise's name merged down its two months: both rows read it.
    data.mergeCells("B3:B4");
    data.addRow([]);
    data.addRow(["9144030071526726XG", { text: "武义电动工具", hyperlink: "https://example.invalid/" }, { formula: "DATE(2024,5,1)", result: new Date(Date.UTC(2024, 4, 1)) }, 0.000001, true]);
    data.addRow([{ error: "#N/A" }, { formula: "1=1", result: true }, { formula: "1/0", result: { error: "#DIV/0!" } }, -1234.5678, false]);
    data.getCell("C3").numFmt = "yyyy\"年\"m\"月\"";
    data.getCell("C6").numFmt = "yyyy-mm-dd";
    const hidden = book.addWorksheet("隐藏");
    hidden.state = "hidden";
    hidden.addRow(["不应读到"]);
    book.addWorksheet("说明").addRow(["第二张表", 1]);
    const bytes = await bytesOf(book);

    const streamed = await readXlsxSheets(bytes);
    expect(trimmed(streamed)).toEqual(trimmed(await wholeWorkbook(bytes)));
    expect(streamed.map((s) => s.name)).toEqual(["指标", "说明"]);
    const rows = streamed[0]?.rows ?? [];
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 6, 7]);
    expect(rows[0]?.cells).toEqual(Array(5).fill("永康—武义飞地 税收月报"));
    expect(rows[2]?.cells).toEqual(["91350200776049653A", "永康五金有限公司", new Date(Date.UTC(2024, 2, 1)), 12.5, "更正说明"]);
    expect(rows[3]?.cells).toEqual(["91350200776049653A", "永康五金有限公司", "2024-04", 2.5, "文本结果"]);
    expect(rows[4]?.cells).toEqual(["9144030071526726XG", "武义电动工具", new Date(Date.UTC(2024, 4, 1)), 0.000001, true]);
    expect(rows[5]?.cells).toEqual(["#N/A", true, "#DIV/0!", -1234.5678, false]);
  });

  it("keeps every Chinese character and every escaped one whole however the parts are split while inflating", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("企业");
    const names = Array.from({ length: 6000 }, (_, i) => `浙江永康&武义<山海>协作第${i}号"企业"有限公司`);
    for (const [i, name] of names.entries()) sheet.addRow([name, `说明${i}：增值税地方留成`, i]);
    const rows = (await readXlsxSheets(await bytesOf(book)))[0]?.rows ?? [];
    expect(rows).toHaveLength(names.length);
    expect(rows.filter((r, i) => r.cells[0] !== names[i] || r.cells[1] !== `说明${i}：增值税地方留成` || r.cells[2] !== i)).toEqual([]);
  });

  it("converts serial dates of the 1904 date system", async () => {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    const sheet = book.addWorksheet("s");
    sheet.addRow(["日期", new Date(Date.UTC(2019, 2, 1))]);
    sheet.getCell("B1").numFmt = "yyyy-mm-dd";
    const bytes = await bytesOf(book);
    const streamed = await readXlsxSheets(bytes);
    expect(streamed[0]?.rows[0]?.cells).toEqual(["日期", new Date(Date.UTC(2019, 2, 1))]);
    expect(streamed).toEqual(await wholeWorkbook(bytes));
  });
});
