// The match score of a supplier S and a buyer B in the partner county, in integer points out of 1000 so that ties
// are exact and broken by enterprise id:
//   chain adjacency  ≤ 400  best edge a → b (S at a, B at b) weighted by stage fit (stageFitPoints)
//   product keyword  ≤ 200  +150 when S's product text names node a, +50 when B's names node b (same edge as above)
//   size fit         ≤ 200  ⌊200 × smaller / larger employees⌋; 50 when either is unknown
//   distance         ≤ 100  from the county-to-county table (countyDistancesKm)
//   enclave          ≤ 100  50 for each side resident in an enclave
// Adjacency and keyword points are taken together as the best edge, so the score is the maximum over edges.
import { nodeAt, type ChainGraph, type ChainStage } from "./chain-graph.ts";
import { hasProductEvidence, type ChainEnterprise, type LinkedEnterprise } from "./enterprise-links.ts";

export const matchPoints = {
  supplierProduct: 150,
  buyerProduct: 50,
  sizeMax: 200,
  sizeUnknown: 50,
  enclavePerSide: 50,
} as const;

export type MatchRole = "supplier" | "customer";

/** A scored match without its words: who supplies whom, across which edge, and the score. */
export type ScoredMatch = {
  supplierId: string;
  buyerId: string;
  score: number;
  supplierNodeId: string;
  buyerNodeId: string;
};

const stageRank: Record<ChainStage, number> = {
  material: 0,
  process: 1,
  component: 2,
  product: 3,
  service: 4,
};

/** Stages from the supplier's node to the buyer's: 1 the next, 0 the same, negative backwards. */
export function stageStep(supplier: ChainStage, buyer: ChainStage): number {
  return stageRank[buyer] - stageRank[supplier];
}

/**
 * The next stage (component → product) is the typical purchase: 400. Same stage (bearings → motor) or one stage
 * skipped (plastic resin → moulded parts): 360. Two skipped: 320. Backwards (testing services → cookware) or
 * further: 280 — real, but a looser tie.
 */
export function stageFitPoints(supplier: ChainStage, buyer: ChainStage): number {
  const step = stageStep(supplier, buyer);
  if (step === 1) return 400;
  if (step === 0 || step === 2) return 360;
  if (step === 3) return 320;
  return 280;
}

export function sizePoints(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return matchPoints.sizeUnknown;
  return Math.floor((matchPoints.sizeMax * Math.min(a, b)) / Math.max(a, b));
}

export type CountyDistance = { a: string; b: string; km: number };

/** A county's names, for the reasons' words (the region register's; the code stands in when not known). */
export type CountyName = { code: string; nameZh: string; nameEn: string };

/**
 * Road distance between county seats. Yongkang (永康市, 330784) – Wuyi (武义县, 330723): the seats are about 22 km
 * apart in a straight line, about 30 km by road (approximate, not surveyed; override with options.distancesKm).
 */
export const countyDistancesKm: readonly CountyDistance[] = [{ a: "330784", b: "330723", km: 30 }];

/** 100 up to 20 km, falling linearly to 0 at 200 km; 0 when the distance is not in the table. */
export function distancePoints(km: number | null): number {
  if (km === null) return 0;
  if (km <= 20) return 100;
  if (km >= 200) return 0;
  return Math.round((100 * (200 - km)) / 180);
}

/** One enterprise, compacted for scoring: node positions ascending, with product evidence per node. */
export type MatchProfile = {
  slot: number;
  id: string;
  county: 0 | 1;
  nodes: number[];
  evidence: number[];
  /** 0 when unknown. */
  employees: number;
  resident: boolean;
  linked: LinkedEnterprise;
};

export type MatchUniverse = {
  graph: ChainGraph;
  pair: [string, string];
  /** The pair's names, in the pair's order. */
  counties: [CountyName, CountyName];
  profiles: MatchProfile[];
  byId: ReadonlyMap<string, MatchProfile>;
  byCounty: [MatchProfile[], MatchProfile[]];
  /** fit[a * size + b]: stage-fit points of the edge a → b in any chain, 0 when there is none. */
  fit: Int16Array;
  size: number;
  distanceKm: number | null;
  distancePoints: number;
};

export type MatchOptions = { distancesKm?: readonly CountyDistance[]; counties?: readonly CountyName[] };

const countyNamed = (code: string, names: readonly CountyName[] = []): CountyName =>
  names.find((c) => c.code === code) ?? { code, nameZh: code, nameEn: code };

