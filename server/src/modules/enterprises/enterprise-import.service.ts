// The enterprise import: an XLSX or CSV register of enterprises, checked row by row with the API's rules, then
// written in batches (one transaction each). A USCC already in the register updates that enterprise; a row that
// changes nothing writes nothing, so importing the same file twice leaves no trace the second time.
// A column the file lacks leaves that field as it is; a blank cell in a column the file has clears the field.
import { CreateEnterprise, type Enterprise, type ImportMode, type ImportOutcome, type ImportProblem } from "../../../../contracts/enterprises.ts";
import type { Actor } from "../../platform/actor.ts";
import { auditingDenials, authorize, decide } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { recordChange } from "../../platform/history.ts";
import { translateDatabaseError } from "../../platform/register-kit.ts";
import { ImportRejected, rowProblem, runImport, type ImportProgress, type ParsedRow, type Table, type UploadedFile } from "../../platform/tabular/index.ts";
import { columnOfField, enterpriseImportColumns, type EnterpriseImportColumn } from "./enterprise-import.columns.ts";
import { loadDirectory, type Directory } from "./enterprise-import.directory.ts";
import { checkDates, checkIndustryCodeField, checkUsccField, todayInChina } from "./enterprise-rules.ts";
import { bumpVersion, enterprisesByUscc, insertEnterprise, loadEnterprise, updateEnterpriseRow, type EnterpriseColumns } from "./enterprises.repository.ts";
import { enterpriseScopeOf, type EnterpriseDependencies } from "./enterprises.service.ts";
import { residenciesOf } from "./residencies.repository.ts";
import { followResidence, type Period } from "./residency-rules.ts";
import { followRegisterWrite } from "./residency-writes.ts";

export { ImportRejected, type ImportProgress };

export type EnterpriseImport = {
  importEnterprises(actor: Actor, file: UploadedFile, options: { mode: ImportMode }, onProgress?: (progress: ImportProgress) => void): Promise<ImportOutcome>;
};

const entity = "enterprise";

type Columns = typeof enterpriseImportColumns;
type Candidate = { row: number; columns: Partial<EnterpriseColumns> & { uscc: string }; problems: ImportProblem[]; warnings: ImportProblem[] };

const newRecordDefaults: Omit<EnterpriseColumns, "uscc" | "nameZh" | "homeRegionCode" | "industryCode"> = {
  nameEn: null,
  enclaveId: null,
  residentSince: null,
  employees: null,
  foundedOn: null,
  products: [],
  registeredCapitalFen: null,
  note: null,
  illustrative: false,
};

export function createEnterpriseImport(db: Db, deps: EnterpriseDependencies): EnterpriseImport {
  return {
    // The permission table applies to every row: the caller must be able to create enterprises at all, and each
    // row's enterprise must lie in its scope before and after (a row outside it is a problem of that row).
    importEnterprises: (actor, file, options, onProgress) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "enterprise.create", { entity });
        return importChecked(actor, file, options, onProgress);
      }),
  };

  function importChecked(actor: Actor, file: UploadedFile, options: { mode: ImportMode }, onProgress?: (progress: ImportProgress) => void): Promise<ImportOutcome> {
    return runImport({
        file,
        columns: enterpriseImportColumns,
        mode: options.mode,
        onProgress,
        async check(table) {
          const directory = await loadDirectory(actor, deps);
          const codes = table.rows.map((r) => r.values.uscc).filter((c): c is string => typeof c === "string");
          const existing = await enterprisesByUscc(db, [...new Set(codes.map((c) => checkUsccField(c, { keepFailingCheck: true })).flatMap((c) => ("code" in c ? [c.code] : [])))]);
          const residencies = await residenciesOf(db, [...existing.values()].map((e) => e.id));
          return checkRows(table, directory, { existing, residencies }, todayInChina(), actor);
        },
        write: (batch) => writeBatch(db, actor, batch),
      });
  }
}

type Register = { existing: ReadonlyMap<string, Enterprise>; residencies: ReadonlyMap<string, Period[]> };

