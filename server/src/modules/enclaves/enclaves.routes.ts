import { CreateEnclave, Enclave, EnclaveFilters, UpdateEnclave } from "../../../../contracts/enclaves.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { registerRoutes } from "../../platform/http/register-routes.ts";
import type { EnclavesService } from "./enclaves.service.ts";

export function enclavesRoutes(app: HttpApp, enclaves: EnclavesService): void {
  registerRoutes(app, {
    path: "/api/v1/enclaves",
    tag: "Enclaves",
    plural: "enclaves",
    singular: "enclave",
    record: Enclave,
    create: CreateEnclave,
    update: UpdateEnclave,
    filters: EnclaveFilters,
    service: enclaves,
    exportColumns: [
      { zh: "名称", en: "Name (zh)", value: (e) => e.nameZh },
      { zh: "英文名称", en: "Name", value: (e) => e.nameEn },
      { zh: "类型", en: "Kind", value: (e) => e.kind },
      { zh: "飞入地", en: "Host region", value: (e) => e.hostRegionCode },
      { zh: "飞出地", en: "Sending regions", value: (e) => e.sendingRegionCodes.join("; ") },
      { zh: "协议", en: "Agreement", value: (e) => e.agreementId },
      { zh: "面积（亩）", en: "Area (mu)", value: (e) => e.areaMu },
      { zh: "地块面积合计（亩）", en: "Parcel area (mu)", value: (e) => e.parcelAreaMu },
      { zh: "地块数", en: "Parcels", value: (e) => e.parcels.length },
      { zh: "状态", en: "Status", value: (e) => e.status },
      { zh: "开园日期", en: "Opened on", value: (e) => e.openedOn },
      { zh: "地址", en: "Address", value: (e) => e.address },
      { zh: "备注", en: "Note", value: (e) => e.note },
      { zh: "示例数据", en: "Illustrative", value: (e) => e.illustrative },
    ],
  });
}
