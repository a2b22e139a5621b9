// The enclaves module's one door: enclaves (飞地) with their sending regions and land parcels.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import type { RegionsService } from "../regions/index.ts";
import { enclavesRoutes } from "./enclaves.routes.ts";
import { createEnclavesService, type EnclavesService } from "./enclaves.service.ts";

export type { EnclavesService };

export type EnclavesModule = { enclaves: EnclavesService; routes(app: HttpApp): void };

export function createEnclavesModule(db: Db, deps: { regions: RegionsService }): EnclavesModule {
  const enclaves = createEnclavesService(db, deps.regions);
  return { enclaves, routes: (app) => enclavesRoutes(app, enclaves) };
}
