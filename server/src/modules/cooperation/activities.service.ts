// Cooperation activities: validation that names fields, the life cycle through the register kit, the summary
// per domain and the measure catalogue. Regions and pairings are checked through the regions module's door.
import type {
  CooperationActivity,
  CooperationActivityFilters,
  CooperationSummary,
  CooperationSummaryQuery,
  CreateCooperationActivity,
  MeasureCatalogue,
  UpdateCooperationActivity,
} from "../../../../contracts/cooperation.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { DomainError, ValidationFailed, invalid, type ErrorDetail } from "../../platform/errors.ts";
import type { RegisterService } from "../../platform/http/register-routes.ts";
import type { ListParams } from "../../platform/listing.ts";
import { registerKit } from "../../platform/register-kit.ts";
import type { PairingsService, RegionsService } from "../regions/index.ts";
import { activityProblems, type ActivityShape } from "./activity-rules.ts";
import { insertActivity, listActivities, loadActivity, updateActivityRow } from "./activities.repository.ts";
import { measureCatalogue } from "./measure-catalogue.ts";
import { summarise } from "./summary.ts";

export type CooperationActivitiesService = RegisterService<CooperationActivity, CreateCooperationActivity, UpdateCooperationActivity, CooperationActivityFilters> & {
  summary(actor: Actor, query: CooperationSummaryQuery): Promise<CooperationSummary>;
  measureCatalogue(actor: Actor): MeasureCatalogue;
};

export type CooperationDependencies = { regions: Pick<RegionsService, "get">; pairings: Pick<PairingsService, "get"> };

type References = ActivityShape & { pairingId: string | null };

export function createCooperationActivitiesService(db: Db, deps: CooperationDependencies): CooperationActivitiesService {
  const kit = registerKit<CooperationActivity>({
    db,
    entity: "cooperation_activity",
    table: "cooperation_activity",
    load: loadActivity,
    scopeOf: (a) => ({ regions: [a.fromRegionCode, a.toRegionCode], published: a.published && a.archivedAt === null }),
  });

  /** null when the record does not exist; other errors pass. */
  async function found<T>(read: Promise<T>): Promise<T | null> {
    try {
      return await read;
    } catch (error) {
      if (error instanceof DomainError && error.kind === "not_found") return null;
      throw error;
    }
  }

  // Runs before the transaction: the regions module reads through its own connection, which inside a
  // transaction on PGlite's single connection would wait for ever. The foreign keys still guard the write.
  async function referenceProblems(actor: Actor, activity: References): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    for (const field of ["fromRegionCode", "toRegionCode"] as const) {
      if (!(await found(deps.regions.get(actor, activity[field])))) problems.push({ field, value: activity[field], message: "no region with this code" });
    }
    if (activity.pairingId !== null) {
      const pairing = await found(deps.pairings.get(actor, activity.pairingId));
      if (!pairing) problems.push({ field: "pairingId", value: activity.pairingId, message: "no pairing with this id" });
      else {
        const members = new Set(pairing.members.map((m) => m.regionCode));
        const outside = [activity.fromRegionCode, activity.toRegionCode].filter((code) => !members.has(code));
        if (outside.length > 0) problems.push({ field: "pairingId", value: activity.pairingId, message: `region ${outside.join(" and ")} is not in this pairing` });
      }
    }
    return problems;
  }

  async function check(actor: Actor, activity: References): Promise<void> {
    const problems = [...activityProblems(activity), ...(await referenceProblems(actor, activity))];
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  function merged(before: CooperationActivity, patch: UpdateCooperationActivity): References {
    return {
      fromRegionCode: patch.fromRegionCode ?? before.fromRegionCode,
      toRegionCode: patch.toRegionCode ?? before.toRegionCode,
      startedOn: patch.startedOn ?? before.startedOn,
      endedOn: patch.endedOn === undefined ? before.endedOn : patch.endedOn,
      measures: patch.measures ?? before.measures,
      pairingId: patch.pairingId === undefined ? before.pairingId : patch.pairingId,
    };
  }

  return {
    list: async (actor: Actor, query: CooperationActivityFilters & ListParams) => {
      const scope = await kit.readFilter(actor);
      if (query.startedFrom && query.startedTo && query.startedTo < query.startedFrom) {
        throw invalid("startedTo", `must not be before startedFrom (${query.startedFrom})`, query.startedTo);
      }
      return listActivities(db, query, scope);
    },
    get: (actor, id, asOf) => kit.get(actor, id, asOf),
    history: (actor, id) => kit.history(actor, id),
    async create(actor, input) {
      await kit.allow(actor, "create");
      await check(actor, input);
      return kit.create(actor, (trx) => insertActivity(trx, input));
    },
    async update(actor, id, patch, expectedVersion) {
      await check(actor, merged(await kit.authorized(actor, "update", id), patch));
      return kit.update(
        actor,
        id,
        async (trx, before) => {
          // The record may have changed since the check above; the rules that need no database run again.
          const problems = activityProblems(merged(before, patch));
          if (problems.length > 0) throw new ValidationFailed(problems);
          await updateActivityRow(trx, id, patch);
        },
        expectedVersion,
      );
    },
    archive: (actor, id) => kit.archive(actor, id),
    restore: (actor, id) => kit.restore(actor, id),
    async summary(actor, query) {
      const readable = await kit.readFilter(actor);
      if (query.pairingId && !(await found(deps.pairings.get(actor, query.pairingId)))) {
        throw invalid("pairingId", "no pairing with this id", query.pairingId);
      }
      return summarise(db, query, readable);
    },
    measureCatalogue: () => measureCatalogue(),
  };
}
