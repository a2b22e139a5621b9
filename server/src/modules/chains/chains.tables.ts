// The chains module's tables, as Kysely sees them (camelCase; the database has snake_case).
import type { Generated } from "kysely";
import type { MetaColumns } from "../../platform/register-kit.ts";

export type ChainsTables = {
  chainsChainSet: {
    version: string;
    sequence: number;
    source: "reference" | "edited";
    document: unknown;
    nodeCount: number;
    chainCount: number;
    createdBy: string;
    createdByName: string;
    createdAt: Generated<Date>;
  };
  chainsEnterpriseState: {
    enterpriseId: string;
    homeRegionCode: string;
    enterpriseVersion: number;
    chainSetVersion: string;
    decisions: Generated<number>;
    derivedAt: Generated<Date>;
  };
  chainsEnterpriseLink: {
    enterpriseId: string;
    nodeId: string;
    origin: "derived" | "added";
    status: "derived" | "confirmed" | "rejected";
    derived: boolean;
    /** JSON text on insert; pg parses jsonb on the way out. */
    reasons: unknown;
    note: string | null;
    decidedBy: string | null;
    decidedByName: string | null;
    decidedAt: Date | null;
  };
  chainsRevision: { id: number; revision: string };
  chainsMatch: {
    id: Generated<string>;
    supplierId: string;
    customerId: string;
    supplierNameZh: string;
    supplierNameEn: string | null;
    supplierRegionCode: string;
    supplierEnclaveId: string | null;
    customerNameZh: string;
    customerNameEn: string | null;
    customerRegionCode: string;
    customerEnclaveId: string | null;
    status: string;
    score: number | null;
    supplierNodeId: string | null;
    buyerNodeId: string | null;
    chainSetVersion: string | null;
    projectId: string | null;
    note: string | null;
  } & MetaColumns;
  chainsMatchStatus: { matchId: string; status: string; reachedAt: Generated<Date>; actorId: string; actorName: string };
};
