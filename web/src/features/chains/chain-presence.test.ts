import { describe, expect, it } from "vitest";
import { nodesInView, presenceCounts, presenceOf, type GapNode } from "./chain-presence.ts";

const yongkang = "330784";
const wuyi = "330723";
const pair = [yongkang, wuyi];

function node(id: string, yk: number, wy: number, complement: GapNode["complement"] = null): GapNode {
  const status = (n: number) => (n === 0 ? "gap" : n < 3 ? "thin" : "present");
  const county = (regionCode: string, n: number) => ({
    regionCode,
    enterprises: n,
    enterprisesWithOutput: 0,
    outputFen: "0",
    status: status(n),
    targets: [],
  });
  return {
    nodeId: id,
    nameZh: id,
    nameEn: id,
    stage: "component",
    counties: [county(yongkang, yk), county(wuyi, wy)],
    pair: { enterprises: yk + wy, enterprisesWithOutput: 0, outputFen: "0", status: status(yk + wy) },
    complement,
  } as GapNode;
}

const nodes = [
  node("electric-tools", 25, 30),
  node("motor-brushless", 7, 0, { gapIn: wuyi, strongIn: yongkang, status: "gap" }),
  node("lithium-battery-pack", 1, 0),
  node("cutting-accessories", 0, 5, { gapIn: yongkang, strongIn: wuyi, status: "gap" }),
  node("bearings", 0, 0),
];

describe("presence per county", () => {
  it("colours by where enterprises are, in the pair's order", () => {
    expect(nodes.map((n) => presenceOf(n, pair))).toEqual(["both", "first", "first", "second", "neither"]);
    expect(presenceOf(nodes[1] as GapNode, [wuyi, yongkang])).toBe("second");
  });

  it("counts nodes per colour", () => {
    expect(presenceCounts(nodes, pair)).toEqual({ both: 1, first: 2, second: 1, neither: 1 });
  });

  it("lists a county's gap and thin nodes, the pair's gaps and the complements", () => {
    const ids = (v: Parameters<typeof nodesInView>[2]) => nodesInView(nodes, pair, v).map((n) => n.nodeId);
    expect(ids("all")).toHaveLength(5);
    expect(ids("second")).toEqual(["motor-brushless", "lithium-battery-pack", "bearings"]);
    expect(ids("first")).toEqual(["lithium-battery-pack", "cutting-accessories", "bearings"]);
    expect(ids("pair")).toEqual(["lithium-battery-pack", "bearings"]);
    expect(ids("complements")).toEqual(["motor-brushless", "cutting-accessories"]);
  });
});
