// Project routes: the register (list, read, history, create, change, archive, restore), the pipeline, progress
// reports, and the import from XLSX/CSV with its template.
import { z } from "zod";
import { ImportMode, ImportOutcome } from "../../../../contracts/enterprises.ts";
import { CreateProgressReport, CreateProject, Pipeline, PipelineFilters, Project, ProjectFilters, UpdateProject } from "../../../../contracts/projects.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import { registerRoutes } from "../../platform/http/register-routes.ts";
import { importRoutes } from "../../platform/tabular/import-routes.ts";
import { projectImportColumns } from "./project-import.columns.ts";
import type { ProjectImport } from "./project-import.service.ts";
import { projectExportColumns } from "./projects.export.ts";
import type { ProjectsService } from "./projects.service.ts";

const path = "/api/v1/projects";

export function projectsRoutes(app: HttpApp, projects: ProjectsService, imports: ProjectImport, uploadLimitBytes: number): void {
  registerRoutes(app, {
    path,
    tag: "Projects",
    plural: "projects",
    singular: "project",
    record: Project,
    create: CreateProject,
    update: UpdateProject,
    filters: ProjectFilters,
    service: projects,
    exportColumns: projectExportColumns,
  });

  importRoutes(app, {
    path,
    tag: "Projects",
    summary: "Import projects; a project with the same Chinese name in the same set of regions is updated, forward-only in stage",
    columns: projectImportColumns,
    templateName: "projects-import",
    uploadLimitBytes,
    modeSchema: ImportMode,
    outcomeSchema: ImportOutcome,
    run: (actor, file, mode) => imports.importProjects(actor, file, { mode }),
  });

  app.get(
    `${path}/pipeline`,
    {
      schema: {
        tags: ["Projects"],
        summary: "Projects per stage, in pipeline order: count and sums of planned and actual investment (fen strings)",
        querystring: PipelineFilters,
        response: { 200: Pipeline, 400: ErrorSchema },
      },
    },
    async (request) => projects.pipeline(request.actor, request.query),
  );

  app.post(
    `${path}/:id/progress-reports`,
    {
      schema: {
        tags: ["Projects"],
        summary: "Append a progress report (never edited; percentComplete never goes down)",
        params: z.object({ id: z.string().min(1).max(100) }),
        body: CreateProgressReport,
        response: { 201: Project, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await projects.addProgressReport(request.actor, request.params.id, request.body)),
  );
}
