import { CreatePairing, CreateRegion, Pairing, PairingFilters, Region, RegionFilters, UpdatePairing, UpdateRegion } from "../../../../contracts/regions.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { registerRoutes } from "../../platform/http/register-routes.ts";
import type { PairingsService } from "./pairings.service.ts";
import type { RegionsService } from "./regions.service.ts";

export function regionsRoutes(app: HttpApp, regions: RegionsService, pairings: PairingsService): void {
  registerRoutes(app, {
    path: "/api/v1/regions",
    tag: "Regions",
    plural: "regions",
    singular: "region",
    record: Region,
    create: CreateRegion,
    update: UpdateRegion,
    filters: RegionFilters,
    service: regions,
    exportColumns: [
      { zh: "区划代码", en: "Code", value: (r) => r.code },
      { zh: "名称", en: "Name (zh)", value: (r) => r.nameZh },
      { zh: "英文名称", en: "Name", value: (r) => r.nameEn },
      { zh: "层级", en: "Level", value: (r) => r.level },
      { zh: "类型", en: "Kind", value: (r) => r.kind },
      { zh: "上级区划", en: "Parent", value: (r) => r.parentCode },
      { zh: "示例数据", en: "Illustrative", value: (r) => r.illustrative },
    ],
  });
  registerRoutes(app, {
    path: "/api/v1/pairings",
    tag: "Regions",
    plural: "pairings",
    singular: "pairing",
    record: Pairing,
    create: CreatePairing,
    update: UpdatePairing,
    filters: PairingFilters,
    service: pairings,
    exportColumns: [
      { zh: "名称", en: "Name (zh)", value: (p) => p.nameZh },
      { zh: "英文名称", en: "Name", value: (p) => p.nameEn },
      { zh: "计划", en: "Programme", value: (p) => p.programme },
      { zh: "起始年份", en: "Since", value: (p) => p.sinceYear },
      { zh: "结对地区", en: "Regions", value: (p) => p.members.map((m) => `${m.regionCode} ${m.nameZh}`).join("; ") },
      { zh: "示例数据", en: "Illustrative", value: (p) => p.illustrative },
    ],
  });
}
