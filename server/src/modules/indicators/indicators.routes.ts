// Figure routes: list (with CSV/XLSX export), record, read (as of a moment), history; the import of files, its
// template, and the imports' progress. Handlers parse, call one service function and send.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  FigureAsOf,
  FigureFilters,
  FigureImport,
  FigureImportListParams,
  FigureImportMode,
  FigureImportPage,
  FigureListParams,
  FigurePage,
  FigureVersion,
  RecordedFigure,
  RecordFigure,
} from "../../../../contracts/indicators.ts";
import { exportRecords, type ExportColumn } from "../../platform/export.ts";
import { parseAsOf } from "../../platform/history.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import { readUpload, uploadRoutes } from "../../platform/tabular/upload.ts";
import { figureImportColumns, templateColumns } from "./figure-import.columns.ts";
import type { FigureImportService } from "./figure-import.service.ts";
import type { SubjectDirectory } from "./figure-subjects.ts";
import type { FiguresService } from "./figures.service.ts";

const path = "/api/v1/figures";
const tags = ["Figures"];
const Id = z.object({ id: z.string().min(1).max(100) });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

export function indicatorsRoutes(app: HttpApp, figures: FiguresService, imports: FigureImportService, uploadLimitBytes: number): void {
  const router = app as unknown as FastifyInstance;

  router.get(
    path,
    {
      schema: {
        tags,
        summary: "List figures: the current version of each (versions=all: every version); format=csv|xlsx exports all matches",
        querystring: FigureListParams.extend(FigureFilters.shape),
        response: { 200: FigurePage, ...errors },
      },
    },
    async (request, reply) => {
      const { format, lang, ...query } = request.query as z.infer<typeof FigureListParams> & FigureFilters;
      if (format === "json") return figures.list(request.actor, query);
      const { figures: rows, subjects } = await figures.exportRows(request.actor, query);
      const file = await exportRecords(rows, exportColumns(subjects), { format, lang, name: "figures" });
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );

  router.post(
    path,
    {
      schema: {
        tags,
        summary: "Record a figure; another value than the current version is a new version, the same value changes nothing (200)",
        body: RecordFigure,
        response: { 200: RecordedFigure, 201: RecordedFigure, ...errors },
      },
    },
    async (request, reply) => {
      const recorded = await figures.record(request.actor, request.body as RecordFigure);
      return reply.code(recorded.changed ? 201 : 200).send(recorded);
    },
  );

  uploadRoutes(app, uploadLimitBytes, (scope) => {
    (scope as unknown as FastifyInstance).post(
      `${path}/import`,
      {
        schema: {
          tags,
          summary:
            'Import figures from XLSX or CSV (multipart field "file"). Small files import at once (200); larger ones run in the background (202; follow GET /api/v1/figures/imports/{id}). The same file again changes nothing (repeated: true).',
          consumes: ["multipart/form-data"],
          querystring: z.object({ mode: FigureImportMode.default("all_or_nothing"), run: z.enum(["auto", "background"]).default("auto").describe("background: run as a job whatever the size") }),
          response: { 200: FigureImport, 202: FigureImport, ...errors, 413: ErrorSchema },
        },
      },
      async (request, reply) => {
        const { mode, run } = request.query as { mode: FigureImportMode; run: "auto" | "background" };
        const file = await readUpload(request, { field: "file", limitBytes: uploadLimitBytes });
        const figureImport = await imports.start(request.actor, file, { mode, run });
        if (figureImport.finished) return reply.code(200).send(figureImport);
        return reply.code(202).header("location", `${path}/imports/${figureImport.id}`).send(figureImport);
      },
    );
  });

  router.get(
    `${path}/import/template`,
    {
      schema: {
        tags,
        summary: "An empty figures file with the headers the import understands",
        querystring: z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx"), lang: z.enum(["zh", "en"]).default("zh") }),
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query as { format: "xlsx" | "csv"; lang: "zh" | "en" };
      const columns: ExportColumn<never>[] = templateColumns.map((key) =>
        key === "amount" ? { zh: "金额（元）", en: "Amount (yuan)", value: () => null } : { zh: figureImportColumns[key].zh, en: figureImportColumns[key].en, value: () => null },
      );
      const file = await exportRecords([], columns, { format, lang, name: "figures-import" });
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );

  router.get(
    `${path}/imports`,
    { schema: { tags, summary: "Figure imports, newest first (one's own, unless one may follow every import)", querystring: FigureImportListParams, response: { 200: FigureImportPage, ...errors } } },
    async (request) => {
      const { page, pageSize } = request.query as z.infer<typeof FigureImportListParams>;
      return imports.list(request.actor, page, pageSize);
    },
  );

  router.get(
    `${path}/imports/:id`,
    { schema: { tags, summary: "One import: status, rows, rows written so far (done), counts and every problem", params: Id, response: { 200: FigureImport, ...errors } } },
    async (request) => imports.get(request.actor, (request.params as { id: string }).id),
  );

  router.get(
    `${path}/:id`,
    { schema: { tags, summary: "A figure's current version, or the version current at asOf", params: Id, querystring: FigureAsOf, response: { 200: FigureVersion, ...errors } } },
    async (request) => {
      const asOf = (request.query as { asOf?: string }).asOf;
      return figures.get(request.actor, (request.params as { id: string }).id, asOf ? parseAsOf(asOf) : undefined);
    },
  );

  router.get(
    `${path}/:id/history`,
    { schema: { tags, summary: "Every version of a figure, oldest first: value, who, when, source and reason", params: Id, response: { 200: z.array(FigureVersion), ...errors } } },
    async (request) => figures.history(request.actor, (request.params as { id: string }).id),
  );
}

/** The export's columns; read back by the import (it resolves the enterprise by the USCC in 企业). */
function exportColumns(subjects: SubjectDirectory): ExportColumn<FigureVersion>[] {
  const subject = (f: FigureVersion) => subjects.byId(f.subjectId);
  return [
    { zh: "数据编号", en: "Figure id", value: (f) => f.figureId },
    { zh: "版本", en: "Version", value: (f) => f.version },
    { zh: "企业", en: "Enterprise", value: (f) => (f.subjectKind === "enterprise" ? (subject(f)?.code ?? f.subjectId) : null) },
    { zh: "企业名称", en: "Enterprise name", value: (f) => (f.subjectKind === "enterprise" ? (subject(f)?.name ?? null) : null) },
    { zh: "飞地", en: "Enclave", value: (f) => (f.subjectKind === "enclave" ? (subject(f)?.name ?? f.subjectId) : null) },
    { zh: "月份", en: "Month", value: (f) => f.month },
    { zh: "指标", en: "Measure", value: (f) => f.measure },
    { zh: "单位", en: "Unit", value: (f) => f.unit },
    { zh: "金额（元）", en: "Amount (yuan)", value: (f) => (f.amountFen === null ? null : fenToYuan(f.amountFen)) },
    { zh: "数量", en: "Quantity", value: (f) => f.quantity },
    { zh: "记录时间", en: "Recorded at", value: (f) => f.recordedAt },
    { zh: "记录人", en: "Recorded by", value: (f) => f.recordedBy.name },
    { zh: "来源", en: "Source", value: (f) => (f.importId ? `import ${f.importId}` : f.source) },
    { zh: "说明", en: "Reason", value: (f) => f.reason },
  ];
}

/** "-12345" fen as "-123.45" yuan, exactly. */
export function fenToYuan(fen: string): string {
  const negative = fen.startsWith("-");
  const digits = (negative ? fen.slice(1) : fen).padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