function checkRows(table: Table<Columns>, directory: Directory, register: Register, today: string, actor: Actor): Candidate[] {
  const { existing, residencies } = register;
  const firstRowOf = new Map<string, number>();
  return table.rows.map((parsed) => {
    const candidate = candidateOf(parsed, table, directory);
    const problem = (field: keyof EnterpriseColumns, value: unknown, message: string) => candidate.problems.push(problemAt(table, parsed.row, field, value, message));
    const uscc = candidate.columns.uscc;
    if (uscc !== "") {
      const first = firstRowOf.get(uscc);
      if (first !== undefined) problem("uscc", uscc, `is the same USCC as row ${first}; each enterprise once per file`);
      else firstRowOf.set(uscc, parsed.row);
    }
    if (candidate.problems.length > 0) return candidate;
    // The record as it will stand: the enterprise in the register (if any) with this row's columns over it.
    const before = existing.get(uscc);
    const merged = { ...newRecordDefaults, ...(before ? columnsOf(before) : {}), ...candidate.columns };
    for (const p of checkDates(merged, today)) problem(p.field as keyof EnterpriseColumns, p.value, p.message);
    if (before && candidate.problems.length === 0) {
      // A move must fit the enterprise's residency history (written with the row, in its batch).
      const followed = followResidence(residencies.get(before.id) ?? [], before, { enclaveId: merged.enclaveId, residentSince: merged.residentSince }, today);
      if ("problem" in followed) problem(followed.problem.field as keyof EnterpriseColumns, followed.problem.value, followed.problem.message);
    }
    const shape = CreateEnterprise.safeParse(merged);
    if (!shape.success) {
      for (const issue of shape.error.issues) problem(String(issue.path[0]) as keyof EnterpriseColumns, merged[issue.path[0] as keyof typeof merged], issue.message);
    }
    if (before && !decide(actor, "enterprise.update", enterpriseScopeOf(before)).allowed) {
      problem("uscc", uscc, "this enterprise is outside what you may change");
    } else if (!decide(actor, before ? "enterprise.update" : "enterprise.create", enterpriseScopeOf({ id: before?.id ?? "", homeRegionCode: merged.homeRegionCode ?? "", enclaveId: merged.enclaveId }), { afterChange: true }).allowed) {
      problem("homeRegionCode", merged.homeRegionCode, `you may not ${before ? "move an enterprise to" : "create enterprises in"} this region or enclave (outside your scope)`);
    }
    return candidate;
  });
}

/** One row's values as record columns, with codes normalised and names resolved; problems name the column. */
function candidateOf(parsed: ParsedRow<Columns>, table: Table<Columns>, directory: Directory): Candidate {
  const v = parsed.values;
  const problems: ImportProblem[] = [...parsed.problems];
  const problem = (field: keyof EnterpriseColumns, value: unknown, message: string) => problems.push(problemAt(table, parsed.row, field, value, message));
  const columns: Partial<EnterpriseColumns> = {};
  let uscc = "";
  const warnings: ImportProblem[] = [];
  if (typeof v.uscc === "string") {
    // A code failing only its check character is imported as the register has it, with a warning (DOMAIN.md §6).
    const checked = checkUsccField(v.uscc, { keepFailingCheck: true });
    if ("code" in checked) uscc = checked.code;
    else problem("uscc", v.uscc, checked.problem.message);
    if ("warning" in checked && checked.warning) warnings.push(problemAt(table, parsed.row, "uscc", v.uscc, checked.warning.message));
  }
  if (v.nameZh !== undefined && v.nameZh !== null) columns.nameZh = v.nameZh;
  if (v.nameEn !== undefined) columns.nameEn = v.nameEn;
  if (typeof v.homeRegion === "string") {
    const region = directory.region(v.homeRegion);
    if ("code" in region) columns.homeRegionCode = region.code;
    else problem("homeRegionCode", v.homeRegion, region.message);
  }
  if (typeof v.industryCode === "string") {
    const industry = checkIndustryCodeField(v.industryCode);
    if ("code" in industry) columns.industryCode = industry.code;
    else problem("industryCode", v.industryCode, industry.problem.message);
  }
  if (v.enclave === null) columns.enclaveId = null;
  else if (v.enclave !== undefined) {
    const enclave = directory.enclave(v.enclave);
    if ("id" in enclave) columns.enclaveId = enclave.id;
    else problem("enclaveId", v.enclave, enclave.message);
  }
  if (v.residentSince !== undefined) columns.residentSince = v.residentSince;
  if (v.employees !== undefined) columns.employees = v.employees;
  if (v.foundedOn !== undefined) columns.foundedOn = v.foundedOn;
  if (v.products !== undefined) columns.products = v.products ?? [];
  if (v.registeredCapital !== undefined) columns.registeredCapitalFen = v.registeredCapital;
  if (v.note !== undefined) columns.note = v.note;
  return { row: parsed.row, columns: { ...columns, uscc }, problems, warnings };
}

