// An enclave's headline figures for one year (GET /api/v1/enclaves/{id}/sharing-summary): what it produced and
// paid in local retained tax, tax per mu, and what the ledger of its agreement holds for each party that year.
// Money is integer fen in strings; each figure carries the months or periods it covers.
import { z } from "zod";
import { Decimal, Fen, Id, Year } from "./common.ts";
import { Month } from "./indicators.ts";

export const SharingSummaryQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1949)
    .max(2100)
    .optional()
    .describe(
      "Calendar year; default: the latest year (of the last ten) with figures for the enclave, else the current year in China",
    ),
});
export type SharingSummaryQuery = z.infer<typeof SharingSummaryQuery>;

/** The local retained taxes that make up "tax" (and are shared as revenue). */
export const taxMeasures = ["local_retained_vat", "local_retained_cit", "other_local_tax"] as const;
/** What counts as revenue shared to a party: its shares of the local retained taxes and guaranteed returns. */
export const revenueMeasures = [...taxMeasures, "guaranteed_return"] as const;

export const MeasureFen = z.object({ measure: z.string(), amountFen: Fen });

export const SummedFigure = z.object({
  amountFen: Fen,
  months: z.array(Month).describe("The months with at least one figure counted, in order (year to date)"),
});

export const PartyRevenue = z.object({
  party: z.string().describe("The party's region code"),
  name: z.string().nullable().describe("As the settlement runs name it"),
  revenueFen: Fen.describe("Sum of byMeasure"),
  byMeasure: z
    .array(MeasureFen)
    .describe("Only the revenue measures: local retained VAT, CIT, other local tax, guaranteed returns"),
});

export const SharedRevenue = z.object({
  agreementId: Id,
  periods: z
    .array(z.string())
    .describe(
      "The locked settlement periods of the year whose postings are counted, in order (e.g. 2025-Q1 … 2025-Q4)",
    ),
  throughMonth: Month.nullable().describe(
    "The last month the locked periods reach; null when none is locked",
  ),
  parties: z.array(PartyRevenue),
  illustrative: z.boolean().describe("A counted run was computed from illustrative terms"),
});
export type SharedRevenue = z.infer<typeof SharedRevenue>;

export const EnclaveSharingSummary = z.object({
  enclaveId: Id,
  year: Year,
  yearChosen: z.enum(["requested", "latest_with_figures", "current_year"]),
  residents: z.number().int().describe("Enterprises resident in the enclave (in some month of the year) whose figures were counted"),
  output: SummedFigure.describe("Industrial output (industrial_output) of the enclave and its residents"),
  tax: SummedFigure.extend({ byMeasure: z.array(MeasureFen) }).describe(
    "Local retained VAT + CIT + other local tax of the enclave and its residents",
  ),
  taxPerMu: z.object({
    amountFen: Fen.nullable().describe(
      "tax ÷ areaMu for the months covered (not annualised), rounded to the nearest fen, halves away from zero; null when the area is zero",
    ),
    areaMu: Decimal.describe("The enclave's registered area (areaMu)"),
  }),
  sharing: SharedRevenue.nullable().describe("null when the enclave names no agreement"),
  illustrativeFigures: z.boolean().describe("Figures of an illustrative enclave or enterprise were counted"),
  illustrative: z.boolean().describe("Any illustrative data is included"),
});
export type EnclaveSharingSummary = z.infer<typeof EnclaveSharingSummary>;
