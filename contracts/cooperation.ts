// Cooperation activities (DOMAIN §1 point 3): what one region does for or with another in industry, talent,
// technology, culture, education and health, with measurable outputs ("12 doctors dispatched").
import { z } from "zod";
import { Id, IsoDate, NonNegativeDecimal, QueryBoolean, RecordMeta, RegionCode, Year, illustrativeInput, patchOf, publishedField, publishedInput } from "./common.ts";

export const CooperationDomain = z.enum(["industry", "talent", "technology", "culture", "education", "health"]);
export type CooperationDomain = z.infer<typeof CooperationDomain>;

export const MeasureKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,60}$/, "must be a lower_snake_case measure key, e.g. doctors_dispatched or funds_fen");

export const MeasureUnit = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,19}$/, "must be a lower-case unit such as person, person-day, session, visit, fen or item");

/** One measurable output. The value is exact (a decimal string); money is in fen with the unit "fen". */
export const ActivityMeasure = z.object({
  measure: MeasureKey,
  value: NonNegativeDecimal,
  unit: MeasureUnit,
});
export type ActivityMeasure = z.infer<typeof ActivityMeasure>;

export const CooperationActivity = z.object({
  id: Id,
  domain: CooperationDomain,
  titleZh: z.string(),
  titleEn: z.string(),
  fromRegionCode: RegionCode.describe("The region that gives (sends doctors, teachers, funds)"),
  toRegionCode: RegionCode.describe("The region that receives"),
  pairingId: Id.nullable(),
  agreementId: Id.nullable(),
  startedOn: IsoDate,
  endedOn: IsoDate.nullable(),
  measures: z.array(ActivityMeasure),
  description: z.string().nullable(),
  ...publishedField,
  ...RecordMeta,
});
export type CooperationActivity = z.infer<typeof CooperationActivity>;

export const CreateCooperationActivity = z.object({
  domain: CooperationDomain,
  titleZh: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(500),
  fromRegionCode: RegionCode,
  toRegionCode: RegionCode,
  pairingId: Id.nullable().default(null),
  agreementId: Id.nullable().default(null),
  startedOn: IsoDate,
  endedOn: IsoDate.nullable().default(null),
  measures: z.array(ActivityMeasure).max(100).default([]),
  description: z.string().max(5000).nullable().default(null),
  ...publishedInput,
  ...illustrativeInput,
});
export type CreateCooperationActivity = z.infer<typeof CreateCooperationActivity>;

/** A change; `measures`, when given, replaces the whole list. */
export const UpdateCooperationActivity = patchOf(CreateCooperationActivity);
export type UpdateCooperationActivity = z.infer<typeof UpdateCooperationActivity>;

export const CooperationActivityFilters = z.object({
  domain: CooperationDomain.optional(),
  fromRegionCode: RegionCode.optional(),
  toRegionCode: RegionCode.optional(),
  regionCode: RegionCode.optional().describe("Activities with this region on either side"),
  pairingId: Id.optional(),
  agreementId: Id.optional(),
  startedFrom: IsoDate.optional().describe("Started on or after this date"),
  startedTo: IsoDate.optional().describe("Started on or before this date"),
  illustrative: QueryBoolean.optional(),
});
export type CooperationActivityFilters = z.infer<typeof CooperationActivityFilters>;

export const CooperationSummaryQuery = z.object({
  pairingId: Id.optional(),
  year: z.coerce.number().pipe(Year).optional().describe("Counts activities started in this year"),
});
export type CooperationSummaryQuery = z.infer<typeof CooperationSummaryQuery>;

export const MeasureTotal = z.object({
  measure: MeasureKey,
  unit: MeasureUnit,
  labelZh: z.string().nullable().describe("null for a measure outside the catalogue"),
  labelEn: z.string().nullable(),
  total: z.string().describe("Exact sum as a decimal string"),
});

export const CooperationSummary = z.object({
  pairingId: Id.nullable(),
  year: Year.nullable(),
  domains: z.array(
    z.object({
      domain: CooperationDomain,
      activities: z.number().int(),
      measures: z.array(MeasureTotal),
    }),
  ),
  illustrative: z.boolean().describe("true when any counted activity is invented demo data"),
});
export type CooperationSummary = z.infer<typeof CooperationSummary>;

export const MeasureDefinition = z.object({
  measure: MeasureKey,
  labelZh: z.string(),
  labelEn: z.string(),
  unit: MeasureUnit,
});
export type MeasureDefinition = z.infer<typeof MeasureDefinition>;

export const MeasureCatalogue = z.array(
  z.object({
    domain: CooperationDomain,
    labelZh: z.string(),
    labelEn: z.string(),
    measures: z.array(MeasureDefinition),
  }),
);
export type MeasureCatalogue = z.infer<typeof MeasureCatalogue>;
