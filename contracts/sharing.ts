// Benefit sharing through the API: term sets attached to agreements, production starts, settlement runs with
// their explained lines, confirmations, the ledger, statements and scenarios. Amounts are strings in the
// measure's unit: integer fen for money, exact decimals (up to 6 places) for quantities — never JSON numbers.
// The terms document itself is contracts/sharing-terms.ts.
import { z } from "zod";
import { Id, IsoDate, Year } from "./common.ts";

/** An amount in its measure's unit: integer fen ("150000") or a decimal quantity ("1200.5"). */
export const MeasureAmount = z.string().describe("In the measure's unit: integer fen for money, a decimal for quantities");

/** A terms document (docs/sharing/terms-format.md); checked by the engine, which names every problem's path. */
export const TermsDocumentInput = z.record(z.string(), z.unknown()).describe("A sharing-terms document (contracts/sharing-terms.schema.json)");

export const TermSet = z.object({
  id: Id,
  agreementId: Id,
  version: z.number().int(),
  termsId: z.string(),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  /** Where a later version takes over: the last day this version settles. */
  settlesThrough: IsoDate.nullable().describe("effectiveTo, or the day before the next version's effectiveFrom, whichever is earlier"),
  illustrative: z.boolean(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  document: z.record(z.string(), z.unknown()),
});
export type TermSet = z.infer<typeof TermSet>;

export const ProductionStart = z.object({
  enterpriseId: Id,
  startedOn: IsoDate,
  note: z.string().nullable(),
  illustrative: z.boolean(),
  version: z.number().int(),
  recordedBy: z.string(),
  updatedAt: z.string(),
});
export type ProductionStart = z.infer<typeof ProductionStart>;

export const SetProductionStart = z.object({
  startedOn: IsoDate.describe("The day production started; anniversary schedules count from its month"),
  note: z.string().max(1000).nullable().default(null),
  illustrative: z.boolean().default(false),
});
export type SetProductionStart = z.infer<typeof SetProductionStart>;

const uuidText = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
export const ProductionStartFilters = z.object({
  enterpriseId: z
    .string()
    .regex(new RegExp(`^${uuidText}(,${uuidText})*$`), "must be enterprise ids (UUIDs) separated by commas")
    .optional()
    .describe("Comma-separated enterprise ids"),
});

export const StartSettlement = z.object({
  period: z.string().trim().min(4).max(10).describe('A month "2024-03", a quarter "2024-Q1" or a year "2024"'),
});
export type StartSettlement = z.infer<typeof StartSettlement>;

export const RunStatus = z.enum(["draft", "locked", "restated", "discarded"]);
export type RunStatus = z.infer<typeof RunStatus>;

export const SubjectRefSchema = z.object({ kind: z.enum(["enterprise", "enclave"]), id: z.string() });

export const SettlementLineSummary = z.object({
  lineNo: z.number().int(),
  kind: z.enum(["rule", "guaranteed_return"]),
  termsVersion: z.number().int(),
  rule: z.string().describe("The rule's id, or the guaranteed return's"),
  party: z.string(),
  measure: z.string(),
  unit: z.string(),
  subject: SubjectRefSchema.nullable(),
  dueToDate: MeasureAmount,
  previouslyPosted: MeasureAmount,
  amount: MeasureAmount.describe("What this run posts: due to date − previously posted"),
});
export type SettlementLineSummary = z.infer<typeof SettlementLineSummary>;

export const PartyTotalSchema = z.object({
  party: z.string(),
  partyName: z.string(),
  measure: z.string(),
  unit: z.string(),
  dueToDate: MeasureAmount,
  previouslyPosted: MeasureAmount,
  amount: MeasureAmount,
});
export type PartyTotalJson = z.infer<typeof PartyTotalSchema>;

export const Confirmation = z.object({ actorId: z.string(), actorName: z.string(), actorRole: z.string(), confirmedAt: z.string() });

export const SettlementRun = z.object({
  id: Id,
  agreementId: Id,
  period: z.object({ label: z.string(), kind: z.enum(["month", "quarter", "year"]), year: Year, firstMonth: z.number().int(), lastMonth: z.number().int() }),
  kind: z.enum(["settlement", "restatement"]),
  restatesRunId: Id.nullable(),
  status: RunStatus,
  fingerprint: z.string().describe("SHA-256 of the inputs: term set versions, figure ids and versions, facts and what was posted before"),
  inputs: z.object({
    termSets: z.array(z.object({ id: Id, version: z.number().int(), termsId: z.string() })),
    figures: z.number().int().describe("Figure versions read"),
    figuresDigest: z.string(),
    factsDigest: z.string(),
    postedDigest: z.string(),
  }),
  parties: z.array(z.object({ code: z.string(), name: z.string(), confirmation: Confirmation.nullable() })),
  totals: z.array(PartyTotalSchema),
  lines: z.array(SettlementLineSummary),
  skipped: z.array(z.record(z.string(), z.unknown())),
  warnings: z.array(z.string()),
  illustrative: z.boolean(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  lockedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type SettlementRun = z.infer<typeof SettlementRun>;

export const RunListItem = SettlementRun.omit({ lines: true, skipped: true });
export type RunListItem = z.infer<typeof RunListItem>;

export const RunFilters = z.object({
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  status: RunStatus.optional(),
});
export type RunFilters = z.infer<typeof RunFilters>;

export const ConfirmRun = z.object({ party: z.string().min(1).max(64).describe("The party code the caller confirms for") });
export type ConfirmRun = z.infer<typeof ConfirmRun>;

export const LineExplanation = z.object({
  runId: Id,
  period: z.string(),
  line: SettlementLineSummary,
  termSet: z.object({ id: Id, version: z.number().int(), termsId: z.string() }),
  rule: z.record(z.string(), z.unknown()).nullable().describe("The rule (or guaranteed return) as the term set writes it"),
  explanation: z.record(z.string(), z.unknown()).describe("Figure versions, schedule windows, shares, caps/floors and rounding steps"),
  steps: z.array(z.string()).describe("The same, as sentences an official can redo by hand"),
});
export type LineExplanation = z.infer<typeof LineExplanation>;

export const StatementQuery = z.object({
  party: z.string().min(1).max(64),
  format: z.enum(["json", "xlsx", "pdf"]).default("json"),
});
export type StatementQuery = z.infer<typeof StatementQuery>;

export const LedgerQuery = z.object({ year: z.coerce.number().int().min(1949).max(2100) });

export const LedgerBalance = z.object({ party: z.string(), measure: z.string(), unit: z.string(), amount: MeasureAmount });

export const LedgerBalances = z.object({
  agreementId: Id,
  year: Year,
  entries: z.number().int(),
  balances: z.array(LedgerBalance).describe("Per party and measure, recomputed from the journal's lines"),
  reportedTotals: z.array(LedgerBalance).describe("The sum of the locked runs' reported totals"),
  consistent: z.boolean().describe("true when the journal and the reported totals agree to the fen"),
});
export type LedgerBalances = z.infer<typeof LedgerBalances>;

export const LedgerLineSchema = z.object({
  lineNo: z.number().int(),
  account: z.enum(["party", "pool"]),
  party: z.string().nullable(),
  termsVersion: z.number().int(),
  rule: z.string(),
  measure: z.string(),
  unit: z.string(),
  subject: SubjectRefSchema.nullable(),
  amount: MeasureAmount,
});

export const LedgerEntrySchema = z.object({
  id: z.string(),
  runId: Id,
  kind: z.enum(["posting", "reversal"]),
  reversesEntryId: z.string().nullable(),
  year: Year,
  period: z.string(),
  postedBy: z.string(),
  postedAt: z.string(),
  memo: z.string(),
  lines: z.array(LedgerLineSchema),
});
export type LedgerEntryJson = z.infer<typeof LedgerEntrySchema>;

export const ScenarioRequest = z.object({
  termSets: z
    .array(
      z.union([
        z.object({ label: z.string().trim().min(1).max(100), version: z.number().int().min(1).describe("A stored version of the agreement's terms") }),
        z.object({ label: z.string().trim().min(1).max(100), terms: TermsDocumentInput.describe("Alternative terms, not stored") }),
      ]),
    )
    .min(1)
    .max(10),
  years: z.array(Year).max(30).default([]).describe("Observed years to compare"),
  projection: z
    .object({
      baseYear: Year,
      throughYear: Year,
      growthBp: z.record(z.string(), z.number().int().min(-10000).max(100000)).default({}).describe("Yearly growth per measure in basis points (500 is +5%)"),
    })
    .optional(),
});
export type ScenarioRequest = z.infer<typeof ScenarioRequest>;

export const ScenarioComparisonSchema = z.object({
  scenarios: z.array(z.string()),
  growth: z.array(z.object({ measure: z.string(), bp: z.number() })),
  warnings: z.array(z.string()),
  years: z.array(
    z.object({
      year: z.number(),
      projected: z.boolean(),
      rows: z.array(z.object({ party: z.string(), measure: z.string(), unit: z.string(), amounts: z.array(z.object({ scenario: z.string(), amount: MeasureAmount })) })),
    }),
  ),
});
