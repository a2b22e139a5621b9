import { describe, expect, it } from "vitest";
import {
  buildChainGraph,
  chainGraphFromFile,
  chainSetFromFile,
  InvalidChainSet,
  referenceChainGraph,
  type ChainSet,
} from "./chain-graph.ts";
import { findCycles, validateChainSet } from "./chain-validation.ts";
import { miniChainSet } from "./mini-chain.fixture.ts";

const edited = (edit: (set: ChainSet) => void): ChainSet => {
  const set = miniChainSet();
  edit(set);
  return set;
};

describe("the reference chain-set", () => {
  it("validates and carries its version, seven chains over 65 shared nodes", () => {
    const graph = referenceChainGraph();
    expect(graph.version).toBe("reference-1");
    expect(graph.chains.size).toBe(7);
    expect(graph.nodes).toHaveLength(65);
    expect(validateChainSet(graph.chainSet)).toEqual([]);
  });

  it("indexes what a node buys and whom it sells to, across chains", () => {
    const graph = referenceChainGraph();
    const at = (id: string) => graph.nodeIndex.get(id) ?? -1;
    const ids = (positions: readonly number[] | undefined) =>
      (positions ?? []).map((p) => graph.nodes[p]?.id);
    expect(ids(graph.suppliers[at("electric-tools")])).toContain("gears-gearbox");
    expect(ids(graph.buyers[at("gears-gearbox")])).toEqual(
      expect.arrayContaining(["electric-tools", "auto-parts", "motorcycle-parts"]),
    );
    expect(graph.edgeChains.get("mould-tooling>plastic-parts")).toEqual([
      "ebike-scooter",
      "electric-tools",
      "fitness-equipment",
      "vacuum-cups",
    ]);
    expect(ids(graph.nodesByCode.get("3465"))).toEqual(["electric-tools"]);
  });
});

describe("chain-set validation", () => {
  it("accepts the hand-made set", () => {
    expect(validateChainSet(miniChainSet())).toEqual([]);
    expect(buildChainGraph(miniChainSet()).version).toBe("mini-1");
  });

  it("names a cycle within a chain", () => {
    const set = edited((s) => s.chains[0]?.edges.push({ supplier: "tools", buyer: "steel" }));
    const problems = validateChainSet(set);
    // Each back edge of the search closes one cycle: both cycles through the new edge tools → steel are named.
    expect(problems).toEqual([
      {
        path: "chains[0].edges",
        message: "chain tools has a cycle: casting → gears → tools → steel → casting",
      },
      { path: "chains[0].edges", message: "chain tools has a cycle: gears → tools → steel → gears" },
    ]);
  });

  it("names a self-loop as a cycle", () => {
    expect(findCycles([{ supplier: "a", buyer: "a" }])).toEqual([["a", "a"]]);
    expect(
      findCycles([
        { supplier: "a", buyer: "b" },
        { supplier: "b", buyer: "c" },
        { supplier: "a", buyer: "c" },
      ]),
    ).toEqual([]);
  });

  it("rejects a code that is not a GB/T 4754-2017 class", () => {
    const set = edited((s) => {
      if (s.nodes[2]) s.nodes[2].industryCodes = ["3453", "3432", "9999", "C3465"];
    });
    expect(validateChainSet(set)).toEqual([
      { path: "nodes[2].industryCodes[2]", message: "9999 is not a GB/T 4754-2017 class" },
      { path: "nodes[2].industryCodes[3]", message: "C3465 is not a GB/T 4754-2017 class" },
    ]);
  });

  it("rejects an edge to an unknown node and a node outside the chain's list", () => {
    const set = edited((s) => {
      s.chains[1]?.edges.push(
        { supplier: "steel", buyer: "spindles" },
        { supplier: "tools", buyer: "export" },
      );
    });
    expect(validateChainSet(set)).toEqual([
      { path: "chains[1].edges[1].buyer", message: "edge to unknown node spindles" },
      { path: "chains[1].edges[2].supplier", message: "node tools is not in the node list of chain motors" },
      { path: "chains[1].edges[2].buyer", message: "node export is not in the node list of chain motors" },
    ]);
  });

  it("rejects duplicate node, chain and edge ids and a node nothing can link to", () => {
    const set = edited((s) => {
      s.nodes.push(
        { ...(s.nodes[0] as ChainSet["nodes"][number]) },
        {
          ...(s.nodes[1] as ChainSet["nodes"][number]),
          id: "bare",
          industryCodes: [],
          keywordsZh: [],
          keywordsEn: [],
        },
      );
      s.chains.push({ ...(s.chains[1] as ChainSet["chains"][number]) });
      s.chains[0]?.edges.push({ supplier: "steel", buyer: "gears" });
    });
    const messages = validateChainSet(set).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain("nodes[6].id: duplicate node id steel (first at nodes[0])");
    expect(messages).toContain(
      "nodes[7]: node bare has no industry code and no keyword, so no enterprise can be linked to it",
    );
    expect(messages).toContain("chains[2].id: duplicate chain id motors (first at chains[1])");
    expect(messages).toContain("chains[0].edges[6]: duplicate edge steel → gears");
  });

  it("throws every problem at once when building a graph, with a stable code", () => {
    const set = edited((s) => {
      s.chains[0]?.edges.push(
        { supplier: "export", buyer: "steel" },
        { supplier: "steel", buyer: "nowhere" },
      );
    });
    let error: unknown;
    try {
      buildChainGraph(set);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidChainSet);
    const invalid = error as InvalidChainSet;
    expect(invalid.code).toBe("chains.invalid_chain_set");
    expect(invalid.details.map((d) => d.field)).toEqual([
      "chains[0].edges[7].buyer",
      "chains[0].edges",
      "chains[0].edges",
    ]);
    expect(invalid.message).toBe(
      "chains[0].edges[7].buyer: edge to unknown node nowhere (and 2 more problems)",
    );
  });
});

describe("the file form", () => {
  it("reports shape problems with their paths and needs a version", () => {
    const { chainSet, problems } = chainSetFromFile({
      nodes: [
        {
          id: "a",
          name_zh: "甲",
          name_en: "A",
          stage: "raw",
          gbt4754: [],
          keywords_zh: [""],
          keywords_en: [],
        },
      ],
      chains: [],
    });
    expect(chainSet).toBeNull();
    expect(problems.map((p) => p.path)).toEqual(["version", "nodes[0].stage", "nodes[0].keywords_zh[0]"]);
  });

  it("maps snake_case to the chain-set and validates content", () => {
    const file = {
      version: "v2",
      nodes: [
        {
          id: "a",
          name_zh: "甲",
          name_en: "A",
          stage: "material",
          gbt4754: ["3130"],
          keywords_zh: ["钢"],
          keywords_en: [],
        },
        {
          id: "b",
          name_zh: "乙",
          name_en: "B",
          stage: "product",
          gbt4754: ["3465"],
          keywords_zh: [],
          keywords_en: ["drill"],
        },
      ],
      chains: [{ id: "c", name_zh: "丙", name_en: "C", nodes: ["a", "b"], edges: [["a", "b"]] }],
    };
    const graph = chainGraphFromFile(file);
    expect(graph.chains.get("c")?.edges).toEqual([{ supplier: "a", buyer: "b" }]);
    expect(graph.nodes[1]?.keywordsEn).toEqual(["drill"]);
    expect(() =>
      chainGraphFromFile({
        ...file,
        chains: [
          {
            ...file.chains[0],
            edges: [
              ["a", "b"],
              ["b", "a"],
            ],
          },
        ],
      }),
    ).toThrow(/cycle: a → b → a/);
  });
});
