// The enclaves module's tables, as Kysely sees them (camelCase; the database has snake_case).
import type { Generated } from "kysely";
import type { MetaColumns } from "../../platform/register-kit.ts";

export type EnclavesTables = {
  enclavesEnclave: {
    id: Generated<string>;
    nameZh: string;
    nameEn: string;
    kind: string;
    hostRegionCode: string;
    agreementId: string | null;
    areaMu: string;
    status: Generated<string>;
    openedOn: string | null;
    address: string | null;
    note: string | null;
    published: Generated<boolean>;
  } & MetaColumns;
  enclavesEnclaveSendingRegion: { enclaveId: string; regionCode: string; position: number };
  enclavesLandParcel: {
    enclaveId: string;
    parcelNo: string;
    position: number;
    areaMu: string;
    landUse: string;
    status: string;
    acquiredOn: string | null;
  };
};
