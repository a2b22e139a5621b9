// Export columns of the project list. Officials' spreadsheets state amounts in 万元 (10,000 yuan = 1,000,000 fen),
// so amounts leave as exact decimal strings of 万元, never through floating point.
import type { Project } from "../../../../contracts/projects.ts";
import type { ExportColumn } from "../../platform/export.ts";

const fenPerWanYuan = 6; // 10^6 fen in one 万元

/** "12600000000000" fen → "12600000" 万元; "1234567" → "1.234567"; null stays null. */
export function fenToWanYuan(fen: string | null): string | null {
  if (fen === null) return null;
  const negative = fen.startsWith("-");
  const digits = (negative ? fen.slice(1) : fen).replace(/^0+(?=\d)/, "").padStart(fenPerWanYuan + 1, "0");
  const whole = digits.slice(0, -fenPerWanYuan);
  const fraction = digits.slice(-fenPerWanYuan).replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== "0" ? `-${text}` : text;
}

export const projectExportColumns: readonly ExportColumn<Project>[] = [
  { zh: "项目名称", en: "Name (zh)", value: (p) => p.nameZh },
  { zh: "英文名称", en: "Name", value: (p) => p.nameEn },
  { zh: "类型", en: "Kind", value: (p) => p.kind },
  { zh: "阶段", en: "Stage", value: (p) => p.stage },
  { zh: "进入阶段日期", en: "Stage since", value: (p) => p.stageHistory.at(-1)?.on },
  { zh: "所在地区", en: "Regions", value: (p) => p.regionCodes.join("; ") },
  { zh: "计划投资（万元）", en: "Planned investment (10k yuan)", value: (p) => fenToWanYuan(p.plannedInvestmentFen) },
  { zh: "实际投资（万元）", en: "Actual investment (10k yuan)", value: (p) => fenToWanYuan(p.actualInvestmentFen) },
  { zh: "业主", en: "Owner", value: (p) => p.ownerName ?? p.ownerEnterpriseId },
  { zh: "牵引性项目", en: "Traction project", value: (p) => p.traction },
  { zh: "开工日期", en: "Started on", value: (p) => p.startedOn },
  { zh: "计划完工日期", en: "Planned completion", value: (p) => p.plannedCompletionOn },
  { zh: "完成进度（%）", en: "Percent complete", value: (p) => p.progressReports.at(-1)?.percentComplete },
  { zh: "飞地", en: "Enclave", value: (p) => p.enclaveId },
  { zh: "协议", en: "Agreement", value: (p) => p.agreementId },
  { zh: "示例数据", en: "Illustrative", value: (p) => p.illustrative },
];
