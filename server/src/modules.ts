// Creates the domain modules in dependency order. Each module is reached only through its index.ts.
import type { SecurityConfig } from "./config/config.ts";
import type { Db } from "./platform/database.ts";
import type { HttpApp } from "./platform/http/app.ts";
import type { Jobs } from "./platform/jobs.ts";
import { createAccountsModule } from "./modules/accounts/index.ts";
import { createProjectsModule } from "./modules/projects/index.ts";
import { createRegionsModule } from "./modules/regions/index.ts";
import { createAgreementsModule } from "./modules/agreements/index.ts";
import { createCooperationModule } from "./modules/cooperation/index.ts";
import { createEnclavesModule } from "./modules/enclaves/index.ts";
import { createEnterprisesModule } from "./modules/enterprises/index.ts";
import { createIndicatorsModule, figureSeriesForSettlement, figuresForSettlement, versionsOfFigures, type ImportSettings } from "./modules/indicators/index.ts";
import { createSharingModule } from "./modules/sharing/index.ts";
import { createChainsModule } from "./modules/chains/index.ts";

export type Modules = ReturnType<typeof createModules>;

export type ModuleOptions = {
  uploadLimitBytes: number;
  security: SecurityConfig;
  /** The clock of the session rules (tests move it). */
  now?: (() => Date) | undefined;
  isDemo?: () => boolean;
  /** Background jobs (large figure imports); without them every import runs during its request. */
  jobs?: Jobs | undefined;
  /** Figure imports: inline size limit, batch size, when an unfinished import counts as abandoned. */
  figureImports?: Partial<ImportSettings> | undefined;
};

export function createModules(db: Db, options: ModuleOptions) {
  const { uploadLimitBytes } = options;
  const regions = createRegionsModule(db);
  const agreements = createAgreementsModule(db, { regions: regions.regions, pairings: regions.pairings, uploadLimitBytes });
  const enclaves = createEnclavesModule(db, { regions: regions.regions });
  const enterprises = createEnterprisesModule(db, { regions: regions.regions, enclaves: enclaves.enclaves }, { uploadLimitBytes });
  const projects = createProjectsModule(db, { regions: regions.regions, enclaves: enclaves.enclaves, enterprises: enterprises.enterprises }, { uploadLimitBytes });
  const cooperation = createCooperationModule(db, { regions: regions.regions, pairings: regions.pairings });
  const indicators = createIndicatorsModule(
    db,
    { enterprises: enterprises.enterprises, enclaves: enclaves.enclaves },
    { uploadLimitBytes, ...(options.jobs ? { jobs: options.jobs } : {}), ...(options.figureImports ? { imports: options.figureImports } : {}) },
  );
  const sharing = createSharingModule(db, {
    agreements: agreements.agreements,
    enclaves: enclaves.enclaves,
    enterprises: enterprises.enterprises,
    figures: (query) => figuresForSettlement(db, query),
    figureSeries: (query) => figureSeriesForSettlement(db, query),
    figureVersions: (keys) => versionsOfFigures(db, keys),
  });
  const accounts = createAccountsModule(
    db,
    { regions: regions.regions, pairings: regions.pairings, enclaves: enclaves.enclaves, enterprises: enterprises.enterprises },
    { security: options.security, ...(options.now ? { now: options.now } : {}), ...(options.isDemo ? { isDemo: options.isDemo } : {}) },
  );
  const chains = createChainsModule(db, {
    pairings: regions.pairings,
    regions: regions.regions,
    enterprises: enterprises.enterprises,
    projects: projects.projects,
    figures: (query) => figuresForSettlement(db, query),
  });
  return { regions, agreements, enclaves, enterprises, projects, cooperation, indicators, sharing, accounts, chains };
}

export function registerModuleRoutes(app: HttpApp, modules: Modules): void {
  for (const module of Object.values(modules)) module.routes(app);
}
