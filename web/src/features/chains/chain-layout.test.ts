import { describe, expect, it } from "vitest";
import { crossings, layerOf, layoutChain } from "./chain-layout.ts";

// The electric-tool chain of the reference map (server/src/modules/chains/data/industry-chains.json), as edges.
const toolEdges = [
  ["engineering-plastic", "plastic-parts"],
  ["mould-tooling", "plastic-parts"],
  ["mould-tooling", "nonferrous-die-casting"],
  ["nonferrous-alloy-ingot", "nonferrous-die-casting"],
  ["steel-long-products", "forging-powder-metallurgy"],
  ["steel-long-products", "machined-parts"],
  ["forging-powder-metallurgy", "gears-gearbox"],
  ["forging-powder-metallurgy", "machined-parts"],
  ["heat-treatment", "gears-gearbox"],
  ["heat-treatment", "machined-parts"],
  ["nonferrous-die-casting", "gears-gearbox"],
  ["nonferrous-die-casting", "electric-tools"],
  ["bearings", "motor-brushed"],
  ["bearings", "motor-brushless"],
  ["bearings", "gears-gearbox"],
  ["electronic-control", "motor-brushless"],
  ["electronic-control", "lithium-battery-pack"],
  ["electronic-control", "electric-tools"],
  ["plastic-parts", "electric-tools"],
  ["machined-parts", "electric-tools"],
  ["gears-gearbox", "electric-tools"],
  ["motor-brushed", "electric-tools"],
  ["motor-brushless", "electric-tools"],
  ["lithium-battery-pack", "electric-tools"],
  ["cutting-accessories", "electric-tools"],
  ["testing-certification", "electric-tools"],
  ["electric-tools", "export-trade"],
  ["electric-tools", "cross-border-ecommerce"],
].map(([supplier, buyer]) => ({ supplier: supplier as string, buyer: buyer as string }));
const toolNodes = [...new Set(toolEdges.flatMap((e) => [e.supplier, e.buyer]))];

describe("the chain layout", () => {
  it("puts every supplier in a column left of each of its buyers", () => {
    const layers = layerOf(toolNodes, toolEdges);
    for (const e of toolEdges)
      expect(layers.get(e.supplier), `${e.supplier} → ${e.buyer}`).toBeLessThan(
        layers.get(e.buyer) as number,
      );
  });

  it("runs from materials on the left to the finished tool and then its sales channels", () => {
    const layers = layerOf(toolNodes, toolEdges);
    expect(layers.get("steel-long-products")).toBe(0);
    expect(layers.get("engineering-plastic")).toBe(0);
    expect(layers.get("electric-tools")).toBe(3);
    expect(layers.get("export-trade")).toBe(4);
    // Nobody supplies testing services: they sit just before what they serve, not among the materials.
    expect(layers.get("testing-certification")).toBe(2);
    expect(layers.get("heat-treatment")).toBe(1);
  });

  it("places every node exactly once, rows numbered from 0 in each column", () => {
    const layout = layoutChain(toolNodes, toolEdges);
    expect([...layout.places.keys()].sort()).toEqual([...toolNodes].sort());
    for (const ids of layout.layers)
      expect(ids.map((id) => layout.places.get(id)?.row)).toEqual(ids.map((_, i) => i));
  });

  it("crosses fewer edges than the chain's own order", () => {
    const unordered = layoutChain(toolNodes, toolEdges, 0);
    const ordered = layoutChain(toolNodes, toolEdges);
    expect(crossings(ordered, toolEdges)).toBeLessThan(crossings(unordered, toolEdges));
  });

  it("is the same whatever order the nodes come in, up to rows of equal standing", () => {
    const a = layerOf(toolNodes, toolEdges);
    const b = layerOf([...toolNodes].reverse(), toolEdges);
    expect([...b].sort()).toEqual([...a].sort());
  });

  it("survives a cycle (never in a validated chain-set) without looping", () => {
    const edges = [
      { supplier: "a", buyer: "b" },
      { supplier: "b", buyer: "a" },
    ];
    expect(layoutChain(["a", "b"], edges).places.size).toBe(2);
  });
});
