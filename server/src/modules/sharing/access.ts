// Who may touch an agreement's benefit sharing: the permission table (sharing.read, .manage, .confirm) with the
// agreement's parties as the record's scope — and, to confirm, the party confirmed for. The role is checked
// before the agreement is looked up, so a caller without the permission learns nothing about it.
import type { Agreement } from "../../../../contracts/agreements.ts";
import type { Actor } from "../../platform/actor.ts";
import { auditingDenials, authorize } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound } from "../../platform/errors.ts";
import type { Permission } from "../../platform/permissions.ts";
import { sharingActor, type SharingDependencies } from "./inputs.ts";

export type SharingPermission = Extract<Permission, `sharing.${string}`>;

export function createAccess(db: Db, deps: SharingDependencies) {
  async function agreement(actor: Actor, permission: SharingPermission, id: string): Promise<Agreement> {
    return auditingDenials(db, actor, async () => {
      authorize(actor, permission, { entity: "agreement", id });
      let found: Agreement;
      try {
        found = await deps.agreements.get(sharingActor, id);
      } catch (error) {
        if (error instanceof NotFound) throw new NotFound("agreement", id);
        throw error;
      }
      authorize(actor, permission, { entity: "agreement", id, scope: { regions: found.parties } });
      return found;
    });
  }

  /** May the actor confirm for this party? County officials for their own county; administrators for any. */
  async function confirmFor(actor: Actor, runId: string, party: string): Promise<void> {
    await auditingDenials(db, actor, async () => authorize(actor, "sharing.confirm", { entity: "settlement_run", id: runId, scope: { regions: [party] } }, { afterChange: true }));
  }

  /** Role only (before input is validated): 401/403, never a 400 first. */
  async function role(actor: Actor, permission: SharingPermission): Promise<void> {
    await auditingDenials(db, actor, async () => authorize(actor, permission, { entity: "sharing" }));
  }

  return { agreement, confirmFor, role };
}

export type Access = ReturnType<typeof createAccess>;
