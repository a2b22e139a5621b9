// Matchmaking through the API: for an enterprise, its ranked suppliers or customers in the partner county (the
// indexed matcher on the pair's universe, kept in memory per chain-set version and enterprise and link stamps);
// for a pair, the strongest cross-county matches. Each match carries its reasons in Chinese and English and the
// outcome recorded for that supplier–buyer pair, if any.
import type { EnterpriseMatches, MatchView, PairMatches } from "../../../../contracts/chains.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { invalid } from "../../platform/errors.ts";
import type { ChainAccess } from "./chain-access.ts";
import type { Pairs } from "./chain-pairs.ts";
import type { Universe } from "./chain-universe.ts";
import { outcomesOfPairs } from "./match-outcomes.repository.ts";

export type ChainMatchesService = {
  forEnterprise(actor: Actor, enterpriseId: string, query: { role: "suppliers" | "customers"; limit: number; partnerRegionCode?: string | undefined }): Promise<EnterpriseMatches>;
  forPair(actor: Actor, query: { pairingId?: string | undefined; regionCodes?: string | undefined; limit: number }): Promise<PairMatches>;
};

export function createChainMatchesService(db: Db, access: ChainAccess, pairs: Pairs, universe: Universe): ChainMatchesService {
  return {
    async forEnterprise(actor, enterpriseId, query) {
      const enterprise = await access.enterprise(actor, "chain_match.read", enterpriseId);
      const partner = await pairs.partnerOf(enterprise.homeRegionCode, query.partnerRegionCode);
      const u = await universe.pair([enterprise.homeRegionCode, partner]);
      if (!u.enterprises.has(enterpriseId)) throw invalid("id", "the enterprise is archived: it is not matched", enterpriseId);
      const mm = u.matchmaker();
      const found = query.role === "suppliers" ? mm.suppliersFor(enterpriseId, query.limit) : mm.customersFor(enterpriseId, query.limit);
      const outcomes = await outcomesOfPairs(db, found.map((m) => [m.supplierId, m.buyerId]));
      const items: MatchView[] = found.map((m) => ({
        supplierId: m.supplierId,
        buyerId: m.buyerId,
        partnerId: m.partnerId,
        partnerNameZh: m.partnerNameZh,
        partnerNameEn: m.partnerNameEn,
        partnerRegionCode: u.enterprises.get(m.partnerId)?.homeRegionCode ?? partner,
        score: m.score,
        supplierNodeId: m.supplierNodeId,
        buyerNodeId: m.buyerNodeId,
        chainIds: m.chainIds,
        reasons: m.reasons,
        outcome: outcomes.get(`${m.supplierId}>${m.buyerId}`) ?? null,
      }));
      return { enterpriseId, role: query.role, pair: [enterprise.homeRegionCode, partner], chainSetVersion: u.graph.version, items };
    },

    async forPair(actor, query) {
      await access.role(actor, "chain_analysis.read");
      const pair = await pairs.resolve(query);
      await access.pair(actor, "chain_analysis.read", pair);
      const u = await universe.pair(pair);
      const found = u.matchmaker().strongest(query.limit);
      const outcomes = await outcomesOfPairs(db, found.map((m) => [m.supplierId, m.buyerId]));
      const name = (id: string) => u.enterprises.get(id);
      return {
        pair,
        chainSetVersion: u.graph.version,
        items: found.map((m) => ({
          supplierId: m.supplierId,
          supplierNameZh: name(m.supplierId)?.nameZh ?? m.supplierId,
          supplierNameEn: name(m.supplierId)?.nameEn ?? null,
          supplierRegionCode: name(m.supplierId)?.homeRegionCode ?? "",
          buyerId: m.buyerId,
          buyerNameZh: name(m.buyerId)?.nameZh ?? m.buyerId,
          buyerNameEn: name(m.buyerId)?.nameEn ?? null,
          buyerRegionCode: name(m.buyerId)?.homeRegionCode ?? "",
          score: m.score,
          supplierNodeId: m.supplierNodeId,
          buyerNodeId: m.buyerNodeId,
          chainIds: m.chainIds,
          reasons: m.reasons,
          outcome: outcomes.get(`${m.supplierId}>${m.buyerId}`) ?? null,
        })),
      };
    },
  };
}
