// The HTTP server: Fastify with zod schemas (the same ones make the OpenAPI document), one error mapper,
// the health check and the API documentation. Routes of the domain modules are added by main.ts.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { localOperator, type Actor } from "../actor.ts";
import type { Database } from "../database.ts";
import { migrationStatus } from "../migrations.ts";
import { ErrorSchema, errorBody, mapError } from "./error-mapper.ts";

export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
  }
}

export type HttpOptions = {
  database: Database;
  bodyLimitBytes: number;
  logLevel: string;
  demo: boolean;
  version: string;
};

export async function buildHttpApp(options: HttpOptions): Promise<HttpApp> {
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: options.bodyLimitBytes,
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => mapError(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody("route.not_found", `No route ${request.method} ${request.url.split("?")[0]}.`)),
  );

  // Until accounts exist every API caller acts as the local operator; the accounts work replaces this hook.
  app.decorateRequest("actor", null as unknown as Actor);
  app.addHook("onRequest", async (request) => {
    request.actor = localOperator;
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "shanhai API",
        version: options.version,
        description:
          "The register of a mountain–sea cooperation (山海协作): regions and pairings, agreements, enclaves, enterprises, " +
          "projects and cooperation activities. Money fields ending in Fen are integer strings of fen (1/100 yuan). " +
          "Errors are { error: { code, message, details } }.",
      },
      tags: [
        { name: "Regions", description: "Regions (GB/T 2260) and pairings" },
        { name: "Agreements", description: "Framework, enclave and project agreements" },
        { name: "Enclaves", description: "Enclaves and land parcels" },
        { name: "Enterprises", description: "Enterprises by Unified Social Credit Code" },
        { name: "Projects", description: "Investment, infrastructure and public-service projects" },
        { name: "Cooperation", description: "Cooperation activities in six domains" },
        { name: "System", description: "Health and reference data" },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.get(
    "/api/health",
    {
      schema: {
        tags: ["System"],
        summary: "Database reachable and migrations current",
        response: {
          200: z.object({
            status: z.literal("ok"),
            demo: z.boolean(),
            database: z.object({ kind: z.enum(["pglite", "postgres"]), reachable: z.boolean() }),
            migrations: z.object({ current: z.boolean(), applied: z.number(), pending: z.array(z.string()) }),
          }),
          503: ErrorSchema,
        },
      },
    },
    async (_request, reply) => {
      const migrations = await migrationStatus(options.database.db).catch(() => undefined);
      if (!migrations || !migrations.current) {
        return reply.code(503).send(
          errorBody("health.unavailable", migrations ? "Migrations are pending." : "The database is not reachable.", [
            { field: "migrations", message: migrations ? migrations.pending.join(", ") : "unreachable" },
          ]),
        );
      }
      return { status: "ok" as const, demo: options.demo, database: { kind: options.database.kind, reachable: true }, migrations };
    },
  );
  return app;
}
