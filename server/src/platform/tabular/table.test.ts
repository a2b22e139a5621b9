import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { codeCell, dateCell, integerCell, moneyCell, textCell } from "./cells.ts";
import { readTabularFile, UnreadableFile } from "./read-file.ts";
import { matchHeader, readTable, templateHeaders, type ColumnSpecs } from "./table.ts";

const columns = {
  uscc: { zh: "统一社会信用代码", en: "USCC", required: true, parse: codeCell() },
  nameZh: { zh: "企业名称", en: "Name (zh)", aliases: ["名称"], required: true, parse: textCell() },
  nameEn: { zh: "英文名称", en: "Name (en)", parse: textCell() },
  employees: { zh: "从业人数", en: "Employees", parse: integerCell({ min: 0 }) },
  foundedOn: { zh: "成立日期", en: "Founded on", parse: dateCell() },
  capital: { zh: "注册资本（万元）", en: "Registered capital (10k yuan)", aliases: ["注册资本"], parse: moneyCell() },
} satisfies ColumnSpecs;

async function xlsxOf(rows: unknown[][], sheetName = "企业"): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("matchHeader", () => {
  it("accepts Chinese and English headers, ignoring case, spaces, full-width forms and units", () => {
    expect(matchHeader("统一社会信用代码*", columns)).toBe("uscc");
    expect(matchHeader(" uscc ", columns)).toBe("uscc");
    expect(matchHeader("Name (EN)", columns)).toBe("nameEn");
    expect(matchHeader("Name（zh）", columns)).toBe("nameZh");
    expect(matchHeader("注册资本（元）", columns)).toBe("capital");
    expect(matchHeader("备注", columns)).toBeUndefined();
  });
});

describe("readTable on an XLSX file", () => {
  it("finds the header below title rows and parses typed cells with spreadsheet row numbers", async () => {
    const bytes = await xlsxOf([
      ["永康—武义山海协作 入驻企业名录"],
      ["填报单位：武义县经济商务局", null, "2024年"],
      ["统一社会信用代码", "企业名称", "从业人数", "成立日期", "注册资本（万元）", "备注"],
      ["91350200776049653A", "永康五金有限公司", 1234, new Date(Date.UTC(2015, 5, 30)), 1234.5678, "x"],
      [],
      ["9144030071526726XG", "武义电动工具有限公司", "1,200", "2019年3月1日", "50", null],
    ]);
    const table = readTable(await readTabularFile({ fileName: "名录.xlsx", bytes }), columns);
    expect(table.headerRow).toBe(3);
    expect(table.fileProblems).toEqual([]);
    expect(table.ignoredHeaders).toEqual(["备注"]);
    expect(table.rows).toEqual([
      {
        row: 4,
        values: { uscc: "91350200776049653A", nameZh: "永康五金有限公司", employees: 1234, foundedOn: "2015-06-30", capital: "1234567800" },
        problems: [],
      },
      {
        row: 6,
        values: { uscc: "9144030071526726XG", nameZh: "武义电动工具有限公司", employees: 1200, foundedOn: "2019-03-01", capital: "50000000" },
        problems: [],
      },
    ]);
  });

  it("reports every bad cell with its row, the header as written and the value", async () => {
    const bytes = await xlsxOf([
      ["USCC", "Name (zh)", "Employees", "Founded on"],
      ["91350200776049653A", null, "-4", "2023-02-30"],
    ]);
    const table = readTable(await readTabularFile({ fileName: "e.xlsx", bytes }), columns);
    expect(table.rows[0]?.problems).toEqual([
      { row: 2, column: "Name (zh)", value: null, message: "is required" },
      { row: 2, column: "Employees", value: "-4", message: "must not be negative" },
      { row: 2, column: "Founded on", value: "2023-02-30", message: expect.stringContaining("not a calendar date") },
    ]);
  });

  it("reports a missing required column, a repeated column and a file without headers", async () => {
    const missing = readTable(await readTabularFile({ fileName: "m.xlsx", bytes: await xlsxOf([["企业名称", "名称", "从业人数"], ["a", "b", 1]]) }), columns);
    expect(missing.fileProblems).toEqual([
      { row: 1, column: "名称", value: "名称", message: 'is the same column as "企业名称"; keep one of them' },
      { row: 1, column: "统一社会信用代码", value: null, message: "the required column 统一社会信用代码 (USCC) is missing" },
    ]);
    const none = readTable(await readTabularFile({ fileName: "n.xlsx", bytes: await xlsxOf([["a", "b"], [1, 2]]) }), columns);
    expect(none.headerRow).toBe(0);
    expect(none.fileProblems[0]?.message).toContain("no header row found");
  });

  it("reads formula results and rich text", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("s");
    sheet.addRow(["USCC", "企业名称", "从业人数"]);
    sheet.addRow([{ richText: [{ text: "913502007760" }, { text: "49653A" }] }, "甲", { formula: "10*2", result: 20 }]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const table = readTable(await readTabularFile({ fileName: "f.xlsx", bytes }), columns);
    expect(table.rows[0]?.values).toEqual({ uscc: "91350200776049653A", nameZh: "甲", employees: 20 });
  });

  it("uses the first sheet that has a header row", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("说明").addRow(["填表说明：每行一家企业"]);
    const data = book.addWorksheet("数据");
    data.addRow(["USCC", "企业名称"]);
    data.addRow(["91350200776049653A", "甲"]);
    const table = readTable(await readTabularFile({ fileName: "w.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) }), columns);
    expect(table.sheet).toBe("数据");
    expect(table.rows).toHaveLength(1);
  });
});

describe("readTable on CSV", () => {
  it("reads a GBK CSV with a title row", async () => {
    const text = "企业名录\r\n统一社会信用代码,企业名称,注册资本（元）\r\n91350200776049653A,永康五金有限公司,\"1,200.50\"\r\n";
    const workbook = await readTabularFile({ fileName: "名录.csv", bytes: iconv.encode(text, "gbk") });
    expect(workbook.encoding).toBe("gbk");
    const table = readTable(workbook, columns);
    expect(table.headerRow).toBe(2);
    expect(table.rows).toEqual([{ row: 3, values: { uscc: "91350200776049653A", nameZh: "永康五金有限公司", capital: "120050" }, problems: [] }]);
  });

  it("reads UTF-8 with a BOM and English headers", async () => {
    const bytes = Buffer.from("\uFEFFUSCC,Name (zh),Name (en)\n9144030071526726XG,深圳某公司,Shenzhen Co.\n", "utf8");
    const table = readTable(await readTabularFile({ fileName: "e.csv", bytes }), columns);
    expect(table.rows[0]?.values).toEqual({ uscc: "9144030071526726XG", nameZh: "深圳某公司", nameEn: "Shenzhen Co." });
  });
});

describe("readTabularFile", () => {
  it("refuses old .xls, damaged .xlsx and empty files with a clear reason", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readTabularFile({ fileName: "a.xls", bytes: xls })).rejects.toThrow(/save the file as .xlsx/);
    await expect(readTabularFile({ fileName: "a.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) })).rejects.toBeInstanceOf(UnreadableFile);
    await expect(readTabularFile({ fileName: "a.csv", bytes: new Uint8Array() })).rejects.toThrow(/empty/);
  });
});

describe("templateHeaders", () => {
  it("lists the headers in column order", () => {
    expect(templateHeaders(columns, "zh")).toEqual(["统一社会信用代码", "企业名称", "英文名称", "从业人数", "成立日期", "注册资本（万元）"]);
  });
});
