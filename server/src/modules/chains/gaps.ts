// Chain gaps and complements for a county pair: per chain and node, how many enterprises (and how much output, where
// figures are given) each county and the pair have; a gap is none, thin is below a threshold. Where one county's gap
// or thin node is the other's strength, that is a complement, and the partner's enterprises at the node, largest
// first, are the target list for chain-based investment attraction (链式招商).
import { nodeAt, type ChainGraph, type ChainStage } from "./chain-graph.ts";
import type { ChainEnterprise, LinkedEnterprise } from "./enterprise-links.ts";

export type PresenceStatus = "gap" | "thin" | "present";

export type NodePresence = {
  enterprises: number;
  /** Enterprises at the node with an output figure; the others count as enterprises but add no output. */
  enterprisesWithOutput: number;
  outputFen: bigint;
  status: PresenceStatus;
};

export type GapTarget = {
  enterpriseId: string;
  nameZh: string;
  nameEn: string | null;
  regionCode: string;
  employees: number | null;
  outputFen: bigint | null;
};

export type CountyPresence = NodePresence & {
  regionCode: string;
  /** When the county's status is gap or thin: the partner county's enterprises at the node, largest first. */
  targets: GapTarget[];
};

export type NodeComplement = { gapIn: string; strongIn: string; status: "gap" | "thin" };

export type NodeGapRow = {
  nodeId: string;
  nameZh: string;
  nameEn: string;
  stage: ChainStage;
  counties: [CountyPresence, CountyPresence];
  pair: NodePresence;
  complement: NodeComplement | null;
};

export type ChainGaps = {
  chainId: string;
  nameZh: string;
  nameEn: string;
  focusOfAgreement: boolean;
  nodes: NodeGapRow[];
};

export type GapThresholds = { enterprises: number; outputFen: bigint | null };

export type ChainGapReport = {
  chainSetVersion: string;
  pair: [string, string];
  thinBelow: GapThresholds;
  chains: ChainGaps[];
};

export type GapOptions = {
  /** Thin below this many enterprises (default 3). */
  thinBelowEnterprises?: number;
  /** Also thin when the node's summed output is below this (only applied where output figures are given). */
  thinBelowOutputFen?: bigint | null;
  /** Output per enterprise id, in fen; enterprises not in the map have no figure. */
  outputFen?: ReadonlyMap<string, bigint>;
  /** Length of each target list (default 10). */
  targetLimit?: number;
};

export function chainGaps(
  graph: ChainGraph,
  linked: readonly LinkedEnterprise[],
  pair: readonly [string, string],
  options: GapOptions = {},
): ChainGapReport {
  const thinBelow: GapThresholds = {
    enterprises: options.thinBelowEnterprises ?? 3,
    outputFen: options.thinBelowOutputFen ?? null,
  };
  const outputs = options.outputFen ?? new Map<string, bigint>();
  const targetLimit = options.targetLimit ?? 10;
  const [a, b] = pair;
  // Enterprises per node position and county, produced links only.
  const atNode = graph.nodes.map(
    () =>
      new Map<string, ChainEnterprise[]>([
        [a, []],
        [b, []],
      ]),
  );
  for (const { enterprise, links } of linked) {
    for (const link of links.produces) {
      const position = graph.nodeIndex.get(link.nodeId);
      const list = position === undefined ? undefined : atNode[position]?.get(enterprise.homeRegionCode);
      list?.push(enterprise);
    }
  }
  const presence = (enterprises: readonly ChainEnterprise[]): NodePresence => {
    let outputFen = 0n;
    let withOutput = 0;
    for (const e of enterprises) {
      const figure = outputs.get(e.id);
      if (figure !== undefined) {
        outputFen += figure;
        withOutput++;
      }
    }
    const count = enterprises.length;
    const thinByOutput = thinBelow.outputFen !== null && withOutput > 0 && outputFen < thinBelow.outputFen;
    const status: PresenceStatus =
      count === 0 ? "gap" : count < thinBelow.enterprises || thinByOutput ? "thin" : "present";
    return { enterprises: count, enterprisesWithOutput: withOutput, outputFen, status };
  };
  const rows = graph.nodes.map((_, position): NodeGapRow => {
    const node = nodeAt(graph, position);
    const inA = atNode[position]?.get(a) ?? [];
    const inB = atNode[position]?.get(b) ?? [];
    const county = (
      regionCode: string,
      own: readonly ChainEnterprise[],
      partner: readonly ChainEnterprise[],
    ): CountyPresence => {
      const p = presence(own);
      const targets = p.status === "present" ? [] : rankBySize(partner, outputs).slice(0, targetLimit);
      return { ...p, regionCode, targets };
    };
    const counties: [CountyPresence, CountyPresence] = [county(a, inA, inB), county(b, inB, inA)];
    return {
      nodeId: node.id,
      nameZh: node.nameZh,
      nameEn: node.nameEn,
      stage: node.stage,
      counties,
      pair: presence([...inA, ...inB]),
      complement: complementOf(counties),
    };
  });
  const chains = graph.chainSet.chains.map((chain) => ({
    chainId: chain.id,
    nameZh: chain.nameZh,
    nameEn: chain.nameEn,
    focusOfAgreement: chain.focusOfAgreement,
    nodes: chain.nodeIds
      .map((id) => rows[graph.nodeIndex.get(id) ?? -1])
      .filter((r): r is NodeGapRow => r !== undefined),
  }));
  return { chainSetVersion: graph.version, pair: [a, b], thinBelow, chains };
}

/** One county's gap or thin node is a complement when the other county is present (at or above the threshold). */
function complementOf([x, y]: readonly [CountyPresence, CountyPresence]): NodeComplement | null {
  if (x.status !== "present" && y.status === "present")
    return { gapIn: x.regionCode, strongIn: y.regionCode, status: x.status };
  if (y.status !== "present" && x.status === "present")
    return { gapIn: y.regionCode, strongIn: x.regionCode, status: y.status };
  return null;
}

/** A county's enterprises producing at a node, largest first (the same order as a target list). */
export function enterprisesAtNode(
  linked: readonly LinkedEnterprise[],
  nodeId: string,
  regionCode: string,
  outputs: ReadonlyMap<string, bigint> = new Map(),
): GapTarget[] {
  const here = linked
    .filter(
      ({ enterprise, links }) =>
        enterprise.homeRegionCode === regionCode && links.produces.some((l) => l.nodeId === nodeId),
    )
    .map(({ enterprise }) => enterprise);
  return rankBySize(here, outputs);
}

/** Size: output where given (enterprises without a figure after those with one), then employees, then id. */
export function rankBySize(
  enterprises: readonly ChainEnterprise[],
  outputs: ReadonlyMap<string, bigint>,
): GapTarget[] {
  return enterprises
    .map((e) => ({
      enterpriseId: e.id,
      nameZh: e.nameZh,
      nameEn: e.nameEn,
      regionCode: e.homeRegionCode,
      employees: e.employees,
      outputFen: outputs.get(e.id) ?? null,
    }))
    .sort((p, q) => {
      if (p.outputFen !== q.outputFen) {
        if (p.outputFen === null) return 1;
        if (q.outputFen === null) return -1;
        return p.outputFen > q.outputFen ? -1 : 1;
      }
      if (p.employees !== q.employees) return (q.employees ?? -1) - (p.employees ?? -1);
      return p.enterpriseId < q.enterpriseId ? -1 : p.enterpriseId > q.enterpriseId ? 1 : 0;
    });
}
