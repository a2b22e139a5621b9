// The two traction projects named in the source report (their stage, dates and amounts here are illustrative)
// and illustrative investment and public-service projects in every pipeline stage.
import { CreateProject, type ProjectStage } from "../../../contracts/projects.ts";
import type { Actor } from "../platform/actor.ts";
import type { Modules } from "../modules.ts";
import { wuyi, yongkang } from "./demo-facts.ts";
import { seededRandom } from "./seeded-random.ts";

export type DemoOwner = { id: string; nameZh: string; nameEn: string; homeRegionCode: string };

const yi = (yuan100m: number) => `${BigInt(Math.round(yuan100m * 100)) * 100_000_000n}`; // 亿元 → fen, two decimals of 亿

type Spec = { zh: string; en: string; stage: ProjectStage; plannedYi: number; actualShare: number; enclave: boolean; started: string | null };

const investment: Spec[] = [
  { zh: "锂电电动工具整机扩产项目", en: "Cordless power-tool assembly expansion", stage: "in_production", plannedYi: 6.5, actualShare: 1, enclave: true, started: "2023-03-01" },
  { zh: "无刷电机及控制器项目", en: "Brushless motor and controller plant", stage: "in_production", plannedYi: 4.2, actualShare: 0.95, enclave: true, started: "2023-05-10" },
  { zh: "新能源汽车零部件精密压铸项目", en: "EV parts precision die-casting", stage: "under_construction", plannedYi: 8, actualShare: 0.55, enclave: true, started: "2024-09-15" },
  { zh: "不锈钢真空杯智能工厂", en: "Smart factory for stainless vacuum cups", stage: "under_construction", plannedYi: 3.6, actualShare: 0.4, enclave: false, started: "2025-02-20" },
  { zh: "园林工具研发与检测中心", en: "Garden-tool R&D and testing centre", stage: "landed", plannedYi: 1.8, actualShare: 0.1, enclave: true, started: null },
  { zh: "电动滑板车车架焊接线", en: "E-scooter frame welding line", stage: "landed", plannedYi: 1.2, actualShare: 0.05, enclave: false, started: null },
  { zh: "汽摩配件表面处理集中区", en: "Shared surface-treatment centre for auto and motorcycle parts", stage: "signed", plannedYi: 2.5, actualShare: 0, enclave: true, started: null },
  { zh: "锂电池包组装项目", en: "Lithium battery pack assembly", stage: "signed", plannedYi: 5, actualShare: 0, enclave: true, started: null },
  { zh: "智能健身器材生产基地", en: "Smart fitness equipment base", stage: "signed", plannedYi: 2.2, actualShare: 0, enclave: false, started: null },
  { zh: "高端炊具复底生产线", en: "High-end cookware clad-base line", stage: "lead", plannedYi: 1.5, actualShare: 0, enclave: false, started: null },
  { zh: "精密齿轮箱项目", en: "Precision gearbox project", stage: "lead", plannedYi: 3, actualShare: 0, enclave: true, started: null },
  { zh: "五金模具共享制造平台", en: "Shared mould-making platform for hardware", stage: "lead", plannedYi: 0.8, actualShare: 0, enclave: true, started: null },
];

export async function loadDemoProjects(
  modules: Modules,
  actor: Actor,
  ids: { agreementId: string; enclaveId: string },
  owners: DemoOwner[],
): Promise<number> {
  const random = seededRandom(312);
  const create = (input: unknown) => modules.projects.projects.create(actor, CreateProject.parse(input));
  const traction = [
    { zh: "永武高速公路", en: "Yongkang–Wuyi expressway", stage: "under_construction", planned: yi(68), started: "2023-12-28", owner: "金华市交通投资集团（示例）" },
    { zh: "S312省道永康至武义段提升改造工程", en: "Provincial road S312 key project (Yongkang–Wuyi section)", stage: "under_construction", planned: yi(12.4), started: "2022-10-18", owner: "永康市、武义县交通运输局（示例）" },
  ];
  for (const t of traction) {
    const project = await create({
      nameZh: t.zh,
      nameEn: t.en,
      kind: "infrastructure",
      stage: t.stage,
      stageOn: t.started,
      plannedInvestmentFen: t.planned,
      regionCodes: [yongkang, wuyi],
      agreementId: ids.agreementId,
      ownerName: t.owner,
      traction: true,
      startedOn: t.started,
      plannedCompletionOn: "2027-12-31",
      note: "Named as a traction project in the 2022-04-02 report (real). Its stage, dates, owner and amounts here are illustrative.",
      published: true,
      milestones: [
        { title: "可行性研究批复 Feasibility study approved", plannedOn: "2022-06-30", actualOn: "2022-08-12" },
        { title: "开工 Construction start", plannedOn: t.started, actualOn: t.started },
        { title: "主体完工 Main works complete", plannedOn: "2027-06-30" },
      ],
      illustrative: true,
    });
    await modules.projects.projects.addProgressReport(actor, project.id, { reportedOn: "2025-12-31", percentComplete: 45, text: "Illustrative progress report.", investmentToDateFen: null });
  }
  const candidates = owners.filter((o) => o.homeRegionCode === wuyi || random.next() < 0.4);
  for (const [i, s] of investment.entries()) {
    const owner = candidates[(i * 7) % candidates.length];
    const planned = yi(s.plannedYi);
    await create({
      nameZh: s.zh,
      nameEn: s.en,
      kind: "investment",
      stage: s.stage,
      stageOn: s.started ?? "2025-06-30",
      plannedInvestmentFen: planned,
      actualInvestmentFen: s.actualShare > 0 ? `${(BigInt(planned) * BigInt(Math.round(s.actualShare * 100))) / 100n}` : null,
      regionCodes: s.enclave ? [yongkang] : [owner?.homeRegionCode ?? wuyi],
      enclaveId: s.enclave ? ids.enclaveId : null,
      agreementId: ids.agreementId,
      ownerEnterpriseId: owner?.id ?? null,
      startedOn: s.started,
      plannedCompletionOn: s.started ? `${Number(s.started.slice(0, 4)) + 2}-12-31` : null,
      note: "Illustrative demo project.",
      illustrative: true,
    });
  }
  const publicService = [
    { zh: "永康名医武义工作站", en: "Yongkang specialists' clinic in Wuyi", stage: "in_production" },
    { zh: "永武职业技能实训基地", en: "Yongkang–Wuyi vocational training base", stage: "under_construction" },
  ];
  for (const p of publicService) {
    await create({ nameZh: p.zh, nameEn: p.en, kind: "public_service", stage: p.stage, stageOn: "2024-03-01", plannedInvestmentFen: yi(0.3), regionCodes: [wuyi], agreementId: ids.agreementId, ownerName: "武义县人民政府（示例）", startedOn: "2024-03-01", published: true, illustrative: true, note: "Illustrative demo project." });
  }
  return traction.length + investment.length + publicService.length;
}
