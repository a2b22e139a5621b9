// A match's reasons written from the catalogue out of their parts, rendered to markup as the browser receives
// it: names in the console's language, never ids or region codes, and product words of the other language marked.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider, type Locale } from "../../i18n/i18n.tsx";
import type { MatchReason } from "./chain-api.ts";
import { fillTemplate, ReasonList, type ReasonSides } from "./reason-text.tsx";

const motors = {
  id: "motor-bldc",
  nameZh: "无刷直流电机",
  nameEn: "Brushless DC motors",
  stage: "component",
} as const;
const tools = {
  id: "electric-tools",
  nameZh: "电动工具整机",
  nameEn: "Electric tools",
  stage: "product",
} as const;
const chain = { id: "electric-tools", nameZh: "电动工具", nameEn: "Electric tools" };
const cookware = { id: "cookware", nameZh: "炊具", nameEn: "Cookware" };
const counties = [
  { code: "330723", nameZh: "武义县", nameEn: "Wuyi" },
  { code: "330784", nameZh: "永康市", nameEn: "Yongkang" },
];
const words = { zh: "（服务器的句子）", en: "(the server's sentence)" };

const reasons: MatchReason[] = [
  {
    kind: "chain_adjacency",
    code: "next_stage",
    points: 400,
    ...words,
    supplierNode: motors,
    buyerNode: tools,
    chains: [chain],
    step: 1,
  },
  {
    kind: "product_keyword",
    code: "both",
    points: 200,
    ...words,
    supplierNode: motors,
    buyerNode: tools,
    supplierMatch: { product: "无刷电机", keyword: "无刷电机" },
    buyerMatch: { product: "angle grinder", keyword: "angle grinder" },
  },
  {
    kind: "size_fit",
    code: "ratio",
    points: 196,
    ...words,
    supplierEmployees: 1509,
    buyerEmployees: 1483,
    ratioPercent: 98,
  },
  { kind: "distance", code: "by_road", points: 94, ...words, km: 30, counties },
  { kind: "enclave", code: "one_side", points: 50, ...words, residents: ["buyer"] },
];

const sides: ReasonSides = {
  supplier: { nameZh: "永康电机有限公司", nameEn: "Yongkang Motor Co." },
  buyer: { nameZh: "武义工具有限公司", nameEn: null },
};

const render = (locale: Locale, list: MatchReason[] = reasons, who: ReasonSides = sides) =>
  renderToStaticMarkup(
    <I18nProvider initial={locale}>
      <ReasonList reasons={list} sides={who} />
    </I18nProvider>,
  );
const text = (markup: string) =>
  [...markup.matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
    (m[1] ?? "").replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'"),
  );

describe("a match's reasons in the console's words", () => {
  it("names nodes, chains and counties in English, with the server's sentence left aside", () => {
    expect(text(render("en-US"))).toEqual([
      "Chain adjacency 400 pts “Brushless DC motors” supplies “Electric tools” (the Electric tools chain); Component → Finished product, the next stage",
      "Product keywords 200 pts the supplier's product “无刷电机” matches the keyword “无刷电机” of “Brushless DC motors”; the buyer's product “angle grinder” matches the keyword “angle grinder” of “Electric tools”",
      "Size fit 196 pts supplier 1,509 and buyer 1,483 employees, size ratio 98%",
      "Distance 94 pts the county seats of Wuyi and Yongkang are about 30 km apart by road",
      "Enclave 50 pts 武义工具有限公司 is resident in an enclave",
    ]);
  });

  it("writes the same in Chinese", () => {
    expect(text(render("zh-CN"))).toEqual([
      "产业链相邻 400 分 「无刷直流电机」供应「电动工具整机」（电动工具产业链）；零部件 → 终端产品，相邻环节",
      "产品关键词 200 分 供方产品「无刷电机」匹配「无刷直流电机」的关键词「无刷电机」；需方产品「angle grinder」匹配「电动工具整机」的关键词「angle grinder」",
      "规模匹配 196 分 供方 1,509 人、需方 1,483 人，规模比 98%",
      "距离 94 分 武义县与永康市县城间道路距离约 30 公里",
      "飞地入驻 50 分 武义工具有限公司入驻飞地",
    ]);
  });

  it("marks data in the other language: Chinese product words and a name with no English on an English screen", () => {
    const en = render("en-US");
    expect(en).toContain('<span lang="zh-CN">无刷电机</span>');
    expect(en).toContain('<span lang="zh-CN">武义工具有限公司</span>');
    expect(en).not.toContain("(the server's sentence)");
    expect(en).not.toMatch(/motor-bldc|330723|330784/);
    expect(render("zh-CN")).toContain('<span lang="en-US">angle grinder</span>');
  });

  it("words skipped stages, several chains, unknown employees, no distance and an enclave on neither side", () => {
    const other: MatchReason[] = [
      {
        kind: "chain_adjacency",
        code: "stages_skipped",
        points: 320,
        ...words,
        supplierNode: { ...motors, stage: "material" },
        buyerNode: tools,
        chains: [chain, cookware],
        step: 3,
      },
      {
        kind: "product_keyword",
        code: "industry_code_only",
        points: 0,
        ...words,
        supplierNode: motors,
        buyerNode: tools,
        supplierMatch: null,
        buyerMatch: null,
      },
      {
        kind: "size_fit",
        code: "unknown",
        points: 50,
        ...words,
        supplierEmployees: null,
        buyerEmployees: 20,
        ratioPercent: null,
      },
      { kind: "distance", code: "not_recorded", points: 0, ...words, km: null, counties },
      { kind: "enclave", code: "neither", points: 0, ...words, residents: [] },
    ];
    expect(text(render("en-US", other))).toEqual([
      "Chain adjacency 320 pts “Brushless DC motors” supplies “Electric tools” (the Electric tools and Cookware chains); Material → Finished product, 2 stages skipped",
      "Product keywords 0 pts neither's products name “Brushless DC motors” or “Electric tools”; linked by industry class only",
      "Size fit 50 pts employees not known for Yongkang Motor Co.",
      "Distance 0 pts no distance on record between Wuyi and Yongkang",
      "Enclave 0 pts neither is resident in an enclave",
    ]);
    expect(text(render("zh-CN", other))[0]).toBe(
      "产业链相邻 320 分 「无刷直流电机」供应「电动工具整机」（电动工具和炊具产业链）；原材料 → 终端产品，跨 2 个环节",
    );
  });

  it("fills a template's placeholders with nodes and leaves unknown ones visible", () => {
    expect(renderToStaticMarkup(<>{fillTemplate("{a} and {b}", { a: <b>x</b> })}</>)).toBe(
      "<b>x</b> and {b}",
    );
  });
});
