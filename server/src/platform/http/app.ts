// The HTTP server: Fastify with zod schemas (the same ones make the OpenAPI document), one error mapper, the
// caller's actor on every request, security headers on every response, the health check, the audit log's
// routes and the API documentation. Routes of the domain modules are added by main.ts.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { anonymousActor, type Actor } from "../actor.ts";
import { auditAccess } from "../audit-access.ts";
import { AccessDenied, auditDenial } from "../authorize.ts";
import type { Database } from "../database.ts";
import { migrationStatus } from "../migrations.ts";
import { auditRoutes } from "./audit-routes.ts";
import { ErrorSchema, errorBody, mapError } from "./error-mapper.ts";
import { securityHeaders } from "./security-headers.ts";

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
  /** Trust x-forwarded-proto and x-forwarded-for (SHANHAI_TRUST_PROXY): only behind a reverse proxy. */
  trustProxy: boolean;
  /** The actor of a request's credentials (the accounts module); null when it carries none. */
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Actor | null>;
  /**
   * The actor of credential-less requests made in-process (app.inject: the command line, tests). Requests over
   * a socket never get it: without credentials they are the anonymous public.
   */
  inProcessActor?: Actor | undefined;
};

export async function buildHttpApp(options: HttpOptions): Promise<HttpApp> {
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(async (error, request, reply) => {
    // Denials thrown outside the register kit are audited here, after their transaction (if any) rolled back.
    if (error instanceof AccessDenied && !error.audited) {
      await auditDenial(options.database.db, request.actor ?? anonymousActor(request.ip), error).catch((e: unknown) => request.log.error({ err: e }, "could not audit a denial"));
    }
    return mapError(error, request, reply);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody("route.not_found", `No route ${request.method} ${request.url.split("?")[0]}.`)),
  );

  app.decorateRequest("actor", null as unknown as Actor);
  securityHeaders(app, { demo: options.demo });
  app.addHook("onRequest", async (request, reply) => {
    request.actor = anonymousActor(request.ip);
    const actor = await options.authenticate(request, reply);
    if (actor) request.actor = actor;
    else if (options.inProcessActor && isInProcess(request)) request.actor = { ...options.inProcessActor, remoteAddress: "in-process" };
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
        { name: "Accounts", description: "Sign-in, sessions, accounts and API tokens (docs/security.md)" },
        { name: "Audit", description: "The tamper-evident audit log" },
        { name: "System", description: "Health and reference data" },
      ],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "shanhai_session", description: "Set by POST /api/v1/session (__Host-shanhai_session over HTTPS); writes need the x-csrf-token header" },
          apiToken: { type: "http", scheme: "bearer", description: "An API token (POST /api/v1/api-tokens)" },
        },
      },
      security: [{}, { session: [] }, { apiToken: [] }],
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
  auditRoutes(app, auditAccess(options.database.db));
  return app;
}

/** A request made with app.inject (light-my-request), never one that came over a socket. */
function isInProcess(request: FastifyRequest): boolean {
  return Object.hasOwn(request.raw, "_lightMyRequest");
}
