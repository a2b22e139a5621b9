import {
  CooperationActivity,
  CooperationActivityFilters,
  CooperationSummary,
  CooperationSummaryQuery,
  CreateCooperationActivity,
  MeasureCatalogue,
  UpdateCooperationActivity,
} from "../../../../contracts/cooperation.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import { registerRoutes } from "../../platform/http/register-routes.ts";
import type { CooperationActivitiesService } from "./activities.service.ts";

const path = "/api/v1/cooperation-activities";

/** "doctors_dispatched=12 person; funds_fen=500000 fen" */
export function measuresCell(activity: CooperationActivity): string {
  return activity.measures.map((m) => `${m.measure}=${m.value} ${m.unit}`).join("; ");
}

export function cooperationRoutes(app: HttpApp, activities: CooperationActivitiesService): void {
  // Registered beside the record routes; Fastify prefers the static /summary over /:id.
  app.get(
    `${path}/summary`,
    {
      schema: {
        tags: ["Cooperation"],
        summary: "Per domain: the number of activities and the exact sum of each measure (optionally for one pairing and the year activities started)",
        querystring: CooperationSummaryQuery,
        response: { 200: CooperationSummary, 400: ErrorSchema },
      },
    },
    async (request) => activities.summary(request.actor, request.query),
  );

  app.get(
    "/api/v1/cooperation-measures",
    { schema: { tags: ["Cooperation"], summary: "The catalogue of known measures per domain, with labels and units", response: { 200: MeasureCatalogue } } },
    async (request) => activities.measureCatalogue(request.actor),
  );

  registerRoutes(app, {
    path,
    tag: "Cooperation",
    plural: "cooperation-activities",
    singular: "cooperation activity",
    record: CooperationActivity,
    create: CreateCooperationActivity,
    update: UpdateCooperationActivity,
    filters: CooperationActivityFilters,
    service: activities,
    exportColumns: [
      { zh: "领域", en: "Domain", value: (a) => a.domain },
      { zh: "名称", en: "Title (zh)", value: (a) => a.titleZh },
      { zh: "英文名称", en: "Title", value: (a) => a.titleEn },
      { zh: "派出地区", en: "From region", value: (a) => a.fromRegionCode },
      { zh: "接收地区", en: "To region", value: (a) => a.toRegionCode },
      { zh: "结对", en: "Pairing", value: (a) => a.pairingId },
      { zh: "协议", en: "Agreement", value: (a) => a.agreementId },
      { zh: "开始日期", en: "Started on", value: (a) => a.startedOn },
      { zh: "结束日期", en: "Ended on", value: (a) => a.endedOn },
      { zh: "成效指标", en: "Measures", value: measuresCell },
      { zh: "说明", en: "Description", value: (a) => a.description },
      { zh: "示例数据", en: "Illustrative", value: (a) => a.illustrative },
    ],
  });
}
