import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import {
  annualSplit,
  figuresFromWorkbook,
  parsePeriod,
  postedBefore,
  presentSettlement,
  settlePeriod,
  settlementRows,
  validateTerms,
  type MeasureKind,
  type Settlement,
  type SharingTerms,
} from "../../server/src/modules/sharing/engine/index.ts";
import { ValidationFailed } from "../../server/src/platform/errors.ts";
import { exportRecords, type ExportColumn } from "../../server/src/platform/export.ts";
import { readTabularFile } from "../../server/src/platform/tabular/index.ts";
import type { Command } from "./index.ts";
import { UsageError } from "./usage-error.ts";

// Benefit sharing from files alone, with no database: officials can try terms on their own spreadsheets before
// anything is recorded. Output goes to stdout.
export const sharingCommand: Command = {
  summary: "benefit sharing from files: simulate a settlement, validate a terms file (no database)",
  help: `shanhai sharing simulate --terms TERMS.json --figures FIGURES.csv|xlsx [--period 2024|2024-03|2024-Q1] [--format json|csv]
shanhai sharing validate --terms TERMS.json

simulate  Splits the figures by the terms. Without --period: the split of every calendar year in the figures.
          With --period: what that month, quarter or year settles, as if every earlier period of the year had
          been settled on the same figures (year to date minus what those would have posted).
validate  Checks a terms file and lists every problem.

Figures: one row per enterprise (or enclave), month and measure. Headers in Chinese or English:
  企业 Enterprise, 飞地 Enclave (where the enterprise was resident that month; alone: a figure of the enclave),
  月份 Month (2024-03), 指标 Measure (e.g. local_retained_vat), 金额 Amount (元 or 万元: 金额（万元）),
  数量 Quantity (quotas, in the measure's unit), 投产日期 Production start, 数据编号 Figure id, 版本 Version.
Terms format: docs/sharing/terms-format.md. Amounts in the output are integer fen for money.`,
  async run(args) {
    const [action, ...rest] = args;
    const { values } = parseArgs({
      args: rest,
      options: { terms: { type: "string" }, figures: { type: "string" }, period: { type: "string" }, format: { type: "string", default: "json" } },
    });
    if (action !== "simulate" && action !== "validate") throw new UsageError('name an action: "shanhai sharing simulate …" or "shanhai sharing validate …"');
    if (!values.terms) throw new UsageError("--terms FILE is required");
    const terms = await readTerms(values.terms);
    if (action === "validate") {
      process.stdout.write(`${values.terms}: valid (${terms.rules.length} rules, ${terms.guaranteedReturns.length} guaranteed returns)\n`);
      return 0;
    }
    if (!values.figures) throw new UsageError("--figures FILE is required");
    if (values.format !== "json" && values.format !== "csv") throw new UsageError("--format must be json or csv");
    const period = values.period === undefined ? undefined : parsePeriod(values.period);
    if (values.period !== undefined && !period) throw new UsageError(`--period must be a year (2024), a month (2024-03) or a quarter (2024-Q1), got "${values.period}"`);

    const fileName = basename(values.figures);
    const bytes = new Uint8Array(await readFile(values.figures));
    const measures = new Map<string, MeasureKind>(terms.rules.map((r) => [r.measure.key, r.measure.kind]));
    const table = figuresFromWorkbook(await readTabularFile({ fileName, bytes }), measures, fileName);
    if (table.problems.length > 0) {
      throw new ValidationFailed(
        table.problems.map((p) => ({ row: p.row, column: p.column, value: p.value, message: p.message })),
        `${fileName}: ${table.problems.length} problem${table.problems.length > 1 ? "s" : ""}; nothing was computed`,
      );
    }
    const { figures, facts } = table;
    const settlements: Settlement[] = period
      ? [settlePeriod({ terms, period, figures, facts, posted: postedBefore({ terms, period, figures, facts }) })]
      : [...new Set(figures.map((f) => Number(f.month.slice(0, 4))))].sort((a, b) => a - b).map((year) => annualSplit(terms, year, figures, facts));

    if (values.format === "csv") {
      const rows = settlements.flatMap((s) => settlementRows(s, terms));
      const file = await exportRecords(rows, csvColumns, { format: "csv", lang: "en", name: "sharing" });
      process.stdout.write(file.body);
    } else {
      const output = { terms: { id: terms.id, version: terms.version }, figures: { file: fileName, used: figures.length }, warnings: table.warnings, settlements: settlements.map((s) => presentSettlement(s, terms)) };
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    }
    for (const warning of [...table.warnings, ...settlements.flatMap((s) => s.warnings)]) process.stderr.write(`shanhai: warning: ${warning}\n`);
    return 0;
  },
};

async function readTerms(path: string): Promise<SharingTerms> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read the terms file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = validateTerms(json);
  if (!result.ok) {
    throw new ValidationFailed(
      result.problems.map((p) => ({ field: p.path, message: p.message })),
      `${path}: ${result.problems.length} problem${result.problems.length > 1 ? "s" : ""} in the terms`,
    );
  }
  return result.terms;
}

const column = (key: string, en: string): ExportColumn<Record<string, string>> => ({ zh: en, en, value: (r) => r[key] ?? "" });
const csvColumns = [
  column("period", "period"),
  column("kind", "kind"),
  column("rule", "rule"),
  column("measure", "measure"),
  column("unit", "unit"),
  column("subject", "subject"),
  column("party", "party"),
  column("partyName", "party_name"),
  column("share", "share"),
  column("ytdTotal", "ytd_total"),
  column("dueToDate", "due_to_date"),
  column("previouslyPosted", "previously_posted"),
  column("amount", "amount"),
  column("figures", "figures"),
  column("explanation", "explanation"),
];
