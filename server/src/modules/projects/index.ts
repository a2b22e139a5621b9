// The projects module's one door: investment, infrastructure and public-service projects with their pipeline
// stage, milestones and progress reports, and the project import from XLSX or CSV.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { defaultUploadLimitBytes } from "../../platform/tabular/upload.ts";
import { createProjectImport, type ProjectImport, type ProjectImportDependencies } from "./project-import.service.ts";
import { projectsRoutes } from "./projects.routes.ts";
import { createProjectsService, type ProjectsDependencies, type ProjectsService } from "./projects.service.ts";

export type { ProjectImport, ProjectImportDependencies, ProjectsDependencies, ProjectsService };

export type ProjectsModule = { projects: ProjectsService; imports: ProjectImport; routes(app: HttpApp): void };

export function createProjectsModule(db: Db, deps: ProjectsDependencies & ProjectImportDependencies, options: { uploadLimitBytes?: number } = {}): ProjectsModule {
  const projects = createProjectsService(db, deps);
  const imports = createProjectImport(db, deps);
  const uploadLimitBytes = options.uploadLimitBytes ?? defaultUploadLimitBytes;
  return { projects, imports, routes: (app) => projectsRoutes(app, projects, imports, uploadLimitBytes) };
}
