// The indicators module's one door: observed figures per enterprise or enclave, month and measure, versioned,
// and their import from XLSX or CSV (background jobs for large files). Settlement reads figures through
// figuresForSettlement.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import type { Jobs } from "../../platform/jobs.ts";
import { defaultUploadLimitBytes } from "../../platform/tabular/upload.ts";
import { createFigureImportService, defaultImportSettings, importQueue, type FigureImportService, type ImportRunChoice, type ImportSettings } from "./figure-import.service.ts";
import type { IndicatorDependencies } from "./figure-subjects.ts";
import { normaliseDecimal } from "./figure-identity.ts";
import { packedSettlementVersions, packedVersionsOfSubjects, settlementVersions, versionsByIdentity, type PackedSubjectRow } from "./figures.repository.ts";
import { createFiguresService, type FiguresService } from "./figures.service.ts";
import { indicatorsRoutes } from "./indicators.routes.ts";

export { figureIdOf } from "./figure-identity.ts";
export { defaultImportSettings, importQueue };
export type { FigureImportService, FiguresService, ImportRunChoice, ImportSettings, IndicatorDependencies };

/** One figure as settlement reads it: the newest version as of the moment asked. */
export type FigureVersionRow = {
  /** The figure's identity (subject, month, measure), the same for every version. */
  figureId: string;
  version: number;
  subjectKind: "enterprise" | "enclave";
  subjectId: string;
  /** "YYYY-MM" */
  month: string;
  measure: string;
  /** "fen" for money, else the quantity's unit. */
  unit: string;
  /** Money: integer fen; null for a quantity. */
  amountFen: bigint | null;
  /** A quantity as an exact decimal ("1200.5"); null for money. */
  quantity: string | null;
};

/**
 * For every (subject, month, measure) from `fromMonth` to `toMonth` (inclusive, "YYYY-MM"), its newest version
 * recorded at or before `asOf` (default: now). Subjects: the enterprises in `enterpriseIds` and the enclaves in
 * `enclaveIds` (figures of an enclave as a whole); when neither list is given, every subject. `measures`
 * limits the measures. Ordered by subject kind, subject, month and measure.
 */
export async function figuresForSettlement(
  db: Db,
  query: { enterpriseIds?: string[]; enclaveIds?: string[]; measures?: string[]; fromMonth: string; toMonth: string; asOf?: Date },
): Promise<FigureVersionRow[]> {
  const rows = await settlementVersions(db, { ...query, asOf: query.asOf ?? new Date() });
  return rows.map((r) => ({
    figureId: r.figureId,
    version: r.version,
    subjectKind: r.subjectKind,
    subjectId: r.subjectId,
    month: r.month,
    measure: r.measure,
    unit: r.unit,
    amountFen: r.amountFen === null ? null : BigInt(r.amountFen),
    quantity: r.quantity === null ? null : normaliseDecimal(r.quantity),
  }));
}

/**
 * One subject's figures of one measure, month by month, as a settlement reads them: for each month the newest
 * version recorded at or before the moment asked. A figure is its subject, month and measure (its id is derived
 * from them: figure-identity.ts), so a month holds one figure; `versionsOfFigures` gives ids back.
 */
export type FigureSeries = {
  subjectKind: "enterprise" | "enclave";
  subjectId: string;
  measure: string;
  /** "YYYY-MM", ascending; the same place in the other arrays is that month's figure. */
  months: string[];
  versions: number[];
  /** "fen" for money, else the quantity's unit. */
  units: string[];
  /** Money: integer fen as text; a quantity: its exact decimal ("1200.5"). */
  values: string[];
};

/**
 * The figures of `figuresForSettlement`, grouped by subject and measure and read packed (a few thousand rows
 * for a million figures): what a settlement of a large agreement reads. Subjects in kind and id order. The
 * series are made as they are iterated, once: a caller that keeps only what it needs of each leaves the rest to
 * die young, which for a million figures is most of the memory.
 */
export async function figureSeriesForSettlement(
  db: Db,
  query: { enterpriseIds?: string[]; enclaveIds?: string[]; measures: string[]; fromMonth: string; toMonth: string; asOf?: Date },
): Promise<Iterable<FigureSeries>> {
  if (query.measures.length === 0) return [];
  const rows = await packedSettlementVersions(db, { ...query, asOf: query.asOf ?? new Date() });
  return seriesOf(rows, query);
}

function* seriesOf(rows: PackedSubjectRow[], query: { measures: string[]; fromMonth: string; toMonth: string }): Generator<FigureSeries> {
  // Subjects in kind and id order, as a settlement visits them (the grouping returns them in no order).
  const key = (r: PackedSubjectRow) => `${r.subjectKind}:${r.subjectId}`;
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const months = monthsFrom(query.fromMonth, query.toMonth);
  const slots = months.keys.length;
  // Per measure and month: the newest version's number (0: none yet), value and unit. Reused row after row.
  const versions = query.measures.map(() => new Array<number>(slots).fill(0));
  const values = query.measures.map(() => new Array<string>(slots).fill(""));
  const units = query.measures.map(() => new Array<string>(slots).fill(""));
  for (const row of rows) {
    const text = row.figures;
    // A million figures: whole numbers are read digit by digit, without a string for each.
    let at = 0;
    const int = () => {
      let n = 0;
      for (let c = text.charCodeAt(at); c >= 48 && c <= 57; c = text.charCodeAt((at += 1))) n = n * 10 + c - 48;
      at += 1;
      return n;
    };
    while (at < text.length) {
      const m = int() - 1;
      const slot = months.byDay[int()] as number;
      const version = int();
      let end = text.indexOf(",", at);
      if (end < 0) end = text.length;
      const seen = versions[m] as number[];
      if (version > (seen[slot] as number)) {
        seen[slot] = version;
        const space = text.indexOf(" ", at);
        const quantity = space > 0 && space < end;
        (values[m] as string[])[slot] = quantity ? canonicalDecimal(text.slice(at, space)) : text.slice(at, end);
        (units[m] as string[])[slot] = quantity ? text.slice(space + 1, end) : "fen";
      }
      at = end + 1;
    }
    for (const [m, measure] of query.measures.entries()) {
      const seen = versions[m] as number[];
      let s: FigureSeries | undefined;
      for (let i = 0; i < slots; i += 1) {
        if (seen[i] === 0) continue;
        s ??= { subjectKind: row.subjectKind, subjectId: row.subjectId, measure, months: [], versions: [], units: [], values: [] };
        s.months.push(months.keys[i] as string);
        s.versions.push(seen[i] as number);
        s.units.push((units[m] as string[])[i] as string);
        s.values.push((values[m] as string[])[i] as string);
        seen[i] = 0;
      }
      if (s) yield s;
    }
  }
}

