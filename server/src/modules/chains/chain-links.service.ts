// Enterprises on the chain: the links derived from an enterprise's class and products, shown with their reasons,
// and reviewed by officials (county officials of its county, enclave managers for residents, administrators) or
// the enterprise itself: confirm a derived link, reject it, or link the enterprise to a node by hand. Reviews are
// kept when the links are derived again; each review is one entry in the history of the enterprise's links
// (entity chain_link, record id = the enterprise's id), and so in the audit log.
import type { ChainLinkView, EnterpriseChainLinks, LinkDecision } from "../../../../contracts/chains.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { invalid } from "../../platform/errors.ts";
import { historyOf, recordChange, type HistoryEntry } from "../../platform/history.ts";
import type { ChainAccess } from "./chain-access.ts";
import type { ChainGraph } from "./chain-graph.ts";
import { linksOfEnterprise, writeDecision, type LinkRow } from "./chain-links.repository.ts";
import type { ChainSetsService } from "./chain-sets.service.ts";
import type { Universe } from "./chain-universe.ts";
import { linksFromProduces } from "./enterprise-links.ts";

export type LinkAction = "confirm" | "reject" | "add";

export type ChainLinksService = {
  get(actor: Actor, enterpriseId: string): Promise<EnterpriseChainLinks>;
  decide(actor: Actor, enterpriseId: string, action: LinkAction, decision: LinkDecision): Promise<EnterpriseChainLinks>;
  history(actor: Actor, enterpriseId: string): Promise<HistoryEntry[]>;
  /** Derives the links of every enterprise of the counties (the demo loader; otherwise it happens at first use). */
  derive(actor: Actor, regionCodes: readonly [string, string]): Promise<{ enterprises: number; links: number }>;
};

export function createChainLinksService(db: Db, access: ChainAccess, chainSets: ChainSetsService, universe: Universe): ChainLinksService {
  async function current(graph: ChainGraph, enterprise: Enterprise): Promise<EnterpriseChainLinks> {
    await universe.enterprise(graph, enterprise);
    return linksView(graph, enterprise.id, await linksOfEnterprise(db, enterprise.id));
  }

  return {
    async get(actor, enterpriseId) {
      const enterprise = await access.enterprise(actor, "chain_link.read", enterpriseId);
      return current(await chainSets.graph(), enterprise);
    },

    async decide(actor, enterpriseId, action, decision) {
      const enterprise = await access.enterprise(actor, "chain_link.confirm", enterpriseId);
      const graph = await chainSets.graph();
      const before = await current(graph, enterprise);
      const link = before.produces.find((l) => l.nodeId === decision.nodeId);
      if (action === "add" || action === "confirm") {
        if (!graph.nodeIndex.has(decision.nodeId)) throw invalid("nodeId", `is not a node of the chain-set in force (${graph.version})`, decision.nodeId);
      }
      if (action !== "add" && !link) {
        throw invalid("nodeId", `the enterprise has no link to this node${action === "confirm" ? "; add it instead" : ""}`, decision.nodeId);
      }
      return db.transaction().execute(async (trx) => {
        const decisions = await writeDecision(trx, {
          enterpriseId,
          nodeId: decision.nodeId,
          status: action === "reject" ? "rejected" : "confirmed",
          note: decision.note ?? null,
          actorId: actor.id,
          actorName: actor.name,
        });
        const after = linksView(graph, enterpriseId, await linksOfEnterprise(trx, enterpriseId));
        await recordChange(trx, { entity: "chain_link", recordId: enterpriseId, version: decisions, action: "update", actor, before, after });
        return after;
      });
    },

    async history(actor, enterpriseId) {
      await access.enterprise(actor, "chain_link.read", enterpriseId);
      return historyOf(db, "chain_link", enterpriseId);
    },

    async derive(actor, regionCodes) {
      await access.role(actor, "chain.manage");
      const u = await universe.pair(regionCodes);
      return { enterprises: u.linked.length, links: u.linked.reduce((sum, l) => sum + l.links.produces.length, 0) };
    },
  };
}

export function linksView(graph: ChainGraph, enterpriseId: string, rows: readonly LinkRow[]): EnterpriseChainLinks {
  const produces: ChainLinkView[] = rows.map((row) => {
    const node = graph.nodes[graph.nodeIndex.get(row.nodeId) ?? -1];
    return {
      nodeId: row.nodeId,
      nameZh: node?.nameZh ?? null,
      nameEn: node?.nameEn ?? null,
      stage: node?.stage ?? null,
      status: row.status,
      origin: row.origin,
      derived: row.derived,
      inForce: row.status !== "rejected" && node !== undefined,
      reasons: row.reasons,
      note: row.note,
      decidedBy: row.decidedBy === null ? null : { id: row.decidedBy, name: row.decidedByName ?? row.decidedBy },
      decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt).toISOString(),
    };
  });
  const inForce = produces.filter((l) => l.inForce).map((l) => ({ nodeId: l.nodeId, reasons: [] }));
  const needs = linksFromProduces(graph, enterpriseId, inForce).needs.map((need) => {
    const node = graph.nodes[graph.nodeIndex.get(need.nodeId) ?? -1];
    return { ...need, nameZh: node?.nameZh ?? need.nodeId, nameEn: node?.nameEn ?? need.nodeId };
  });
  return { enterpriseId, chainSetVersion: graph.version, produces, needs };
}
