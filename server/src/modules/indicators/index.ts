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
import { settlementVersions } from "./figures.repository.ts";
import { createFiguresService, type FiguresService } from "./figures.service.ts";
import { indicatorsRoutes } from "./indicators.routes.ts";

export { figureIdOf, uuidV5 } from "./figure-identity.ts";
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