/** A numeric as PostgreSQL writes it ("1200.500") without its trailing zeros: what normaliseDecimal makes of it, quicker. */
function canonicalDecimal(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** The months from one to another ("YYYY-MM"), and each one's place by its first day's distance from the first. */
function monthsFrom(fromMonth: string, toMonth: string): { keys: string[]; byDay: number[] } {
  const keys: string[] = [];
  const byDay: number[] = [];
  const first = Date.UTC(Number(fromMonth.slice(0, 4)), Number(fromMonth.slice(5, 7)) - 1, 1);
  for (let i = 0; ; i += 1) {
    const day = new Date(Date.UTC(Number(fromMonth.slice(0, 4)), Number(fromMonth.slice(5, 7)) - 1 + i, 1));
    const key = day.toISOString().slice(0, 7);
    if (key > toMonth) return { keys, byDay };
    keys.push(key);
    byDay[Math.round((day.getTime() - first) / 86_400_000)] = i;
  }
}

/** A figure version named by what it is of and its version number. */
export type FigureVersionKey = { subjectKind: "enterprise" | "enclave"; subjectId: string; measure: string; month: string; version: number };

/** The version itself: its figure's id, unit and value (money: fen as text; a quantity: exact decimal). */
export type FigureVersionValue = { figureId: string; unit: string; value: string };

/**
 * The figure versions named by `keys`, at the same places (an empty list where there is none). Versions are
 * never changed, so this gives back exactly what a settlement read, however many versions came later.
 */
export async function versionsOfFigures(db: Db, keys: readonly FigureVersionKey[]): Promise<FigureVersionValue[][]> {
  if (keys.length > 5_000) return versionsOfManyFigures(db, keys);
  // A few (an explanation's): each found by the index on subject and month.
  const found: FigureVersionValue[][] = keys.map(() => []);
  for (const row of await versionsByIdentity(db, keys)) {
    found[row.i]?.push({ figureId: row.figureId, unit: row.unit, value: row.amountFen ?? normaliseDecimal(row.quantity ?? "") });
  }
  return found;
}

/** Many (a statement's): every version of the subjects' figures in the months read packed, and the asked-for kept. */
async function versionsOfManyFigures(db: Db, keys: readonly FigureVersionKey[]): Promise<FigureVersionValue[][]> {
  const months = keys.map((k) => k.month).sort();
  const measures = [...new Set(keys.map((k) => k.measure))];
  const fromMonth = months[0] as string;
  const at = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const key = `${k.subjectKind}:${k.subjectId}|${k.measure}|${k.month}|${k.version}`;
    const places = at.get(key);
    if (places) places.push(i);
    else at.set(key, [i]);
  });
  const found: FigureVersionValue[][] = keys.map(() => []);
  const rows = await packedVersionsOfSubjects(db, { subjectIds: [...new Set(keys.map((k) => k.subjectId))], measures, fromMonth, toMonth: months.at(-1) as string });
  const monthAt = monthsFrom(fromMonth, months.at(-1) as string);
  for (const row of rows) {
    for (const element of row.figures.split(",")) {
      const [m, day, version, figureId, value, unit] = element.split(" ") as [string, string, string, string, string, string | undefined];
      const month = monthAt.keys[monthAt.byDay[Number(day)] as number] as string;
      const places = at.get(`${row.subjectKind}:${row.subjectId}|${measures[Number(m) - 1]}|${month}|${version}`);
      for (const i of places ?? []) found[i]?.push(unit === undefined ? { figureId, unit: "fen", value } : { figureId, unit, value: canonicalDecimal(value) });
    }
  }
  // In figure id order within a key, as the one-by-one lookup returns them.
  for (const list of found) if (list.length > 1) list.sort((a, b) => (a.figureId < b.figureId ? -1 : a.figureId > b.figureId ? 1 : 0));
  return found;
}

export type IndicatorsModule = {
  figures: FiguresService;
  imports: FigureImportService;
  routes(app: HttpApp): void;
};

export type IndicatorsOptions = { uploadLimitBytes?: number; jobs?: Jobs; imports?: Partial<ImportSettings> };

export function createIndicatorsModule(db: Db, deps: IndicatorDependencies, options: IndicatorsOptions = {}): IndicatorsModule {
  const figures = createFiguresService(db, deps);
  const imports = createFigureImportService(db, deps, options.jobs, { ...defaultImportSettings, ...options.imports });
  const uploadLimitBytes = options.uploadLimitBytes ?? defaultUploadLimitBytes;
  return { figures, imports, routes: (app) => indicatorsRoutes(app, figures, imports, uploadLimitBytes) };
}
