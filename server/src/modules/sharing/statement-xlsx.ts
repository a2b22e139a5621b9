// The statement as an XLSX workbook: a summary sheet (run, confirmations, totals), the lines with their figures
// and explanation, and the differences of a restatement. Every text cell passes through safeCell, so nothing in
// a name or rule id ever runs as a formula. Money is shown in yuan (text, exact) and in fen (a number).
import ExcelJS from "exceljs";
import { safeCell } from "../../platform/export.ts";
import { displayAmount, type Statement } from "./statement.ts";

type Cell = string | number | boolean | null | undefined;

/** Fen as a number while it is exact in a spreadsheet (below 2^53), else as text; empty for quantities. */
const fenNumber = (amount: string, unit: string): Cell => (unit !== "fen" ? null : Math.abs(Number(amount)) <= Number.MAX_SAFE_INTEGER ? Number(amount) : amount);

function addRows(sheet: ExcelJS.Worksheet, rows: readonly (readonly Cell[])[]): void {
  for (const row of rows) sheet.addRow(row.map((c) => safeCell(c)));
}

function header(sheet: ExcelJS.Worksheet, cells: readonly string[]): void {
  const row = sheet.addRow(cells.map((c) => safeCell(c)));
  row.font = { bold: true };
}

export async function statementXlsx(s: Statement): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "shanhai";
  const summary = workbook.addWorksheet("结算单 Statement");
  summary.addRow([safeCell(`${s.title.zh} ${s.title.en}`)]).font = { bold: true, size: 14 };
  addRows(summary, [
    ["协议 Agreement", `${s.agreement.titleZh} / ${s.agreement.titleEn}`],
    ["当事方 Party", `${s.party.name} (${s.party.code})`],
    ["期间 Period", s.period.label],
    ["运行 Run", `${s.run.id} (${s.run.kind}, ${s.run.status})`],
    ["更正 Restates", s.run.restatesRunId ?? "—"],
    ["输入指纹 Input fingerprint", s.run.fingerprint],
    ["锁定 Locked at", s.run.lockedAt ?? "not yet: a draft until every party confirms"],
    ["示例数据 Illustrative", s.illustrative ? "yes: illustrative demo data" : "no"],
    [],
  ]);
  header(summary, ["确认方 Confirming party", "确认人 Confirmed by", "角色 Role", "时间 At"]);
  addRows(summary, s.run.confirmations.map((c) => [`${c.partyName} (${c.party})`, c.actorName || "—", c.actorRole || "—", c.confirmedAt ?? "not confirmed"]));
  summary.addRow([]);
  header(summary, ["指标 Measure", "单位 Unit", "累计应得 Due to date", "此前已记 Previously posted", "本期金额 This period", "本期金额（分） This period (fen)"]);
  addRows(summary, s.totals.map((t) => [t.measure, t.unit === "fen" ? "元 yuan" : t.unit, displayAmount(t.dueToDate, t.unit), displayAmount(t.previouslyPosted, t.unit), displayAmount(t.amount, t.unit), fenNumber(t.amount, t.unit)]));
  summary.getColumn(1).width = 30;
  summary.getColumn(2).width = 60;
  for (const c of [3, 4, 5, 6]) summary.getColumn(c).width = 22;

  const lines = workbook.addWorksheet("明细 Lines");
  header(lines, ["行 Line", "条款版本 Terms version", "规则 Rule", "指标 Measure", "单位 Unit", "对象 Subject", "名称 Name", "累计应得 Due to date", "此前已记 Previously posted", "本期金额 This period", "所用数据 Figures used", "计算过程 How it was computed"]);
  addRows(
    lines,
    s.lines.map((l) => [l.lineNo, l.termsVersion, l.rule, l.measure, l.unit, l.subject, l.subjectName, displayAmount(l.dueToDate, l.unit), displayAmount(l.previouslyPosted, l.unit), displayAmount(l.amount, l.unit), l.figures.join("\n"), l.steps.join("\n")]),
  );
  lines.views = [{ state: "frozen", ySplit: 1 }];
  [6, 14, 20, 18, 8, 44, 30, 18, 18, 18, 50, 90].forEach((w, i) => (lines.getColumn(i + 1).width = w));
  lines.getColumn(11).alignment = { wrapText: true, vertical: "top" };
  lines.getColumn(12).alignment = { wrapText: true, vertical: "top" };

  if (s.differences) {
    const diff = workbook.addWorksheet("差异 Differences");
    header(diff, ["条款版本 Terms version", "规则 Rule", "指标 Measure", "对象 Subject", "名称 Name", "原记 Before", "更正后 After", "差额 Difference"]);
    addRows(diff, s.differences.map((d) => [d.termsVersion, d.rule, d.measure, d.subject, d.subjectName, displayAmount(d.before, d.unit), displayAmount(d.after, d.unit), displayAmount(d.difference, d.unit)]));
    [14, 20, 18, 44, 30, 18, 18, 18].forEach((w, i) => (diff.getColumn(i + 1).width = w));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
