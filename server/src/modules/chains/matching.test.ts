import { describe, expect, it } from "vitest";
import { ValidationFailed } from "../../platform/errors.ts";
import { buildChainGraph } from "./chain-graph.ts";
import { linkEnterprises, type ChainEnterprise } from "./enterprise-links.ts";
import { scorePair } from "./match-scoring.ts";
import {
  bruteForceMatcher,
  bruteForceTopMatches,
  createMatchmaker,
  distancePoints,
  indexedMatcher,
  sizePoints,
  type MatchOptions,
  stageFitPoints,
  strongestPairMatches,
} from "./matching.ts";
import { miniChainSet, miniEnterprises, W, Y } from "./mini-chain.fixture.ts";

const graph = buildChainGraph(miniChainSet());
const pair = [Y, W] as const;
const yongkang = { code: Y, nameZh: "永康市", nameEn: "Yongkang" };
const wuyi = { code: W, nameZh: "武义县", nameEn: "Wuyi" };
const matchmakerOf = (
  enterprises: ChainEnterprise[],
  options: MatchOptions = { counties: [wuyi, yongkang] },
) => createMatchmaker(graph, linkEnterprises(graph, enterprises), pair, options);
const mini = matchmakerOf(miniEnterprises());
const ranking = (matches: { partnerId: string; score: number }[]) =>
  matches.map((m) => `${m.partnerId} ${m.score}`);

describe("score parts", () => {
  it("weighs the next stage highest and backward inputs lowest", () => {
    expect(stageFitPoints("component", "product")).toBe(400);
    expect(stageFitPoints("material", "component")).toBe(360);
    expect(stageFitPoints("component", "component")).toBe(360);
    expect(stageFitPoints("material", "product")).toBe(320);
    expect(stageFitPoints("service", "product")).toBe(280);
  });

  it("gives size fit as 200 × the employees ratio, 50 when unknown, and distance points from the table", () => {
    expect(sizePoints(200, 250)).toBe(160);
    expect(sizePoints(1000, 1)).toBe(0);
    expect(sizePoints(0, 250)).toBe(50);
    expect(distancePoints(30)).toBe(94);
    expect(distancePoints(null)).toBe(0);
  });
});

