// Benefit-sharing routes. Thin: parse with the shared schemas, call one service function, send.
import { z } from "zod";
import {
  ConfirmRun,
  LedgerBalances,
  LedgerEntrySchema,
  LedgerQuery,
  LineExplanation,
  ProductionStart,
  ProductionStartFilters,
  RunFilters,
  RunListItem,
  ScenarioComparisonSchema,
  ScenarioRequest,
  SetProductionStart,
  SettlementRun,
  StartSettlement,
  StatementQuery,
  TermSet,
  TermsDocumentInput,
} from "../../../../contracts/sharing.ts";
import { EnclaveSharingSummary, SharingSummaryQuery } from "../../../../contracts/sharing-summary.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import type { SharingServices } from "./index.ts";

const tags = ["Sharing"];
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
const AgreementId = z.object({ id: z.string().min(1).max(100) });
const RunId = z.object({ id: z.string().min(1).max(100) });

export function sharingRoutes(app: HttpApp, s: SharingServices): void {
  app.get(
    "/api/v1/agreements/:id/sharing-terms",
    { schema: { tags, summary: "The agreement's sharing-terms versions, oldest first", params: AgreementId, response: { 200: z.array(TermSet), ...errors } } },
    async (request) => s.terms.list(request.actor, request.params.id),
  );
  app.post(
    "/api/v1/agreements/:id/sharing-terms",
    {
      schema: {
        tags,
        summary: "Add the next version of the agreement's sharing terms (docs/sharing/terms-format.md); every problem comes back with its path",
        params: AgreementId,
        body: TermsDocumentInput,
        response: { 201: TermSet, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await s.terms.add(request.actor, request.params.id, request.body)),
  );
  app.get(
    "/api/v1/agreements/:id/sharing-terms/:version",
    {
      schema: { tags, summary: "One version of the agreement's sharing terms", params: AgreementId.extend({ version: z.coerce.number().int().min(1) }), response: { 200: TermSet, ...errors } },
    },
    async (request) => s.terms.get(request.actor, request.params.id, request.params.version),
  );

  app.get(
    "/api/v1/sharing/production-starts",
    {
      schema: {
        tags,
        summary: "Production starts of enterprises (anniversary schedules count from them)",
        querystring: ProductionStartFilters,
        response: { 200: z.array(ProductionStart), ...errors },
      },
    },
    async (request) => s.terms.productionStarts(request.actor, request.query.enterpriseId?.split(",").filter(Boolean)),
  );
  app.put(
    "/api/v1/sharing/production-starts/:enterpriseId",
    {
      schema: { tags, summary: "Record an enterprise's production start", params: z.object({ enterpriseId: z.string().uuid() }), body: SetProductionStart, response: { 200: ProductionStart, ...errors } },
    },
    async (request) => s.terms.setProductionStart(request.actor, request.params.enterpriseId, request.body),
  );

  app.post(
    "/api/v1/agreements/:id/settlements",
    {
      schema: {
        tags,
        summary: "Settle a period (2024-03, 2024-Q1, 2024): 201 with a new draft run (a restatement when the period is locked and its inputs changed), 200 with the existing run when the inputs are the same",
        params: AgreementId,
        body: StartSettlement,
        response: { 200: SettlementRun, 201: SettlementRun, ...errors },
      },
    },
    async (request, reply) => {
      const receivedAt = new Date(Date.now() - reply.elapsedTime);
      const { run, created } = await s.runs.start(request.actor, request.params.id, request.body, receivedAt);
      return reply.code(created ? 201 : 200).send(run);
    },
  );
  app.get(
    "/api/v1/agreements/:id/settlements",
    { schema: { tags, summary: "The agreement's settlement runs, newest period first", params: AgreementId, querystring: RunFilters, response: { 200: z.array(RunListItem), ...errors } } },
    async (request) => s.runs.list(request.actor, request.params.id, request.query),
  );
  app.get(
    "/api/v1/settlements/:id",
    { schema: { tags, summary: "A settlement run: totals per party, lines, confirmations", params: RunId, response: { 200: SettlementRun, ...errors } } },
    async (request) => s.runs.get(request.actor, request.params.id),
  );
  app.post(
    "/api/v1/settlements/:id/confirm",
    {
      schema: {
        tags,
        summary: "Confirm a draft run for a party (a county official of that county, or an administrator); the last confirmation locks the run and posts it",
        params: RunId,
        body: ConfirmRun,
        response: { 200: SettlementRun, ...errors },
      },
    },
    async (request) => s.confirmations.confirm(request.actor, request.params.id, request.body.party),
  );
  app.post(
    "/api/v1/settlements/:id/discard",
    { schema: { tags, summary: "Discard a draft run", params: RunId, response: { 200: SettlementRun, ...errors } } },
    async (request) => s.runs.discard(request.actor, request.params.id),
  );
  app.get(
    "/api/v1/settlements/:id/lines/:lineNo/explanation",
    {
      schema: {
        tags,
        summary: "Why a line is what it is: figure versions, rule, schedule window, share, caps/floors and rounding step",
        params: RunId.extend({ lineNo: z.coerce.number().int().min(1) }),
        response: { 200: LineExplanation, ...errors },
      },
    },
    async (request) => s.reports.explanation(request.actor, request.params.id, request.params.lineNo),
  );
  app.get(
    "/api/v1/settlements/:id/statement",
    { schema: { tags, summary: "A party's statement of the run as JSON, XLSX or PDF", params: RunId, querystring: StatementQuery, response: { 200: z.unknown().describe("JSON, or the XLSX or PDF file"), ...errors, 503: ErrorSchema } } },
    async (request, reply) => {
      const file = await s.reports.statement(request.actor, request.params.id, request.query);
      if (file.format === "json") return reply.send(file.statement);
      return reply.header("content-type", file.contentType).header("content-disposition", `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );

  app.get(
    "/api/v1/agreements/:id/ledger",
    { schema: { tags, summary: "Each party's balance for the year, recomputed from the journal, beside the locked runs' totals", params: AgreementId, querystring: LedgerQuery, response: { 200: LedgerBalances, ...errors } } },
    async (request) => s.reports.balances(request.actor, request.params.id, request.query.year),
  );
  app.get(
    "/api/v1/agreements/:id/ledger/entries",
    { schema: { tags, summary: "The journal's entries for the year with their lines", params: AgreementId, querystring: LedgerQuery, response: { 200: z.array(LedgerEntrySchema), ...errors } } },
    async (request) => s.reports.entries(request.actor, request.params.id, request.query.year),
  );

  app.get(
    "/api/v1/enclaves/:id/sharing-summary",
    {
      schema: {
        tags,
        summary:
          "An enclave's headline figures for a year: output and local retained tax of the enclave and its residents (months covered), tax per mu, and each party's revenue from the agreement's ledger (locked periods)",
        params: z.object({ id: z.string().min(1).max(100) }),
        querystring: SharingSummaryQuery,
        response: { 200: EnclaveSharingSummary, ...errors },
      },
    },
    async (request) => s.summary.enclaveSummary(request.actor, request.params.id, request.query),
  );

  app.post(
    "/api/v1/agreements/:id/scenarios",
    {
      schema: {
        tags,
        summary: "Compare term sets (stored versions or alternatives) on the agreement's figures and projected years, per party per year",
        params: AgreementId,
        body: ScenarioRequest,
        response: { 200: ScenarioComparisonSchema, ...errors },
      },
    },
    async (request) => s.scenarios.compare(request.actor, request.params.id, request.body),
  );
}
