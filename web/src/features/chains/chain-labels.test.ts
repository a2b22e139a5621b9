// Every value the chain pages name from data has a label in both catalogues, and reasons quoting the other
// language mark it.
import { describe, expect, it } from "vitest";
import { enUS } from "../../i18n/messages.en-US.ts";
import { zhCN } from "../../i18n/messages.zh-CN.ts";
import { chainStages, nextSteps, outcomeSteps, shortCountyName, shortNodeName } from "./chain-api.ts";
import { runsOf } from "./reason-text.tsx";

const lists: [string, readonly string[]][] = [
  ["chains.stageName", chainStages],
  ["chains.nodeStatus", ["gap", "thin", "present"]],
  ["chains.outcomeStatus", outcomeSteps],
  ["chains.linkStatus", ["derived", "confirmed", "rejected"]],
  ["chains.reasonKind", ["chain_adjacency", "product_keyword", "size_fit", "distance", "enclave"]],
  ["chains.tab", ["map", "gaps", "matches", "outcomes"]],
];

describe("the chain pages' labels", () => {
  it("label every stage, status, outcome, link review, reason and tab in both languages", () => {
    for (const [prefix, values] of lists)
      for (const value of values) {
        expect(zhCN, `${prefix}.${value}`).toHaveProperty([`${prefix}.${value}`]);
        expect(enUS, `${prefix}.${value}`).toHaveProperty([`${prefix}.${value}`]);
      }
  });

  it("marks English product words in a Chinese reason and Chinese ones in an English reason", () => {
    expect(runsOf("需方产品「electric saw」匹配节点「电动工具整机」", "zh-CN")).toEqual([
      { text: "需方产品「" },
      { text: "electric saw", lang: "en-US" },
      { text: "」匹配节点「电动工具整机」" },
    ]);
    expect(runsOf("supplier's product 变速箱 matches keyword 变速箱 of node gears-gearbox", "en-US")).toEqual(
      [
        { text: "supplier's product " },
        { text: "变速箱", lang: "zh-CN" },
        { text: " matches keyword " },
        { text: "变速箱", lang: "zh-CN" },
        { text: " of node gears-gearbox" },
      ],
    );
    expect(runsOf("供方 1509 人、需方 1483 人,规模比 98%", "zh-CN")).toEqual([
      { text: "供方 1509 人、需方 1483 人,规模比 98%" },
    ]);
  });

  it("moves outcomes forward only", () => {
    expect(nextSteps(undefined)).toEqual(["suggested", "contacted", "agreed", "deal"]);
    expect(nextSteps("contacted")).toEqual(["agreed", "deal"]);
    expect(nextSteps("deal")).toEqual([]);
  });

  it("shortens names for the drawing", () => {
    expect(shortNodeName("模具(冲压、压铸、注塑模)")).toBe("模具");
    expect(shortNodeName("Moulds and dies (stamping, die-casting, injection)")).toBe("Moulds and dies");
    expect(shortNodeName("电动工具整机")).toBe("电动工具整机");
    expect(shortCountyName("永康市")).toBe("永康");
    expect(shortCountyName("Wuyi")).toBe("Wuyi");
  });
});
