// Lists leave as CSV (UTF-8 with BOM, so Excel opens Chinese text) or XLSX. Text that a spreadsheet would run as
// a formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe: exported cells never execute.
import ExcelJS from "exceljs";

export type ExportColumn<T> = {
  zh: string;
  en: string;
  value: (record: T) => string | number | boolean | null | undefined;
};

export type ExportFile = { body: Buffer; contentType: string; fileName: string };

const formulaStart = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | boolean | null | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" && formulaStart.test(value) && !/^-?\d+(\.\d+)?$/.test(value)) return `'${value}`;
  return value;
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function exportRecords<T>(
  records: readonly T[],
  columns: readonly ExportColumn<T>[],
  options: { format: "csv" | "xlsx"; lang: "zh" | "en"; name: string },
): Promise<ExportFile> {
  const headers = columns.map((c) => c[options.lang]);
  const rows = records.map((r) => columns.map((c) => safeCell(c.value(r))));
  if (options.format === "csv") {
    const lines = [headers, ...rows].map((row) => row.map(csvField).join(","));
    return {
      body: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8"),
      contentType: "text/csv; charset=utf-8",
      fileName: `${options.name}.csv`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "shanhai";
  const sheet = workbook.addWorksheet(options.name.slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(50, Math.max(10, (headers[i]?.length ?? 10) * 2));
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    body,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `${options.name}.xlsx`,
  };
}
