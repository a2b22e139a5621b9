// The audit log over HTTP: search (newest first; format=csv|xlsx exports all matches) and chain verification.
import { AuditEntry, AuditFilters, ChainCheck } from "../../../../contracts/accounts.ts";
import { z } from "zod";
import type { AuditAccess } from "../audit-access.ts";
import type { AuditEntry as Entry } from "../audit.ts";
import { exportRecords, type ExportColumn } from "../export.ts";
import { parseAsOf } from "../history.ts";
import { exportLimit } from "../listing.ts";
import type { HttpApp } from "./app.ts";
import { ErrorSchema } from "./error-mapper.ts";

const columns: ExportColumn<Entry>[] = [
  { zh: "序号", en: "Seq", value: (e) => e.seq },
  { zh: "时间", en: "At", value: (e) => e.at },
  { zh: "操作人", en: "Actor", value: (e) => e.actorId },
  { zh: "操作人名称", en: "Actor name", value: (e) => e.actorName },
  { zh: "角色", en: "Role", value: (e) => e.actorRole },
  { zh: "会话", en: "Session", value: (e) => e.sessionId },
  { zh: "来源地址", en: "From", value: (e) => e.remoteAddress },
  { zh: "操作", en: "Action", value: (e) => e.action },
  { zh: "结果", en: "Outcome", value: (e) => e.outcome },
  { zh: "对象类型", en: "Entity", value: (e) => e.entity },
  { zh: "对象编号", en: "Record", value: (e) => e.recordId },
  { zh: "详情", en: "Detail", value: (e) => JSON.stringify(e.detail) },
  { zh: "前一哈希", en: "Previous hash", value: (e) => e.prevHash },
  { zh: "哈希", en: "Hash", value: (e) => e.hash },
];

export function auditRoutes(app: HttpApp, audit: AuditAccess): void {
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };
  app.get(
    "/api/v1/audit-entries",
    {
      schema: {
        tags: ["Audit"],
        summary: "Search the audit log, newest first (audit administrators and auditors); format=csv|xlsx exports all matches",
        querystring: AuditFilters,
        response: { 200: z.object({ items: z.array(AuditEntry), total: z.number(), page: z.number(), pageSize: z.number() }), ...errors },
      },
    },
    async (request, reply) => {
      const { format, page, pageSize, from, to, ...filters } = request.query;
      // A day as "from" starts at midnight China Standard Time; as "to" it ends at midnight (parseAsOf).
      const start = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00.000+08:00`) : parseAsOf(day, "from"));
      const query = { ...filters, from: from ? start(from) : undefined, to: to ? parseAsOf(to, "to") : undefined };
      if (format === "json") return audit.search(request.actor, { ...query, page, pageSize });
      const entries = await audit.exportEntries(request.actor, query, exportLimit);
      const file = await exportRecords(entries, columns, { format, lang: "zh", name: "audit-log" });
      // A file, not the JSON page the schema describes: sent raw.
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${file.fileName}"`).send(file.body as never);
    },
  );
  app.get(
    "/api/v1/audit-entries/verify",
    { schema: { tags: ["Audit"], summary: "Verify the hash chain of the whole audit log: the first entry whose chain breaks, if any", response: { 200: ChainCheck, ...errors } } },
    async (request) => audit.verify(request.actor),
  );
}
