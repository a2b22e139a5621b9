// The server writes its validation messages in English. In Chinese the console translates the ones it knows
// (by pattern, keeping the values they quote) and shows any other one as the server wrote it, marked as English.
import type { Locale } from "../format/money.ts";
import { zhCN } from "./messages.zh-CN.ts";

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** A name the server quotes (a field, a stage, a status) by its Chinese label where the catalogue has one. */
function zh(prefixes: readonly string[], name: string | undefined): string {
  const labels: Readonly<Record<string, string>> = zhCN;
  for (const prefix of prefixes) {
    const label = labels[`${prefix}.${name}`];
    if (label) return label;
  }
  return name ?? "";
}
const statuses = ["agreementStatus", "enclaveStatus"];

const zhRules: Rule[] = [
  [/^is required$/, () => "必填"],
  [/^Required$/i, () => "必填"],
  [/^Too small: expected string to have >=1 characters?$/, () => "不能为空"],
  [/^Too big: expected string to have <=(\d+) characters?$/, (m) => `不能超过 ${m[1]} 个字符`],
  [/^Too small: expected number to be >=(-?\d+)$/, (m) => `不能小于 ${m[1]}`],
  [/^Too big: expected number to be <=(-?\d+)$/, (m) => `不能大于 ${m[1]}`],
  [
    /^(?:character 18 should be|check character should be) '(.)'(?: \(check character\))?, found '(.)'$/,
    (m) => `校验位应为“${m[1]}”，实为“${m[2]}”`,
  ],
  [
    /^check character should be '(.)', found '(.)' \(if the register really holds this code, keep it: keepUsccFailingCheck\)$/,
    (m) => `校验位应为“${m[1]}”，实为“${m[2]}”（若企业名录中确为此代码，可勾选“校验位不符时按名录原样保留”）`,
  ],
  [
    /^check character should be '(.)', found '(.)'; kept as the register has it$/,
    (m) => `校验位应为“${m[1]}”，实为“${m[2]}”；已按名录原样保留`,
  ],
  [/^must be (\d+) characters, got (\d+)$/, (m) => `应为 ${m[1]} 位，实为 ${m[2]} 位`],
  [
    /^character (\d+) '(.)' is not allowed.*$/,
    (m) => `第 ${m[1]} 位字符“${m[2]}”不允许使用（代码不含 I、O、S、V、Z）`,
  ],
  [/^must be a 6-digit GB\/T 2260 division code$/, () => "应为 6 位 GB/T 2260 行政区划代码"],
  [
    /^must be a 4-digit GB\/T 4754-2017 class code.*$/,
    () => "应为 4 位 GB/T 4754-2017 行业小类代码，如 3465",
  ],
  [/^is not a class of GB\/T 4754-2017.*$/, () => "不是 GB/T 4754-2017 的行业小类"],
  [/^no region with this code$/, () => "没有此代码的地区"],
  [/^no enclave with this id$/, () => "没有此飞地"],
  [/^must be a date written YYYY-MM-DD$/, () => "日期格式应为 YYYY-MM-DD"],
  [/^is not a calendar date$/, () => "不是有效日期"],
  [
    /^must not be in the future(?: \(today is (\d{4}-\d{2}-\d{2})\))?$/,
    (m) => (m[1] ? `不能晚于今天（${m[1]}）` : "不能晚于今天"),
  ],
  [/^must not be negative$/, () => "不能为负数"],
  [/^must be a whole number$/, () => "应为整数"],
  [/^is only for an enterprise resident in an enclave.*$/, () => "仅适用于入驻飞地的企业，请同时选择飞地"],
  [/^an enterprise with this USCC already exists.*$/i, () => "已有相同统一社会信用代码的企业"],
  [/^already (?:registered|exists).*$/i, () => "已存在"],
  [/^must be a whole number of fen.*$/, () => "金额应为整数（分）"],
  // The register forms (record-form.tsx): the rules of agreements, enclaves, projects and activities.
  [/^Invalid input: expected \w+, received undefined$/, () => "必填"],
  [/^Invalid option: expected one of .*$/, () => "不是可选的值"],
  [/^must not be before the previous report \((.+)\)$/, (m) => `不能早于上一次报告（${m[1]}）`],
  [
    /^must not be before the date the project reached (\w+) \((.+)\)$/,
    (m) => `不能早于项目进入“${zh(["stage"], m[1])}”的日期（${m[2]}）`,
  ],
  [/^(?:must not be|is) before (\w+) \((.+)\)$/, (m) => `不能早于${zh(["field"], m[1])}（${m[2]}）`],
  [/^lies in the future \(today is (.+)\)$/, (m) => `不能晚于今天（${m[1]}）`],
  [/^is needed once the agreement is (\w+)$/, (m) => `协议状态为“${zh(statuses, m[1])}”时必填`],
  [/^is required once the enclave is operating$/, () => "飞地运营后必填"],
  [/^is listed twice$/, () => "重复列出"],
  [/^an agreement needs at least two parties$/, () => "协议至少需要两方"],
  [/^an enclave is for at least one sending region$/, () => "至少选择一个飞出地"],
  [/^a project lies in at least one region$/, () => "至少选择一个所在地区"],
  [/^is the host region; .*$/, () => "是飞入地，不能同时作为飞出地"],
  [/^is used by another parcel of this enclave$/, () => "与本飞地另一地块的编号相同"],
  [
    /^the parcels add up to (\S+) mu, more than the enclave's (\S+) mu$/,
    (m) => `地块面积合计 ${m[1]} 亩，超过飞地面积 ${m[2]} 亩`,
  ],
  [/^cannot follow (\w+)$/, (m) => `不能由“${zh(statuses, m[1])}”改为此状态`],
  [/^cannot move back from (\w+)$/, (m) => `项目只能向前推进，不能从“${zh(["stage"], m[1])}”退回`],
  [/^only with a change of stage.*$/, () => "仅在变更阶段时填写"],
  [/^is not a milestone of this project.*$/, () => "不是本项目的里程碑"],
  [/^give either ownerEnterpriseId .*not both$/, () => "业主企业和其他业主只能填一项"],
  [/^must differ from fromRegionCode.*$/, () => "不能与支援方相同"],
  [/^is given twice; give each measure once$/, () => "指标重复，每项只填一次"],
  [/^\w+ is counted in (\S+)$/, (m) => `该指标的单位应为“${zh(["unit"], m[1])}”`],
  [/^must be a whole number of (\S+)$/, () => "应为整数"],
  [/^must be greater than zero$/, () => "必须大于零"],
  [/^must be a decimal number written as a string.*$/, () => "应为数字，如 1047.49"],
  [/^no pairing with this id$/, () => "没有此结对关系"],
  [/^region (.+) is not in this pairing$/, (m) => `地区 ${m[1]} 不在此结对关系中`],
  [/^must be a record id \(UUID\)$/, () => "不是有效的记录编号"],
  [/^refers to a record that does not exist.*$/, () => "所指的记录不存在"],
  [
    /^The \w+ was changed by someone else \(now version (\d+), you edited version (\d+)\)\. Reload and try again\.$/,
    (m) => `记录已被他人修改（现为第 ${m[1]} 版，您编辑的是第 ${m[2]} 版），请刷新页面后重试`,
  ],
  [/^Invalid input.*$/, () => "输入无效"],
];

/** The message in the console's language where it is known; otherwise the server's own text. */
export function translateServerMessage(
  message: string,
  locale: Locale,
): { text: string; translated: boolean } {
  if (locale === "en-US") return { text: message, translated: true };
  for (const [pattern, render] of zhRules) {
    const match = pattern.exec(message.trim());
    if (match) return { text: render(match), translated: true };
  }
  return { text: message, translated: false };
}
