// SQL for enterprises. Only this file touches the module's table.
import { sql } from "kysely";
import type { Enterprise, EnterpriseFilters } from "../../../../contracts/enterprises.ts";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, type ListParams, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { EnterprisesTables } from "./enterprises.tables.ts";
import { findIndustryClass, industryClasses } from "./industry-codes.ts";
import { checkUscc } from "./uscc.ts";

const tables = (db: Db) => db.withTables<EnterprisesTables>();

export const enterpriseSortFields = ["nameZh", "nameEn", "uscc", "employees", "foundedOn", "industryCode", "updatedAt"] as const;

/** The columns an insert or update writes: the API's fields, already checked and normalised by the service. */
export type EnterpriseColumns = {
  uscc: string;
  nameZh: string;
  nameEn: string | null;
  homeRegionCode: string;
  industryCode: string;
  enclaveId: string | null;
  residentSince: string | null;
  employees: number | null;
  foundedOn: string | null;
  products: string[];
  registeredCapitalFen: string | null;
  note: string | null;
  illustrative: boolean;
};

type EnterpriseRow = Omit<EnterpriseColumns, "illustrative"> & {
  id: string;
  usccRegionMatch: boolean;
  usccCheckOk: boolean;
  version: number;
  illustrative: boolean;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
};

function toEnterprise(r: EnterpriseRow): Enterprise {
  return {
    id: r.id,
    uscc: r.uscc,
    usccCheckOk: r.usccCheckOk,
    usccRegionMatch: r.usccRegionMatch,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    homeRegionCode: r.homeRegionCode,
    industryCode: r.industryCode,
    // Codes are checked against the shipped table on every write; a code dropped from a later edition of the
    // table still shows, with its name missing rather than the record failing to load.
    industryNameZh: findIndustryClass(r.industryCode)?.name_zh ?? "",
    enclaveId: r.enclaveId,
    residentSince: r.residentSince,
    employees: r.employees,
    foundedOn: r.foundedOn,
    products: r.products,
    registeredCapitalFen: r.registeredCapitalFen,
    note: r.note,
    ...metaOf(r),
  };
}

export async function loadEnterprise(db: Db, id: string): Promise<Enterprise | undefined> {
  if (!isUuid(id)) return undefined; // a malformed id is simply not found, not a database error
  const row = await tables(db).selectFrom("enterprisesEnterprise").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toEnterprise(row as EnterpriseRow) : undefined;
}

/** Enterprises with these codes (archived ones included), keyed by code. */
export async function enterprisesByUscc(db: Db, codes: readonly string[]): Promise<Map<string, Enterprise>> {
  const found = new Map<string, Enterprise>();
  for (let i = 0; i < codes.length; i += 1000) {
    const chunk = codes.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    const rows = await tables(db).selectFrom("enterprisesEnterprise").selectAll().where("uscc", "in", chunk).execute();
    for (const row of rows) found.set(row.uscc, toEnterprise(row as EnterpriseRow));
  }
  return found;
}

/** Where an enterprise lies, in SQL: its home region, its enclave, itself. Enterprises are never public. */
export const enterpriseScope = {
  regions: (codes: readonly string[]) => sql<boolean>`enterprises_enterprise.home_region_code in (${sql.join(codes)})`,
  enclaveId: sql.ref("enterprises_enterprise.enclave_id"),
  enterpriseId: sql.ref("enterprises_enterprise.id"),
};

