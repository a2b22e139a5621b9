// Phrases that agreements carry as data (principles, focus industries) in one language, with their standard
// rendering in the other, so an agreement reads in the console's language. Unknown phrases stay as written.
import type { Locale } from "../format/money.ts";

const pairs: [zh: string, en: string][] = [
  ["政府引导", "government guidance"],
  ["市场运作", "market operation"],
  ["企业主体", "enterprise as the main body"],
  ["产业主导", "industry-led"],
  ["优势互补", "complementary advantages"],
  ["利益共享", "benefit sharing"],
  ["互利共赢", "mutual benefit"],
  ["共同富裕", "common prosperity"],
  ["现代五金", "modern hardware"],
  ["高端装备", "high-end equipment"],
  ["金属制品", "metal products"],
  ["电动工具", "electric tools"],
  ["汽车及零部件", "automobiles and parts"],
  ["汽摩配件", "auto and motorcycle parts"],
  ["长期合作、长期经营", "long-term cooperation and long-term operation"],
];

const toZh = new Map(pairs.map(([zh, en]) => [en.toLowerCase(), zh]));
const toEn = new Map(pairs.map(([zh, en]) => [zh, en]));

/** The phrase in `locale` when the glossary knows it; otherwise the phrase itself. */
export function translatePhrase(phrase: string, locale: Locale): string {
  if (locale === "zh-CN") return toZh.get(phrase.trim().toLowerCase()) ?? phrase;
  const en = toEn.get(phrase.trim());
  return en ? en.charAt(0).toUpperCase() + en.slice(1) : phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
