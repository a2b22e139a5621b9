// Figures from a spreadsheet, for simulations without a database: one row per subject, month and measure, read
// with the platform's tabular reader (Chinese or English headers, 元/万元 converted exactly, dates, GBK). A row
// may also carry its enterprise's production start and the enclave it was resident in that month: the facts the
// schedule and coverage need. Every problem names its row and column; the caller rejects the file if any.
import {
  cellText,
  dateCell,
  integerCell,
  moneyCell,
  readTable,
  textCell,
  type CellParser,
  type ColumnSpecs,
  type TabularProblem,
  type Workbook,
} from "../../../platform/tabular/index.ts";
import { parseMeasureAmount } from "./measures.ts";
import { lastDayOf, monthOfDate } from "./periods.ts";
import type { EnclaveFacts, EnterpriseFacts, Figure, MeasureKind, SubjectFacts } from "./types.ts";

/** Month cells: 2024-03, 2024/3, 2024年3月, 202403, or any date in the month. */
export const monthCell: CellParser<string> = (cell, context) => {
  const text = cellText(cell).normalize("NFKC");
  const match = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(text);
  if (match) {
    const month = Number(match[2] ?? match[3]);
    if (month >= 1 && month <= 12) return { ok: true, value: `${match[1]}-${String(month).padStart(2, "0")}` };
  }
  const date = dateCell()(cell, context);
  return date.ok ? { ok: true, value: monthOfDate(date.value) } : { ok: false, message: "is not a month; write it as 2024-03 or 2024年3月" };
};

/** A quantity in the measure's unit, up to 6 decimals; thousands separators allowed. */
export const quantityCell: CellParser<bigint> = (cell) => {
  const text = cellText(cell).normalize("NFKC").replace(/\s+/g, "");
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return { ok: false, message: "is not a number" };
  const value = parseMeasureAmount(text.replace(/,/g, ""), "quantity");
  return value === undefined ? { ok: false, message: "has more than 6 decimal places" } : { ok: true, value };
};

const measureNames: Record<string, string> = {
  增值税地方留成: "local_retained_vat",
  地方留成增值税: "local_retained_vat",
  企业所得税地方留成: "local_retained_cit",
  地方留成企业所得税: "local_retained_cit",
  其他地方税收: "other_local_tax",
  增加值: "value_added",
  工业总产值: "industrial_output",
  工业产值: "industrial_output",
  投资额: "investment",
  固定资产投资: "investment",
  能耗指标: "energy_quota",
  用地指标: "land_quota",
  排放指标: "emissions_quota",
};

/** A measure as a file names it (增值税地方留成, 能耗指标 …, or the key itself) as its key. */
export function measureKeyOf(text: string): string {
  return measureNames[text.trim()] ?? text.trim();
}

export const figureColumns = {
  id: { zh: "数据编号", en: "Figure id", aliases: ["figure", "编号"], parse: textCell({ maxLength: 100 }) },
  version: { zh: "版本", en: "Version", parse: integerCell({ min: 1 }) },
  enterprise: { zh: "企业", en: "Enterprise", aliases: ["统一社会信用代码", "USCC", "企业编号", "enterprise id"], parse: textCell({ maxLength: 64 }) },
  enclave: { zh: "飞地", en: "Enclave", aliases: ["所在飞地", "入驻飞地", "enclave id"], parse: textCell({ maxLength: 64 }) },
  month: { zh: "月份", en: "Month", aliases: ["所属期", "period"], required: true, parse: monthCell },
  measure: { zh: "指标", en: "Measure", aliases: ["指标代码", "measure key"], required: true, parse: textCell({ maxLength: 64 }) },
  amount: { zh: "金额", en: "Amount", parse: moneyCell({ allowNegative: true }) },
  quantity: { zh: "数量", en: "Quantity", parse: quantityCell },
  productionStart: { zh: "投产日期", en: "Production start", aliases: ["投产时间"], parse: dateCell() },
} satisfies ColumnSpecs;