export function prepareMatching(
  graph: ChainGraph,
  linked: readonly LinkedEnterprise[],
  pair: readonly [string, string],
  options: MatchOptions = {},
): MatchUniverse {
  const size = graph.nodes.length;
  const fit = new Int16Array(size * size);
  graph.buyers.forEach((buyers, a) => {
    for (const b of buyers)
      fit[a * size + b] = stageFitPoints(nodeAt(graph, a).stage, nodeAt(graph, b).stage);
  });
  const profiles: MatchProfile[] = [];
  for (const entry of linked) {
    const county =
      entry.enterprise.homeRegionCode === pair[0]
        ? 0
        : entry.enterprise.homeRegionCode === pair[1]
          ? 1
          : null;
    if (county === null) continue; // outside the pair: never matched
    const links = entry.links.produces
      .map((link) => ({
        position: graph.nodeIndex.get(link.nodeId) ?? -1,
        evidence: hasProductEvidence(link) ? 1 : 0,
      }))
      .filter((l) => l.position >= 0)
      .sort((x, y) => x.position - y.position);
    profiles.push({
      slot: profiles.length,
      id: entry.enterprise.id,
      county,
      nodes: links.map((l) => l.position),
      evidence: links.map((l) => l.evidence),
      employees: knownEmployees(entry.enterprise),
      resident: entry.enterprise.enclaveId !== null,
      linked: entry,
    });
  }
  const km =
    (options.distancesKm ?? countyDistancesKm).find(
      (d) => (d.a === pair[0] && d.b === pair[1]) || (d.a === pair[1] && d.b === pair[0]),
    )?.km ?? null;
  return {
    graph,
    pair: [pair[0], pair[1]],
    counties: [countyNamed(pair[0], options.counties), countyNamed(pair[1], options.counties)],
    profiles,
    byId: new Map(profiles.map((p) => [p.id, p])),
    byCounty: [profiles.filter((p) => p.county === 0), profiles.filter((p) => p.county === 1)],
    fit,
    size,
    distanceKm: km,
    distancePoints: distancePoints(km),
  };
}

const knownEmployees = (e: ChainEnterprise): number =>
  e.employees !== null && e.employees > 0 ? e.employees : 0;

/** Adjacency + keyword points of the best edge from S to B, or -1 when S sells nothing B buys. */
export function edgePoints(u: MatchUniverse, s: MatchProfile, b: MatchProfile): number {
  let best = -1;
  for (let i = 0; i < s.nodes.length; i++) {
    const row = (s.nodes[i] as number) * u.size;
    const supplierBonus = (s.evidence[i] as number) * matchPoints.supplierProduct;
    for (let j = 0; j < b.nodes.length; j++) {
      const fit = u.fit[row + (b.nodes[j] as number)] as number;
      if (fit === 0) continue;
      const points = fit + supplierBonus + (b.evidence[j] as number) * matchPoints.buyerProduct;
      if (points > best) best = points;
    }
  }
  return best;
}

/** The full score of S supplying B, or -1 when they are not adjacent on any chain. */
export function scorePair(u: MatchUniverse, s: MatchProfile, b: MatchProfile): number {
  const edge = edgePoints(u, s, b);
  if (edge < 0) return -1;
  return (
    edge +
    sizePoints(s.employees, b.employees) +
    u.distancePoints +
    matchPoints.enclavePerSide * (Number(s.resident) + Number(b.resident))
  );
}

/** The edge that gives edgePoints; on equal points the first in node order, so the choice is stable. */
export function bestEdge(
  u: MatchUniverse,
  s: MatchProfile,
  b: MatchProfile,
): { supplier: number; buyer: number } | null {
  let best: { supplier: number; buyer: number } | null = null;
  let bestPoints = -1;
  for (let i = 0; i < s.nodes.length; i++) {
    const a = s.nodes[i] as number;
    for (let j = 0; j < b.nodes.length; j++) {
      const n = b.nodes[j] as number;
      const fit = u.fit[a * u.size + n] as number;
      const points =
        fit +
        (s.evidence[i] as number) * matchPoints.supplierProduct +
        (b.evidence[j] as number) * matchPoints.buyerProduct;
      if (fit > 0 && points > bestPoints) {
        bestPoints = points;
        best = { supplier: a, buyer: n };
      }
    }
  }
  return best;
}

export function toScoredMatch(
  u: MatchUniverse,
  s: MatchProfile,
  b: MatchProfile,
  score: number,
): ScoredMatch {
  const edge = bestEdge(u, s, b);
  if (!edge) throw new Error(`${s.id} and ${b.id} are not adjacent`);
  return {
    supplierId: s.id,
    buyerId: b.id,
    score,
    supplierNodeId: nodeAt(u.graph, edge.supplier).id,
    buyerNodeId: nodeAt(u.graph, edge.buyer).id,
  };
}

/** The best `limit` candidates, score descending then id ascending — the one order both matchers share. */
export class TopCandidates {
  readonly limit: number;
  readonly entries: { profile: MatchProfile; score: number }[] = [];
  constructor(limit: number) {
    this.limit = limit;
  }
  get full(): boolean {
    return this.entries.length >= this.limit;
  }
  /** The score a newcomer must reach (ties then go by id); -1 while not full. */
  get threshold(): number {
    return this.full ? (this.entries[this.entries.length - 1]?.score ?? -1) : -1;
  }
  offer(profile: MatchProfile, score: number): void {
    if (score < 0 || this.limit <= 0) return;
    const entries = this.entries;
    let i = entries.length;
    while (i > 0) {
      const above = entries[i - 1] as { profile: MatchProfile; score: number };
      if (above.score > score || (above.score === score && above.profile.id < profile.id)) break;
      i--;
    }
    if (i >= this.limit) return;
    entries.splice(i, 0, { profile, score });
    if (entries.length > this.limit) entries.pop();
  }
}
