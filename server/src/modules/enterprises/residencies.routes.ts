// Routes of an enterprise's residency history: read it; correct it as a whole, guarded by If-Match.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { CorrectResidencies, ResidencyHistory } from "../../../../contracts/enterprise-residency.ts";
import { invalid } from "../../platform/errors.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import type { ResidencyService } from "./residencies.service.ts";

const path = "/api/v1/enterprises/:id/residencies";
const Params = z.object({ id: z.string().min(1).max(100) });

export function residencyRoutes(app: HttpApp, residencies: ResidencyService): void {
  const router = app as unknown as FastifyInstance;
  router.get(
    path,
    {
      schema: {
        tags: ["Enterprises"],
        summary: "An enterprise's residency history: the periods it was resident in enclaves, oldest first",
        params: Params,
        response: { 200: ResidencyHistory, 404: ErrorSchema },
      },
    },
    async (request) => residencies.residencies(request.actor, (request.params as z.infer<typeof Params>).id),
  );
  router.put(
    path,
    {
      schema: {
        tags: ["Enterprises"],
        summary:
          "Correct an enterprise's residency history as a whole (If-Match: <the enterprise's version> is required); the open period becomes its enclave and residentSince",
        params: Params,
        body: CorrectResidencies,
        response: { 200: ResidencyHistory, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) =>
      residencies.correctResidencies(request.actor, (request.params as z.infer<typeof Params>).id, request.body as CorrectResidencies, versionOf(request.headers["if-match"])),
  );
}

/** If-Match: 3, "3" or W/"3"; absent is undefined (the service says it is required). */
function versionOf(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const text = (Array.isArray(header) ? header[0] : header)?.replace(/^W\//, "").replace(/"/g, "").trim() ?? "";
  const version = Number(text);
  if (!Number.isInteger(version) || version < 1) throw invalid("If-Match", "must be the enterprise's version number", header);
  return version;
}
