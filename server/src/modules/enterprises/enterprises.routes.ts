// Enterprise routes: the register (list, read, history, create, change, archive, restore), the import from
// XLSX/CSV with its template, and the GB/T 4754-2017 class list.
import type { FastifyInstance } from "fastify";
import {
  CreateEnterprise,
  Enterprise,
  EnterpriseFilters,
  ImportMode,
  ImportOutcome,
  IndustryCodeList,
  IndustryCodeQuery,
  UpdateEnterprise,
} from "../../../../contracts/enterprises.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import { ErrorSchema } from "../../platform/http/error-mapper.ts";
import { registerRoutes } from "../../platform/http/register-routes.ts";
import { importRoutes } from "../../platform/tabular/import-routes.ts";
import { enterpriseImportColumns } from "./enterprise-import.columns.ts";
import type { EnterpriseImport } from "./enterprise-import.service.ts";
import { searchIndustryCodes } from "./enterprise-rules.ts";
import type { EnterprisesService } from "./enterprises.service.ts";

const path = "/api/v1/enterprises";

export function enterprisesRoutes(app: HttpApp, enterprises: EnterprisesService, imports: EnterpriseImport, uploadLimitBytes: number): void {
  registerRoutes(app, {
    path,
    tag: "Enterprises",
    plural: "enterprises",
    singular: "enterprise",
    record: Enterprise,
    create: CreateEnterprise,
    update: UpdateEnterprise,
    filters: EnterpriseFilters,
    service: enterprises,
    exportColumns: [
      { zh: "统一社会信用代码", en: "USCC", value: (e) => e.uscc },
      { zh: "企业名称", en: "Name (zh)", value: (e) => e.nameZh },
      { zh: "英文名称", en: "Name (en)", value: (e) => e.nameEn },
      { zh: "所属地区", en: "Home region", value: (e) => e.homeRegionCode },
      { zh: "代码与地区一致", en: "USCC matches region", value: (e) => e.usccRegionMatch },
      { zh: "行业代码", en: "Industry code", value: (e) => e.industryCode },
      { zh: "行业名称", en: "Industry", value: (e) => e.industryNameZh },
      { zh: "所在飞地", en: "Enclave", value: (e) => e.enclaveId },
      { zh: "入驻日期", en: "Resident since", value: (e) => e.residentSince },
      { zh: "从业人数", en: "Employees", value: (e) => e.employees },
      { zh: "成立日期", en: "Founded on", value: (e) => e.foundedOn },
      { zh: "主要产品", en: "Products", value: (e) => e.products.join("; ") },
      { zh: "注册资本（元）", en: "Registered capital (yuan)", value: (e) => fenToYuanText(e.registeredCapitalFen) },
      { zh: "示例数据", en: "Illustrative", value: (e) => e.illustrative },
    ],
  });

  importRoutes(app, {
    path,
    tag: "Enterprises",
    summary: "Import enterprises; a known USCC updates that enterprise",
    columns: enterpriseImportColumns,
    templateName: "enterprises-import",
    uploadLimitBytes,
    modeSchema: ImportMode,
    outcomeSchema: ImportOutcome,
    run: (actor, file, mode) => imports.importEnterprises(actor, file, { mode }),
  });

  (app as unknown as FastifyInstance).get(
    "/api/v1/industry-codes",
    {
      schema: {
        tags: ["System"],
        summary: "GB/T 4754-2017 classes shipped with the server; q is a code prefix (34, C34) or words of the name",
        querystring: IndustryCodeQuery,
        response: { 200: IndustryCodeList, 400: ErrorSchema },
      },
    },
    async (request) => searchIndustryCodes(request.query as IndustryCodeQuery),
  );
}

/** "12345" fen as "123.45" (exact, for exports). */
function fenToYuanText(fen: string | null): string | null {
  if (fen === null) return null;
  const negative = fen.startsWith("-");
  const digits = (negative ? fen.slice(1) : fen).padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
