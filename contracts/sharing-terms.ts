// Sharing terms (分成条款) as data: the JSON an agreement carries to say who receives what share of which measure,
// when, and with what guarantees. Amounts are strings (integer fen, or exact decimals for quantities) so that no
// JSON number ever rounds them. docs/sharing/terms-format.md explains every field; this schema is the contract,
// and contracts/sharing-terms.schema.json is generated from it (scripts/sharing-terms-schema.ts).
import { z } from "zod";
import { Fen, IsoDate } from "./common.ts";

/** The measures the product knows; their units are fixed (see measureUnits). */
export const builtInMeasures = [
  "local_retained_vat",
  "local_retained_cit",
  "other_local_tax",
  "value_added",
  "industrial_output",
  "investment",
  "energy_quota",
  "land_quota",
  "emissions_quota",
] as const;
export const BuiltInMeasure = z.enum(builtInMeasures);
export type BuiltInMeasure = z.infer<typeof BuiltInMeasure>;

/** Money measures are in fen; quotas in tonnes of standard coal equivalent (tce), mu, and tonnes. */
export const measureUnits: Record<BuiltInMeasure, string> = {
  local_retained_vat: "fen",
  local_retained_cit: "fen",
  other_local_tax: "fen",
  value_added: "fen",
  industrial_output: "fen",
  investment: "fen",
  energy_quota: "tce",
  land_quota: "mu",
  emissions_quota: "t",
};

/** A message for a missing value, else the given one: a union's own message would misname what is wrong. */
const orRequired = (message: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : message);

const Key = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, "must be 1–64 letters, digits, _ . : or -, starting with a letter or digit");

export const CustomMeasure = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,60}$/, "must be a lower_snake_case key, e.g. tourism_revenue"),
  unit: z.string().regex(/^[A-Za-z0-9_/%.-]{1,20}$/, 'must be a short unit such as fen, t, kWh or mu ("fen" makes it money)'),
});

export const SharingMeasure = z.union([BuiltInMeasure, CustomMeasure], {
  error: orRequired(`must be one of ${builtInMeasures.join(", ")}, or a custom measure {"key", "unit"}`),
});
export type SharingMeasure = z.infer<typeof SharingMeasure>;

/** A share: integer basis points (7000 is 70%), or an exact fraction written "1/3". */
export const Share = z.union([z.number().int().min(0).max(10000), z.string().regex(/^\d{1,12}\/[1-9]\d{0,11}$/)], {
  error: orRequired('must be whole basis points 0–10000 (7000 is 70%) or an exact fraction written "1/3"'),
});
export type Share = z.infer<typeof Share>;

export const PartyShare = z.strictObject({ party: Key.describe("A party code from parties"), share: Share });

export const ScheduleWindow = z.strictObject({
  fromYear: z.number().int().min(1).describe("First schedule year of the window (year 1 is the first year)"),
  toYear: z.number().int().min(1).nullable().describe("Last schedule year, inclusive; null for open-ended"),
  shares: z.array(PartyShare).min(1).describe("Shares of the parties; together exactly the whole (10000 bp)"),
});
export type ScheduleWindow = z.infer<typeof ScheduleWindow>;

export const Schedule = z.discriminatedUnion(
  "basis",
  [
    z.strictObject({
      basis: z.literal("production_start").describe("Years counted from each subject's production start: year 1 is the 12 months from the start month"),
      windows: z.array(ScheduleWindow).min(1),
    }),
    z.strictObject({
      basis: z.literal("calendar").describe("Calendar years: year 1 is startYear"),
      startYear: z.number().int().min(1949).max(2100),
      windows: z.array(ScheduleWindow).min(1),
    }),
  ],
  { error: orRequired('basis must be "production_start" or "calendar"') },
);
export type Schedule = z.infer<typeof Schedule>;

export const Coverage = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("enclave").describe("Figures reported for the enclave as a whole"), enclave: Key }),
    z.strictObject({ kind: z.literal("enterprises").describe("Figures of the listed enterprises (ids or USCCs)"), enterprises: z.array(Key).min(1) }),
    z.strictObject({ kind: z.literal("enclave_residents").describe("Figures of every enterprise resident in the enclave in that month"), enclave: Key }),
  ],
  { error: orRequired('kind must be "enclave", "enterprises" or "enclave_residents"') },
);
export type Coverage = z.infer<typeof Coverage>;

/** An amount in the rule's unit: integer fen for money measures, a decimal (up to 6 places) for quantities. */
const RuleAmount = z.string().regex(/^\d{1,18}(\.\d{1,6})?$/, 'must be a non-negative amount written as a string, e.g. "500000000"');

export const PartyLimit = z.strictObject({
  party: Key,
  cap: RuleAmount.nullable().optional().describe("Most the party receives from this rule per subject per calendar year"),
  floor: RuleAmount.nullable().optional().describe("Least the party receives from this rule per subject per calendar year (applied at year end)"),
});
export type PartyLimit = z.infer<typeof PartyLimit>;

export const SharingRule = z.strictObject({
  id: Key,
  label: z.string().max(200).optional(),
  measure: SharingMeasure,
  coverage: Coverage,
  schedule: Schedule,
  limits: z.array(PartyLimit).optional(),
});
export type SharingRule = z.infer<typeof SharingRule>;

export const GuaranteedReturn = z.strictObject({
  id: Key,
  kind: z.enum(["fixed", "floor"], { error: 'must be "fixed" or "floor"' }).describe("fixed: pay rate × principal every year; floor: top up to it"),
  principalFen: Fen.describe("Invested principal, integer fen as a string"),
  rate: Share.describe("Annual rate: basis points (1000 is 10%) or an exact fraction"),
  payer: Key,
  beneficiary: Key,
  fromYear: z.number().int().min(1949).max(2100).describe("First calendar year it applies to"),
  toYear: z.number().int().min(1949).max(2100).nullable().describe("Last calendar year, inclusive; null for open-ended"),
  countsRules: z.array(Key).optional().describe("floor only: the rules whose receipts count toward the floor (default: every money rule)"),
  note: z.string().max(1000).optional(),
});
export type GuaranteedReturn = z.infer<typeof GuaranteedReturn>;

export const SharingTermsDocument = z.strictObject({
  $schema: z.string().optional(),
  id: Key,
  agreement: z.string().max(200).nullable().optional().describe("The agreement the terms belong to (id or reference)"),
  version: z.number().int().min(1),
  title: z.string().max(300).optional(),
  note: z.string().max(4000).optional(),
  illustrative: z.boolean().optional().describe("true when any term is invented for illustration"),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable().optional(),
  parties: z.array(z.strictObject({ code: Key, name: z.string().min(1).max(200) })).min(2),
  rules: z.array(SharingRule),
  guaranteedReturns: z.array(GuaranteedReturn).optional(),
});
export type SharingTermsDocument = z.infer<typeof SharingTermsDocument>;

/** The JSON Schema of a terms file (what a file may contain; shares adding up and such are checked by the engine). */
export function sharingTermsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SharingTermsDocument, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://shanhai.local/schemas/sharing-terms.schema.json",
    title: "shanhai sharing terms",
    description: "Benefit-sharing terms of a mountain–sea cooperation agreement; see docs/sharing/terms-format.md.",
  };
}
