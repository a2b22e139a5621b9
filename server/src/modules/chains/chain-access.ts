// Who may do what with the chains, from the one permission table: the role first (before anything is looked up, so
// a caller without the permission learns nothing), then the record's scope. An enterprise's links and matches lie
// where the enterprise lies; a pair's analysis needs every county of the pair in scope (an official of Yongkang,
// paired with Wuyi, may see the Yongkang–Wuyi gaps, not a Yongkang–Yiwu report naming Yiwu's enterprises).
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import { auditingDenials, authorize, decide, type RecordScope } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound } from "../../platform/errors.ts";
import type { Permission } from "../../platform/permissions.ts";
import type { EnterprisesService } from "../enterprises/index.ts";

export type ChainPermission = Extract<Permission, `chain${string}`>;

/** Reads other modules' records on the chains module's behalf, after the caller was authorised. */
export const chainsReader: Actor = systemActor("chains");

export const enterpriseScope = (e: Pick<Enterprise, "id" | "homeRegionCode" | "enclaveId">): RecordScope => ({
  regions: [e.homeRegionCode],
  enterpriseId: e.id,
  enclaveId: e.enclaveId,
});

export function createChainAccess(db: Db, enterprises: Pick<EnterprisesService, "get">) {
  /** The role only: 401/403 before input is validated. */
  async function role(actor: Actor, permission: ChainPermission): Promise<void> {
    await auditingDenials(db, actor, async () => authorize(actor, permission, { entity: "chain" }));
  }

  /** The enterprise, when the actor holds the permission on it; 404 when it does not exist or lies out of sight. */
  async function enterprise(actor: Actor, permission: ChainPermission, id: string): Promise<Enterprise> {
    return auditingDenials(db, actor, async () => {
      authorize(actor, permission, { entity: "enterprise", id });
      const found = await enterpriseOrUndefined(enterprises, id);
      if (!found) throw new NotFound("enterprise", id);
      authorize(actor, permission, { entity: "enterprise", id, scope: enterpriseScope(found) });
      return found;
    });
  }

  /** Every county of the pair must be in the actor's scope. */
  async function pair(actor: Actor, permission: ChainPermission, regionCodes: readonly string[]): Promise<void> {
    await auditingDenials(db, actor, async () => {
      for (const code of regionCodes) authorize(actor, permission, { entity: "region", id: code, scope: { regions: [code] } });
    });
  }

  /** Whether the actor may read the pair's figures too (output in the gap report): a question, never a denial. */
  const mayReadFigures = (actor: Actor, regionCodes: readonly string[]): boolean =>
    regionCodes.every((code) => decide(actor, "figure.read", { regions: [code] }).allowed);

  return { role, enterprise, pair, mayReadFigures };
}

export type ChainAccess = ReturnType<typeof createChainAccess>;

export async function enterpriseOrUndefined(enterprises: Pick<EnterprisesService, "get">, id: string): Promise<Enterprise | undefined> {
  try {
    return await enterprises.get(chainsReader, id);
  } catch (error) {
    if (error instanceof NotFound) return undefined;
    throw error;
  }
}
