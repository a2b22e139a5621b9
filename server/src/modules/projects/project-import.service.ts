// The project import: an XLSX or CSV list of projects, checked row by row with the API's rules, then written in
// batches (one transaction each) through the platform's import course (tabular/import-run.ts).
//
// Identity: a row is the project already in the register (archived ones included) that has the same Chinese name
// (项目名称, exactly, after trimming) and the same set of regions (所在地区, in any order, by code or name). Any other
// row creates a project. Two rows of one file naming the same project, or a row matching two projects, are row
// problems. A row that changes nothing writes nothing (no new version); a changed row is an update with history.
//
// Like the enterprise import, a column the file lacks leaves that field as it is and a blank cell clears it, except
// where the register needs a value: a blank 英文名称, 项目类型 or 阶段 keeps the project's, a blank 牵引性项目 is 否.
// Giving one kind of owner (业主企业, by USCC or name, or 业主名称) clears the other unless the row gives both.
// The stage moves forward only: a row that would move a project back is a row problem. 进入阶段日期 dates a change
// of stage (default today); with an unchanged stage it must be the date already stamped, or blank.
import { CreateProject, projectStages, type Project, type ProjectStage } from "../../../../contracts/projects.ts";
import type { Actor } from "../../platform/actor.ts";
import { auditingDenials, authorize, decide } from "../../platform/authorize.ts";
import { todayInChina } from "../../platform/calendar.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict } from "../../platform/errors.ts";
import { recordChange } from "../../platform/history.ts";
import { translateDatabaseError } from "../../platform/register-kit.ts";
import {
  enclaveLookup,
  listAll,
  regionLookup,
  rowProblem,
  runImport,
  type CheckedRow,
  type EnclaveLookup,
  type ImportMode,
  type ImportProgress,
  type ImportReport,
  type ParsedRow,
  type RegionLookup,
  type Table,
  type UploadedFile,
  type WriteCounts,
} from "../../platform/tabular/index.ts";
import type { EnclavesService } from "../enclaves/index.ts";
import type { EnterprisesService } from "../enterprises/index.ts";
import type { RegionsService } from "../regions/index.ts";
import { projectImportColumns, stageWords, type ProjectImportColumn } from "./project-import.columns.ts";
import { bumpProjectVersion, insertProject, loadProject, projectsByNameZh, updateProjectRow } from "./projects.repository.ts";
import { projectScopeOf, recordProblems } from "./projects.service.ts";

export type ProjectImport = {
  importProjects(actor: Actor, file: UploadedFile, options: { mode: ImportMode }, onProgress?: (progress: ImportProgress) => void): Promise<ImportReport>;
};

/** What the import reads besides its own register, through the other modules' doors. */
export type ProjectImportDependencies = {
  regions: Pick<RegionsService, "list">;
  enclaves: Pick<EnclavesService, "list">;
  enterprises: Pick<EnterprisesService, "list">;
};

const entity = "project";

type Columns = typeof projectImportColumns;

/** The fields of a project a file can set (milestones, agreement and progress reports are not in it). */
type ProjectFields = Pick<
  CreateProject,
  | "nameZh"
  | "nameEn"
  | "kind"
  | "stage"
  | "plannedInvestmentFen"
  | "actualInvestmentFen"
  | "regionCodes"
  | "enclaveId"
  | "ownerEnterpriseId"
  | "ownerName"
  | "traction"
  | "startedOn"
  | "plannedCompletionOn"
  | "note"
>;

type Candidate = CheckedRow & {
  /** Chinese name and sorted region codes: the project's identity in the register. */
  key: string;
  fields: Partial<ProjectFields> & Pick<ProjectFields, "nameZh" | "regionCodes">;
  /** The date of the stage the row gives, if the row gives one. */
  stageOn: string | undefined;
};

/** The import column that carries each field (problems about a field name its column). */
const columnOfField: Record<string, ProjectImportColumn> = {
  nameZh: "nameZh",
  nameEn: "nameEn",
  kind: "kind",
  stage: "stage",
  stageOn: "stageOn",
  plannedInvestmentFen: "plannedInvestment",
  actualInvestmentFen: "actualInvestment",
  regionCodes: "regions",
  enclaveId: "enclave",
  ownerEnterpriseId: "ownerEnterprise",
  ownerName: "ownerName",
  traction: "traction",
  startedOn: "startedOn",
  plannedCompletionOn: "plannedCompletionOn",
  note: "note",
};

