// Enterprises: validation that names fields (USCC check character, GB/T 4754-2017 class, dates, region and
// enclave), and the record's life through the register kit. Regions and enclaves are read through their doors.
import type { CreateEnterprise, Enterprise, EnterpriseFilters, UpdateEnterprise } from "../../../../contracts/enterprises.ts";
import type { Actor } from "../../platform/actor.ts";
import { auditingDenials, authorize, type RecordScope } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound, ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { RegisterService } from "../../platform/http/register-routes.ts";
import { registerKit } from "../../platform/register-kit.ts";
import type { EnclavesService } from "../enclaves/index.ts";
import type { RegionsService } from "../regions/index.ts";
import { checkDates, checkIndustryCodeField, checkUsccField, todayInChina } from "./enterprise-rules.ts";
import { enterpriseNames, insertEnterprise, listEnterprises, loadEnterprise, updateEnterpriseRow, type EnterpriseColumns, type EnterpriseName } from "./enterprises.repository.ts";
import { createResidencyService, type ResidencyService } from "./residencies.service.ts";
import type { Residence } from "./residency-rules.ts";
import { followRegisterWrite } from "./residency-writes.ts";

export type EnterprisesService = RegisterService<Enterprise, CreateEnterprise, UpdateEnterprise, EnterpriseFilters> &
  ResidencyService & {
    /** Many enterprises' names at once (a statement's subjects): those the actor may read, by id. */
    names(actor: Actor, ids: readonly string[]): Promise<Map<string, EnterpriseName>>;
  };

export type EnterpriseDependencies = { regions: RegionsService; enclaves: EnclavesService };

export function createEnterprisesService(db: Db, deps: EnterpriseDependencies): EnterprisesService {
  const kit = registerKit<Enterprise>({ db, entity: "enterprise", table: "enterprises_enterprise", load: loadEnterprise, scopeOf: enterpriseScopeOf });

  // Read through the other modules before the transaction opens (inside it only `trx` may be used); the
  // foreign keys still stop a region or enclave that disappears in between.
  async function referenceProblems(actor: Actor, given: { homeRegionCode?: string; enclaveId?: string | null }): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    if (given.homeRegionCode !== undefined && !(await exists(() => deps.regions.get(actor, given.homeRegionCode as string)))) {
      problems.push({ field: "homeRegionCode", value: given.homeRegionCode, message: "no region with this code" });
    }
    if (given.enclaveId && !(await exists(() => deps.enclaves.get(actor, given.enclaveId as string)))) {
      problems.push({ field: "enclaveId", value: given.enclaveId, message: "no enclave with this id" });
    }
    return problems;
  }

  /** Checks the fields given and normalises the codes; throws every problem at once. */
  function normalised<T extends { uscc?: string; industryCode?: string; keepUsccFailingCheck?: boolean | undefined }>(
    input: T,
    problems: ErrorDetail[],
    stored?: string,
  ): Omit<T, "keepUsccFailingCheck"> {
    const { keepUsccFailingCheck, ...out } = input;
    if (input.uscc !== undefined) {
      // The code the record already has (a form sends every field) stays, kept once.
      const unchanged = stored !== undefined && input.uscc.normalize("NFKC").trim().toUpperCase() === stored;
      const uscc = checkUsccField(input.uscc, { keepFailingCheck: keepUsccFailingCheck === true || unchanged });
      if ("code" in uscc) out.uscc = uscc.code;
      else problems.push(uscc.problem);
    }
    if (input.industryCode !== undefined) {
      const industry = checkIndustryCodeField(input.industryCode);
      if ("code" in industry) out.industryCode = industry.code;
      else problems.push(industry.problem);
    }
    return out;
  }

  /** Identity and place (USCC, home region, enclave residency) change only with enterprise.register, before and after. */
  async function checkRegistration(actor: Actor, before: Enterprise, columns: Partial<EnterpriseColumns>): Promise<void> {
    const changes = registrationFields.filter((f) => columns[f] !== undefined && columns[f] !== before[f]);
    if (changes.length === 0) return;
    const after = { id: before.id, homeRegionCode: columns.homeRegionCode ?? before.homeRegionCode, enclaveId: columns.enclaveId === undefined ? before.enclaveId : columns.enclaveId };
    await auditingDenials(db, actor, async () => {
      authorize(actor, "enterprise.register", { entity: "enterprise", id: before.id, scope: enterpriseScopeOf(before) });
      authorize(actor, "enterprise.register", { entity: "enterprise", id: before.id, scope: enterpriseScopeOf(after) }, { afterChange: true });
    });
  }

  return {
    ...createResidencyService(db, deps, kit, enterpriseScopeOf),
    list: async (actor, query) => listEnterprises(db, query, await kit.readFilter(actor)),
    names: async (actor, ids) => enterpriseNames(db, ids, await kit.readFilter(actor)),
    get: (actor, id, asOf) => kit.get(actor, id, asOf),
    history: (actor, id) => kit.history(actor, id),
    async create(actor, input) {
      await kit.allow(actor, "create");
      const problems = await referenceProblems(actor, input);
      const columns: EnterpriseColumns = normalised(input, problems);
      const today = todayInChina();
      problems.push(...checkDates(columns, today));
      if (problems.length > 0) throw new ValidationFailed(problems);
      return kit.create(actor, async (trx) => {
        const id = await insertEnterprise(trx, columns);
        await followRegisterWrite(trx, actor, { enterpriseId: id, before: null, after: residenceOf(columns), version: 1, today });
        return id;
      });
    },
    async update(actor, id, patch, expectedVersion) {
      const current = await kit.authorized(actor, "update", id);
      const problems = await referenceProblems(actor, patch);
      const columns = normalised(patch, problems, current.uscc);
      if (problems.length > 0) throw new ValidationFailed(problems);
      await checkRegistration(actor, current, columns);
      return kit.update(
        actor,
        id,
        async (trx, before) => {
          const after = { ...before, ...columns };
          const today = todayInChina();
          const dateProblems = checkDates(after, today).filter((p) => p.field === "residentSince" || columns.foundedOn !== undefined);
          if (dateProblems.length > 0) throw new ValidationFailed(dateProblems);
          // The residency history follows a move, in this transaction (the kit bumps the version after).
          await followRegisterWrite(trx, actor, { enterpriseId: id, before: residenceOf(before), after: residenceOf(after), version: before.version + 1, today });
          await updateEnterpriseRow(trx, id, columns);
        },
        expectedVersion,
      );
    },
    archive: (actor, id) => kit.archive(actor, id),
    restore: (actor, id) => kit.restore(actor, id),
  };
}

const registrationFields = ["uscc", "homeRegionCode", "enclaveId", "residentSince"] as const;

/** Where an enterprise lies: its home region, its enclave, itself (imports check each row with it too). */
export function enterpriseScopeOf(e: Pick<Enterprise, "id" | "homeRegionCode" | "enclaveId">): RecordScope {
  return { regions: [e.homeRegionCode], enterpriseId: e.id, enclaveId: e.enclaveId };
}

function residenceOf(e: Pick<Enterprise, "enclaveId" | "residentSince">): Residence {
  return { enclaveId: e.enclaveId, residentSince: e.residentSince };
}

async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof NotFound) return false;
    throw error;
  }
}
