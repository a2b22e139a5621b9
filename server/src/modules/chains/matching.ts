// Cross-county matchmaking: for an enterprise, ranked suppliers and customers in the partner county, with reasons;
// for the pair, the strongest matches overall. Two matchers give identical lists: the brute force scores every pair
// (the reference, and the benchmark's baseline), the indexed one (match-index.ts) searches only where a match can be.
import { invalid } from "../../platform/errors.ts";
import type { ChainGraph } from "./chain-graph.ts";
import type { LinkedEnterprise } from "./enterprise-links.ts";
import { buildMatchIndex, searchTopCandidates, type MatchIndex } from "./match-index.ts";
import { explainMatch, type ChainMatch } from "./match-explain.ts";
import {
  prepareMatching,
  scorePair,
  toScoredMatch,
  TopCandidates,
  type CountyDistance,
  type MatchOptions,
  type MatchProfile,
  type MatchRole,
  type MatchUniverse,
  type ScoredMatch,
} from "./match-scoring.ts";

export {
  buildMatchIndex,
  explainMatch,
  prepareMatching,
  type ChainMatch,
  type CountyDistance,
  type MatchIndex,
  type MatchOptions,
  type MatchRole,
  type MatchUniverse,
  type ScoredMatch,
};
export {
  countyDistancesKm,
  distancePoints,
  matchPoints,
  sizePoints,
  stageFitPoints,
} from "./match-scoring.ts";
export type { CountyName } from "./match-scoring.ts";
export type { MatchReason, MatchReasonKind } from "./match-explain.ts";

export const defaultMatchLimit = 10;

/** A function giving the top `limit` partners of an enterprise in a role: either matcher. */
export type TopMatcher = (enterpriseId: string, role: MatchRole, limit: number) => ScoredMatch[];

function profileOf(u: MatchUniverse, enterpriseId: string): MatchProfile {
  const profile = u.byId.get(enterpriseId);
  if (!profile)
    throw invalid(
      "enterpriseId",
      `is not an enterprise of either county of the pair ${u.pair.join("–")}`,
      enterpriseId,
    );
  return profile;
}

function toScored(
  u: MatchUniverse,
  asking: MatchProfile,
  role: MatchRole,
  top: TopCandidates,
): ScoredMatch[] {
  return top.entries.map(({ profile, score }) =>
    role === "supplier" ? toScoredMatch(u, profile, asking, score) : toScoredMatch(u, asking, profile, score),
  );
}

/** Scores the enterprise against every enterprise of the partner county. */
export function bruteForceTopMatches(
  u: MatchUniverse,
  enterpriseId: string,
  role: MatchRole,
  limit = defaultMatchLimit,
): ScoredMatch[] {
  const asking = profileOf(u, enterpriseId);
  const top = new TopCandidates(limit);
  for (const candidate of u.byCounty[asking.county === 0 ? 1 : 0]) {
    top.offer(
      candidate,
      role === "supplier" ? scorePair(u, candidate, asking) : scorePair(u, asking, candidate),
    );
  }
  return toScored(u, asking, role, top);
}

export function indexedTopMatches(
  index: MatchIndex,
  enterpriseId: string,
  role: MatchRole,
  limit = defaultMatchLimit,
): ScoredMatch[] {
  const asking = profileOf(index.universe, enterpriseId);
  return toScored(index.universe, asking, role, searchTopCandidates(index, asking, role, limit));
}

/** The ranked partners of an enterprise with the reasons in words (indexed matcher). */
export function matchesFor(
  index: MatchIndex,
  enterpriseId: string,
  role: MatchRole,
  limit = defaultMatchLimit,
): ChainMatch[] {
  return indexedTopMatches(index, enterpriseId, role, limit).map((m) =>
    explainMatch(index.universe, enterpriseId, role, m),
  );
}

export const bruteForceMatcher =
  (u: MatchUniverse): TopMatcher =>
  (id, role, limit) =>
    bruteForceTopMatches(u, id, role, limit);

export const indexedMatcher =
  (index: MatchIndex): TopMatcher =>
  (id, role, limit) =>
    indexedTopMatches(index, id, role, limit);

/**
 * The strongest supplier → buyer matches across the pair, either direction. Exact: a pair among the best `limit`
 * overall is among the best `limit` of its first-county side, so merging every first-county enterprise's lists
 * (as buyer and as supplier) finds them all.
 */
export function strongestPairMatches(u: MatchUniverse, top: TopMatcher, limit = 20): ScoredMatch[] {
  const all: ScoredMatch[] = [];
  for (const profile of u.byCounty[0]) {
    all.push(...top(profile.id, "supplier", limit), ...top(profile.id, "customer", limit));
  }
  return all
    .sort((p, q) => q.score - p.score || compare(p.supplierId, q.supplierId) || compare(p.buyerId, q.buyerId))
    .slice(0, limit);
}

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** Everything matching needs, built once per chain graph and enterprise set. */
export function createMatchmaker(
  graph: ChainGraph,
  linked: readonly LinkedEnterprise[],
  pair: readonly [string, string],
  options: MatchOptions = {},
) {
  const universe = prepareMatching(graph, linked, pair, options);
  const index = buildMatchIndex(universe);
  return {
    universe,
    index,
    suppliersFor: (enterpriseId: string, limit = defaultMatchLimit) =>
      matchesFor(index, enterpriseId, "supplier", limit),
    customersFor: (enterpriseId: string, limit = defaultMatchLimit) =>
      matchesFor(index, enterpriseId, "customer", limit),
    strongest: (limit = 20) =>
      strongestPairMatches(universe, indexedMatcher(index), limit).map((m) =>
        explainMatch(universe, m.buyerId, "supplier", m),
      ),
  };
}
