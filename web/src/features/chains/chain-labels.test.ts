// Every value the chain pages name from data has a label in both catalogues.
import { describe, expect, it } from "vitest";
import { enUS } from "../../i18n/messages.en-US.ts";
import { zhCN } from "../../i18n/messages.zh-CN.ts";
import { chainStages, nextSteps, outcomeSteps, shortCountyName, shortNodeName } from "./chain-api.ts";

const lists: [string, readonly string[]][] = [
  ["chains.stageName", chainStages],
  ["chains.nodeStatus", ["gap", "thin", "present"]],
  ["chains.outcomeStatus", outcomeSteps],
  ["chains.linkStatus", ["derived", "confirmed", "rejected"]],
  ["chains.reasonKind", ["chain_adjacency", "product_keyword", "size_fit", "distance", "enclave"]],
  ["chains.reason.fit", ["next_stage", "same_stage", "oneSkipped", "stagesSkipped", "backward"]],
  ["chains.reason.product", ["both", "supplier", "buyer", "industry_code_only"]],
  ["chains.reason.size", ["ratio", "unknownOne", "unknownBoth"]],
  ["chains.reason.distance", ["by_road", "not_recorded"]],
  ["chains.reason.enclave", ["same_enclave", "different_enclaves", "one_side", "neither"]],
  ["chains.tab", ["map", "gaps", "matches", "outcomes"]],
];

describe("the chain pages' labels", () => {
  it("label every stage, status, outcome, link review, reason (each form) and tab in both languages", () => {
    for (const [prefix, values] of lists)
      for (const value of values) {
        expect(zhCN, `${prefix}.${value}`).toHaveProperty([`${prefix}.${value}`]);
        expect(enUS, `${prefix}.${value}`).toHaveProperty([`${prefix}.${value}`]);
      }
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
