// Checking the rows of a figures file: the measure and its unit, money or quantity, the subject (an enterprise
// by USCC, id or name; an enclave by id or name), the caller's scope, and the same figure twice. Pure: the
// register and the known units are handed in. Every problem names the row and the column as the file writes it.
import type { RecordScope } from "../../platform/authorize.ts";
import { headerOf, rowProblem, type ParsedRow, type Table, type TabularProblem } from "../../platform/tabular/index.ts";
// eslint-disable-next-line no-restricted-imports -- the engine is pure and owns the figures-file format (see figure-import.columns.ts)
import { formatMeasureAmount, measureKeyOf } from "../sharing/engine/index.ts";
import { builtInUnit, figureIdOf, isMoneyUnit, type SubjectKind } from "./figure-identity.ts";
import { figureImportColumns, type FigureImportColumns } from "./figure-import.columns.ts";
import type { SubjectDirectory, SubjectRecord } from "./figure-subjects.ts";

/** A row ready to be written: the figure's identity and value. */
export type StagedFigure = {
  rowNo: number;
  figureId: string;
  subjectKind: SubjectKind;
  enterpriseId: string | null;
  enclaveId: string | null;
  month: string;
  measure: string;
  unit: string;
  amountFen: string | null;
  quantity: string | null;
  reason: string | null;
};

export type CheckedFigureRow = { row: number; problems: TabularProblem[]; figure: StagedFigure | null };

export type CheckContext = {
  subjects: SubjectDirectory;
  /** Units of measures already known (built-in and recorded custom ones). */
  units: ReadonlyMap<string, string>;
  /** Whether the caller may record figures of a subject in this scope. */
  mayRecord(scope: RecordScope): boolean;
};

const measureKeyPattern = /^[a-z][a-z0-9_]{0,63}$/;
const unitPattern = /^[A-Za-z0-9_/%.-]{1,20}$/;

/** Units as officials write them; money in any of its words is "fen" (the amount itself says 元 or 万元). */
const unitWords: Record<string, string> = {
  元: "fen",
  万元: "fen",
  分: "fen",
  yuan: "fen",
  人民币: "fen",
  吨标准煤: "tce",
  吨标煤: "tce",
  亩: "mu",
  吨: "t",
  千瓦时: "kWh",
  度: "kWh",
};

export function unitOf(text: string): string | undefined {
  const word = text.normalize("NFKC").trim();
  const unit = unitWords[word] ?? unitWords[word.toLowerCase()] ?? word;
  return unitPattern.test(unit) ? unit : undefined;
}

/** The header a file's rows stand under (which column is where). */
type Columns = Pick<Table<FigureImportColumns>, "columns">;

/**
 * Checks a file's rows as they come, part by part, remembering what the file said before: a custom measure's
 * unit given on an earlier row, and which figures earlier rows gave.
 */
export function figureChecker(table: Columns, context: CheckContext): (rows: readonly ParsedRow<FigureImportColumns>[]) => CheckedFigureRow[] {
  const newUnits = new Map<string, { unit: string; row: number }>();
  const firstRowOf = new Map<string, number>();
  // A file names the same few subjects on many rows: the caller's scope is decided once for each.
  const allowed = new Map<RecordScope, boolean>();
  const mayRecord = (scope: RecordScope) => {
    let may = allowed.get(scope);
    if (may === undefined) allowed.set(scope, (may = context.mayRecord(scope)));
    return may;
  };
  const rowContext: CheckContext = { ...context, mayRecord };
  return (rows) =>
    rows.map((parsed) => {
      const checked = checkRow(parsed, table, rowContext, newUnits);
      if (checked.figure) {
        const first = firstRowOf.get(checked.figure.figureId);
        if (first !== undefined) {
          checked.problems.push(problem(table, parsed.row, "month", parsed.values.month ?? null, `the same figure (subject, month, measure) as row ${first}; give each figure once per file`));
          checked.figure = null;
        } else firstRowOf.set(checked.figure.figureId, parsed.row);
      }
      return checked;
    });
}

const problem = (table: Columns, row: number, key: keyof FigureImportColumns, value: unknown, message: string) =>
  rowProblem(table, figureImportColumns, row, key, value, message);

