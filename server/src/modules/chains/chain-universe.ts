// A county pair as gaps and matching see it: the chain graph in force, the pair's enterprises (read through the
// enterprises module's door) and their links in force. Links are derived lazily: an enterprise whose record or the
// chain-set moved on since its last derivation is derived again, keeping every review. The whole is kept in memory
// per pair and rebuilt only when its key changes: chain-set version + each county's enterprise stamp (count and
// newest updatedAt, archived included, so an archive or restore counts too) + the links' revision counter + the
// two counties' names (the match reasons name them).
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Db } from "../../platform/database.ts";
import { DomainError } from "../../platform/errors.ts";
import type { EnterprisesService } from "../enterprises/index.ts";
import type { RegionsService } from "../regions/index.ts";
import { chainsReader } from "./chain-access.ts";
import type { ChainGraph } from "./chain-graph.ts";
import { derivationStates, linksInForce, linksRevision, writeDerivations, type Derivation } from "./chain-links.repository.ts";
import type { ChainSetsService } from "./chain-sets.service.ts";
import { linkEnterprise, linksFromProduces, type ChainLink, type LinkedEnterprise } from "./enterprise-links.ts";
import { createMatchmaker, type CountyName } from "./matching.ts";

export type Matchmaker = ReturnType<typeof createMatchmaker>;

export type PairUniverse = {
  key: string;
  graph: ChainGraph;
  /** The two county codes, sorted: one universe serves both orders. */
  pair: [string, string];
  enterprises: ReadonlyMap<string, Enterprise>;
  linked: readonly LinkedEnterprise[];
  /** Built at first use (the index is the costly part) and kept with the universe. */
  matchmaker(): Matchmaker;
};

type EnterpriseReader = Pick<EnterprisesService, "list">;

export function createUniverse(db: Db, deps: { enterprises: EnterpriseReader; regions: Pick<RegionsService, "get">; chainSets: Pick<ChainSetsService, "graph"> }) {
  const universes = new Map<string, { key: string; value: Promise<PairUniverse> }>();
  const synced = new Map<string, { key: string; value: Promise<Enterprise[]> }>();

  async function stampOf(regionCode: string): Promise<string> {
    const page = await deps.enterprises.list(chainsReader, { homeRegionCode: regionCode, sort: "-updatedAt", page: 1, pageSize: 1, includeArchived: true });
    return `${page.total}@${page.items[0]?.updatedAt ?? "-"}`;
  }

  async function countyOf(code: string): Promise<CountyName> {
    try {
      const region = await deps.regions.get(chainsReader, code);
      return { code, nameZh: region.nameZh, nameEn: region.nameEn };
    } catch (error) {
      if (error instanceof DomainError && error.kind === "not_found") return { code, nameZh: code, nameEn: code };
      throw error;
    }
  }

  async function enterprisesOf(regionCode: string): Promise<Enterprise[]> {
    const all: Enterprise[] = [];
    for (let page = 1; ; page += 1) {
      const result = await deps.enterprises.list(chainsReader, { homeRegionCode: regionCode, page, pageSize: 500, includeArchived: false });
      all.push(...result.items);
      if (result.items.length === 0 || all.length >= result.total) return all;
    }
  }

  /** Derives the links of those enterprises whose record or chain-set changed since their last derivation. */
  async function derive(graph: ChainGraph, enterprises: readonly Enterprise[], states: Awaited<ReturnType<typeof derivationStates>>): Promise<number> {
    const stale: Derivation[] = [];
    for (const e of enterprises) {
      const state = states.get(e.id);
      if (state && state.enterpriseVersion === e.version && state.chainSetVersion === graph.version) continue;
      stale.push({ enterpriseId: e.id, homeRegionCode: e.homeRegionCode, enterpriseVersion: e.version, produces: linkEnterprise(graph, e).produces });
    }
    if (stale.length > 0) await writeDerivations(db, graph.version, stale);
    return stale.length;
  }

  /** The pair's enterprises, their links derived up to date (once per chain-set version and enterprise stamp). */
  function syncPair(graph: ChainGraph, pair: [string, string], stamps: string): Promise<Enterprise[]> {
    const key = `${graph.version}|${stamps}`;
    const memo = synced.get(pair.join("-"));
    if (memo?.key === key) return memo.value;
    const value = (async () => {
      const enterprises = (await Promise.all(pair.map(enterprisesOf))).flat();
      await derive(graph, enterprises, await derivationStates(db, { regionCodes: pair }));
      return enterprises;
    })();
    synced.set(pair.join("-"), { key, value });
    value.catch(() => synced.delete(pair.join("-")));
    return value;
  }

  async function build(graph: ChainGraph, pair: [string, string], key: string, enterprises: readonly Enterprise[], counties: CountyName[]): Promise<PairUniverse> {
    const byId = new Map(enterprises.map((e) => [e.id, e]));
    const produces = new Map<string, ChainLink[]>();
    for (const link of await linksInForce(db, pair)) {
      if (!byId.has(link.enterpriseId)) continue; // moved out of the pair, or archived
      const list = produces.get(link.enterpriseId) ?? [];
      list.push({ nodeId: link.nodeId, reasons: link.reasons });
      produces.set(link.enterpriseId, list);
    }
    const linked = enterprises.map((enterprise) => ({ enterprise, links: linksFromProduces(graph, enterprise.id, produces.get(enterprise.id) ?? []) }));
    let matchmaker: Matchmaker | undefined;
    return { key, graph, pair, enterprises: byId, linked, matchmaker: () => (matchmaker ??= createMatchmaker(graph, linked, pair, { counties })) };
  }

  return {
    /** The pair's universe, up to date with the chain-set, the enterprises and the links. */
    async pair(regionCodes: readonly [string, string]): Promise<PairUniverse> {
      const pair = [...regionCodes].sort() as [string, string];
      const graph = await deps.chainSets.graph();
      const stamps = (await Promise.all(pair.map(stampOf))).join("|");
      const enterprises = await syncPair(graph, pair, stamps);
      const counties = await Promise.all(pair.map(countyOf));
      const names = counties.map((c) => `${c.nameZh}/${c.nameEn}`).join("|");
      const key = `${graph.version}|${stamps}|${await linksRevision(db)}|${names}`;
      const cached = universes.get(pair.join("-"));
      if (cached?.key === key) return cached.value;
      const value = build(graph, pair, key, enterprises, counties);
      universes.set(pair.join("-"), { key, value });
      value.catch(() => universes.delete(pair.join("-")));
      return value;
    },
    /** Derives one enterprise's links when they are out of date (before they are shown or reviewed). */
    async enterprise(graph: ChainGraph, enterprise: Enterprise): Promise<void> {
      await derive(graph, [enterprise], await derivationStates(db, { enterpriseId: enterprise.id }));
    },
  };
}

export type Universe = ReturnType<typeof createUniverse>;
