// Industry-chain routes. Thin: parse with the shared schemas, call one service function, send.
import { z } from "zod";
import {
  ChainMap,
  ChainMatchFilters,
  ChainMatchRecord,
  ChainOne,
  ChainSetDocument,
  ChainSetVersion,
  ChainVersionQuery,
  EnterpriseChainLinks,
  EnterpriseMatches,
  EnterpriseMatchQuery,
  GapQuery,
  GapReport,
  LinkDecision,
  MatchToProject,
  NodeEnterprises,
  NodeEnterprisesQuery,
  PairMatches,
  PairMatchQuery,
  RecordChainMatch,
} from "../../../../contracts/chains.ts";
import { Project } from "../../../../contracts/projects.ts";
import { parseAsOf } from "../../platform/history.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import { ListParams } from "../../platform/listing.ts";
import type { ChainsServices } from "./index.ts";

const tags = ["Industry chains"];
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const Id = z.object({ id: z.string().min(1).max(100) });
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

export function chainsRoutes(app: HttpApp, s: ChainsServices): void {
  app.get(
    "/api/v1/chains",
    { schema: { tags, summary: "The chain map in force (or of ?version=): every chain with its nodes and edges", querystring: ChainVersionQuery, response: { 200: ChainMap, ...errors } } },
    async (request) => s.chainSets.map(request.actor, request.query.version),
  );
  app.get(
    "/api/v1/chains/gaps",
    {
      schema: {
        tags,
        summary: "Gaps, thin nodes and complements of a county pair per chain and node, with target lists for investment attraction (format=csv|xlsx exports the target lists)",
        querystring: GapQuery,
        response: { 200: GapReport, ...errors },
      },
    },
    async (request, reply) => {
      if (request.query.format === "json") return s.gaps.report(request.actor, request.query);
      const file = await s.gaps.exportTargets(request.actor, request.query);
      // A file, not the JSON schema's shape: fastify sends a Buffer as it is, without the serializer.
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${file.fileName}"`).send(file.body as unknown as GapReport);
    },
  );
  app.get(
    "/api/v1/chains/matches",
    { schema: { tags, summary: "The strongest supplier → buyer matches across a county pair, either direction, with reasons", querystring: PairMatchQuery, response: { 200: PairMatches, ...errors } } },
    async (request) => s.matches.forPair(request.actor, request.query),
  );
  app.get(
    "/api/v1/chains/:chainId/nodes/:nodeId/enterprises",
    {
      schema: {
        tags,
        summary: "A chain node's enterprises in each county of a pair (or one county), largest first, paged — the detail behind the gap report's counts",
        params: z.object({ chainId: z.string().min(1).max(100), nodeId: z.string().min(1).max(100) }),
        querystring: NodeEnterprisesQuery,
        response: { 200: NodeEnterprises, ...errors },
      },
    },
    async (request) => s.nodes.enterprises(request.actor, request.params.chainId, request.params.nodeId, request.query),
  );
  app.get(
    "/api/v1/chains/:chainId",
    { schema: { tags, summary: "One chain with its nodes and edges", params: z.object({ chainId: z.string().min(1).max(100) }), querystring: ChainVersionQuery, response: { 200: ChainOne, ...errors } } },
    async (request) => s.chainSets.chain(request.actor, request.params.chainId, request.query.version),
  );

  app.get(
    "/api/v1/chain-sets",
    { schema: { tags, summary: "The chain-set versions, newest first; the first is in force", response: { 200: z.array(ChainSetVersion), ...errors } } },
    async (request) => s.chainSets.versions(request.actor),
  );
  app.get(
    "/api/v1/chain-sets/:version",
    { schema: { tags, summary: "A chain-set version in the file form, to edit and submit as a new version", params: z.object({ version: z.string().min(1).max(100) }), response: { 200: ChainSetDocument, ...errors } } },
    async (request) => s.chainSets.document(request.actor, request.params.version),
  );
  app.put(
    "/api/v1/chain-sets",
    {
      schema: {
        tags,
        summary: "Submit an edited chain-set (file form, a new version string): validated — cycles, unknown codes and nodes come back as a 400 listing every problem's path — and put in force",
        body: ChainSetDocument,
        response: { 201: ChainSetVersion, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await s.chainSets.submit(request.actor, request.body)),
  );

  const links = "/api/v1/enterprises/:id/chain-links";
  app.get(
    links,
    { schema: { tags, summary: "The enterprise's chain links with their reasons and review status, and the nodes it needs", params: Id, response: { 200: EnterpriseChainLinks, ...errors } } },
    async (request) => s.links.get(request.actor, request.params.id),
  );
  app.get(
    `${links}/history`,
    { schema: { tags, summary: "Every review of the enterprise's chain links: who, when, before and after", params: Id, response: { 200: HistorySchema, ...errors } } },
    async (request) => s.links.history(request.actor, request.params.id),
  );
  for (const [action, summary] of [
    ["confirm", "Confirm a chain link (kept when the links are derived again)"],
    ["reject", "Reject a chain link: gaps and matching no longer use it (kept when the links are derived again)"],
    ["add", "Link the enterprise to a node by hand (confirmed)"],
  ] as const) {
    app.post(
      `${links}/${action}`,
      { schema: { tags, summary, params: Id, body: LinkDecision, response: { 200: EnterpriseChainLinks, ...errors } } },
      async (request) => s.links.decide(request.actor, request.params.id, action, request.body),
    );
  }

  app.get(
    "/api/v1/enterprises/:id/matches",
    {
      schema: {
        tags,
        summary: "Ranked suppliers or customers of the enterprise in the partner county, with the score (out of 1000) and its reasons in Chinese and English",
        params: Id,
        querystring: EnterpriseMatchQuery,
        response: { 200: EnterpriseMatches, ...errors },
      },
    },
    async (request) => s.matches.forEnterprise(request.actor, request.params.id, request.query),
  );

  const outcomes = "/api/v1/chain-matches";
  app.get(
    outcomes,
    {
      schema: {
        tags,
        summary: "Recorded match outcomes (filter, sort by updatedAt, createdAt, status or score, paginate)",
        querystring: ListParams.extend(ChainMatchFilters.shape),
        response: { 200: z.object({ items: z.array(ChainMatchRecord), total: z.number(), page: z.number(), pageSize: z.number() }), ...errors },
      },
    },
    async (request) => s.outcomes.list(request.actor, request.query),
  );
  app.post(
    outcomes,
    {
      schema: {
        tags,
        summary: "Record a match outcome: 201 with a new record; 200 when the pair's record moves forward (or already has the status); 409 going back",
        body: RecordChainMatch,
        response: { 200: ChainMatchRecord, 201: ChainMatchRecord, ...errors },
      },
    },
    async (request, reply) => {
      const { match, created } = await s.outcomes.record(request.actor, request.body);
      return reply.code(created ? 201 : 200).send(match);
    },
  );
  app.get(
    `${outcomes}/:id`,
    { schema: { tags, summary: "A recorded match; asOf=YYYY-MM-DD or an ISO timestamp reads it as it stood then", params: Id, querystring: z.object({ asOf: z.string().optional() }), response: { 200: ChainMatchRecord, ...errors } } },
    async (request) => s.outcomes.get(request.actor, request.params.id, request.query.asOf ? parseAsOf(request.query.asOf) : undefined),
  );
  app.get(
    `${outcomes}/:id/history`,
    { schema: { tags, summary: "Every change to a recorded match: who, when, before and after", params: Id, response: { 200: HistorySchema, ...errors } } },
    async (request) => s.outcomes.history(request.actor, request.params.id),
  );
  app.post(
    `${outcomes}/:id/project`,
    {
      schema: {
        tags,
        summary: "Make a deal a project in the pipeline (lead or signed), owned by the buyer or the supplier and linked back to the match",
        params: Id,
        body: MatchToProject,
        response: { 201: z.object({ match: ChainMatchRecord, project: Project }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await s.outcomes.toProject(request.actor, request.params.id, request.body)),
  );
  for (const action of ["archive", "restore"] as const) {
    app.post(
      `${outcomes}/:id/${action}`,
      { schema: { tags, summary: `${action === "archive" ? "Archive" : "Restore"} a recorded match`, params: Id, response: { 200: ChainMatchRecord, ...errors } } },
      async (request) => s.outcomes[action](request.actor, request.params.id),
    );
  }
}