function checkRow(
  parsed: ParsedRow<FigureImportColumns>,
  table: Columns,
  context: CheckContext,
  newUnits: Map<string, { unit: string; row: number }>,
): CheckedFigureRow {
  const v = parsed.values;
  const row = parsed.row;
  const problems: TabularProblem[] = [...parsed.problems];
  const fail = (key: keyof FigureImportColumns, value: unknown, message: string) => problems.push(problem(table, row, key, value, message));
  // A cell that could not be read already has its problem; the other cells are still checked.
  const unread = parsed.problems.length === 0 ? undefined : new Set(parsed.problems.map((p) => p.column));
  const readable = (key: keyof FigureImportColumns) => unread === undefined || !unread.has(headerOf(table, figureImportColumns, key));

  const measure = v.measure ? measureKeyOf(v.measure) : undefined;
  let unit: string | undefined;
  if (measure !== undefined && !measureKeyPattern.test(measure)) {
    fail("measure", v.measure, "is not a known measure: write a key such as local_retained_vat or a name such as 增值税地方留成; a custom measure is a lower_snake_case key with its unit in 单位 (Unit)");
  } else if (measure !== undefined) {
    const given = v.unit ? unitOf(v.unit) : undefined;
    if (v.unit && !given) fail("unit", v.unit, "is not a unit: write fen (money), tce, mu, t, kWh …");
    const known = builtInUnit(measure) ?? context.units.get(measure) ?? newUnits.get(measure)?.unit;
    if (known && given && given !== known) fail("unit", v.unit, `${measure} is recorded in ${known}`);
    unit = known ?? given;
    if (!unit && !v.unit) fail("measure", v.measure, `${measure} is a new custom measure: give its unit in 单位 (Unit), "fen" or 元 for money`);
    if (unit && !known) newUnits.set(measure, { unit, row });
  }
  const money = unit !== undefined && isMoneyUnit(unit);
  if (unit && readable("amount") && readable("quantity")) {
    const hasAmount = v.amount !== undefined && v.amount !== null;
    const hasQuantity = v.quantity !== undefined && v.quantity !== null;
    if (money && !hasAmount) fail("amount", null, `${measure} is money: fill 金额 (amount), in 元 or 万元`);
    if (money && hasQuantity) fail("quantity", formatMeasureAmount(v.quantity as bigint, "quantity"), `${measure} is money: give 金额 (amount), not a quantity`);
    if (!money && !hasQuantity) fail("quantity", null, `${measure} is a quantity in ${unit}: fill 数量 (quantity)`);
    if (!money && hasAmount) fail("amount", null, `${measure} is a quantity in ${unit}, not money: give 数量 (quantity)`);
  }

  const subject = readable("enterprise") && readable("enterpriseName") && readable("enclave") ? subjectOf(v, context, fail) : undefined;
  if (subject && !context.mayRecord(subject.scope)) {
    fail(subject.kind === "enclave" ? "enclave" : v.enterprise ? "enterprise" : "enterpriseName", subject.code ?? subject.name, `you may not record figures of this ${subject.kind} (outside your scope)`);
  }
  if (problems.length > 0 || !subject || !unit || !measure || !v.month) return { row, problems, figure: null };

  return {
    row,
    problems,
    figure: {
      rowNo: row,
      figureId: figureIdOf({ subjectKind: subject.kind, subjectId: subject.id, month: v.month, measure }),
      subjectKind: subject.kind,
      enterpriseId: subject.kind === "enterprise" ? subject.id : null,
      enclaveId: subject.kind === "enclave" ? subject.id : null,
      month: v.month,
      measure,
      unit,
      amountFen: money ? (v.amount as string) : null,
      quantity: money ? null : formatMeasureAmount(v.quantity as bigint, "quantity"),
      reason: v.reason ?? null,
    },
  };
}

/** The enterprise (its USCC, id or name) or, with no enterprise, the enclave as a whole. */
function subjectOf(
  v: ParsedRow<FigureImportColumns>["values"],
  context: CheckContext,
  fail: (key: keyof FigureImportColumns, value: unknown, message: string) => void,
): SubjectRecord | undefined {
  const named: [keyof FigureImportColumns, string][] = [];
  if (v.enterprise) named.push(["enterprise", v.enterprise]);
  else if (v.enterpriseName) named.push(["enterpriseName", v.enterpriseName]);
  if (named.length === 0 && v.enclave) {
    const enclave = context.subjects.enclave(v.enclave);
    if ("message" in enclave) fail("enclave", v.enclave, enclave.message);
    else return enclave;
    return undefined;
  }
  const [key, text] = named[0] ?? [];
  if (!key || !text) {
    fail("enterprise", null, "name the enterprise (USCC or name), or only the enclave for a figure of the enclave as a whole");
    return undefined;
  }
  const enterprise = context.subjects.enterprise(text);
  if ("message" in enterprise) {
    fail(key, text, enterprise.message);
    return undefined;
  }
  return enterprise;
}
