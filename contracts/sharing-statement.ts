// A party's statement for a settlement run (GET /api/v1/settlements/{id}/statement?party=…&format=json): its
// totals, every line with the figures and steps behind it, who confirmed and when, and — for a restatement — the
// differences from the run it replaces. Built by server/src/modules/sharing/statement.ts, read by the console; the
// XLSX and PDF show the same data. Amounts are strings in the measure's unit: integer fen for money, decimals for
// quantities.
import { z } from "zod";
import { MeasureAmount, PartyTotalSchema } from "./sharing.ts";

/** What a line and a difference both name: the rule of the terms version, the measure, and whom it concerns. */
const StatementRowKey = z.object({
  termsVersion: z.number().int(),
  rule: z.string(),
  measure: z.string(),
  unit: z.string(),
  subject: z.string().describe('"enterprise:<id>", "enclave:<id>", or "" for a guaranteed return'),
  subjectName: z.string(),
});

export const StatementLineSchema = StatementRowKey.extend({
  lineNo: z.number().int(),
  kind: z.enum(["rule", "guaranteed_return"]),
  dueToDate: MeasureAmount,
  previouslyPosted: MeasureAmount,
  amount: MeasureAmount,
  figures: z.array(z.string()),
  steps: z.array(z.string()),
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

export const StatementDifferenceSchema = StatementRowKey.extend({
  before: MeasureAmount,
  after: MeasureAmount,
  difference: MeasureAmount,
});
export type StatementDifference = z.infer<typeof StatementDifferenceSchema>;

export const StatementSchema = z.object({
  title: z.object({ zh: z.string(), en: z.string() }),
  agreement: z.object({ id: z.string(), titleZh: z.string(), titleEn: z.string() }),
  party: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ label: z.string(), kind: z.string() }),
  run: z.object({
    id: z.string(),
    kind: z.string(),
    status: z.string(),
    restatesRunId: z.string().nullable(),
    fingerprint: z.string(),
    createdAt: z.string(),
    lockedAt: z.string().nullable(),
    confirmations: z.array(
      z.object({
        party: z.string(),
        partyName: z.string(),
        actorName: z.string(),
        actorRole: z.string(),
        confirmedAt: z.string().nullable(),
      }),
    ),
  }),
  totals: z.array(PartyTotalSchema),
  lines: z.array(StatementLineSchema),
  differences: z.array(StatementDifferenceSchema).nullable(),
  illustrative: z.boolean(),
  generatedAt: z.string(),
});
export type Statement = z.infer<typeof StatementSchema>;
