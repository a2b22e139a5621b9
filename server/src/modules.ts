// Creates the domain modules in dependency order. Each module is reached only through its index.ts.
import type { Db } from "./platform/database.ts";
import type { HttpApp } from "./platform/http/app.ts";
import { createProjectsModule } from "./modules/projects/index.ts";
import { createRegionsModule } from "./modules/regions/index.ts";
import { createAgreementsModule } from "./modules/agreements/index.ts";
import { createCooperationModule } from "./modules/cooperation/index.ts";
import { createEnclavesModule } from "./modules/enclaves/index.ts";
import { createEnterprisesModule } from "./modules/enterprises/index.ts";

export type Modules = ReturnType<typeof createModules>;

export type ModuleOptions = { uploadLimitBytes: number };

export function createModules(db: Db, options: ModuleOptions) {
  const { uploadLimitBytes } = options;
  const regions = createRegionsModule(db);
  const agreements = createAgreementsModule(db, { regions: regions.regions, pairings: regions.pairings, uploadLimitBytes });
  const enclaves = createEnclavesModule(db, { regions: regions.regions });
  const enterprises = createEnterprisesModule(db, { regions: regions.regions, enclaves: enclaves.enclaves }, { uploadLimitBytes });
  const projects = createProjectsModule(db, { regions: regions.regions });
  const cooperation = createCooperationModule(db, { regions: regions.regions, pairings: regions.pairings });
  return { regions, agreements, enclaves, enterprises, projects, cooperation };
}

export function registerModuleRoutes(app: HttpApp, modules: Modules): void {
  for (const module of Object.values(modules)) module.routes(app);
}