function problemAt(table: Table<Columns>, row: number, field: keyof EnterpriseColumns, value: unknown, message: string): ImportProblem {
  const key: EnterpriseImportColumn | undefined = columnOfField[field];
  return rowProblem(table, enterpriseImportColumns, row, key ?? String(field), value, message);
}

function columnsOf(e: Enterprise): EnterpriseColumns {
  return {
    uscc: e.uscc,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    homeRegionCode: e.homeRegionCode,
    industryCode: e.industryCode,
    enclaveId: e.enclaveId,
    residentSince: e.residentSince,
    employees: e.employees,
    foundedOn: e.foundedOn,
    products: e.products,
    registeredCapitalFen: e.registeredCapitalFen,
    note: e.note,
    illustrative: e.illustrative,
  };
}

/** The columns whose value differs from the record's. */
function changesOf(before: Enterprise, columns: Partial<EnterpriseColumns>): Partial<EnterpriseColumns> {
  const current = columnsOf(before);
  const entries = Object.entries(columns).filter(([key, value]) => JSON.stringify(current[key as keyof EnterpriseColumns]) !== JSON.stringify(value));
  return Object.fromEntries(entries) as Partial<EnterpriseColumns>;
}

async function writeBatch(db: Db, actor: Actor, batch: Candidate[]): Promise<{ created: number; updated: number; unchanged: number }> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const today = todayInChina();
  try {
    await db.transaction().execute(async (trx) => {
      // Read again inside the transaction: someone may have added or changed an enterprise since the check.
      const existing = await enterprisesByUscc(trx, batch.map((c) => c.columns.uscc));
      for (const candidate of batch) {
        const before = existing.get(candidate.columns.uscc);
        if (!before) {
          const id = await insertEnterprise(trx, { ...newRecordDefaults, ...(candidate.columns as EnterpriseColumns) });
          const after = await mustLoad(trx, id);
          await followRegisterWrite(trx, actor, { enterpriseId: id, before: null, after, version: after.version, today });
          await recordChange(trx, { entity, recordId: id, version: after.version, action: "create", actor, before: null, after });
          counts.created += 1;
          continue;
        }
        const changes = changesOf(before, candidate.columns);
        if (Object.keys(changes).length === 0) {
          counts.unchanged += 1;
          continue;
        }
        await updateEnterpriseRow(trx, before.id, changes);
        await bumpVersion(trx, before.id);
        const after = await mustLoad(trx, before.id);
        await followRegisterWrite(trx, actor, { enterpriseId: before.id, before, after, version: after.version, today });
        await recordChange(trx, { entity, recordId: before.id, version: after.version, action: "update", actor, before, after });
        counts.updated += 1;
      }
    });
  } catch (error) {
    throw translateDatabaseError(error, entity);
  }
  return counts;
}

async function mustLoad(trx: Db, id: string): Promise<Enterprise> {
  const found = await loadEnterprise(trx, id);
  if (!found) throw new Error(`enterprise ${id} vanished inside its own transaction`);
  return found;
}
