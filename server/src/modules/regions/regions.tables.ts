// The regions module's tables, as Kysely sees them (camelCase; the database has snake_case).
import type { Generated } from "kysely";
import type { MetaColumns } from "../../platform/register-kit.ts";

export type RegionsTables = {
  regionsRegion: {
    code: string;
    nameZh: string;
    nameEn: string;
    level: string;
    kind: string | null;
    parentCode: string | null;
  } & MetaColumns;
  regionsRegionFact: {
    regionCode: string;
    year: number;
    measure: string;
    value: string;
    unit: string;
    source: string | null;
    illustrative: boolean;
  };
  regionsPairing: {
    id: Generated<string>;
    nameZh: string;
    nameEn: string;
    programme: string;
    sinceYear: number;
    since: string | null;
    note: string | null;
  } & MetaColumns;
  regionsPairingMember: { pairingId: string; regionCode: string; position: number };
};
