// Projects: validation that names fields, the forward-only stage pipeline, appended progress reports, and the
// life cycle through the register kit (every change, progress reports included, is one history entry).
import {
  projectStages,
  type CreateProgressReport,
  type CreateProject,
  type Pipeline,
  type PipelineFilters,
  type Project,
  type ProjectFilters,
  type ProjectStage,
  type UpdateProject,
} from "../../../../contracts/projects.ts";
import type { Actor } from "../../platform/actor.ts";
import type { RecordScope } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, DomainError, ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { RegisterService } from "../../platform/http/register-routes.ts";
import { registerKit } from "../../platform/register-kit.ts";
import type { RegionsService } from "../regions/index.ts";
import { appendProgressReport, insertProject, listProjects, loadProject, pipelineOf, updateProjectRow } from "./projects.repository.ts";
import { todayInChina } from "../../platform/calendar.ts";

export type ProjectsService = RegisterService<Project, CreateProject, UpdateProject, ProjectFilters> & {
  /** Appends a progress report; reports are never edited. */
  addProgressReport(actor: Actor, id: string, report: CreateProgressReport, expectedVersion?: number): Promise<Project>;
  pipeline(actor: Actor, filters: PipelineFilters): Promise<Pipeline>;
};

export type ProjectsDependencies = { regions: Pick<RegionsService, "get"> };

const rank = (stage: ProjectStage): number => projectStages.indexOf(stage);


type Checked = Pick<Project, "ownerEnterpriseId" | "ownerName" | "startedOn" | "plannedCompletionOn"> & {
  milestones: CreateProject["milestones"];
};

/** Rules across fields of the record as it will stand (the import checks them too); `existing` are the ids of the project's milestones. */
export function recordProblems(project: Checked, existing: readonly string[], today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (project.ownerEnterpriseId !== null && project.ownerName !== null) {
    problems.push({ field: "ownerName", value: project.ownerName, message: "give either ownerEnterpriseId (an enterprise) or ownerName (any other owner), not both" });
  }
  if (project.startedOn !== null && project.plannedCompletionOn !== null && project.plannedCompletionOn < project.startedOn) {
    problems.push({ field: "plannedCompletionOn", value: project.plannedCompletionOn, message: `must not be before startedOn (${project.startedOn})` });
  }
  const seen = new Set<string>();
  project.milestones.forEach((m, i) => {
    if (m.actualOn !== null && m.actualOn > today) problems.push({ field: `milestones.${i}.actualOn`, value: m.actualOn, message: `must not be in the future (today is ${today})` });
    if (m.id === undefined) return;
    if (seen.has(m.id)) problems.push({ field: `milestones.${i}.id`, value: m.id, message: "is listed twice" });
    else if (!existing.includes(m.id)) problems.push({ field: `milestones.${i}.id`, value: m.id, message: "is not a milestone of this project; leave id out for a new one" });
    seen.add(m.id);
  });
  return problems;
}

/** Where a project lies: its regions, its enclave, its owner enterprise; published while not archived. */
export function projectScopeOf(p: Pick<Project, "regionCodes" | "enclaveId" | "ownerEnterpriseId" | "published" | "archivedAt">): RecordScope {
  return { regions: p.regionCodes, enclaveId: p.enclaveId, enterpriseId: p.ownerEnterpriseId, published: p.published && p.archivedAt === null };
}

