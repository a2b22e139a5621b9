// The columns of the enterprise import, with the headers officials write in Chinese or English.
import { codeCell, dateCell, integerCell, listCell, moneyCell, textCell, type ColumnSpecs } from "../../platform/tabular/index.ts";
import type { EnterpriseColumns } from "./enterprises.repository.ts";

export const enterpriseImportColumns = {
  uscc: {
    zh: "统一社会信用代码",
    en: "USCC",
    aliases: ["社会信用代码", "信用代码", "统一信用代码", "Unified Social Credit Code", "credit code"],
    required: true,
    parse: codeCell({ maxLength: 40 }),
  },
  nameZh: {
    zh: "企业名称",
    en: "Name (zh)",
    aliases: ["名称", "企业名称（中文）", "中文名称", "单位名称", "Chinese name", "name zh", "name", "enterprise name", "company name"],
    required: true,
    parse: textCell({ maxLength: 200 }),
  },
  nameEn: {
    zh: "英文名称",
    en: "Name (en)",
    aliases: ["企业英文名称", "企业名称（英文）", "English name", "name en"],
    parse: textCell({ maxLength: 300 }),
  },
  homeRegion: {
    zh: "所属地区",
    en: "Home region",
    aliases: ["所在地区", "所属区县", "所在区县", "地区", "区县", "行政区划", "行政区划代码", "区划代码", "所属地区代码", "region", "region code", "home region code", "county"],
    required: true,
    parse: textCell({ maxLength: 200 }),
  },
  industryCode: {
    zh: "行业代码",
    en: "Industry code",
    aliases: ["国民经济行业代码", "行业分类代码", "所属行业代码", "行业小类代码", "行业分类", "industry", "industry class", "GB/T 4754 code"],
    required: true,
    parse: codeCell({ digits: 4, maxLength: 10 }),
  },
  enclave: {
    zh: "所在飞地",
    en: "Enclave",
    aliases: ["飞地", "飞地名称", "入驻飞地", "enclave name"],
    parse: textCell({ maxLength: 300 }),
  },
  residentSince: { zh: "入驻日期", en: "Resident since", aliases: ["入驻时间"], parse: dateCell() },
  employees: {
    zh: "从业人数",
    en: "Employees",
    aliases: ["员工人数", "职工人数", "从业人员", "从业人员数", "员工数", "employee count", "number of employees"],
    parse: integerCell({ min: 0, max: 10_000_000 }),
  },
  foundedOn: {
    zh: "成立日期",
    en: "Founded on",
    aliases: ["成立时间", "注册日期", "founded", "date founded", "founding date"],
    parse: dateCell(),
  },
  products: {
    zh: "主要产品",
    en: "Products",
    aliases: ["产品", "主营产品", "主导产品", "main products"],
    parse: listCell({ maxItems: 200, maxLength: 200 }),
  },
  registeredCapital: {
    zh: "注册资本（万元）",
    en: "Registered capital (10k yuan)",
    aliases: ["注册资本", "注册资金", "registered capital"],
    parse: moneyCell(),
  },
  note: { zh: "备注", en: "Note", aliases: ["notes", "remark", "remarks", "说明"], parse: textCell({ maxLength: 2000 }) },
} satisfies ColumnSpecs;

export type EnterpriseImportColumn = keyof typeof enterpriseImportColumns;

/** The import column that carries each field of the record (problems about a field name its column). */
export const columnOfField: Record<keyof EnterpriseColumns, EnterpriseImportColumn | undefined> = {
  uscc: "uscc",
  nameZh: "nameZh",
  nameEn: "nameEn",
  homeRegionCode: "homeRegion",
  industryCode: "industryCode",
  enclaveId: "enclave",
  residentSince: "residentSince",
  employees: "employees",
  foundedOn: "foundedOn",
  products: "products",
  registeredCapitalFen: "registeredCapital",
  note: "note",
  illustrative: undefined,
};
