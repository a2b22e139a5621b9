// The cooperation module's tables, as Kysely sees them (camelCase; the database has snake_case).
import type { Generated } from "kysely";
import type { MetaColumns } from "../../platform/register-kit.ts";

export type CooperationTables = {
  cooperationActivity: {
    id: Generated<string>;
    domain: string;
    titleZh: string;
    titleEn: string;
    fromRegionCode: string;
    toRegionCode: string;
    pairingId: string | null;
    agreementId: string | null;
    startedOn: string;
    endedOn: string | null;
    description: string | null;
    published: Generated<boolean>;
  } & MetaColumns;
  cooperationActivityMeasure: {
    activityId: string;
    measure: string;
    value: string;
    unit: string;
    position: number;
  };
};
