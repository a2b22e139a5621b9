// SQL for projects and their children (stage stamps, regions, milestones, progress reports). The only file that
// touches the module's tables.
import { sql } from "kysely";
import {
  projectStages,
  type CreateProgressReport,
  type CreateProject,
  type Pipeline,
  type PipelineFilters,
  type Project,
  type ProjectFilters,
  type UpdateProject,
} from "../../../../contracts/projects.ts";
import { scopeCondition, type ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { containsPattern, pageOf, parseSort, type ListParams, type Page } from "../../platform/listing.ts";
import { metaOf } from "../../platform/register-kit.ts";
import type { ProjectsTables } from "./projects.tables.ts";

const tables = (db: Db) => db.withTables<ProjectsTables>();

export const projectSortFields = ["nameZh", "nameEn", "stage", "plannedInvestmentFen", "startedOn", "updatedAt"] as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ProjectRow = Omit<ProjectsTables["projectsProject"], "id" | "stageRank" | "traction" | "published" | "version" | "illustrative" | "createdAt" | "updatedAt"> & {
  id: string;
  traction: boolean;
  published: boolean;
  version: number;
  illustrative: boolean;
  createdAt: Date;
  updatedAt: Date;
};

type MilestoneInput = CreateProject["milestones"][number];

async function withChildren(db: Db, rows: ProjectRow[]): Promise<Project[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [stamps, regions, milestones, reports] = await Promise.all([
    tables(db).selectFrom("projectsProjectStage").selectAll().where("projectId", "in", ids).orderBy("reachedOn").execute(),
    tables(db).selectFrom("projectsProjectRegion").selectAll().where("projectId", "in", ids).orderBy("position").execute(),
    tables(db).selectFrom("projectsMilestone").selectAll().where("projectId", "in", ids).orderBy("position").execute(),
    tables(db).selectFrom("projectsProgressReport").selectAll().where("projectId", "in", ids).orderBy("position").execute(),
  ]);
  const rank = (stage: string) => projectStages.indexOf(stage as Project["stage"]);
  return rows.map((r) => ({
    id: r.id,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    kind: r.kind as Project["kind"],
    stage: r.stage as Project["stage"],
    stageHistory: stamps
      .filter((s) => s.projectId === r.id)
      .sort((a, b) => rank(a.stage) - rank(b.stage))
      .map((s) => ({ stage: s.stage as Project["stage"], on: s.reachedOn })),
    plannedInvestmentFen: r.plannedInvestmentFen,
    actualInvestmentFen: r.actualInvestmentFen,
    regionCodes: regions.filter((m) => m.projectId === r.id).map((m) => m.regionCode),
    enclaveId: r.enclaveId,
    agreementId: r.agreementId,
    ownerEnterpriseId: r.ownerEnterpriseId,
    ownerName: r.ownerName,
    traction: r.traction,
    startedOn: r.startedOn,
    plannedCompletionOn: r.plannedCompletionOn,
    note: r.note,
    published: r.published,
    milestones: milestones
      .filter((m) => m.projectId === r.id)
      .map((m) => ({ id: m.id, title: m.title, plannedOn: m.plannedOn, actualOn: m.actualOn, note: m.note })),
    progressReports: reports
      .filter((p) => p.projectId === r.id)
      .map((p) => ({ id: p.id, reportedOn: p.reportedOn, percentComplete: p.percentComplete, text: p.text, investmentToDateFen: p.investmentToDateFen })),
    ...metaOf(r),
  }));
}

const projectColumns = [
  "id",
  "nameZh",
  "nameEn",
  "kind",
  "stage",
  "plannedInvestmentFen",
  "actualInvestmentFen",
  "enclaveId",
  "agreementId",
  "ownerEnterpriseId",
  "ownerName",
  "traction",
  "startedOn",
  "plannedCompletionOn",
  "note",
  "published",
  "version",
  "illustrative",
  "createdAt",
  "updatedAt",
  "archivedAt",
] as const;

export async function loadProject(db: Db, id: string): Promise<Project | undefined> {
  if (!uuidPattern.test(id)) return undefined; // not an id at all: 404, not a database error
  const row = await tables(db).selectFrom("projectsProject").select(projectColumns).where("id", "=", id).executeTakeFirst();
  return row ? (await withChildren(db, [row as ProjectRow]))[0] : undefined;
}

/** Where a project lies, in SQL: its regions, its enclave, its owner enterprise; published and not archived. */
const projectScope = {
  regions: (codes: readonly string[]) =>
    sql<boolean>`exists (select 1 from projects_project_region r where r.project_id = projects_project.id and r.region_code in (${sql.join(codes)}))`,
  enclaveId: sql.ref("projects_project.enclave_id"),
  enterpriseId: sql.ref("projects_project.owner_enterprise_id"),
  published: sql<boolean>`(projects_project.published and projects_project.archived_at is null)`,
};

export async function listProjects(db: Db, query: ProjectFilters & ListParams, scope: ScopeFilter): Promise<Page<Project>> {
  let qb = tables(db).selectFrom("projectsProject").select(projectColumns).where(scopeCondition(scope, projectScope));
  if (!query.includeArchived) qb = qb.where("archivedAt", "is", null);
  if (query.kind) qb = qb.where("kind", "=", query.kind);
  if (query.stage) qb = qb.where("stage", "=", query.stage);
  if (query.enclaveId) qb = qb.where("enclaveId", "=", query.enclaveId);
  if (query.agreementId) qb = qb.where("agreementId", "=", query.agreementId);
  if (query.ownerEnterpriseId) qb = qb.where("ownerEnterpriseId", "=", query.ownerEnterpriseId);
  if (query.traction !== undefined) qb = qb.where("traction", "=", query.traction);
  if (query.illustrative !== undefined) qb = qb.where("illustrative", "=", query.illustrative);
  if (query.regionCode) {
    const code = query.regionCode;
    qb = qb.where("id", "in", (eb) => eb.selectFrom("projectsProjectRegion").select("projectId").where("regionCode", "=", code));
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    qb = qb.where((eb) => eb.or([eb("nameZh", "ilike", pattern), eb("nameEn", "ilike", pattern), eb("ownerName", "ilike", pattern)]));
  }
  // "stage" sorts in pipeline order, through the generated stage_rank column, not alphabetically.
  const sort = parseSort(query.sort, projectSortFields, "stage,nameZh")
    .map((k) => `${k.descending ? "-" : ""}${k.field === "stage" ? "stageRank" : k.field}`)
    .join(",");
  const page = await pageOf(qb, { ...query, sort }, [...projectSortFields, "stageRank"], sort, "id");
  return { ...page, items: await withChildren(db, page.items as ProjectRow[]) };
}

type ProjectColumns = Omit<CreateProject, "regionCodes" | "milestones" | "stageOn">;

export async function insertProject(trx: Db, input: CreateProject, stageOn: string): Promise<string> {
  const { regionCodes, milestones, stageOn: _stageOn, ...columns } = input;
  const { id } = await tables(trx)
    .insertInto("projectsProject")
    .values(columns satisfies ProjectColumns)
    .returning("id")
    .executeTakeFirstOrThrow();
  await stampStage(trx, id, input.stage, stageOn);
  await replaceRegions(trx, id, regionCodes);
  await replaceMilestones(trx, id, milestones);
  return id;
}

export async function updateProjectRow(trx: Db, id: string, patch: UpdateProject, stageOn: string | undefined): Promise<void> {
  const { regionCodes, milestones, stageOn: _stageOn, ...columns } = patch;
  if (Object.keys(columns).length > 0) await tables(trx).updateTable("projectsProject").set(columns).where("id", "=", id).execute();
  if (patch.stage && stageOn) await stampStage(trx, id, patch.stage, stageOn);
  if (regionCodes) await replaceRegions(trx, id, regionCodes);
  if (milestones) await replaceMilestones(trx, id, milestones);
}

async function stampStage(trx: Db, id: string, stage: string, on: string): Promise<void> {
  await tables(trx).insertInto("projectsProjectStage").values({ projectId: id, stage, reachedOn: on }).execute();
}

async function replaceRegions(trx: Db, id: string, regionCodes: string[]): Promise<void> {
  await tables(trx).deleteFrom("projectsProjectRegion").where("projectId", "=", id).execute();
  await tables(trx)
    .insertInto("projectsProjectRegion")
    .values(regionCodes.map((regionCode, position) => ({ projectId: id, regionCode, position })))
    .execute();
}

async function replaceMilestones(trx: Db, id: string, milestones: MilestoneInput[]): Promise<void> {
  await tables(trx).deleteFrom("projectsMilestone").where("projectId", "=", id).execute();
  if (milestones.length === 0) return;
  await tables(trx)
    .insertInto("projectsMilestone")
    .values(milestones.map(({ id: milestoneId, ...m }, position) => ({ ...m, ...(milestoneId ? { id: milestoneId } : {}), projectId: id, position })))
    .execute();
}

export async function appendProgressReport(trx: Db, id: string, report: CreateProgressReport): Promise<void> {
  const { next } = await tables(trx)
    .selectFrom("projectsProgressReport")
    .select(sql<number>`coalesce(max(position) + 1, 0)::integer`.as("next"))
    .where("projectId", "=", id)
    .executeTakeFirstOrThrow();
  await tables(trx)
    .insertInto("projectsProgressReport")
    .values({ ...report, projectId: id, position: next })
    .execute();
}

/** Count and investment sums per stage; sums in SQL (numeric), so amounts past 2^53 fen stay exact. */
/** Counts only the projects the reader may read (`scope`). */
export async function pipelineOf(db: Db, filters: PipelineFilters, scope: ScopeFilter): Promise<Pipeline> {
  let qb = tables(db)
    .selectFrom("projectsProject")
    .where(scopeCondition(scope, projectScope))
    .select([
      "stage",
      sql<string>`count(*)::text`.as("count"),
      sql<string>`coalesce(sum(planned_investment_fen), 0)::text`.as("planned"),
      sql<string>`coalesce(sum(actual_investment_fen), 0)::text`.as("actual"),
    ])
    .where("archivedAt", "is", null)
    .groupBy("stage");
  if (filters.kind) qb = qb.where("kind", "=", filters.kind);
  if (filters.traction !== undefined) qb = qb.where("traction", "=", filters.traction);
  if (filters.illustrative !== undefined) qb = qb.where("illustrative", "=", filters.illustrative);
  if (filters.regionCode) {
    const code = filters.regionCode;
    qb = qb.where("id", "in", (eb) => eb.selectFrom("projectsProjectRegion").select("projectId").where("regionCode", "=", code));
  }
  const rows = await qb.execute();
  return {
    regionCode: filters.regionCode ?? null,
    stages: projectStages.map((stage) => {
      const row = rows.find((r) => r.stage === stage);
      return { stage, count: Number(row?.count ?? 0), plannedInvestmentFen: row?.planned ?? "0", actualInvestmentFen: row?.actual ?? "0" };
    }),
  };
}

/** Projects with these Chinese names, archived ones included: the import finds a project by its name and regions. */
export async function projectsByNameZh(db: Db, names: readonly string[]): Promise<Project[]> {
  const unique = [...new Set(names)];
  const found: Project[] = [];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await tables(db).selectFrom("projectsProject").select(projectColumns).where("nameZh", "in", unique.slice(i, i + 1000)).execute();
    found.push(...(await withChildren(db, rows as ProjectRow[])));
  }
  return found;
}

/** A new version of a changed project; the register kit does this for single changes, the import for batches. */
export async function bumpProjectVersion(trx: Db, id: string): Promise<void> {
  await tables(trx)
    .updateTable("projectsProject")
    .set((eb) => ({ version: eb("version", "+", 1), updatedAt: sql<Date>`now()` }))
    .where("id", "=", id)
    .execute();
}