export type FiguresTable = { figures: Figure[]; facts: SubjectFacts; problems: TabularProblem[]; warnings: string[] };

/**
 * Reads figures; `measures` are the measures the terms share (key → kind). Rows of other measures are kept out
 * with a warning, since a department's sheet often holds more than one agreement needs.
 */
export function figuresFromWorkbook(workbook: Workbook, measures: ReadonlyMap<string, MeasureKind>, source: string): FiguresTable {
  const table = readTable(workbook, figureColumns);
  const problems: TabularProblem[] = [...table.fileProblems];
  const warnings: string[] = [];
  const header = (key: keyof typeof figureColumns) => table.columns.find((c) => c.key === key)?.header ?? figureColumns[key].zh;
  const figures: Figure[] = [];
  const enterprises = new Map<string, EnterpriseFacts>();
  const enclaves = new Map<string, EnclaveFacts>();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    problems.push(...row.problems);
    const v = row.values;
    if (row.problems.length > 0 || !v.month || !v.measure) continue;
    const fail = (key: keyof typeof figureColumns, value: string | null, message: string) => problems.push({ row: row.row, column: header(key), value, message });
    const measure = measureKeyOf(v.measure);
    const kind = measures.get(measure);
    if (!kind) {
      warnings.push(`row ${row.row}: measure ${v.measure} is not shared by these terms; the row is not used`);
      continue;
    }
    if (!v.enterprise && !v.enclave) {
      fail("enterprise", null, "name the enterprise, or the enclave for a figure of the enclave as a whole");
      continue;
    }
    const value = kind === "money" ? (v.amount == null ? undefined : BigInt(v.amount)) : (v.quantity ?? undefined);
    if (value === undefined) {
      fail(kind === "money" ? "amount" : "quantity", null, `${measure} is ${kind === "money" ? "money: fill 金额 (amount)" : "a quantity: fill 数量 (quantity)"}`);
      continue;
    }
    if (kind === "money" ? v.quantity != null : v.amount != null) {
      fail(kind === "money" ? "quantity" : "amount", null, `${measure} takes ${kind === "money" ? "an amount, not a quantity" : "a quantity, not an amount"}`);
      continue;
    }
    const id = v.id || `${source}#${row.row}`;
    const version = v.version ?? 1;
    const key = `${id}@${version}`;
    if (seen.has(key)) {
      fail("id", id, `figure ${id} version ${version} is already given in row ${seen.get(key)}`);
      continue;
    }
    seen.set(key, row.row);
    const subject = v.enterprise ? { kind: "enterprise" as const, id: v.enterprise } : { kind: "enclave" as const, id: v.enclave as string };
    figures.push({ id, version, subject, month: v.month, measure, value });
    const start = v.productionStart ?? null;
    if (subject.kind === "enterprise") {
      const facts = enterprises.get(subject.id) ?? { id: subject.id, productionStart: null, residencies: [] };
      enterprises.set(subject.id, facts);
      if (start && facts.productionStart && facts.productionStart !== start) fail("productionStart", start, `differs from ${facts.productionStart} given earlier for ${subject.id}`);
      facts.productionStart ??= start;
      if (v.enclave) facts.residencies.push({ enclave: v.enclave, from: `${v.month}-01`, to: lastDayOf(v.month) });
    } else {
      const facts = enclaves.get(subject.id) ?? { id: subject.id, productionStart: null };
      enclaves.set(subject.id, facts);
      if (start && facts.productionStart && facts.productionStart !== start) fail("productionStart", start, `differs from ${facts.productionStart} given earlier for ${subject.id}`);
      facts.productionStart ??= start;
    }
  }
  if (!problems.length && figures.length === 0 && table.rows.length > 0) warnings.push("no row holds a measure these terms share");
  return { figures, facts: { enterprises: [...enterprises.values()], enclaves: [...enclaves.values()] }, problems, warnings };
}
