// The server writes its validation messages in English. In Chinese the console translates the ones it knows
// (by pattern, keeping the values they quote) and shows any other one as the server wrote it, marked as English.
import type { Locale } from "../format/money.ts";

type Rule = [RegExp, (m: RegExpExecArray) => string];

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
