// The sharing module's one door: sharing terms attached to agreements, production starts, settlement runs
// (computed by the pure engine in engine/), confirmations, the double-entry ledger, statements and scenarios.
// Figures come from the indicators module's door, handed in by the composition root.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { createAccess } from "./access.ts";
import { createConfirmService, type ConfirmService } from "./confirm.service.ts";
import type { FiguresQuery, FiguresSource, ObservedFigure, SharingDependencies } from "./inputs.ts";
import { createReportsService, type ReportsService } from "./reports.service.ts";
import { createScenariosService, type ScenariosService } from "./scenarios.service.ts";
import { createSettlementService, type SettlementService } from "./settlement.service.ts";
import { createSummaryService, type SummaryService } from "./summary.service.ts";
import { sharingRoutes } from "./sharing.routes.ts";
import { createTermsService, type TermsService } from "./terms.service.ts";

export type { FiguresQuery, FiguresSource, ObservedFigure, SharingDependencies };
export { StatementFontMissing, cjkFontPath } from "./statement-pdf.ts";

export type SharingServices = {
  terms: TermsService;
  runs: SettlementService;
  confirmations: ConfirmService;
  reports: ReportsService;
  scenarios: ScenariosService;
  summary: SummaryService;
};

export type SharingModule = SharingServices & { routes(app: HttpApp): void };

export function createSharingModule(db: Db, deps: SharingDependencies): SharingModule {
  const access = createAccess(db, deps);
  const terms = createTermsService(db, deps, access);
  const runs = createSettlementService(db, deps, access);
  const confirmations = createConfirmService(db, access, runs);
  const reports = createReportsService(db, deps, access, runs);
  const scenarios = createScenariosService(db, deps, access);
  const summary = createSummaryService(db, deps, access);
  const services = { terms, runs, confirmations, reports, scenarios, summary };
  return { ...services, routes: (app) => sharingRoutes(app, services) };
}
