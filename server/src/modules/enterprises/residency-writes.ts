// Writes of the residency history, always inside the transaction of the enterprise's own write, each with its
// history entry (entity "enterprise_residency", the enterprise's id and new version) and through it the audit
// entry: the enterprise's snapshot shows the current residency, this stream the periods before and after.
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { ValidationFailed } from "../../platform/errors.ts";
import { recordChange } from "../../platform/history.ts";
import { replaceResidencies, residenciesOf } from "./residencies.repository.ts";
import { followResidence, sameHistory, type Period, type Residence } from "./residency-rules.ts";

export const residencyEntity = "enterprise_residency";

export type ResidenceChange = { enterpriseId: string; before: Residence | null; after: Residence; version: number; today: string };

/** Makes the history follow a change of enclaveId/residentSince; refuses (naming the field) one it cannot follow. */
export async function followRegisterWrite(trx: Db, actor: Actor, change: ResidenceChange): Promise<void> {
  const { before, after } = change;
  if (before && before.enclaveId === after.enclaveId && before.residentSince === after.residentSince) return;
  const periods = (await residenciesOf(trx, [change.enterpriseId])).get(change.enterpriseId) ?? [];
  const followed = followResidence(periods, before, after, change.today);
  if ("problem" in followed) throw new ValidationFailed([followed.problem]);
  await writeHistory(trx, actor, change.enterpriseId, periods, followed.periods, change.version);
}

/** Stores a new history when it differs from the old one. */
export async function writeHistory(trx: Db, actor: Actor, enterpriseId: string, before: readonly Period[], after: readonly Period[], version: number): Promise<void> {
  if (sameHistory(before, after)) return;
  await replaceResidencies(trx, enterpriseId, after);
  await recordChange(trx, {
    entity: residencyEntity,
    recordId: enterpriseId,
    version,
    action: before.length === 0 ? "create" : "update",
    actor,
    before: before.length === 0 ? null : before,
    after,
  });
}
