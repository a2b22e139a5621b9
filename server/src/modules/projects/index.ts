// The projects module's one door: investment, infrastructure and public-service projects with their pipeline
// stage, milestones and progress reports.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { projectsRoutes } from "./projects.routes.ts";
import { createProjectsService, type ProjectsDependencies, type ProjectsService } from "./projects.service.ts";

export type { ProjectsDependencies, ProjectsService };

export type ProjectsModule = { projects: ProjectsService; routes(app: HttpApp): void };

export function createProjectsModule(db: Db, deps: ProjectsDependencies): ProjectsModule {
  const projects = createProjectsService(db, deps);
  return { projects, routes: (app) => projectsRoutes(app, projects) };
}