type Lookups = { region: RegionLookup; enclave: EnclaveLookup; owner: ReadonlyMap<string, { id: string } | { message: string }> };

const rank = (stage: ProjectStage): number => projectStages.indexOf(stage);
const stageLabel = (stage: ProjectStage): string => `${stageWords[stage][0]} (${stage})`;
const identityOf = (nameZh: string, regionCodes: readonly string[]): string => `${nameZh}\u0000${[...regionCodes].sort().join(",")}`;

export function createProjectImport(db: Db, deps: ProjectImportDependencies): ProjectImport {
  return {
    // The permission table applies to every row: the caller must be able to create projects at all, and each row's
    // project must lie in its scope before and after (a row outside it is a problem of that row).
    importProjects: (actor, file, options, onProgress) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "project.create", { entity });
        return importChecked(actor, file, options, onProgress);
      }),
  };

  function importChecked(actor: Actor, file: UploadedFile, options: { mode: ImportMode }, onProgress?: (progress: ImportProgress) => void): Promise<ImportReport> {
    return runImport({
        file,
        columns: projectImportColumns,
        mode: options.mode,
        onProgress,
        async check(table) {
          const owners = table.rows.map((r) => r.values.ownerEnterprise).filter((o): o is string => typeof o === "string");
          const lookups: Lookups = {
            region: regionLookup(await listAll((q) => deps.regions.list(actor, q))),
            enclave: enclaveLookup(await listAll((q) => deps.enclaves.list(actor, q))),
            owner: await ownerLookup(actor, deps, owners),
          };
          const names = table.rows.map((r) => r.values.nameZh).filter((n): n is string => typeof n === "string");
          const existing = byIdentity(await projectsByNameZh(db, names));
          return checkRows(table, lookups, existing, todayInChina(), actor);
        },
        write: (batch) => writeBatch(db, actor, batch),
      });
  }
}

/** Owner enterprises by USCC (18 characters) or by exact Chinese or English name, one search per distinct text. */
async function ownerLookup(actor: Actor, deps: ProjectImportDependencies, texts: readonly string[]): Promise<Map<string, { id: string } | { message: string }>> {
  const found = new Map<string, { id: string } | { message: string }>();
  for (const text of new Set(texts)) {
    const code = text.normalize("NFKC").toUpperCase().replace(/\s+/g, "");
    const byCode = /^[0-9A-Z]{18}$/.test(code);
    const search = byCode ? code : text.trim();
    const hits = await listAll((q) => deps.enterprises.list(actor, { ...q, q: search }));
    const lower = search.toLowerCase();
    const matches = byCode ? hits.filter((e) => e.uscc === code) : hits.filter((e) => e.nameZh === search || e.nameEn?.toLowerCase() === lower);
    if (matches.length === 1) found.set(text, { id: (matches[0] as (typeof matches)[number]).id });
    else if (matches.length > 1) found.set(text, { message: `names more than one enterprise (${matches.map((e) => e.uscc).join(", ")}); write its USCC` });
    else found.set(text, { message: byCode ? "no enterprise with this USCC" : "no enterprise with this USCC or name" });
  }
  return found;
}

function byIdentity(projects: readonly Project[]): Map<string, Project[]> {
  const map = new Map<string, Project[]>();
  for (const p of projects) {
    const key = identityOf(p.nameZh, p.regionCodes);
    map.set(key, [...(map.get(key) ?? []), p]);
  }
  return map;
}

