// Enclaves: validation that names fields, the forward-only life cycle, and the record's life through the
// register kit. Regions are checked through the regions module's door.
import { enclaveStatusOrder, type CreateEnclave, type Enclave, type EnclaveFilters, type EnclaveStatus, type UpdateEnclave } from "../../../../contracts/enclaves.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, NotFound, ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { RegisterService } from "../../platform/http/register-routes.ts";
import { registerKit } from "../../platform/register-kit.ts";
import type { RegionsService } from "../regions/index.ts";
import { insertEnclave, listEnclaves, loadEnclave, parcelsExceedArea, updateEnclaveRow } from "./enclaves.repository.ts";
import { todayInChina } from "../../platform/calendar.ts";

export type EnclavesService = RegisterService<Enclave, CreateEnclave, UpdateEnclave, EnclaveFilters>;

/** The enclave as it will stand after the write: the fields the cross-field rules look at. */
type Proposed = Pick<CreateEnclave, "hostRegionCode" | "sendingRegionCodes" | "areaMu" | "status" | "openedOn" | "parcels">;


export function isForwardTransition(from: EnclaveStatus, to: EnclaveStatus): boolean {
  return from !== "closed" && enclaveStatusOrder.indexOf(to) > enclaveStatusOrder.indexOf(from);
}

function checkRegionRules(enclave: Proposed, unknownCodes: ReadonlySet<string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (unknownCodes.has(enclave.hostRegionCode)) problems.push({ field: "hostRegionCode", value: enclave.hostRegionCode, message: "no region with this code" });
  const seen = new Set<string>();
  enclave.sendingRegionCodes.forEach((code, i) => {
    const field = `sendingRegionCodes.${i}`;
    if (code === enclave.hostRegionCode) problems.push({ field, value: code, message: "is the host region; an enclave's host cannot also be a sending region" });
    else if (seen.has(code)) problems.push({ field, value: code, message: "is listed twice" });
    else if (unknownCodes.has(code)) problems.push({ field, value: code, message: "no region with this code" });
    seen.add(code);
  });
  return problems;
}

function checkDates(enclave: Proposed, given: Partial<Proposed>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const today = todayInChina();
  if (given.openedOn && given.openedOn > today) problems.push({ field: "openedOn", value: given.openedOn, message: "must not be in the future" });
  if (enclave.status === "operating" && enclave.openedOn === null) {
    problems.push({ field: "openedOn", message: "is required once the enclave is operating" });
  }
  given.parcels?.forEach((parcel, i) => {
    if (parcel.acquiredOn && parcel.acquiredOn > today) problems.push({ field: `parcels.${i}.acquiredOn`, value: parcel.acquiredOn, message: "must not be in the future" });
  });
  return problems;
}

async function checkParcels(trx: Db, enclave: Proposed): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  enclave.parcels.forEach((parcel, i) => {
    if (seen.has(parcel.parcelNo)) problems.push({ field: `parcels.${i}.parcelNo`, value: parcel.parcelNo, message: "is used by another parcel of this enclave" });
    seen.add(parcel.parcelNo);
  });
  const sum = await parcelsExceedArea(trx, enclave.areaMu, enclave.parcels.map((p) => p.areaMu));
  if (sum.exceeds) {
    problems.push({ field: "parcels", value: sum.total, message: `the parcels add up to ${sum.total} mu, more than the enclave's ${enclave.areaMu} mu` });
  }
  return problems;
}

export function createEnclavesService(db: Db, regions: RegionsService): EnclavesService {
  const kit = registerKit<Enclave>({
    db,
    entity: "enclave",
    table: "enclaves_enclave",
    load: loadEnclave,
    scopeOf: (e) => ({ regions: [e.hostRegionCode, ...e.sendingRegionCodes], enclaveId: e.id, published: e.published && e.archivedAt === null }),
  });

  // Read through the regions module before the transaction opens (inside it only `trx` may be used); the
  // foreign keys still stop a region that disappears in between.
  async function unknownRegions(actor: Actor, codes: (string | undefined)[]): Promise<Set<string>> {
    const unknown = new Set<string>();
    for (const code of new Set(codes)) {
      if (code === undefined) continue;
      try {
        await regions.get(actor, code);
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
        unknown.add(code);
      }
    }
    return unknown;
  }

  async function check(trx: Db, enclave: Proposed, given: Partial<Proposed>, unknown: ReadonlySet<string>): Promise<void> {
    const problems = [...checkRegionRules(enclave, unknown), ...checkDates(enclave, given), ...(await checkParcels(trx, enclave))];
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  function checkTransition(from: EnclaveStatus, to: EnclaveStatus | undefined): void {
    if (to === undefined || to === from || isForwardTransition(from, to)) return;
    const why = from === "closed" ? "a closed enclave stays closed" : "the status only moves forward: planned → building → operating → closed";
    throw new Conflict("enclave.invalid_transition", `An enclave cannot go from ${from} to ${to}: ${why}.`, [{ field: "status", value: to, message: `cannot follow ${from}` }]);
  }

  return {
    list: async (actor, query) => listEnclaves(db, query, await kit.readFilter(actor)),
    get: (actor, id, asOf) => kit.get(actor, id, asOf),
    history: (actor, id) => kit.history(actor, id),
    async create(actor, input) {
      await kit.allow(actor, "create");
      const unknown = await unknownRegions(actor, [input.hostRegionCode, ...input.sendingRegionCodes]);
      return kit.create(actor, async (trx) => {
        await check(trx, input, input, unknown);
        return insertEnclave(trx, input);
      });
    },
    async update(actor, id, patch, expectedVersion) {
      await kit.authorized(actor, "update", id);
      const unknown = await unknownRegions(actor, [patch.hostRegionCode, ...(patch.sendingRegionCodes ?? [])]);
      return kit.update(
        actor,
        id,
        async (trx, before) => {
          checkTransition(before.status, patch.status);
          const proposed: Proposed = {
            hostRegionCode: patch.hostRegionCode ?? before.hostRegionCode,
            sendingRegionCodes: patch.sendingRegionCodes ?? before.sendingRegionCodes,
            areaMu: patch.areaMu ?? before.areaMu,
            status: patch.status ?? before.status,
            openedOn: patch.openedOn === undefined ? before.openedOn : patch.openedOn,
            parcels: patch.parcels ?? before.parcels,
          };
          await check(trx, proposed, patch, unknown);
          await updateEnclaveRow(trx, id, patch);
        },
        expectedVersion,
      );
    },
    archive: (actor, id) => kit.archive(actor, id),
    restore: (actor, id) => kit.restore(actor, id),
  };
}
