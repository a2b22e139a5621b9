// A small hand-made chain-set and enterprise set whose gaps and rankings are worked out by hand in the tests.
//   steel ─360─> gears, steel ─400─> casting ─400─> gears ─400─> tools ─400─> export;  motors ─400─> tools
//   chain "motors" adds steel ─360─> motors.
import type { ChainNode, ChainSet } from "./chain-graph.ts";
import type { ChainEnterprise } from "./enterprise-links.ts";

export const Y = "330784"; // Yongkang
export const W = "330723"; // Wuyi

const node = (
  id: string,
  stage: ChainNode["stage"],
  codes: string[],
  zh: string[],
  en: string[],
): ChainNode => ({
  id,
  nameZh: `${id}-zh`,
  nameEn: `${id}-en`,
  stage,
  industryCodes: codes,
  keywordsZh: zh,
  keywordsEn: en,
  sourced: true,
});

export function miniChainSet(): ChainSet {
  return {
    version: "mini-1",
    nodes: [
      node("steel", "material", ["3130"], ["钢材"], ["steel bar"]),
      node("casting", "process", ["3391"], ["铸造", "铸件"], ["casting"]),
      node("gears", "component", ["3453"], ["齿轮"], ["gear"]),
      node("motors", "component", ["3813"], ["电机"], ["motor"]),
      node("tools", "product", ["3465"], ["电动工具", "角磨机"], ["power tools", "angle grinder"]),
      node("export", "service", ["5181"], ["外贸"], ["export"]),
    ],
    chains: [
      {
        id: "tools",
        nameZh: "电动工具",
        nameEn: "Tools",
        focusOfAgreement: true,
        nodeIds: ["steel", "casting", "gears", "motors", "tools", "export"],
        edges: [
          { supplier: "steel", buyer: "casting" },
          { supplier: "steel", buyer: "gears" },
          { supplier: "casting", buyer: "gears" },
          { supplier: "gears", buyer: "tools" },
          { supplier: "motors", buyer: "tools" },
          { supplier: "tools", buyer: "export" },
        ],
      },
      {
        id: "motors",
        nameZh: "电机",
        nameEn: "Motors",
        focusOfAgreement: false,
        nodeIds: ["steel", "motors"],
        edges: [{ supplier: "steel", buyer: "motors" }],
      },
    ],
  };
}

const enterprise = (
  id: string,
  county: string,
  industryCode: string,
  products: string[],
  employees: number | null,
  enclaveId: string | null = null,
): ChainEnterprise => ({
  id,
  nameZh: `${id}公司`,
  nameEn: `${id} Co.`,
  homeRegionCode: county,
  industryCode,
  products,
  employees,
  enclaveId,
});

export function miniEnterprises(): ChainEnterprise[] {
  return [
    enterprise("y1", Y, "3453", ["齿轮"], 200),
    enterprise("y2", Y, "3453", ["精密零件"], 100),
    enterprise("y3", Y, "3813", ["电机"], 300),
    enterprise("y4", Y, "3465", ["角磨机"], 500),
    enterprise("y5", Y, "3391", ["铸件"], 50),
    enterprise("w1", W, "3465", ["电动工具"], 250, "enclave-1"),
    enterprise("w2", W, "3465", [], null),
    enterprise("w3", W, "3391", ["Castings"], 80),
    enterprise("w4", W, "5181", ["外贸"], 20),
    enterprise("w5", W, "3130", ["钢材"], 1000),
    // Outside the pair: never counted, never matched.
    enterprise("x1", "330702", "3453", ["齿轮"], 999),
  ];
}