function checkRows(table: Table<Columns>, lookups: Lookups, existing: ReadonlyMap<string, Project[]>, today: string, actor: Actor): Candidate[] {
  const firstRowOf = new Map<string, number>();
  return table.rows.map((parsed) => {
    const candidate = candidateOf(parsed, table, lookups);
    const problem = (field: string, value: unknown, message: string) => candidate.problems.push(problemAt(table, parsed.row, field, value, message));
    if (candidate.problems.length > 0) return candidate; // the identity needs a good name and good regions
    const { nameZh } = candidate.fields;
    const first = firstRowOf.get(candidate.key);
    if (first !== undefined) {
      problem("nameZh", nameZh, `is the same project as row ${first} (the same name in the same regions); each project once per file`);
      return candidate;
    }
    firstRowOf.set(candidate.key, parsed.row);
    const matches = existing.get(candidate.key) ?? [];
    if (matches.length > 1) {
      problem("nameZh", nameZh, `matches ${matches.length} projects of the register with this name in these regions; give them distinct names first`);
      return candidate;
    }
    const before = matches[0];
    for (const p of stageProblems(before, candidate, today)) problem(p.field, p.value, p.message);
    // The project as it will stand: the one in the register (if any) with this row's fields over it.
    const merged = { ...(before ? fieldsOf(before) : {}), ...candidate.fields };
    for (const p of recordProblems({ ownerEnterpriseId: null, ownerName: null, startedOn: null, plannedCompletionOn: null, ...merged, milestones: [] }, [], today)) {
      problem(p.field ?? "", p.value, p.message);
    }
    const shape = CreateProject.safeParse(merged);
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        const field = String(issue.path[0]);
        const value = merged[field as keyof typeof merged];
        problem(field, value, value === undefined ? "is required for a new project" : issue.message);
      }
    }
    const after = { regionCodes: merged.regionCodes ?? [], enclaveId: merged.enclaveId ?? null, ownerEnterpriseId: merged.ownerEnterpriseId ?? null, published: false, archivedAt: null };
    if (before && !decide(actor, "project.update", projectScopeOf(before)).allowed) {
      problem("nameZh", nameZh, "this project is outside what you may change");
    } else if (!decide(actor, before ? "project.update" : "project.create", projectScopeOf(after), { afterChange: true }).allowed) {
      problem("regionCodes", merged.regionCodes, `you may not ${before ? "move a project to" : "create projects in"} these regions or this enclave (outside your scope)`);
    }
    return candidate;
  });
}

/** One row's values as project fields, with regions, enclave and owner resolved; problems name the column. */
function candidateOf(parsed: ParsedRow<Columns>, table: Table<Columns>, lookups: Lookups): Candidate {
  const v = parsed.values;
  const problems = [...parsed.problems];
  const problem = (field: string, value: unknown, message: string) => problems.push(problemAt(table, parsed.row, field, value, message));
  const fields: Partial<ProjectFields> = {};
  if (typeof v.nameEn === "string") fields.nameEn = v.nameEn;
  if (v.kind) fields.kind = v.kind;
  if (v.stage) fields.stage = v.stage;
  if (v.plannedInvestment !== undefined) fields.plannedInvestmentFen = v.plannedInvestment;
  if (v.actualInvestment !== undefined) fields.actualInvestmentFen = v.actualInvestment;
  const regionCodes: string[] = [];
  for (const text of v.regions ?? []) {
    const region = lookups.region(text);
    if (!("code" in region)) problem("regionCodes", text, region.message);
    else if (!regionCodes.includes(region.code)) regionCodes.push(region.code);
  }
  if (v.enclave === null) fields.enclaveId = null;
  else if (v.enclave !== undefined) {
    const enclave = lookups.enclave(v.enclave);
    if ("id" in enclave) fields.enclaveId = enclave.id;
    else problem("enclaveId", v.enclave, enclave.message);
  }
  if (v.ownerEnterprise === null) fields.ownerEnterpriseId = null;
  else if (v.ownerEnterprise !== undefined) {
    const owner = lookups.owner.get(v.ownerEnterprise) ?? { message: "no enterprise with this USCC or name" };
    if ("id" in owner) fields.ownerEnterpriseId = owner.id;
    else problem("ownerEnterpriseId", v.ownerEnterprise, owner.message);
  }
  if (v.ownerName !== undefined) fields.ownerName = v.ownerName;
  if (fields.ownerEnterpriseId && v.ownerName === undefined) fields.ownerName = null;
  if (fields.ownerName && v.ownerEnterprise === undefined) fields.ownerEnterpriseId = null;
  if (v.traction !== undefined) fields.traction = v.traction ?? false;
  if (v.startedOn !== undefined) fields.startedOn = v.startedOn;
  if (v.plannedCompletionOn !== undefined) fields.plannedCompletionOn = v.plannedCompletionOn;
  if (v.note !== undefined) fields.note = v.note;
  const nameZh = v.nameZh ?? "";
  return { row: parsed.row, key: identityOf(nameZh, regionCodes), fields: { ...fields, nameZh, regionCodes }, stageOn: v.stageOn ?? undefined, problems };
}

