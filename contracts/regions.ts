import { z } from "zod";
import { Decimal, Id, IsoDate, QueryBoolean, RecordMeta, RegionCode, Year, illustrativeInput, patchOf } from "./common.ts";

export const RegionLevel = z.enum(["province", "city", "county"]);
export const RegionKind = z.enum(["mountain", "developed"]);

export const RegionFact = z.object({
  year: Year,
  measure: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, "must be a lower_snake_case measure name, e.g. gdp or population"),
  value: Decimal,
  unit: z.string().min(1).max(20).describe("yuan, person, km2, …"),
  source: z.string().max(500).nullable().default(null),
  illustrative: z.boolean().default(false),
});

export const Region = z.object({
  code: RegionCode,
  nameZh: z.string(),
  nameEn: z.string(),
  level: RegionLevel,
  kind: RegionKind.nullable(),
  parentCode: RegionCode.nullable(),
  facts: z.array(RegionFact),
  ...RecordMeta,
});
export type Region = z.infer<typeof Region>;

export const CreateRegion = z.object({
  code: RegionCode,
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  level: RegionLevel,
  kind: RegionKind.nullable().default(null),
  parentCode: RegionCode.nullable().default(null),
  facts: z.array(RegionFact).max(1000).default([]),
  ...illustrativeInput,
});
export type CreateRegion = z.infer<typeof CreateRegion>;

export const UpdateRegion = patchOf(CreateRegion.omit({ code: true }));
export type UpdateRegion = z.infer<typeof UpdateRegion>;

export const RegionFilters = z.object({
  level: RegionLevel.optional(),
  kind: RegionKind.optional(),
  parentCode: RegionCode.optional(),
});
export type RegionFilters = z.infer<typeof RegionFilters>;

export const PairingMember = z.object({ regionCode: RegionCode, nameZh: z.string(), nameEn: z.string(), kind: RegionKind.nullable() });

export const Pairing = z.object({
  id: Id,
  nameZh: z.string(),
  nameEn: z.string(),
  programme: z.string(),
  sinceYear: Year,
  since: IsoDate.nullable(),
  members: z.array(PairingMember),
  note: z.string().nullable(),
  ...RecordMeta,
});
export type Pairing = z.infer<typeof Pairing>;

export const CreatePairing = z.object({
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(300),
  programme: z.string().trim().min(1).max(300),
  sinceYear: Year,
  since: IsoDate.nullable().default(null),
  regionCodes: z.array(RegionCode).min(2, "a pairing needs at least two regions").max(20),
  note: z.string().max(2000).nullable().default(null),
  ...illustrativeInput,
});
export type CreatePairing = z.infer<typeof CreatePairing>;

export const UpdatePairing = patchOf(CreatePairing);
export type UpdatePairing = z.infer<typeof UpdatePairing>;

export const PairingFilters = z.object({
  regionCode: RegionCode.optional().describe("Pairings that include this region"),
  illustrative: QueryBoolean.optional(),
});
export type PairingFilters = z.infer<typeof PairingFilters>;
