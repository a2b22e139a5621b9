// The regions module's one door: regions (GB/T 2260) with yearly facts, and pairings.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { createPairingsService, type PairingsService } from "./pairings.service.ts";
import { regionsRoutes } from "./regions.routes.ts";
import { createRegionsService, type RegionsService } from "./regions.service.ts";

export type { PairingsService, RegionsService };

export type RegionsModule = { regions: RegionsService; pairings: PairingsService; routes(app: HttpApp): void };

export function createRegionsModule(db: Db): RegionsModule {
  const regions = createRegionsService(db);
  const pairings = createPairingsService(db);
  return { regions, pairings, routes: (app) => regionsRoutes(app, regions, pairings) };
}
