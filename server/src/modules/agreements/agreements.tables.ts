// The agreements module's tables, as Kysely sees them (camelCase; the database has snake_case).
import type { Generated } from "kysely";
import type { MetaColumns } from "../../platform/register-kit.ts";

export type AgreementsTables = {
  agreementsAgreement: {
    id: Generated<string>;
    pairingId: string | null;
    titleZh: string;
    titleEn: string;
    kind: string;
    signedOn: string | null;
    signedAt: string | null;
    occasion: string | null;
    status: string;
    principles: string[];
    focusIndustries: string[];
    cooperationDomains: string[];
    term: string | null;
    termStart: string | null;
    termEnd: string | null;
    note: string | null;
    published: Generated<boolean>;
  } & MetaColumns;
  agreementsParty: { agreementId: string; regionCode: string; position: number };
  agreementsDocument: {
    id: Generated<string>;
    agreementId: string;
    fileName: string;
    mediaType: string;
    /** bigint: arrives as a string. */
    sizeBytes: string | number;
    sha256: string;
    content: Buffer;
    uploadedAt: Generated<Date>;
    uploadedBy: string;
  };
};
