import { describe, expect, it } from "vitest";
import { buildChainGraph } from "./chain-graph.ts";
import { linkEnterprises } from "./enterprise-links.ts";
import { chainGaps, enterprisesAtNode, type ChainGapReport, type NodeGapRow } from "./gaps.ts";
import { miniChainSet, miniEnterprises, W, Y } from "./mini-chain.fixture.ts";

const graph = buildChainGraph(miniChainSet());
const linked = linkEnterprises(graph, miniEnterprises());

const row = (report: ChainGapReport, chainId: string, nodeId: string): NodeGapRow => {
  const found = report.chains.find((c) => c.chainId === chainId)?.nodes.find((n) => n.nodeId === nodeId);
  if (!found) throw new Error(`no row ${chainId}/${nodeId}`);
  return found;
};
const statuses = (r: NodeGapRow) => r.counties.map((c) => `${c.enterprises} ${c.status}`);

describe("chain gaps for the pair", () => {
  const report = chainGaps(graph, linked, [Y, W], { thinBelowEnterprises: 2 });

  it("counts each county's and the pair's enterprises per node, flagging none as a gap and few as thin", () => {
    const tools = report.chains.find((c) => c.chainId === "tools");
    expect(
      tools?.nodes.map(
        (n) => `${n.nodeId}: ${statuses(n).join(" | ")} | pair ${n.pair.enterprises} ${n.pair.status}`,
      ),
    ).toEqual([
      "steel: 0 gap | 1 thin | pair 1 thin",
      "casting: 1 thin | 1 thin | pair 2 present",
      "gears: 2 present | 0 gap | pair 2 present",
      "motors: 1 thin | 0 gap | pair 1 thin",
      "tools: 1 thin | 2 present | pair 3 present",
      "export: 0 gap | 1 thin | pair 1 thin",
    ]);
    expect(report.chainSetVersion).toBe("mini-1");
    expect(report.thinBelow).toEqual({ enterprises: 2, outputFen: null });
  });

  it("finds where one county's gap or thin node is the other's strength", () => {
    const complements = report.chains[0]?.nodes
      .filter((n) => n.complement)
      .map((n) => [n.nodeId, n.complement]);
    expect(complements).toEqual([
      ["gears", { gapIn: W, strongIn: Y, status: "gap" }],
      ["tools", { gapIn: Y, strongIn: W, status: "thin" }],
    ]);
  });

  it("lists the partner county's enterprises at a gap, largest first, and none where the county is present", () => {
    const gears = row(report, "tools", "gears");
    expect(gears.counties[1].targets.map((t) => [t.enterpriseId, t.employees])).toEqual([
      ["y1", 200],
      ["y2", 100],
    ]);
    expect(gears.counties[0].targets).toEqual([]);
    // Wuyi has no motor maker: the target is Yongkang's one.
    expect(row(report, "motors", "motors").counties[1].targets.map((t) => t.enterpriseId)).toEqual(["y3"]);
    // Yongkang has no steel supplier: its target is Wuyi's; Wuyi's own thin steel node has nobody in Yongkang to target.
    expect(row(report, "tools", "steel").counties[1].targets).toEqual([]);
    expect(row(report, "tools", "steel").counties[0].targets.map((t) => t.enterpriseId)).toEqual(["w5"]);
  });

  it("shows the same node in every chain that uses it", () => {
    expect(statuses(row(report, "motors", "steel"))).toEqual(statuses(row(report, "tools", "steel")));
  });
});

describe("gaps measured by output", () => {
  const outputFen = new Map<string, bigint>([
    ["y2", 900_000_000n],
    ["y1", 100_000_000n],
    ["w1", 5_000n],
  ]);
  const report = chainGaps(graph, linked, [Y, W], {
    thinBelowEnterprises: 2,
    thinBelowOutputFen: 1_000_000n,
    outputFen,
    targetLimit: 1,
  });

  it("sums output where figures are given and ranks targets by output before employees", () => {
    const gears = row(report, "tools", "gears");
    expect(gears.counties[0]).toMatchObject({
      enterprises: 2,
      enterprisesWithOutput: 2,
      outputFen: 1_000_000_000n,
      status: "present",
    });
    expect(gears.counties[1].targets.map((t) => [t.enterpriseId, t.outputFen])).toEqual([
      ["y2", 900_000_000n],
    ]);
  });

  it("flags a node thin when its output is below the threshold even with enough enterprises", () => {
    const tools = row(report, "tools", "tools");
    expect(tools.counties[1]).toMatchObject({
      enterprises: 2,
      enterprisesWithOutput: 1,
      outputFen: 5_000n,
      status: "thin",
    });
    expect(tools.complement).toBeNull();
  });
});

describe("a node's enterprises in a county", () => {
  it("lists the county's enterprises producing at the node, largest first: output, then employees", () => {
    expect(enterprisesAtNode(linked, "gears", Y).map((t) => [t.enterpriseId, t.employees])).toEqual([
      ["y1", 200],
      ["y2", 100],
    ]);
    // Output outranks employees where a figure exists.
    expect(enterprisesAtNode(linked, "gears", Y, new Map([["y2", 5n]])).map((t) => t.enterpriseId)).toEqual([
      "y2",
      "y1",
    ]);
    expect(enterprisesAtNode(linked, "gears", W)).toEqual([]);
  });
});