/** Forward only, and the date of a change of stage: not in the future, not before the last stamp. */
function stageProblems(before: Project | undefined, candidate: Candidate, today: string): { field: string; value: unknown; message: string }[] {
  const stage = candidate.fields.stage ?? before?.stage ?? "lead";
  const last = before?.stageHistory.at(-1);
  const on = candidate.stageOn;
  if (before && rank(stage) < rank(before.stage)) {
    return [{ field: "stage", value: stage, message: `cannot move back from ${stageLabel(before.stage)} to ${stageLabel(stage)}; a project moves forward only` }];
  }
  if (on === undefined) return [];
  if (before && stage === before.stage) {
    return last && on !== last.on ? [{ field: "stageOn", value: on, message: `the project has been ${stageLabel(stage)} since ${last.on}; give a date only with a change of stage` }] : [];
  }
  if (on > today) return [{ field: "stageOn", value: on, message: `must not be in the future (today is ${today})` }];
  if (last && on < last.on) return [{ field: "stageOn", value: on, message: `must not be before the date the project reached ${stageLabel(last.stage)} (${last.on})` }];
  return [];
}

function problemAt(table: Table<Columns>, row: number, field: string, value: unknown, message: string) {
  return rowProblem(table, projectImportColumns, row, columnOfField[field] ?? field, value, message);
}

function fieldsOf(p: Project): ProjectFields {
  return {
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    kind: p.kind,
    stage: p.stage,
    plannedInvestmentFen: p.plannedInvestmentFen,
    actualInvestmentFen: p.actualInvestmentFen,
    regionCodes: p.regionCodes,
    enclaveId: p.enclaveId,
    ownerEnterpriseId: p.ownerEnterpriseId,
    ownerName: p.ownerName,
    traction: p.traction,
    startedOn: p.startedOn,
    plannedCompletionOn: p.plannedCompletionOn,
    note: p.note,
  };
}

/** The fields whose value differs from the project's; the regions are the same set by identity, their order kept. */
function changesOf(before: Project, fields: Candidate["fields"]): Partial<ProjectFields> {
  const current = fieldsOf(before);
  const { regionCodes: _sameSet, ...given } = fields;
  const entries = Object.entries(given).filter(([key, value]) => JSON.stringify(current[key as keyof ProjectFields]) !== JSON.stringify(value));
  return Object.fromEntries(entries) as Partial<ProjectFields>;
}

async function writeBatch(db: Db, actor: Actor, batch: Candidate[]): Promise<WriteCounts> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const today = todayInChina();
  try {
    await db.transaction().execute(async (trx) => {
      // Read again inside the transaction: someone may have added or changed a project since the check.
      const existing = byIdentity(await projectsByNameZh(trx, batch.map((c) => c.fields.nameZh)));
      for (const candidate of batch) {
        const matches = existing.get(candidate.key) ?? [];
        if (matches.length > 1) throw new Conflict("project.import_ambiguous", `Row ${candidate.row} now matches ${matches.length} projects named ${candidate.fields.nameZh}; import again.`);
        const before = matches[0];
        if (!before) {
          const id = await insertProject(trx, CreateProject.parse(candidate.fields), candidate.stageOn ?? today);
          const after = await mustLoad(trx, id);
          await recordChange(trx, { entity, recordId: id, version: after.version, action: "create", actor, before: null, after });
          counts.created += 1;
          continue;
        }
        const changes = changesOf(before, candidate.fields);
        if (Object.keys(changes).length === 0) {
          counts.unchanged += 1;
          continue;
        }
        if (changes.stage !== undefined && rank(changes.stage) < rank(before.stage)) {
          throw new Conflict("project.invalid_transition", `Row ${candidate.row}: the project ${before.nameZh} moved to ${before.stage} meanwhile and cannot go back to ${changes.stage}; import again.`);
        }
        await updateProjectRow(trx, before.id, changes, changes.stage !== undefined ? (candidate.stageOn ?? today) : undefined);
        await bumpProjectVersion(trx, before.id);
        const after = await mustLoad(trx, before.id);
        await recordChange(trx, { entity, recordId: before.id, version: after.version, action: "update", actor, before, after });
        counts.updated += 1;
      }
    });
  } catch (error) {
    throw translateDatabaseError(error, entity);
  }
  return counts;
}

async function mustLoad(trx: Db, id: string): Promise<Project> {
  const found = await loadProject(trx, id);
  if (!found) throw new Error(`project ${id} vanished inside its own transaction`);
  return found;
}
