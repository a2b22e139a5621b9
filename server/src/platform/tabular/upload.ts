// File uploads (multipart/form-data) for import routes. Multipart is registered inside the scope of the routes
// that take files, so each importing module can do this without clashing with the others.
import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { HttpApp } from "../http/app.ts";
import { DomainError, invalid } from "../errors.ts";
import type { UploadedFile } from "./read-file.ts";

/** The upload limit when the composition root hands none in (the default of SHANHAI_UPLOAD_LIMIT_BYTES). */
export const defaultUploadLimitBytes = 20 * 1_048_576;

/** Adds routes that accept file uploads; `register` adds them on a scope where multipart is parsed. */
export function uploadRoutes(app: HttpApp, limitBytes: number, register: (scope: HttpApp) => void): void {
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: limitBytes, files: 1, fields: 20, parts: 30 }, throwFileSizeLimit: true });
    register(scope as HttpApp);
  });
}

/** The one file of a multipart request, read into memory; 413 when it is over the limit, 400 when absent. */
export async function readUpload(request: FastifyRequest, options: { field: string; limitBytes: number }): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw invalid(options.field, `send the file as multipart/form-data in the field "${options.field}"`);
  }
  const part = await request.file({ limits: { fileSize: options.limitBytes, files: 1 } });
  if (!part || part.fieldname !== options.field) {
    throw invalid(options.field, `no file in the field "${options.field}"`, part?.fieldname);
  }
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw tooLarge(options.limitBytes);
  return { fileName: part.filename || "upload", bytes };
}

function tooLarge(limitBytes: number): DomainError {
  return new DomainError("too_large", "request.too_large", `The upload is larger than this server accepts (${limitBytes} bytes).`);
}
