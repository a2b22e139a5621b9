// The enterprises module's one door: enterprises by USCC (GB 32100-2015), GB/T 4754-2017 industry classes,
// and the enterprise import from XLSX or CSV.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { defaultUploadLimitBytes } from "../../platform/tabular/upload.ts";
import { createEnterpriseImport, ImportRejected, type EnterpriseImport, type ImportProgress } from "./enterprise-import.service.ts";
import { enterprisesRoutes } from "./enterprises.routes.ts";
import { createEnterprisesService, type EnterpriseDependencies, type EnterprisesService } from "./enterprises.service.ts";

export { checkUscc, illustrativeOrganisationCode, makeUscc, usccCheckCharacter, type UsccCheck } from "./uscc.ts";
export { describeIndustryCode, findIndustryClass, industryClasses, isKnownIndustryClass, type IndustryClass } from "./industry-codes.ts";
export { searchIndustryCodes } from "./enterprise-rules.ts";
export { ImportRejected };
export type { EnterpriseDependencies, EnterpriseImport, EnterprisesService, ImportProgress };

export type EnterprisesModule = {
  enterprises: EnterprisesService;
  imports: EnterpriseImport;
  routes(app: HttpApp): void;
};

export function createEnterprisesModule(db: Db, deps: EnterpriseDependencies, options: { uploadLimitBytes?: number } = {}): EnterprisesModule {
  const enterprises = createEnterprisesService(db, deps);
  const imports = createEnterpriseImport(db, deps);
  const uploadLimitBytes = options.uploadLimitBytes ?? defaultUploadLimitBytes;
  return { enterprises, imports, routes: (app) => enterprisesRoutes(app, enterprises, imports, uploadLimitBytes) };
}
