// A chain node's enterprises in each county of a pair, largest first and paged: what the chain map's node drawer
// lists. Part of the pair's analysis (chain_analysis.read, every county of the pair in scope, as the gap report
// whose counts it details); output figures only for callers who may read both counties' figures.
import type { NodeEnterprises, NodeEnterprisesQuery } from "../../../../contracts/chains.ts";
import type { Actor } from "../../platform/actor.ts";
import { invalid, NotFound } from "../../platform/errors.ts";
import type { ChainAccess } from "./chain-access.ts";
import { createPairOutput, outputMeasure, type FiguresSource } from "./chain-gaps.service.ts";
import type { Pairs } from "./chain-pairs.ts";
import type { Universe } from "./chain-universe.ts";
import { enterprisesAtNode } from "./gaps.ts";

export type ChainNodesService = {
  enterprises(actor: Actor, chainId: string, nodeId: string, query: NodeEnterprisesQuery): Promise<NodeEnterprises>;
};

export function createChainNodesService(access: ChainAccess, pairs: Pairs, universe: Universe, figures: FiguresSource | undefined): ChainNodesService {
  const outputOf = createPairOutput(access, figures);
  return {
    async enterprises(actor, chainId, nodeId, query) {
      await access.role(actor, "chain_analysis.read");
      const pair = await pairs.resolve(query);
      await access.pair(actor, "chain_analysis.read", pair);
      if (query.regionCode !== undefined && !pair.includes(query.regionCode)) {
        throw invalid("regionCode", `is not a county of the pair ${pair.join(", ")}`, query.regionCode);
      }
      const u = await universe.pair(pair);
      const chain = u.graph.chains.get(chainId);
      if (!chain) throw new NotFound("chain", chainId);
      if (!chain.nodeIds.includes(nodeId)) throw new NotFound("chain_node", nodeId);
      const measured = await outputOf(actor, u, pair);
      const start = (query.page - 1) * query.pageSize;
      const counties = (query.regionCode === undefined ? pair : [query.regionCode]).map((regionCode) => {
        const all = enterprisesAtNode(u.linked, nodeId, regionCode, measured.outputs);
        return {
          regionCode,
          total: all.length,
          items: all.slice(start, start + query.pageSize).map((t) => ({ ...t, outputFen: t.outputFen?.toString() ?? null })),
        };
      });
      return {
        chainSetVersion: u.graph.version,
        chainId,
        nodeId,
        pair,
        output: { measure: outputMeasure, year: measured.year, note: measured.note },
        page: query.page,
        pageSize: query.pageSize,
        counties,
      };
    },
  };
}
