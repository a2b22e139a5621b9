// The cooperation module's one door: cooperation activities in six domains with measurable outputs, their
// summary per domain, and the catalogue of known measures.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { createCooperationActivitiesService, type CooperationActivitiesService, type CooperationDependencies } from "./activities.service.ts";
import { cooperationRoutes } from "./cooperation.routes.ts";

export type { CooperationActivitiesService, CooperationDependencies };

export type CooperationModule = { activities: CooperationActivitiesService; routes(app: HttpApp): void };

export function createCooperationModule(db: Db, deps: CooperationDependencies): CooperationModule {
  const activities = createCooperationActivitiesService(db, deps);
  return { activities, routes: (app) => cooperationRoutes(app, activities) };
}
