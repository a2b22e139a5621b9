// The subjects of figures: enterprises and enclaves, read through their modules' doors. A figure lies where its
// subject lies (the subject's scope decides who may read or record it), and files name subjects as officials
// know them: an enterprise by its USCC, its id or its name; an enclave by its id or its name.
import type { Enclave } from "../../../../contracts/enclaves.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import { decide, readFilter, type RecordScope } from "../../platform/authorize.ts";
import { DomainError } from "../../platform/errors.ts";
import type { Permission } from "../../platform/permissions.ts";
import { enclaveLookup, listAll, type EnclaveLookup } from "../../platform/tabular/index.ts";
import type { EnclavesService } from "../enclaves/index.ts";
import type { EnterprisesService } from "../enterprises/index.ts";
import type { SubjectKind } from "./figure-identity.ts";
import type { SubjectFilter } from "./figures.repository.ts";

export type IndicatorDependencies = { enterprises: EnterprisesService; enclaves: EnclavesService };

/** Reads the registers to place figures; what the caller may see of the figures is decided here, not by it. */
const reader = systemActor("indicators");

export type SubjectRecord = { kind: SubjectKind; id: string; code: string | null; name: string; scope: RecordScope };

const enterpriseSubject = (e: Enterprise): SubjectRecord => ({
  kind: "enterprise",
  id: e.id,
  code: e.uscc,
  name: e.nameZh,
  scope: { regions: [e.homeRegionCode], enterpriseId: e.id, enclaveId: e.enclaveId },
});

const enclaveSubject = (e: Enclave): SubjectRecord => ({
  kind: "enclave",
  id: e.id,
  code: null,
  name: e.nameZh,
  scope: { regions: [e.hostRegionCode, ...e.sendingRegionCodes], enclaveId: e.id },
});

/** One subject by id, or undefined when there is none. */
export async function findSubject(deps: IndicatorDependencies, kind: SubjectKind, id: string): Promise<SubjectRecord | undefined> {
  try {
    return kind === "enterprise" ? enterpriseSubject(await deps.enterprises.get(reader, id)) : enclaveSubject(await deps.enclaves.get(reader, id));
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return undefined;
    throw error;
  }
}

export type SubjectDirectory = {
  enterprise(text: string): SubjectRecord | { message: string };
  enclave(text: string): SubjectRecord | { message: string };
  byId(id: string): SubjectRecord | undefined;
};

const usccPattern = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The registers a directory is made of (plain data: it can be handed to a worker thread). */
export type SubjectRegisters = { enterprises: Enterprise[]; enclaves: Enclave[] };

/** Every enterprise and enclave (archived ones too: their figures still count). */
export async function loadRegisters(deps: IndicatorDependencies): Promise<SubjectRegisters> {
  const [enterprises, enclaves] = await Promise.all([listAll((q) => deps.enterprises.list(reader, q)), listAll((q) => deps.enclaves.list(reader, q))]);
  return { enterprises, enclaves };
}

/** Every enterprise and enclave, for an import or an export. */
export async function loadDirectory(deps: IndicatorDependencies): Promise<SubjectDirectory> {
  return directoryOf(await loadRegisters(deps));
}

export function directoryOf(registers: SubjectRegisters): SubjectDirectory {
  const enterprises = registers.enterprises.map((e) => ({ record: e, subject: enterpriseSubject(e) }));
  const enclaves = registers.enclaves;
  const byId = new Map<string, SubjectRecord>([...enterprises.map((e) => [e.subject.id, e.subject] as const), ...enclaves.map((e) => [e.id, enclaveSubject(e)] as const)]);
  const byUscc = new Map(enterprises.map((e) => [e.record.uscc, e.subject]));
  const byName = new Map<string, SubjectRecord[]>();
  for (const { record, subject } of enterprises) {
    for (const name of new Set([record.nameZh.trim(), record.nameEn?.trim().toLowerCase()])) {
      if (name) byName.set(name, [...(byName.get(name) ?? []), subject]);
    }
  }
  const findEnclave: EnclaveLookup = enclaveLookup(enclaves);
  const resolved = new Map<string, SubjectRecord | { message: string }>();

  function enterprise(text: string): SubjectRecord | { message: string } {
    // A file repeats its subjects on many rows: the text as written is looked up before it is normalised.
    const asWritten = resolved.get(text);
    if (asWritten) return asWritten;
    const key = text.normalize("NFKC").trim();
    const known = resolved.get(key);
    if (known) {
      resolved.set(text, known);
      return known;
    }
    let answer: SubjectRecord | { message: string };
    const code = key.toUpperCase().replace(/\s+/g, "");
    if (usccPattern.test(code)) answer = byUscc.get(code) ?? { message: "no enterprise with this USCC in the register" };
    else if (uuidPattern.test(key)) answer = byId.get(key.toLowerCase()) ?? { message: "no enterprise with this id" };
    else {
      const found = byName.get(key) ?? byName.get(key.toLowerCase()) ?? [];
      answer =
        found.length === 1
          ? (found[0] as SubjectRecord)
          : { message: found.length > 1 ? `names ${found.length} enterprises; write the USCC instead` : "no enterprise with this USCC or name in the register" };
    }
    resolved.set(key, answer);
    resolved.set(text, answer);
    return answer;
  }

  function enclave(text: string): SubjectRecord | { message: string } {
    const found = findEnclave(text);
    return "id" in found ? (byId.get(found.id) as SubjectRecord) : found;
  }

  return { enterprise, enclave, byId: (id) => byId.get(id.toLowerCase()) };
}

/**
 * The subjects whose figures the actor may read, for a list: all, or the matching enterprises and enclaves. The
 * enterprises come from the register's own filters (home region, enclave, the one enterprise), so a county
 * official's list does not read the whole province.
 */
export async function readableSubjects(actor: Actor, deps: IndicatorDependencies, permission: Permission = "figure.read"): Promise<SubjectFilter> {
  const filter = readFilter(actor, permission, "figure");
  if (filter.all) return { all: true };
  const candidates: SubjectRecord[] = (await listAll((q) => deps.enclaves.list(reader, q))).map(enclaveSubject);
  const listEnterprises = async (query: { homeRegionCode?: string; enclaveId?: string }) =>
    (await listAll((q) => deps.enterprises.list(reader, { ...q, ...query }))).map(enterpriseSubject);
  for (const regionCode of filter.regions) candidates.push(...(await listEnterprises({ homeRegionCode: regionCode })));
  if (filter.enclaveId) candidates.push(...(await listEnterprises({ enclaveId: filter.enclaveId })));
  if (filter.enterpriseId) {
    const own = await findSubject(deps, "enterprise", filter.enterpriseId);
    if (own) candidates.push(own);
  }
  const ids = new Set(candidates.filter((s) => decide(actor, permission, s.scope).allowed).map((s) => s.id));
  return { all: false, subjectIds: [...ids] };
}
