// The two routes of every register import: POST <path>/import?mode=… (an XLSX or CSV file in the multipart
// field "file") and GET <path>/import/template?format=xlsx|csv&lang=zh|en (an empty file with the headers the
// import understands). HTTP only: the module's import service does the work.
import { z } from "zod";
import type { Actor } from "../actor.ts";
import { exportRecords, type ExportColumn } from "../export.ts";
import type { HttpApp } from "../http/app.ts";
import { ErrorSchema } from "../http/error-mapper.ts";
import type { ImportMode, ImportReport } from "./import-run.ts";
import type { UploadedFile } from "./read-file.ts";
import type { ColumnSpecs } from "./table.ts";
import { readUpload, uploadRoutes } from "./upload.ts";

export type ImportRoutesSpec = {
  /** The register's path, e.g. /api/v1/projects. */
  path: string;
  tag: string;
  /** What is imported and how a row finds the record it updates, for the API documentation. */
  summary: string;
  columns: ColumnSpecs;
  /** File name of the template, without extension. */
  templateName: string;
  uploadLimitBytes: number;
  /** The API's schemas (contracts) of the mode and of the outcome. */
  modeSchema: z.ZodType<ImportMode>;
  outcomeSchema: z.ZodType<ImportReport>;
  run(actor: Actor, file: UploadedFile, mode: ImportMode): Promise<ImportReport>;
};

export function importRoutes(app: HttpApp, spec: ImportRoutesSpec): void {
  const { path, tag, uploadLimitBytes } = spec;
  uploadRoutes(app, uploadLimitBytes, (scope) => {
    scope.post(
      `${path}/import`,
      {
        schema: {
          tags: [tag],
          summary: `${spec.summary} (XLSX or CSV in the multipart field "file", at most ${uploadLimitBytes} bytes)`,
          consumes: ["multipart/form-data"],
          querystring: z.object({ mode: spec.modeSchema.default("all_or_nothing") }),
          response: { 200: spec.outcomeSchema, 400: ErrorSchema, 413: ErrorSchema },
        },
      },
      async (request) => {
        const file = await readUpload(request, { field: "file", limitBytes: uploadLimitBytes });
        return spec.run(request.actor, file, request.query.mode);
      },
    );
  });

  app.get(
    `${path}/import/template`,
    {
      schema: {
        tags: [tag],
        summary: "An empty import file with the headers the import understands",
        querystring: z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx"), lang: z.enum(["zh", "en"]).default("zh") }),
      },
    },
    async (request, reply) => {
      const columns: ExportColumn<never>[] = Object.values(spec.columns).map((c) => ({ zh: c.zh, en: c.en, value: () => null }));
      const file = await exportRecords([], columns, { ...request.query, name: spec.templateName });
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
}
