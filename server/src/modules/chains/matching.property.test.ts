import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceChainGraph } from "./chain-graph.ts";
import { linkEnterprises, type ChainEnterprise } from "./enterprise-links.ts";
import {
  bruteForceTopMatches,
  buildMatchIndex,
  explainMatch,
  indexedTopMatches,
  prepareMatching,
  type MatchRole,
} from "./matching.ts";

const graph = referenceChainGraph();
const codes = [...graph.nodesByCode.keys()];
const keywords = graph.nodes.flatMap((n) => [...n.keywordsZh, ...n.keywordsEn]);
const pair = ["330784", "330723"] as const;

// Few distinct sizes and enclaves, so equal scores (and the id tie-break) are common.
const enterpriseArb = fc.record({
  county: fc.constantFrom(...pair, "330702"),
  industryCode: fc.constantFrom(...codes, "1530"),
  products: fc.array(fc.oneof(fc.constantFrom(...keywords), fc.constant("五金制品")), { maxLength: 3 }),
  employees: fc.constantFrom(null, 0, 5, 20, 20, 80, 300, 1200),
  enclaveId: fc.constantFrom(null, null, "enclave-a", "enclave-b"),
});

const setArb = fc.array(enterpriseArb, { minLength: 1, maxLength: 70 }).chain((drafts) =>
  fc
    .shuffledSubarray([...drafts.keys()], { minLength: drafts.length, maxLength: drafts.length })
    .map((order) =>
      drafts.map((d, i): ChainEnterprise => ({
        id: `e${String(order[i]).padStart(3, "0")}`,
        nameZh: `企业${i}`,
        nameEn: null,
        homeRegionCode: d.county,
        industryCode: d.industryCode,
        products: d.products,
        employees: d.employees,
        enclaveId: d.enclaveId,
      })),
    ),
);

describe("the indexed matcher", () => {
  it("returns exactly the brute force's top-10 lists (and top-3), scores and edges included", () => {
    fc.assert(
      fc.property(setArb, (enterprises) => {
        const universe = prepareMatching(graph, linkEnterprises(graph, enterprises), pair);
        const index = buildMatchIndex(universe);
        for (const profile of universe.profiles) {
          for (const role of ["supplier", "customer"] as MatchRole[]) {
            for (const limit of [10, 3]) {
              const indexed = indexedTopMatches(index, profile.id, role, limit);
              expect(indexed).toEqual(bruteForceTopMatches(universe, profile.id, role, limit));
              // The reasons always add up to the score (explainMatch checks it).
              for (const m of indexed) explainMatch(universe, profile.id, role, m);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
