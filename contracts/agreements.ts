// Agreements (DOMAIN §1 points 1 and 4): framework, enclave and project agreements between two or more regions,
// with their signing, status, principles, focus industries, cooperation domains, term and attached documents.
import { z } from "zod";
import { Id, IsoDate, QueryBoolean, RecordMeta, RegionCode, illustrativeInput, patchOf, publishedField, publishedInput } from "./common.ts";
import { CooperationDomain } from "./cooperation.ts";

export const AgreementKind = z.enum(["framework", "enclave", "project", "other"]);
export type AgreementKind = z.infer<typeof AgreementKind>;

/**
 * The life cycle moves forward only: draft → signed → in_force → expired | terminated. Steps may be skipped
 * (draft → in_force); expired and terminated are final. A status of signed or later needs signedOn.
 */
export const agreementStatuses = ["draft", "signed", "in_force", "expired", "terminated"] as const;
export const AgreementStatus = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof AgreementStatus>;

export const AgreementDocument = z.object({
  id: Id,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().describe("SHA-256 of the content, lower-case hex"),
  uploadedAt: z.string(),
  uploadedBy: z.string().describe("Id of the user who uploaded it"),
});
export type AgreementDocument = z.infer<typeof AgreementDocument>;

export const Agreement = z.object({
  id: Id,
  pairingId: Id.nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  kind: AgreementKind,
  parties: z.array(RegionCode).describe("Region codes of the parties, in the order the agreement names them"),
  signedOn: IsoDate.nullable(),
  signedAt: z.string().nullable().describe("Place of signing"),
  occasion: z.string().nullable(),
  status: AgreementStatus,
  principles: z.array(z.string()),
  focusIndustries: z.array(z.string()),
  cooperationDomains: z.array(CooperationDomain),
  term: z.string().nullable().describe('The term in words, e.g. "long-term"'),
  termStart: IsoDate.nullable(),
  termEnd: IsoDate.nullable(),
  note: z.string().nullable(),
  documents: z.array(AgreementDocument),
  ...publishedField,
  ...RecordMeta,
});
export type Agreement = z.infer<typeof Agreement>;

const phrases = z.array(z.string().trim().min(1).max(200)).max(50);

export const CreateAgreement = z.object({
  pairingId: Id.nullable().default(null).describe("The pairing the agreement belongs to; null for agreements outside a pairing"),
  titleZh: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(500),
  kind: AgreementKind,
  parties: z.array(RegionCode).min(2, "an agreement needs at least two parties").max(20),
  signedOn: IsoDate.nullable().default(null),
  signedAt: z.string().trim().min(1).max(300).nullable().default(null),
  occasion: z.string().trim().min(1).max(500).nullable().default(null),
  status: AgreementStatus.default("draft"),
  principles: phrases.default([]),
  focusIndustries: phrases.default([]),
  cooperationDomains: z.array(CooperationDomain).max(6).default([]),
  term: z.string().trim().min(1).max(200).nullable().default(null),
  termStart: IsoDate.nullable().default(null),
  termEnd: IsoDate.nullable().default(null),
  note: z.string().max(4000).nullable().default(null),
  ...publishedInput,
  ...illustrativeInput,
});
export type CreateAgreement = z.infer<typeof CreateAgreement>;

export const UpdateAgreement = patchOf(CreateAgreement);
export type UpdateAgreement = z.infer<typeof UpdateAgreement>;

export const AgreementFilters = z.object({
  pairingId: Id.optional(),
  kind: AgreementKind.optional(),
  status: AgreementStatus.optional(),
  partyCode: RegionCode.optional().describe("Agreements to which this region is a party"),
  signedFrom: IsoDate.optional().describe("Signed on or after this date"),
  signedTo: IsoDate.optional().describe("Signed on or before this date"),
  illustrative: QueryBoolean.optional(),
});
export type AgreementFilters = z.infer<typeof AgreementFilters>;
