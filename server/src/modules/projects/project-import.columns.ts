// The columns of the project import, with the headers officials write in Chinese or English. The headers of the
// project export (项目名称, 类型, 阶段, 进入阶段日期, 所在地区, 计划投资（万元）…) are among them.
import { booleanCell, choiceCell, dateCell, listCell, moneyCell, textCell, type ColumnSpecs } from "../../platform/tabular/index.ts";
import type { ProjectKind, ProjectStage } from "../../../../contracts/projects.ts";

/** Kinds as officials write them; the first word is the one problems and templates show. */
export const kindWords: Record<ProjectKind, readonly string[]> = {
  investment: ["投资", "投资类", "投资项目", "招商项目", "产业项目"],
  infrastructure: ["基础设施", "基础设施类", "基建", "基础设施项目"],
  public_service: ["公共服务", "公共服务类", "民生", "社会事业", "公共服务项目", "public service"],
};

/** Stages in pipeline order as officials write them. */
export const stageWords: Record<ProjectStage, readonly string[]> = {
  lead: ["线索", "在谈", "洽谈", "招商线索"],
  signed: ["签约", "已签约"],
  landed: ["落地", "已落地"],
  under_construction: ["在建", "建设中", "开工", "under construction"],
  in_production: ["投产", "已投产", "竣工投产", "运营", "in production"],
};

export const projectImportColumns = {
  nameZh: {
    zh: "项目名称",
    en: "Name (zh)",
    aliases: ["项目名称（中文）", "中文名称", "名称", "项目", "project name", "project name zh", "name zh", "Chinese name"],
    required: true,
    parse: textCell({ maxLength: 200 }),
  },
  nameEn: {
    zh: "英文名称",
    en: "Name (en)",
    aliases: ["项目英文名称", "项目名称（英文）", "English name", "name en", "project name en", "Name"],
    parse: textCell({ maxLength: 300 }),
  },
  kind: {
    zh: "项目类型",
    en: "Kind",
    aliases: ["类型", "项目类别", "类别", "type", "project type", "project kind"],
    parse: choiceCell(kindWords),
  },
  stage: {
    zh: "阶段",
    en: "Stage",
    aliases: ["项目阶段", "所处阶段", "推进阶段", "进展阶段", "项目进展", "pipeline stage", "project stage"],
    parse: choiceCell(stageWords),
  },
  stageOn: {
    zh: "进入阶段日期",
    en: "Stage since",
    aliases: ["阶段日期", "进入阶段时间", "stage date", "stage on", "stage reached on"],
    parse: dateCell(),
  },
  plannedInvestment: {
    zh: "计划投资（万元）",
    en: "Planned investment (10k yuan)",
    aliases: ["计划投资", "计划总投资", "总投资", "计划投资额", "投资额", "planned investment", "total investment"],
    parse: moneyCell(),
  },
  actualInvestment: {
    zh: "实际投资（万元）",
    en: "Actual investment (10k yuan)",
    aliases: ["实际投资", "完成投资", "实际完成投资", "累计完成投资", "actual investment", "investment made"],
    parse: moneyCell(),
  },
  regions: {
    zh: "所在地区",
    en: "Regions",
    aliases: ["地区", "所属地区", "项目地区", "涉及地区", "所在区县", "区县", "行政区划", "行政区划代码", "区划代码", "region", "region codes", "counties"],
    required: true,
    parse: listCell({ maxItems: 20, maxLength: 200 }),
  },
  enclave: {
    zh: "所在飞地",
    en: "Enclave",
    aliases: ["飞地", "飞地名称", "enclave name"],
    parse: textCell({ maxLength: 300 }),
  },
  ownerEnterprise: {
    zh: "业主企业",
    en: "Owner enterprise",
    aliases: ["业主企业统一社会信用代码", "业主企业名称", "业主企业信用代码", "投资企业", "owner enterprise USCC", "owner USCC", "owner enterprise name"],
    parse: textCell({ maxLength: 300 }),
  },
  ownerName: {
    zh: "业主名称",
    en: "Owner name",
    aliases: ["业主单位", "项目业主", "建设单位", "owner", "owner agency"],
    parse: textCell({ maxLength: 300 }),
  },
  traction: {
    zh: "牵引性项目",
    en: "Traction project",
    aliases: ["是否牵引性项目", "牵引项目", "是否牵引项目", "traction"],
    parse: booleanCell(),
  },
  startedOn: {
    zh: "开工日期",
    en: "Started on",
    aliases: ["开工时间", "开始日期", "start date", "started"],
    parse: dateCell(),
  },
  plannedCompletionOn: {
    zh: "计划完工日期",
    en: "Planned completion",
    aliases: ["计划竣工日期", "计划完成日期", "计划完工时间", "planned completion on", "planned completion date"],
    parse: dateCell(),
  },
  note: { zh: "备注", en: "Note", aliases: ["notes", "remark", "remarks", "说明"], parse: textCell({ maxLength: 5000 }) },
} satisfies ColumnSpecs;

export type ProjectImportColumn = keyof typeof projectImportColumns;
