// The enterprises module's one door: enterprises by USCC (GB 32100-2015), GB/T 4754-2017 industry classes,
// the enterprise import from XLSX or CSV, and each enterprise's residency history (enterprises.residencyPeriods
// is what benefit sharing reads).
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { defaultUploadLimitBytes } from "../../platform/tabular/upload.ts";
import { createEnterpriseImport, ImportRejected, type EnterpriseImport, type ImportProgress } from "./enterprise-import.service.ts";
import { enterprisesRoutes } from "./enterprises.routes.ts";
import { createEnterprisesService, type EnterpriseDependencies, type EnterprisesService } from "./enterprises.service.ts";
import type { EnterprisePeriod, ResidencyQuery } from "./residencies.service.ts";
import { residencyRoutes } from "./residencies.routes.ts";

export { checkUscc, illustrativeOrganisationCode, makeUscc, usccCheckCharacter, type UsccCheck } from "./uscc.ts";
export { describeIndustryCode, findIndustryClass, industryClasses, isKnownIndustryClass, type IndustryClass } from "./industry-codes.ts";
export { searchIndustryCodes } from "./enterprise-rules.ts";
export { ImportRejected };
export type { EnterpriseDependencies, EnterpriseImport, EnterprisePeriod, EnterprisesService, ImportProgress, ResidencyQuery };

export type EnterprisesModule = {
  enterprises: EnterprisesService;
  imports: EnterpriseImport;
  routes(app: HttpApp): void;
};

export function createEnterprisesModule(db: Db, deps: EnterpriseDependencies, options: { uploadLimitBytes?: number } = {}): EnterprisesModule {
  const enterprises = createEnterprisesService(db, deps);
  const imports = createEnterpriseImport(db, deps);
  const uploadLimitBytes = options.uploadLimitBytes ?? defaultUploadLimitBytes;
  return {
    enterprises,
    imports,
    routes(app) {
      enterprisesRoutes(app, enterprises, imports, uploadLimitBytes);
      residencyRoutes(app, enterprises);
    },
  };
}
