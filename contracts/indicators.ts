// Observed figures (indicators) per enterprise or enclave, month and measure, and their import from XLSX or CSV.
// Money is integer fen as a string; a quantity is an exact decimal string in the measure's unit. A figure's
// identity is (subject, month, measure); a correction is a new version, and every version is kept.
import { z } from "zod";
import { Decimal, Fen, Id } from "./common.ts";

/** "2024-03" */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month written YYYY-MM, e.g. 2024-03");

/** A built-in measure of the sharing terms (local_retained_vat …) or a custom key such as tourism_revenue. */
export const MeasureKey = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a measure key in lower_snake_case, e.g. local_retained_vat");

/** fen (money) or the unit of a quantity: tce, mu, t, kWh … */
export const MeasureUnit = z.string().regex(/^[A-Za-z0-9_/%.-]{1,20}$/, 'must be a short unit such as fen, tce, mu, t or kWh ("fen" makes it money)');

export const SubjectKind = z.enum(["enterprise", "enclave"]);

export const FigureVersion = z.object({
  figureId: Id.describe("The figure's identity (subject, month, measure); the same for all its versions"),
  version: z.number().int().describe("1, 2, …: a correction is a new version"),
  subjectKind: SubjectKind,
  subjectId: Id.describe("The enterprise's or the enclave's id"),
  month: Month,
  measure: MeasureKey,
  unit: MeasureUnit,
  amountFen: Fen.nullable().describe("Money measures (unit fen): integer fen"),
  quantity: Decimal.nullable().describe("Quantities: an exact decimal in the unit, up to 6 places"),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  source: z.enum(["api", "import"]),
  importId: Id.nullable().describe("The import that recorded this version"),
  reason: z.string().nullable(),
});
export type FigureVersion = z.infer<typeof FigureVersion>;

export const RecordFigure = z.object({
  enterpriseId: Id.optional().describe("The enterprise the figure is of; or give enclaveId for a figure of an enclave as a whole"),
  enclaveId: Id.optional(),
  month: Month,
  measure: MeasureKey,
  unit: MeasureUnit.optional().describe("Required for a custom measure the first time; built-in measures have theirs"),
  amountFen: Fen.optional().describe("For money measures"),
  quantity: Decimal.optional().describe("For quantities"),
  reason: z.string().trim().min(1).max(500).optional().describe("Why the figure is recorded or corrected"),
});
export type RecordFigure = z.infer<typeof RecordFigure>;

export const RecordedFigure = z.object({
  figure: FigureVersion,
  changed: z.boolean().describe("false: the value equals the current version, and nothing was written"),
});
export type RecordedFigure = z.infer<typeof RecordedFigure>;

export const FigureFilters = z.object({
  enterpriseId: Id.optional(),
  enclaveId: Id.optional().describe("Figures of the enclave as a whole (not of its resident enterprises)"),
  subjectKind: SubjectKind.optional(),
  measure: MeasureKey.optional(),
  from: Month.optional().describe("First month, inclusive"),
  to: Month.optional().describe("Last month, inclusive"),
  versions: z.enum(["latest", "all"]).default("latest").describe("latest: the current version of each figure; all: every version"),
  importId: Id.optional().describe("Only versions recorded by this import"),
});
export type FigureFilters = z.infer<typeof FigureFilters>;

export const FigureListParams = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.string().max(200).optional().describe('month, measure, recordedAt, version; "-" before a name sorts descending'),
  format: z.enum(["json", "csv", "xlsx"]).default("json").describe("csv or xlsx export all matching figures"),
  lang: z.enum(["zh", "en"]).default("zh"),
});

export const FigurePage = z.object({ items: z.array(FigureVersion), total: z.number(), page: z.number(), pageSize: z.number() });

export const FigureAsOf = z.object({ asOf: z.string().optional().describe("YYYY-MM-DD (end of that day, China time) or an ISO timestamp") });

export const FigureImportMode = z
  .enum(["all_or_nothing", "valid_rows"])
  .describe("all_or_nothing: any bad row rejects the file and nothing is written; valid_rows: the good rows are imported, the others reported");
export type FigureImportMode = z.infer<typeof FigureImportMode>;

export const FigureImportProblem = z.object({
  row: z.number().describe("Spreadsheet row, 1-based; 0 for the file as a whole"),
  column: z.string().describe("The header as the file writes it"),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  message: z.string(),
});
export type FigureImportProblem = z.infer<typeof FigureImportProblem>;

export const FigureImportStatus = z
  .enum(["queued", "checking", "writing", "committing", "committed", "rejected"])
  .describe("queued → checking → writing → committing → committed; or rejected (nothing was written)");
export type FigureImportStatus = z.infer<typeof FigureImportStatus>;

export const FigureImport = z.object({
  id: Id,
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  mode: FigureImportMode,
  run: z.enum(["inline", "background"]).describe("inline: imported during the request; background: a job (large files)"),
  status: FigureImportStatus,
  finished: z.boolean(),
  rows: z.number().nullable().describe("Data rows in the file (known once it is read)"),
  toWrite: z.number().nullable().describe("Rows without problems, to be written"),
  done: z.number().describe("Rows written so far (they become visible together, when the import commits)"),
  created: z.number().nullable().describe("New figures (version 1)"),
  corrected: z.number().nullable().describe("New versions of figures that had another value"),
  unchanged: z.number().nullable().describe("Rows equal to the figure's current version: nothing written"),
  rejected: z.number().nullable().describe("Rows not imported because of problems"),
  problems: z.array(FigureImportProblem),
  error: z.string().nullable().describe("The last failure of a background run (it is retried)"),
  importedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  repeated: z.boolean().describe("true: this file (same SHA-256 and mode) was imported before; this is that import and nothing changed now"),
});
export type FigureImport = z.infer<typeof FigureImport>;

export const FigureImportPage = z.object({ items: z.array(FigureImport.omit({ problems: true })), total: z.number(), page: z.number(), pageSize: z.number() });

export const FigureImportListParams = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
