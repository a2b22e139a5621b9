// The rows an import writes, column by column, encoded as the database's array parameters, with what the commit
// asks of them besides (their subjects and months, their measures). Plain data: the worker thread that reads a
// file encodes its rows (figure-reading.ts), and the thread that writes them only sends the bytes on.
import { encodeArray, type ElementType, type EncodedArray } from "../../platform/sql-values.ts";
import { monthToDate } from "./figure-identity.ts";
import type { StagedFigure } from "./figure-import.check.ts";

/** Encoded values, or one value for every row (a file's measure, unit, subject kind, its empty reasons). */
export type StagedColumn = EncodedArray | { type: ElementType; same: string | number | null };

export type StagedColumns = {
  count: number;
  rowNos: StagedColumn;
  figureIds: StagedColumn;
  subjectKinds: StagedColumn;
  enterpriseIds: StagedColumn;
  enclaveIds: StagedColumn;
  months: StagedColumn;
  measures: StagedColumn;
  units: StagedColumn;
  amountsFen: StagedColumn;
  quantities: StagedColumn;
  reasons: StagedColumn;
  /** The subjects the rows name, and their first and last month (dates): earlier versions of their figures lie within. */
  subjectIds: string[];
  firstMonth: string | null;
  lastMonth: string | null;
  /** Each (measure, unit) of the rows, once. */
  measurePairs: [string, string][];
};

function column(values: readonly (string | number | null)[], type: ElementType): StagedColumn {
  const first = values[0] ?? null;
  if (values.every((v) => v === first)) return { type, same: first };
  return encodeArray(type, values);
}

export function stagedColumns(rows: readonly StagedFigure[]): StagedColumns {
  const of = (key: keyof StagedFigure, type: ElementType) => column(rows.map((f) => f[key]), type);
  const subjects = new Set<string>();
  const pairs = new Map<string, [string, string]>();
  let first: string | null = null;
  let last: string | null = null;
  for (const f of rows) {
    subjects.add((f.enterpriseId ?? f.enclaveId) as string);
    pairs.set(`${f.measure}\u0000${f.unit}`, [f.measure, f.unit]);
    if (first === null || f.month < first) first = f.month;
    if (last === null || f.month > last) last = f.month;
  }
  const [from, to] = [first as string | null, last as string | null];
  return {
    count: rows.length,
    rowNos: of("rowNo", "integer"),
    figureIds: of("figureId", "uuid"),
    subjectKinds: of("subjectKind", "text"),
    enterpriseIds: of("enterpriseId", "uuid"),
    enclaveIds: of("enclaveId", "uuid"),
    months: column(rows.map((f) => monthToDate(f.month)), "date"),
    measures: of("measure", "text"),
    units: of("unit", "text"),
    amountsFen: of("amountFen", "bigint"),
    quantities: of("quantity", "numeric"),
    reasons: of("reason", "text"),
    subjectIds: [...subjects],
    firstMonth: from && monthToDate(from),
    lastMonth: to && monthToDate(to),
    measurePairs: [...pairs.values()],
  };
}