export function createProjectsService(db: Db, deps: ProjectsDependencies): ProjectsService {
  const kit = registerKit<Project>({ db, entity: "project", table: "projects_project", load: loadProject, scopeOf: projectScopeOf });

  // Runs before the transaction: the regions service reads through its own connection.
  async function checkRegions(actor: Actor, codes: string[]): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    for (const [i, code] of codes.entries()) {
      if (seen.has(code)) problems.push({ field: `regionCodes.${i}`, value: code, message: "is listed twice" });
      else if (!(await regionExists(actor, code))) problems.push({ field: `regionCodes.${i}`, value: code, message: "no region with this code" });
      seen.add(code);
    }
    return problems;
  }

  async function regionExists(actor: Actor, code: string): Promise<boolean> {
    try {
      await deps.regions.get(actor, code);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === "not_found") return false;
      throw error;
    }
  }

  /** The date stamped on a change of stage: given (not in the future, not before the last stamp) or today. */
  function stageDate(stageOn: string | undefined, after: Project["stageHistory"][number] | undefined, today: string): { on: string; problems: ErrorDetail[] } {
    const on = stageOn ?? today;
    const problems: ErrorDetail[] = [];
    if (on > today) problems.push({ field: "stageOn", value: on, message: `must not be in the future (today is ${today})` });
    else if (after && on < after.on) problems.push({ field: "stageOn", value: on, message: `must not be before the date the project reached ${after.stage} (${after.on})` });
    return { on, problems };
  }

  function fail(problems: ErrorDetail[]): void {
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  return {
    list: async (actor, query) => listProjects(db, query, await kit.readFilter(actor)),
    get: (actor, id, asOf) => kit.get(actor, id, asOf),
    history: (actor, id) => kit.history(actor, id),
    async create(actor, input) {
      await kit.allow(actor, "create");
      const today = todayInChina();
      const stamp = stageDate(input.stageOn, undefined, today);
      fail([...(await checkRegions(actor, input.regionCodes)), ...stamp.problems, ...recordProblems(input, [], today)]);
      return kit.create(actor, (trx) => insertProject(trx, input, stamp.on));
    },
    async update(actor, id, patch, expectedVersion) {
      await kit.authorized(actor, "update", id);
      const regionProblems = patch.regionCodes ? await checkRegions(actor, patch.regionCodes) : [];
      return kit.update(
        actor,
        id,
        async (trx, before) => {
          const today = todayInChina();
          const problems = [...regionProblems];
          const changesStage = patch.stage !== undefined && patch.stage !== before.stage;
          if (patch.stage !== undefined && rank(patch.stage) < rank(before.stage)) {
            throw new Conflict("project.invalid_transition", `A project moves forward only: it is ${before.stage} and cannot go back to ${patch.stage}.`, [
              { field: "stage", value: patch.stage, message: `cannot move back from ${before.stage}` },
            ]);
          }
          let stageOn: string | undefined;
          if (changesStage) {
            const stamp = stageDate(patch.stageOn, before.stageHistory.at(-1), today);
            problems.push(...stamp.problems);
            stageOn = stamp.on;
          } else if (patch.stageOn !== undefined) {
            problems.push({ field: "stageOn", value: patch.stageOn, message: `only with a change of stage (the project is already ${before.stage})` });
          }
          const merged: Checked = {
            ownerEnterpriseId: patch.ownerEnterpriseId === undefined ? before.ownerEnterpriseId : patch.ownerEnterpriseId,
            ownerName: patch.ownerName === undefined ? before.ownerName : patch.ownerName,
            startedOn: patch.startedOn === undefined ? before.startedOn : patch.startedOn,
            plannedCompletionOn: patch.plannedCompletionOn === undefined ? before.plannedCompletionOn : patch.plannedCompletionOn,
            milestones: patch.milestones ?? [],
          };
          problems.push(...recordProblems(merged, before.milestones.map((m) => m.id), today));
          fail(problems);
          const { stage: _unchanged, ...rest } = patch;
          await updateProjectRow(trx, id, changesStage ? patch : rest, stageOn);
        },
        expectedVersion,
      );
    },
    archive: (actor, id) => kit.archive(actor, id),
    restore: (actor, id) => kit.restore(actor, id),
    addProgressReport: (actor, id, report, expectedVersion) =>
      kit.update(
        actor,
        id,
        async (trx, before) => {
          const today = todayInChina();
          const previous = before.progressReports.at(-1);
          const problems: ErrorDetail[] = [];
          if (report.reportedOn > today) problems.push({ field: "reportedOn", value: report.reportedOn, message: `must not be in the future (today is ${today})` });
          else if (previous && report.reportedOn < previous.reportedOn) {
            problems.push({ field: "reportedOn", value: report.reportedOn, message: `must not be before the previous report (${previous.reportedOn})` });
          }
          if (previous && report.percentComplete < previous.percentComplete) {
            problems.push({ field: "percentComplete", value: report.percentComplete, message: `must not go down from the previous report (${previous.percentComplete}%)` });
          }
          fail(problems);
          await appendProgressReport(trx, id, report);
        },
        expectedVersion,
      ),
    pipeline: async (actor, filters) => pipelineOf(db, filters, await kit.readFilter(actor)),
  };
}
