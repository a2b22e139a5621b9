import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { Agreement, AgreementFilters, CreateAgreement, UpdateAgreement } from "../../../../contracts/agreements.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import { registerRoutes } from "../../platform/http/register-routes.ts";
import type { AgreementsService, UploadedFile } from "./agreements.service.ts";

const path = "/api/v1/agreements";

export function agreementsRoutes(app: HttpApp, agreements: AgreementsService, options: { uploadLimitBytes: number }): void {
  registerRoutes(app, {
    path,
    tag: "Agreements",
    plural: "agreements",
    singular: "agreement",
    record: Agreement,
    create: CreateAgreement,
    update: UpdateAgreement,
    filters: AgreementFilters,
    service: agreements,
    exportColumns: [
      { zh: "协议名称", en: "Title (zh)", value: (a) => a.titleZh },
      { zh: "英文名称", en: "Title", value: (a) => a.titleEn },
      { zh: "类型", en: "Kind", value: (a) => a.kind },
      { zh: "状态", en: "Status", value: (a) => a.status },
      { zh: "签约各方", en: "Parties", value: (a) => a.parties.join("; ") },
      { zh: "签约日期", en: "Signed on", value: (a) => a.signedOn },
      { zh: "签约地点", en: "Signed at", value: (a) => a.signedAt },
      { zh: "签约场合", en: "Occasion", value: (a) => a.occasion },
      { zh: "合作原则", en: "Principles", value: (a) => a.principles.join("; ") },
      { zh: "重点产业", en: "Focus industries", value: (a) => a.focusIndustries.join("; ") },
      { zh: "合作领域", en: "Cooperation domains", value: (a) => a.cooperationDomains.join("; ") },
      { zh: "期限", en: "Term", value: (a) => a.term },
      { zh: "起始日期", en: "Term start", value: (a) => a.termStart },
      { zh: "截止日期", en: "Term end", value: (a) => a.termEnd },
      { zh: "结对编号", en: "Pairing", value: (a) => a.pairingId },
      { zh: "附件数", en: "Documents", value: (a) => a.documents.length },
      { zh: "示例数据", en: "Illustrative", value: (a) => a.illustrative },
    ],
  });

  // Documents live in their own scope so that the multipart parser is added once, here, unless a scope above
  // already has one; the upload size limit is applied per request either way.
  const router = app as unknown as FastifyInstance;
  void router.register(async (scope) => {
    if (!scope.hasContentTypeParser("multipart/form-data")) await scope.register(multipart);
    documentRoutes(scope, agreements, options.uploadLimitBytes);
  });
}

function documentRoutes(scope: FastifyInstance, agreements: AgreementsService, uploadLimitBytes: number): void {
  const AgreementId = z.object({ id: z.string().min(1).max(100) });
  const DocumentId = AgreementId.extend({ documentId: z.string().min(1).max(100) });

  scope.post(
    `${path}/:id/documents`,
    {
      schema: {
        tags: ["Agreements"],
        summary: `Attach a document (multipart/form-data, one file in the field "file", at most ${uploadLimitBytes} bytes); answers the changed agreement`,
        consumes: ["multipart/form-data"],
        params: AgreementId,
        response: { 201: Agreement, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 413: ErrorSchema },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, uploadLimitBytes);
      return reply.code(201).send(await agreements.attachDocument(request.actor, idOf(request), file));
    },
  );

  scope.get(
    `${path}/:id/documents/:documentId`,
    {
      schema: {
        tags: ["Agreements"],
        summary: "Download an attached document; the x-content-sha256 header carries its SHA-256",
        params: DocumentId,
        response: { 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { documentId } = request.params as z.infer<typeof DocumentId>;
      const document = await agreements.readDocument(request.actor, idOf(request), documentId);
      return reply
        .header("content-type", document.mediaType)
        .header("content-disposition", attachment(document.fileName))
        .header("x-content-sha256", document.sha256)
        .header("x-content-type-options", "nosniff")
        .send(document.content);
    },
  );
}

const idOf = (request: FastifyRequest): string => (request.params as { id: string }).id;

/** The one file of a multipart upload, read into memory up to the limit (beyond it: 413 request.too_large). */
async function readUpload(request: FastifyRequest, uploadLimitBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart()) throw invalid("file", 'send the document as multipart/form-data, in a file field named "file"');
  try {
    const part = await request.file({ limits: { fileSize: uploadLimitBytes } });
    if (!part) throw invalid("file", 'the upload holds no file; send it in a field named "file"');
    if (part.fieldname !== "file") throw invalid("file", `send the document in a field named "file", not "${part.fieldname}"`);
    return { fileName: part.filename, mediaType: part.mimetype, content: await part.toBuffer() };
  } catch (error) {
    // The multipart parser's own errors (size and part limits) carry an FST_ code and an HTTP status already;
    // a body that is not multipart at all arrives as a bare Error and is the caller's mistake, not a 500.
    if (error instanceof DomainError || (error as { code?: unknown }).code !== undefined) throw error;
    throw invalid("file", `the multipart body is malformed (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** RFC 6266: an ASCII fallback name plus the UTF-8 name (Chinese file names survive in every browser). */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
