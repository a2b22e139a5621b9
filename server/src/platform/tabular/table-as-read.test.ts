import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTabularFile } from "./read-file.ts";
import { TableAsRead } from "./table-as-read.ts";
import { readTable, textCell, type ColumnSpecs, type ParsedRow, type TableHead } from "./index.ts";

const columns = {
  code: { zh: "统一社会信用代码", en: "USCC", required: true, parse: textCell() },
  name: { zh: "企业名称", en: "Name", parse: textCell() },
  month: { zh: "月份", en: "Month", parse: textCell() },
} satisfies ColumnSpecs;

/** What a reader is told while the file is read, and what settling says at the end. */
async function readAsTold(bytes: Uint8Array) {
  const told: { head?: TableHead; rows: ParsedRow<typeof columns>[]; calls: number } = { rows: [], calls: 0 };
  const asRead = new TableAsRead(columns, {
    head(head) {
      told.head = head;
    },
    rows(rows) {
      told.rows.push(...rows);
      told.calls += 1;
    },
  });
  const workbook = await readTabularFile({ fileName: "t.xlsx", bytes }, asRead);
  return { told, settled: asRead.settle(workbook), table: readTable(workbook, columns) };
}

async function book(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const b = new ExcelJS.Workbook();
  build(b);
  return new Uint8Array(await b.xlsx.writeBuffer());
}

const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => [`9133072300000000${String(i % 100).padStart(2, "0")}`, `企业${i}`, `2024-${String((i % 12) + 1).padStart(2, "0")}`]);

describe("TableAsRead", () => {
  it("tells the table's head and rows as the sheet inflates, and they are the table readTable reads", async () => {
    const bytes = await book((b) => {
      const s = b.addWorksheet("指标");
      s.addRow(["永康—武义飞地 月报"]);
      s.addRow(["统一社会信用代码", "企业名称", "月份", "备注"]);
      for (const row of rowsOf(20_000)) s.addRow(row);
    });
    const { told, settled, table } = await readAsTold(bytes);
    expect(settled).toBeUndefined();
    const { rows, ...head } = table;
    expect(told.head).toEqual(head);
    expect(told.rows).toEqual(rows);
    expect(told.rows).toHaveLength(20_000);
    // In many parts, not once at the end.
    expect(told.calls).toBeGreaterThan(5);
  });

  it("passes over a first sheet without a header and takes the next", async () => {
    const bytes = await book((b) => {
      b.addWorksheet("说明").addRow(["填表说明：金额单位为万元"]);
      const s = b.addWorksheet("数据");
      s.addRow(["统一社会信用代码", "月份"]);
      for (const row of rowsOf(10)) s.addRow([row[0], row[2]]);
    });
    const { told, settled, table } = await readAsTold(bytes);
    expect(settled).toBeUndefined();
    expect(told.head?.sheet).toBe("数据");
    expect(told.rows).toEqual(table.rows);
  });

  it("gives the whole table instead when the rows told were not it: a hidden sheet, merged cells", async () => {
    const hidden = await book((b) => {
      const h = b.addWorksheet("旧表", { state: "hidden" });
      h.addRow(["统一社会信用代码", "月份"]);
      h.addRow(["913307230000000000", "2020-01"]);
      const s = b.addWorksheet("指标");
      s.addRow(["统一社会信用代码", "月份"]);
      for (const row of rowsOf(5)) s.addRow([row[0], row[2]]);
    });
    const first = await readAsTold(hidden);
    expect(first.told.head?.sheet).toBe("旧表");
    expect(first.settled).toEqual(first.table);
    expect(first.settled?.sheet).toBe("指标");

    // An enterprise's name merged down its months: the rows told lacked it below the first.
    const merged = await book((b) => {
      const s = b.addWorksheet("指标");
      s.addRow(["统一社会信用代码", "企业名称", "月份"]);
      s.addRow(["913307230000000000", "永康五金", "2024-01"]);
      s.addRow(["913307230000000000", null, "2024-02"]);
      s.mergeCells("B2:B3");
    });
    const second = await readAsTold(merged);
    expect(second.told.rows[1]?.values.name).toBeNull();
    expect(second.settled).toEqual(second.table);
    expect(second.settled?.rows[1]?.values.name).toBe("永康五金");
  });

  it("tells nothing of a CSV file, which is read whole: settling gives its table", async () => {
    const asRead = new TableAsRead(columns, { head: () => expect.fail("nothing is told"), rows: () => expect.fail("nothing is told") });
    const workbook = await readTabularFile({ fileName: "t.csv", bytes: new TextEncoder().encode("统一社会信用代码,月份\n913307230000000000,2024-01\n") }, asRead);
    expect(asRead.settle(workbook)).toEqual(readTable(workbook, columns));
  });
});
