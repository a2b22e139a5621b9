// The one place where errors become HTTP answers: { error: { code, message, details } }. Domain errors map by
// kind; request-shape errors name the field; anything unexpected is logged and answered without internals.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError, type ErrorDetail, type ErrorKind } from "../errors.ts";

const statusOf: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(
      z.object({
        field: z.string().optional(),
        row: z.number().optional(),
        column: z.string().optional(),
        value: z.unknown().optional(),
        message: z.string(),
      }),
    ),
  }),
});

export type ErrorBody = { error: { code: string; message: string; details: ErrorDetail[] } };

export function errorBody(code: string, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}

export function mapError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    return reply.code(statusOf[error.kind]).send(errorBody(error.code, error.message, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? "body";
    const details = error.validation.map((v) => ({
      field: fieldOf(v.instancePath, v.params),
      message: v.message ?? "is not valid",
    }));
    const first = details[0];
    const message = `Invalid ${where}${first ? `: ${first.field ? `${first.field}: ` : ""}${first.message}` : ""}`;
    return reply.code(400).send(errorBody("validation.failed", message, details));
  }
  const fastifyError = error as Partial<FastifyError> & { statusCode?: number; message?: string };
  switch (fastifyError.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return reply.code(400).send(errorBody("request.malformed_json", `The request body is not valid JSON: ${fastifyError.message ?? ""}`.trim()));
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
      return reply.code(413).send(errorBody("request.too_large", "The request body or upload is larger than this server accepts."));
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return reply.code(415).send(errorBody("request.unsupported_media_type", fastifyError.message ?? "Unsupported content type."));
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return reply.code(400).send(errorBody("request.malformed_json", `The request body is not valid JSON: ${fastifyError.message}`));
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply.code(fastifyError.statusCode).send(errorBody(`request.${fastifyError.code ?? "invalid"}`.toLowerCase(), fastifyError.message ?? "Bad request."));
  }
  request.log.error({ err: error }, "unexpected error");
  return reply.code(500).send(errorBody("internal", `Something went wrong on the server. The error is logged with request id ${request.id}.`));
}

function fieldOf(instancePath: string, params: unknown): string | undefined {
  const path = instancePath.replace(/^\//, "").replace(/\//g, ".");
  const missing = (params as { missingProperty?: string } | undefined)?.missingProperty;
  return [path, missing].filter(Boolean).join(".") || undefined;
}
