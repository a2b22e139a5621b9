// The statement as a PDF (pdfkit, fonts embedded as subsets). Chinese text needs a CJK font: Debian's
// fonts-wqy-microhei. Without it the PDF is refused with a clear error rather than printed as empty boxes.
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { DomainError } from "../../platform/errors.ts";
import { displayAmount, type Statement } from "./statement.ts";

export const cjkFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
const cjkFontFamily = "WenQuanYiMicroHei";

export class StatementFontMissing extends DomainError {
  constructor(path: string) {
    super("unavailable", "statement.font_missing", `PDF statements need the CJK font ${path} (Debian package fonts-wqy-microhei: apt-get install fonts-wqy-microhei). The XLSX and JSON statements work without it.`);
  }
}

type Doc = InstanceType<typeof PDFDocument>;
type Column = { title: string; width: number; align?: "left" | "right" };

const margin = 40;
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - margin) doc.addPage();
}

function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const draw = (cells: readonly string[], bold: boolean) => {
    const heights = cells.map((c, i) => doc.fontSize(8).heightOfString(c, { width: (columns[i]?.width ?? 60) - 4 }));
    const height = Math.max(12, ...heights) + 4;
    ensureRoom(doc, height);
    const y = doc.y;
    let x = margin;
    cells.forEach((c, i) => {
      const col = columns[i] as Column;
      doc.fontSize(8).fillColor(bold ? "#000" : "#222").text(c, x + 2, y + 2, { width: col.width - 4, align: col.align ?? "left" });
      x += col.width;
    });
    doc.moveTo(margin, y + height).lineTo(x, y + height).strokeColor("#bbb").lineWidth(0.5).stroke();
    doc.x = margin;
    doc.y = y + height;
  };
  draw(columns.map((c) => c.title), true);
  for (const row of rows) draw(row, false);
  doc.moveDown(0.8);
}

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 40);
  doc.x = margin;
  doc.fontSize(11).fillColor("#000").text(text);
  doc.moveDown(0.3);
}

export async function statementPdf(s: Statement, fontPath = cjkFontPath): Promise<Buffer> {
  if (!existsSync(fontPath)) throw new StatementFontMissing(fontPath);
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin, info: { Title: `${s.title.en} ${s.party.code} ${s.period.label}`, Creator: "shanhai" } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", fontPath, cjkFontFamily);
  doc.font("cjk");
  doc.fontSize(16).text(`${s.title.zh}  ${s.title.en}`);
  if (s.illustrative) doc.fontSize(9).fillColor("#b00").text("示例数据 Illustrative demo data: terms and figures are invented.").fillColor("#000");
  doc.moveDown(0.5);
  doc.fontSize(9);
  for (const [label, value] of [
    ["协议 Agreement", `${s.agreement.titleZh} / ${s.agreement.titleEn}`],
    ["当事方 Party", `${s.party.name} (${s.party.code})`],
    ["期间 Period", s.period.label],
    ["运行 Run", `${s.run.id}  ${s.run.kind}, ${s.run.status}${s.run.restatesRunId ? `, restates ${s.run.restatesRunId}` : ""}`],
    ["输入指纹 Fingerprint", s.run.fingerprint],
    ["锁定 Locked", s.run.lockedAt ?? "not yet — a draft until every party confirms"],
  ] as const) {
    doc.text(`${label}: ${value}`);
  }
  doc.moveDown(0.6);
  heading(doc, "确认 Confirmations");
  table(
    doc,
    [{ title: "当事方 Party", width: 260 }, { title: "确认人 Confirmed by", width: 220 }, { title: "时间 At", width: 280 }],
    s.run.confirmations.map((c) => [`${c.partyName} (${c.party})`, c.actorName ? `${c.actorName} [${c.actorRole}]` : "—", c.confirmedAt ?? "not confirmed"]),
  );
  heading(doc, "合计 Totals (money in 元 yuan)");
  const amount = (title: string): Column => ({ title, width: 150, align: "right" });
  table(
    doc,
    [{ title: "指标 Measure", width: 200 }, { title: "单位 Unit", width: 60 }, amount("累计应得 Due to date"), amount("此前已记 Posted before"), amount("本期 This period")],
    s.totals.map((t) => [t.measure, t.unit === "fen" ? "元" : t.unit, displayAmount(t.dueToDate, t.unit), displayAmount(t.previouslyPosted, t.unit), displayAmount(t.amount, t.unit)]),
  );
  if (s.differences) {
    heading(doc, "更正差异 Differences from the restated run");
    table(
      doc,
      [{ title: "规则 Rule", width: 140 }, { title: "对象 Subject", width: 250 }, amount("原记 Before"), amount("更正后 After"), { title: "差额 Difference", width: 70, align: "right" }],
      s.differences.map((d) => [`v${d.termsVersion} ${d.rule}`, d.subjectName || d.subject, displayAmount(d.before, d.unit), displayAmount(d.after, d.unit), displayAmount(d.difference, d.unit)]),
    );
  }
  heading(doc, "明细与依据 Lines and how each was computed");
  for (const l of s.lines) {
    ensureRoom(doc, 60);
    doc.x = margin;
    const subject = l.subjectName || l.subject || "—";
    doc.fontSize(9).fillColor("#000").text(`#${l.lineNo}  v${l.termsVersion} ${l.rule} · ${l.measure} · ${subject}   本期 This period ${displayAmount(l.amount, l.unit)} ${l.unit === "fen" ? "元" : l.unit}`);
    doc.fontSize(7).fillColor("#333");
    // Figure ids are shortened to their first 8 characters on paper; the JSON and XLSX statements carry them whole.
    for (const step of l.steps) doc.text(`• ${step.replace(uuidPattern, (id) => `${id.slice(0, 8)}…`)}`, { width: doc.page.width - 2 * margin });
    doc.moveDown(0.5);
  }
  doc.fontSize(7).fillColor("#666").text(`Generated ${s.generatedAt} by shanhai.`);
  doc.end();
  return done;
}
