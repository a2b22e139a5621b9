import { describe, expect, it } from "vitest";
import { buildChainGraph, referenceChainGraph } from "./chain-graph.ts";
import { linkEnterprise, type ChainEnterprise } from "./enterprise-links.ts";
import { compileKeywords } from "./keyword-match.ts";
import { miniChainSet, W } from "./mini-chain.fixture.ts";

const reference = referenceChainGraph();
const enterprise = (industryCode: string, products: string[]): ChainEnterprise => ({
  id: "e1",
  nameZh: "武义县某某电动工具有限公司",
  nameEn: null,
  homeRegionCode: W,
  industryCode,
  products,
  employees: 50,
  enclaveId: null,
});
const producedBy = (industryCode: string, products: string[]) =>
  linkEnterprise(reference, enterprise(industryCode, products)).produces.map((l) => l.nodeId);

describe("enterprise → node links", () => {
  it("links by industry code and by product keyword, with a reason for each", () => {
    const links = linkEnterprise(reference, enterprise("3465", ["角磨机", "Cordless Tools"]));
    expect(links.produces).toEqual([
      {
        nodeId: "electric-tools",
        reasons: [
          {
            kind: "industry_code",
            code: "3465",
            zh: "行业代码 3465 属于节点「电动工具整机」(electric-tools)",
            en: "industry code 3465 is the class of node electric-tools",
          },
          {
            kind: "product_keyword",
            product: "角磨机",
            keyword: "角磨机",
            zh: "产品「角磨机」匹配关键词「角磨机」",
            en: "product 角磨机 matches keyword 角磨机",
          },
          {
            kind: "product_keyword",
            product: "Cordless Tools",
            keyword: "cordless tools",
            zh: "产品「Cordless Tools」匹配关键词「cordless tools」",
            en: "product Cordless Tools matches keyword cordless tools",
          },
        ],
      },
    ]);
  });

  it("reads a class with its section letter as the class", () => {
    expect(producedBy("C3465", [])).toEqual(["electric-tools"]);
  });

  it("needs every node with an edge into a node it produces, saying which", () => {
    const graph = buildChainGraph(miniChainSet());
    const links = linkEnterprise(graph, enterprise("3465", []));
    expect(links.needs.map((n) => n.nodeId)).toEqual(["gears", "motors"]);
    expect(links.needs[0]).toEqual({
      nodeId: "gears",
      forNodeIds: ["tools"],
      reasons: [{ zh: "节点「tools-zh」采购「gears-zh」", en: "node tools buys from node gears" }],
    });
  });

  it("links an enterprise whose class is on no chain by its products only, or not at all", () => {
    expect(producedBy("1530", ["武义有机茶"])).toEqual([]);
    expect(producedBy("5181", [])).toEqual(["export-trade"]);
    expect(producedBy("3399", ["钣金加工"])).toEqual(["stamping-drawing"]);
  });
});

describe("keyword matching", () => {
  const matcher = compileKeywords(reference.nodes);
  const nodesOf = (product: string) =>
    [...new Set(matcher.match(product).map((h) => reference.nodes[h.nodePosition]?.id))].sort();

  it("matches English whole words, case-insensitively, accepting a plural", () => {
    expect(nodesOf("ANGLE GRINDER 125mm")).toEqual(["electric-tools"]);
    expect(nodesOf("bevel gears")).toEqual(["gears-gearbox"]);
    expect(nodesOf("gearing")).toEqual([]);
    expect(nodesOf("screwdriver")).toEqual([]);
  });

  it("treats a hyphen as a word break, and a longer keyword wins over the words inside it", () => {
    // "die" (moulds) lies inside "die-casting" (die-casting); only the longer one counts.
    expect(nodesOf("aluminium die-casting")).toEqual(["nonferrous-die-casting"]);
    expect(nodesOf("die-casting mould")).toEqual(["mould-tooling"]);
    expect(nodesOf("stamping die")).toEqual(["mould-tooling"]);
  });

  it("matches Chinese keywords inside longer product names, and 轴承 is not 轴", () => {
    expect(nodesOf("锂电角磨机")).toEqual(["electric-tools"]);
    expect(nodesOf("深沟球轴承")).toEqual(["bearings"]);
    expect(nodesOf("电机输出轴")).toEqual(["machined-parts"]);
  });

  it("reads full-width Latin as half-width, and a keyword on two nodes links both", () => {
    expect(nodesOf("ＡＢＳ粒子")).toEqual(["engineering-plastic"]);
    expect(nodesOf("胶木手柄")).toEqual(["cookware-accessories", "plastic-parts"]);
  });
});
