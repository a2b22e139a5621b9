// The residency history of enterprises: read it, correct it (officials who may change an enterprise's place:
// enterprise.register), and the door benefit sharing reads it through (periods of an enclave's residents).
import type { CorrectResidencies, ResidencyHistory } from "../../../../contracts/enterprise-residency.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Actor } from "../../platform/actor.ts";
import { auditingDenials, authorize, type RecordScope } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound, ValidationFailed, invalid, type ErrorDetail } from "../../platform/errors.ts";
import type { RegisterKit } from "../../platform/register-kit.ts";
import type { EnclavesService } from "../enclaves/index.ts";
import { updateEnterpriseRow } from "./enterprises.repository.ts";
import { residenciesOf, residencyPeriodsMatching, type EnterprisePeriod, type ResidencyQuery } from "./residencies.repository.ts";
import { historyProblems, inOrder, residenceOf, sameHistory, type Period } from "./residency-rules.ts";
import { writeHistory } from "./residency-writes.ts";

export type { EnterprisePeriod, ResidencyQuery };

export type ResidencyService = {
  residencies(actor: Actor, enterpriseId: string): Promise<ResidencyHistory>;
  /** Replaces the whole history; expectedVersion (If-Match) is the enterprise's version and is required. */
  correctResidencies(actor: Actor, enterpriseId: string, input: CorrectResidencies, expectedVersion: number | undefined): Promise<ResidencyHistory>;
  /** The periods (in any enclave) of the enterprises resident in the enclaves within the dates, and of the enterprises named. */
  residencyPeriods(actor: Actor, query: ResidencyQuery): Promise<EnterprisePeriod[]>;
};

export function createResidencyService(
  db: Db,
  deps: { enclaves: EnclavesService },
  kit: RegisterKit<Enterprise>,
  scopeOf: (e: Pick<Enterprise, "id" | "homeRegionCode" | "enclaveId">) => RecordScope,
): ResidencyService {
  async function historyOf(enterprise: Enterprise): Promise<ResidencyHistory> {
    const periods = (await residenciesOf(db, [enterprise.id])).get(enterprise.id) ?? [];
    return { enterpriseId: enterprise.id, version: enterprise.version, periods };
  }

  /** Changing the history changes the enterprise's place: enterprise.register, where it lies now and where it will. */
  function mayRegister(actor: Actor, enterprise: Enterprise, enclaveId: string | null | undefined): Promise<void> {
    return auditingDenials(db, actor, async () => {
      const resource = (e: Pick<Enterprise, "id" | "homeRegionCode" | "enclaveId">) => ({ entity: "enterprise", id: e.id, scope: scopeOf(e) });
      authorize(actor, "enterprise.register", resource(enterprise));
      if (enclaveId !== undefined) authorize(actor, "enterprise.register", resource({ ...enterprise, enclaveId }), { afterChange: true });
    });
  }

  /** Enclaves new to the history must exist (and be readable, as for a PATCH); those already in it do (a foreign key). */
  async function unknownEnclaves(actor: Actor, periods: readonly Period[], stored: readonly Period[]): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    const checked = new Set<string>(stored.map((p) => p.enclaveId));
    for (const [i, p] of periods.entries()) {
      if (checked.has(p.enclaveId)) continue;
      checked.add(p.enclaveId);
      try {
        await deps.enclaves.get(actor, p.enclaveId);
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        problems.push({ field: `periods.${i}.enclaveId`, value: p.enclaveId, message: "no enclave with this id" });
      }
    }
    return problems;
  }

  return {
    residencies: async (actor, enterpriseId) => historyOf(await kit.get(actor, enterpriseId)),
    async correctResidencies(actor, enterpriseId, input, expectedVersion) {
      const current = await kit.authorized(actor, "update", enterpriseId);
      await mayRegister(actor, current, undefined);
      if (expectedVersion === undefined) {
        throw invalid("If-Match", "is required: the enterprise's version you corrected (GET /api/v1/enterprises/{id}/residencies gives it)");
      }
      const periods: Period[] = input.periods.map((p) => ({ enclaveId: p.enclaveId, from: p.from, to: p.to }));
      const stored = (await residenciesOf(db, [enterpriseId])).get(enterpriseId) ?? [];
      const problems = [...historyProblems(periods), ...(await unknownEnclaves(actor, periods, stored))];
      if (problems.length > 0) throw new ValidationFailed(problems);
      const residence = residenceOf(periods);
      await mayRegister(actor, current, residence.enclaveId);
      // Nothing to correct: no new version (a stale If-Match still gets its conflict).
      if (expectedVersion === current.version && sameHistory(stored, periods)) return historyOf(current);
      const after = await kit.update(
        actor,
        enterpriseId,
        async (trx, before) => {
          const previous = (await residenciesOf(trx, [enterpriseId])).get(enterpriseId) ?? [];
          await updateEnterpriseRow(trx, enterpriseId, residence);
          await writeHistory(trx, actor, enterpriseId, previous, inOrder(periods), before.version + 1);
        },
        expectedVersion,
      );
      return historyOf(after);
    },
    residencyPeriods: async (actor, query) => residencyPeriodsMatching(db, query, await kit.readFilter(actor)),
  };
}
