// Enclaves (飞地): land in a host region developed for one or more sending regions, with its land parcels.
// Areas are in mu (亩; 1 mu = 666.67 m²), written as exact decimal strings.
import { z } from "zod";
import { Decimal, Id, IsoDate, NonNegativeDecimal, QueryBoolean, RecordMeta, RegionCode, illustrativeInput, patchOf, publishedField, publishedInput } from "./common.ts";

export const EnclaveKind = z.enum(["industrial", "innovation", "village_income"]).describe("industrial 产业飞地, innovation 科创飞地, village_income 消薄飞地");
export type EnclaveKind = z.infer<typeof EnclaveKind>;

/** The life cycle runs forward only (steps may be skipped); closed is final. */
export const EnclaveStatus = z.enum(["planned", "building", "operating", "closed"]);
export type EnclaveStatus = z.infer<typeof EnclaveStatus>;
export const enclaveStatusOrder: readonly EnclaveStatus[] = EnclaveStatus.options;

export const LandUse = z.enum(["industrial", "commercial", "research", "mixed", "other"]);
export const ParcelStatus = z.enum(["planned", "acquired", "built"]);

const PositiveDecimal = Decimal.refine((v) => !v.startsWith("-") && /[1-9]/.test(v), "must be greater than zero");

export const LandParcel = z.object({
  parcelNo: z.string().describe("The parcel's number, unique within the enclave"),
  areaMu: Decimal.describe("Area in mu"),
  landUse: LandUse,
  status: ParcelStatus,
  acquiredOn: IsoDate.nullable(),
});
export type LandParcel = z.infer<typeof LandParcel>;

export const LandParcelInput = z.object({
  parcelNo: z.string().trim().min(1).max(50),
  areaMu: PositiveDecimal.describe("Area in mu, greater than zero"),
  landUse: LandUse,
  status: ParcelStatus.default("planned"),
  acquiredOn: IsoDate.nullable().default(null),
});
export type LandParcelInput = z.infer<typeof LandParcelInput>;

export const Enclave = z.object({
  id: Id,
  nameZh: z.string(),
  nameEn: z.string(),
  kind: EnclaveKind,
  hostRegionCode: RegionCode.describe("Where the enclave stands (飞入地)"),
  sendingRegionCodes: z.array(RegionCode).describe("The regions it is for (飞出地)"),
  agreementId: Id.nullable(),
  areaMu: Decimal.describe("Planned area in mu"),
  parcelAreaMu: Decimal.describe("Sum of the parcels' areas in mu (derived)"),
  status: EnclaveStatus,
  openedOn: IsoDate.nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  parcels: z.array(LandParcel),
  ...publishedField,
  ...RecordMeta,
});
export type Enclave = z.infer<typeof Enclave>;

export const CreateEnclave = z.object({
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(300),
  kind: EnclaveKind,
  hostRegionCode: RegionCode,
  sendingRegionCodes: z.array(RegionCode).min(1, "an enclave is for at least one sending region").max(20),
  agreementId: Id.nullable().default(null),
  areaMu: NonNegativeDecimal.describe("Planned area in mu"),
  status: EnclaveStatus.default("planned"),
  openedOn: IsoDate.nullable().default(null).describe("Required once the enclave is operating; not in the future"),
  address: z.string().trim().max(500).nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
  parcels: z.array(LandParcelInput).max(1000).default([]),
  ...publishedInput,
  ...illustrativeInput,
});
export type CreateEnclave = z.infer<typeof CreateEnclave>;

export const UpdateEnclave = patchOf(CreateEnclave);
export type UpdateEnclave = z.infer<typeof UpdateEnclave>;

export const EnclaveFilters = z.object({
  kind: EnclaveKind.optional(),
  status: EnclaveStatus.optional(),
  hostRegionCode: RegionCode.optional(),
  sendingRegionCode: RegionCode.optional().describe("Enclaves for this sending region"),
  agreementId: Id.optional(),
  illustrative: QueryBoolean.optional(),
});
export type EnclaveFilters = z.infer<typeof EnclaveFilters>;