export async function listEnterprises(db: Db, query: EnterpriseFilters & ListParams, scope: ScopeFilter): Promise<Page<Enterprise>> {
  let qb = tables(db).selectFrom("enterprisesEnterprise").selectAll().where(scopeCondition(scope, enterpriseScope));
  if (!query.includeArchived) qb = qb.where("archivedAt", "is", null);
  if (query.illustrative !== undefined) qb = qb.where("illustrative", "=", query.illustrative);
  if (query.homeRegionCode) qb = qb.where("homeRegionCode", "=", query.homeRegionCode);
  if (query.enclaveId) qb = qb.where("enclaveId", "=", query.enclaveId);
  if (query.resident !== undefined) qb = qb.where("enclaveId", query.resident ? "is not" : "is", null);
  if (query.usccCheckOk !== undefined) qb = qb.where("usccCheckOk", "=", query.usccCheckOk);
  if (query.industryCode) {
    const codes = industryCodesMatching(query.industryCode);
    qb = codes === undefined ? qb.where("industryCode", "like", `${query.industryCode}%`) : codes.length === 0 ? qb.where(sql<boolean>`false`) : qb.where("industryCode", "in", codes);
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    const usccPattern = containsPattern(query.q.normalize("NFKC").toUpperCase());
    qb = qb.where((eb) =>
      eb.or([
        eb("nameZh", "ilike", pattern),
        eb("nameEn", "ilike", pattern),
        eb("uscc", "like", usccPattern),
        eb(eb.fn("array_to_string", ["products", eb.val("\u001f")]), "ilike", pattern),
      ]),
    );
  }
  const page = await pageOf(qb, query, enterpriseSortFields, "nameZh", "id");
  return { ...page, items: (page.items as EnterpriseRow[]).map(toEnterprise) };
}

/**
 * Codes a filter means: undefined for a digit prefix (matched with LIKE); the classes of a section for a letter,
 * optionally narrowed by digits ("C34").
 */
function industryCodesMatching(filter: string): string[] | undefined {
  const match = /^([A-Ta-t])(\d*)$/.exec(filter);
  if (!match) return undefined;
  const section = (match[1] as string).toUpperCase();
  const digits = match[2] ?? "";
  return industryClasses()
    .filter((c) => c.section === section && c.code.startsWith(digits))
    .map((c) => c.code);
}

export type EnterpriseName = { nameZh: string; nameEn: string | null; uscc: string };

/** The names of the enterprises with these ids that the scope lets the caller read (archived ones too). */
export async function enterpriseNames(db: Db, ids: readonly string[], scope: ScopeFilter): Promise<Map<string, EnterpriseName>> {
  const names = new Map<string, EnterpriseName>();
  const wanted = [...new Set(ids.filter(isUuid))];
  for (let start = 0; start < wanted.length; start += 20_000) {
    const rows = await tables(db)
      .selectFrom("enterprisesEnterprise")
      .select(["id", "nameZh", "nameEn", "uscc"])
      .where("id", "=", sql<string>`any(${wanted.slice(start, start + 20_000)}::uuid[])`)
      .where(scopeCondition(scope, enterpriseScope))
      .execute();
    for (const r of rows) names.set(r.id, { nameZh: r.nameZh, nameEn: r.nameEn, uscc: r.uscc });
  }
  return names;
}

export async function insertEnterprise(trx: Db, columns: EnterpriseColumns): Promise<string> {
  const { id } = await tables(trx)
    .insertInto("enterprisesEnterprise")
    .values({ ...columns, usccCheckOk: checkUscc(columns.uscc).ok })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateEnterpriseRow(trx: Db, id: string, patch: Partial<EnterpriseColumns>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  const checked = patch.uscc === undefined ? {} : { usccCheckOk: checkUscc(patch.uscc).ok };
  await tables(trx)
    .updateTable("enterprisesEnterprise")
    .set({ ...patch, ...checked })
    .where("id", "=", id)
    .execute();
}

/** A new version of a changed record; the register kit does this for single changes, imports for batches. */
export async function bumpVersion(trx: Db, id: string): Promise<void> {
  await tables(trx)
    .updateTable("enterprisesEnterprise")
    .set((eb) => ({ version: eb("version", "+", 1), updatedAt: sql<Date>`now()` }))
    .where("id", "=", id)
    .execute();
}

function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