describe("suppliers and customers in the partner county", () => {
  it("ranks Yongkang suppliers for a Wuyi tool maker in the enclave, with every reason adding up to the score", () => {
    const matches = mini.suppliersFor("w1");
    // y3 motors: 400 + 150 + 50 keyword + 166 size (250/300) + 94 distance + 50 enclave (w1) = 910
    // y1 gears:  400 + 150 + 50 + 160 (200/250) + 94 + 50 = 904;  y2 gears, no product keyword: 400 + 50 + 80 + 94 + 50 = 674
    expect(ranking(matches)).toEqual(["y3 910", "y1 904", "y2 674"]);
    const [first] = matches;
    expect(first).toMatchObject({
      role: "supplier",
      enterpriseId: "w1",
      supplierId: "y3",
      buyerId: "w1",
      supplierNodeId: "motors",
      buyerNodeId: "tools",
      chainIds: ["tools"],
    });
    expect(first?.reasons.map((r) => [r.kind, r.points])).toEqual([
      ["chain_adjacency", 400],
      ["product_keyword", 200],
      ["size_fit", 166],
      ["distance", 94],
      ["enclave", 50],
    ]);
    expect(first?.reasons.map((r) => r.en)).toEqual([
      "node “motors-en” supplies node “tools-en” (chain “Tools”); component → product, the next stage",
      "supplier's product “电机” matches keyword “电机” of node “motors-en”; buyer's product “电动工具” matches keyword “电动工具” of node “tools-en”",
      "supplier 300 and buyer 250 employees, size ratio 83%",
      "the county seats of Yongkang and Wuyi are about 30 km apart by road",
      "w1 Co. is resident in the enclave",
    ]);
    expect(first?.reasons.map((r) => r.zh)).toEqual([
      "「motors-zh」供应「tools-zh」（产业链：电动工具）；零部件 → 终端产品，相邻环节",
      "供方产品「电机」匹配节点「motors-zh」的关键词「电机」；需方产品「电动工具」匹配节点「tools-zh」的关键词「电动工具」",
      "供方 300 人、需方 250 人，规模比 83%",
      "永康市与武义县县城间道路距离约 30 公里",
      "w1公司 入驻飞地",
    ]);
    expect(matches[2]?.reasons[1]?.en).toBe(
      "buyer's product “电动工具” matches keyword “电动工具” of node “tools-en”",
    );
  });

  it("carries each reason's parts as data: nodes and chains with both names, the step, the words, sizes, km, counties, residents", () => {
    const motors = { id: "motors", nameZh: "motors-zh", nameEn: "motors-en", stage: "component" };
    const tools = { id: "tools", nameZh: "tools-zh", nameEn: "tools-en", stage: "product" };
    const [first, , third] = mini.suppliersFor("w1");
    expect(first?.reasons).toMatchObject([
      {
        kind: "chain_adjacency",
        code: "next_stage",
        step: 1,
        supplierNode: motors,
        buyerNode: tools,
        chains: [{ id: "tools", nameZh: "电动工具", nameEn: "Tools" }],
      },
      {
        kind: "product_keyword",
        code: "both",
        supplierNode: motors,
        buyerNode: tools,
        supplierMatch: { product: "电机", keyword: "电机" },
        buyerMatch: { product: "电动工具", keyword: "电动工具" },
      },
      { kind: "size_fit", code: "ratio", supplierEmployees: 300, buyerEmployees: 250, ratioPercent: 83 },
      { kind: "distance", code: "by_road", km: 30, counties: [yongkang, wuyi] },
      { kind: "enclave", code: "one_side", residents: ["buyer"] },
    ]);
    // y2 gears: no product word of its own names the node.
    expect(third?.reasons[1]).toMatchObject({ code: "buyer", supplierMatch: null });
  });

  it("words a skipped stage, unknown employees, an enclave on neither side and a distance not on record", () => {
    const [motors] = mini.customersFor("w5"); // steel (material) → motors (component) on chain "motors"
    expect(motors?.reasons[0]).toMatchObject({
      code: "stages_skipped",
      step: 2,
      chains: [{ id: "motors", nameZh: "电机", nameEn: "Motors" }],
      en: "node “steel-en” supplies node “motors-en” (chain “Motors”); material → component, 1 stage skipped",
    });
    const [toW2] = mini.customersFor("y1"); // w2 has no employee count and no product words
    expect(toW2?.partnerId).toBe("w1");
    const w2 = mini.customersFor("y1").find((m) => m.partnerId === "w2");
    expect(w2?.reasons.slice(1).map((r) => [r.code, r.en])).toEqual([
      ["supplier", "supplier's product “齿轮” matches keyword “齿轮” of node “gears-en”"],
      ["unknown", "employees not known for w2 Co."],
      ["by_road", "the county seats of Yongkang and Wuyi are about 30 km apart by road"],
      ["neither", "neither is resident in an enclave"],
    ]);
    expect(w2?.reasons[2]).toMatchObject({
      supplierEmployees: 200,
      buyerEmployees: null,
      ratioPercent: null,
    });
    const far = matchmakerOf(miniEnterprises(), { distancesKm: [] }).suppliersFor("w1")[0]?.reasons[3];
    expect(far).toMatchObject({ code: "not_recorded", km: null, points: 0 });
    // No county names given: the codes stand in.
    expect(far?.en).toBe(`no distance on record between ${Y} and ${W}`);
  });

  it("lets size fit outweigh a product keyword when the gap in size is large", () => {
    // w3 (castings, 80 staff) sells to gear makers: y2 (100 staff, no keyword) 550 + 160 + 94 = 804 beats y1 (200 staff) 600 + 80 + 94 = 774.
    expect(ranking(mini.customersFor("w3"))).toEqual(["y2 804", "y1 774"]);
  });

  it("finds suppliers over every edge into the enterprise's nodes, in any chain", () => {
    // w5 steel sells to y3 motors (chain motors, 360), y5 casting (400), y1 and y2 gears (360).
    const matches = mini.customersFor("w5");
    expect(ranking(matches)).toEqual(["y3 714", "y5 704", "y1 694", "y2 624"]);
    expect(matches[0]?.chainIds).toEqual(["motors"]);
    expect(ranking(mini.suppliersFor("y1"))).toEqual(["w3 774", "w5 694"]);
  });

  it("has nothing for an enterprise with no adjacent node across the county line, and rejects one outside the pair", () => {
    expect(mini.customersFor("w1")).toEqual([]);
    expect(() => mini.suppliersFor("x1")).toThrow(ValidationFailed);
  });

  it("breaks equal scores by enterprise id", () => {
    const twins = [
      ...miniEnterprises(),
      {
        id: "y9",
        nameZh: "九",
        nameEn: null,
        homeRegionCode: Y,
        industryCode: "3453",
        products: ["齿轮"],
        employees: 200,
        enclaveId: null,
      },
      {
        id: "y0",
        nameZh: "零",
        nameEn: null,
        homeRegionCode: Y,
        industryCode: "3453",
        products: ["齿轮"],
        employees: 200,
        enclaveId: null,
      },
    ];
    const m = matchmakerOf(twins);
    expect(ranking(m.suppliersFor("w1"))).toEqual(["y3 910", "y0 904", "y1 904", "y9 904", "y2 674"]);
    expect(ranking(m.suppliersFor("w1", 2))).toEqual(["y3 910", "y0 904"]);
    expect(bruteForceTopMatches(m.universe, "w1", "supplier", 3).map((x) => x.supplierId)).toEqual([
      "y3",
      "y0",
      "y1",
    ]);
  });
});

describe("the strongest matches across the pair", () => {
  it("are the best-scoring supplier → buyer pairs in either direction, the same from both matchers", () => {
    const u = mini.universe;
    const all: string[] = [];
    for (const a of u.byCounty[0]) {
      for (const b of u.byCounty[1]) {
        for (const [s, t] of [
          [a, b],
          [b, a],
        ] as const) {
          const score = scorePair(u, s, t);
          if (score >= 0) all.push(`${s.id}>${t.id} ${score}`);
        }
      }
    }
    const best = all
      .sort((p, q) => Number(q.split(" ")[1]) - Number(p.split(" ")[1]) || (p < q ? -1 : 1))
      .slice(0, 4);
    const indexed = strongestPairMatches(u, indexedMatcher(mini.index), 4);
    expect(indexed.map((m) => `${m.supplierId}>${m.buyerId} ${m.score}`)).toEqual(best);
    expect(best[0]).toBe("y3>w1 910");
    expect(strongestPairMatches(u, bruteForceMatcher(u), 4)).toEqual(indexed);
    expect(mini.strongest(1)[0]?.reasons).toHaveLength(5);
  });
});
