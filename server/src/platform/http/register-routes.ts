// The standard routes of a register: list (with CSV/XLSX export), read (optionally as of a past date), history,
// create, update (optionally guarded by If-Match: <version>), archive and restore. Handlers stay thin: parse,
// call one service function, send.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Actor } from "../actor.ts";
import { invalid } from "../errors.ts";
import { exportRecords, type ExportColumn } from "../export.ts";
import { parseAsOf, type HistoryEntry } from "../history.ts";
import { ExportParams, ListParams, exportLimit, type Page } from "../listing.ts";
import type { HttpApp } from "./app.ts";
import { ErrorSchema } from "./error-mapper.ts";

export type RegisterService<Dto, Create, Update, Filters> = {
  list(actor: Actor, query: Filters & ListParams): Promise<Page<Dto>>;
  get(actor: Actor, id: string, asOf?: Date): Promise<Dto>;
  history(actor: Actor, id: string): Promise<HistoryEntry[]>;
  create(actor: Actor, input: Create): Promise<Dto>;
  update(actor: Actor, id: string, patch: Update, expectedVersion?: number): Promise<Dto>;
  archive(actor: Actor, id: string): Promise<Dto>;
  restore(actor: Actor, id: string): Promise<Dto>;
};

const HistorySchema = z.array(
  z.object({
    version: z.number(),
    action: z.enum(["create", "update", "archive", "restore"]),
    changedAt: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }),
    before: z.unknown(),
    after: z.unknown(),
  }),
);

const errors = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

export function registerRoutes<Dto, Create, Update, Filters extends z.ZodRawShape>(
  app: HttpApp,
  spec: {
    path: string;
    tag: string;
    /** Plural noun for summaries and the export file name: "enterprises". */
    plural: string;
    singular: string;
    record: z.ZodType<Dto>;
    create: z.ZodType<Create>;
    update: z.ZodType<Update>;
    filters: z.ZodObject<Filters>;
    service: RegisterService<Dto, Create, Update, z.infer<z.ZodObject<Filters>>>;
    exportColumns: readonly ExportColumn<Dto>[];
  },
): void {
  const { path, tag, service } = spec;
  // Generic records defeat the type provider's inference; the schemas below still validate every request and
  // response at run time and describe them in the OpenAPI document.
  const router = app as unknown as FastifyInstance;
  const Id = z.object({ id: z.string().min(1).max(100) });
  const Query = ListParams.extend(spec.filters.shape).extend(ExportParams.shape);
  const PageSchema = z.object({ items: z.array(spec.record), total: z.number(), page: z.number(), pageSize: z.number() });

  router.get(
    path,
    {
      schema: {
        tags: [tag],
        summary: `List ${spec.plural} (filter, sort, paginate; format=csv|xlsx exports all matches)`,
        querystring: Query,
        response: { 200: PageSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { format, lang, ...query } = request.query as ListParams & z.infer<typeof ExportParams>;
      const params = query as unknown as z.infer<z.ZodObject<Filters>> & ListParams;
      if (format === "json") return service.list(request.actor, params);
      const all = await service.list(request.actor, { ...params, page: 1, pageSize: exportLimit });
      const file = await exportRecords(all.items, spec.exportColumns, { format, lang, name: spec.plural });
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  router.get(
    `${path}/:id`,
    {
      schema: {
        tags: [tag],
        summary: `Read one ${spec.singular}; asOf=YYYY-MM-DD or an ISO timestamp reads it as it stood then`,
        params: Id,
        querystring: z.object({ asOf: z.string().optional() }),
        response: { 200: spec.record, ...errors },
      },
    },
    async (request: FastifyRequest) => {
      const asOf = (request.query as { asOf?: string }).asOf;
      return service.get(request.actor, idOf(request), asOf ? parseAsOf(asOf) : undefined);
    },
  );

  router.get(
    `${path}/:id/history`,
    { schema: { tags: [tag], summary: `Every change to one ${spec.singular}: who, when, before and after`, params: Id, response: { 200: HistorySchema, 404: ErrorSchema } } },
    async (request: FastifyRequest) => service.history(request.actor, idOf(request)),
  );

  router.post(
    path,
    { schema: { tags: [tag], summary: `Create a ${spec.singular}`, body: spec.create, response: { 201: spec.record, ...errors } } },
    async (request, reply) => reply.code(201).send(await service.create(request.actor, request.body as Create)),
  );

  router.patch(
    `${path}/:id`,
    {
      schema: {
        tags: [tag],
        summary: `Change a ${spec.singular} (send If-Match: <version> to refuse a change over someone else's)`,
        params: Id,
        body: spec.update,
        response: { 200: spec.record, ...errors },
      },
    },
    async (request: FastifyRequest) =>
      service.update(request.actor, idOf(request), request.body as Update, expectedVersion(request.headers["if-match"])),
  );

  for (const action of ["archive", "restore"] as const) {
    router.post(
      `${path}/:id/${action}`,
      { schema: { tags: [tag], summary: `${action === "archive" ? "Archive" : "Restore"} a ${spec.singular}`, params: Id, response: { 200: spec.record, ...errors } } },
      async (request: FastifyRequest) => service[action](request.actor, idOf(request)),
    );
  }
}

const idOf = (request: FastifyRequest): string => (request.params as { id: string }).id;

function expectedVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const text = (Array.isArray(header) ? header[0] : header)?.replace(/^W\//, "").replace(/"/g, "").trim() ?? "";
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw invalid("If-Match", "must be the record's version number", header);
  return version;
}
