// The agreements module's one door: agreements between regions, their life cycle and attached documents.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import type { PairingsService, RegionsService } from "../regions/index.ts";
import { agreementsRoutes } from "./agreements.routes.ts";
import { createAgreementsService, type AgreementsService } from "./agreements.service.ts";

export type { AgreementsService };

export type AgreementsModule = { agreements: AgreementsService; routes(app: HttpApp): void };

/** 20 MiB, the default of SHANHAI_UPLOAD_LIMIT_BYTES. */
export const defaultUploadLimitBytes = 20 * 1_048_576;

/** Regions and pairings are checked through the regions module's services; uploadLimitBytes defaults to 20 MiB. */
export function createAgreementsModule(db: Db, deps: { regions: RegionsService; pairings: PairingsService; uploadLimitBytes?: number }): AgreementsModule {
  const agreements = createAgreementsService(db, { regions: deps.regions, pairings: deps.pairings });
  const uploadLimitBytes = deps.uploadLimitBytes ?? defaultUploadLimitBytes;
  return { agreements, routes: (app) => agreementsRoutes(app, agreements, { uploadLimitBytes }) };
}
