// Chain matchmaking at county scale: top-10 suppliers and customers for every one of 20,000 + 20,000 enterprises
// with the indexed matcher, against a brute-force scorer over every partner-county pair in the same run. Brute force
// for all 40,000 would score 1.6 billion pairs, so it runs on a seeded random sample, and the sampled enterprises'
// lists must be identical to the indexed ones (the benchmark fails otherwise).
import { referenceChainGraph, type ChainGraph } from "../server/src/modules/chains/chain-graph.ts";
import { linkEnterprises, type ChainEnterprise } from "../server/src/modules/chains/enterprise-links.ts";
import {
  bruteForceTopMatches,
  buildMatchIndex,
  indexedTopMatches,
  prepareMatching,
  type ScoredMatch,
} from "../server/src/modules/chains/matching.ts";
import { seededRandom, type Random } from "../server/src/demo/seeded-random.ts";
import { ratioLine, timed } from "./measure.ts";

const yongkang = "330784";
const wuyi = "330723";
const perCounty = 20_000;
const sampleSize = 1_000;
const limit = 10;

// Illustrative mix (DOMAIN §4): finished goods and processing dominate both counties; Yongkang makes doors, cups,
// cookware and scooters, Wuyi is an electric-tool and auto-parts base with few motor, battery or controller makers.
const stageWeight = { material: 1, process: 4, component: 4, product: 6, service: 1 } as const;
const countyBias: Record<string, Record<string, number>> = {
  [yongkang]: { "security-door": 3, "vacuum-cup": 3, cookware: 3, "electric-tools": 2, escooter: 2 },
  [wuyi]: {
    "electric-tools": 4,
    "auto-parts": 3,
    "motorcycle-parts": 2,
    "cutting-accessories": 2,
    "machined-parts": 2,
    "motor-brushed": 0.1,
    "motor-brushless": 0.1,
    "lithium-battery-pack": 0.1,
    "electronic-control": 0.1,
  },
};
// Nodes without a class of their own are registered under a neighbouring one.
const fallbackCode: Record<string, string> = { welding: "3399", "vehicle-frame": "3770" };

function generate(graph: ChainGraph, county: string, prefix: string, random: Random): ChainEnterprise[] {
  const weights = graph.nodes.map(
    (n, i) => [i, stageWeight[n.stage] * (countyBias[county]?.[n.id] ?? 1)] as const,
  );
  const enterprises: ChainEnterprise[] = [];
  for (let i = 0; i < perCounty; i++) {
    const node = graph.nodes[random.weighted(weights)];
    if (!node) throw new Error("empty chain graph");
    const roll = random.next();
    const products =
      roll < 0.15
        ? ["五金制品"] // registered class only: a code link without product evidence
        : [
            random.pick(node.keywordsZh.length ? node.keywordsZh : node.keywordsEn),
            random.pick(node.keywordsEn.length ? node.keywordsEn : node.keywordsZh),
          ];
    if (roll > 0.85) {
      const other = graph.nodes[random.int(0, graph.nodes.length - 1)];
      if (other?.keywordsZh[0]) products.push(other.keywordsZh[0]); // a side line on another node
    }
    const resident = random.next() < (county === wuyi ? 1 / 8 : 1 / 40);
    enterprises.push({
      id: `${prefix}-${String(i).padStart(6, "0")}`,
      nameZh: `${prefix}企业${i}`,
      nameEn: null,
      homeRegionCode: county,
      industryCode: node.industryCodes.length
        ? random.pick(node.industryCodes)
        : (fallbackCode[node.id] ?? "3399"),
      products,
      employees: Math.round(5 * Math.exp(random.next() * 6)), // 5 … ~2,000, most of them small
      enclaveId: resident ? "enclave-yongkang-wuyi" : null,
    });
  }
  return enterprises;
}

const sameLists = (a: ScoredMatch[], b: ScoredMatch[]) => JSON.stringify(a) === JSON.stringify(b);

export async function benchChainMatching(): Promise<string[]> {
  const graph = referenceChainGraph();
  const random = seededRandom(20220402);
  const enterprises = [...generate(graph, yongkang, "yk", random), ...generate(graph, wuyi, "wy", random)];
  const linking = await timed(async () => linkEnterprises(graph, enterprises));
  const building = await timed(async () => {
    const universe = prepareMatching(graph, linking.result, [yongkang, wuyi]);
    return { universe, index: buildMatchIndex(universe) };
  });
  const { universe, index } = building.result;

  // A seeded sample for brute force (partial Fisher–Yates over all enterprise ids).
  const ids = enterprises.map((e) => e.id);
  for (let i = 0; i < sampleSize; i++) {
    const j = random.int(i, ids.length - 1);
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  const sample = ids.slice(0, sampleSize);
  const sampled = new Set(sample);

  // Warm up both paths so neither pays for JIT compilation inside its timing.
  for (const id of sample.slice(0, 20)) {
    bruteForceTopMatches(universe, id, "supplier", limit);
    indexedTopMatches(index, id, "customer", limit);
  }

  const indexedLists = new Map<string, [ScoredMatch[], ScoredMatch[]]>();
  let listed = 0;
  const indexed = await timed(async () => {
    for (const e of enterprises) {
      const suppliers = indexedTopMatches(index, e.id, "supplier", limit);
      const customers = indexedTopMatches(index, e.id, "customer", limit);
      listed += suppliers.length + customers.length;
      if (sampled.has(e.id)) indexedLists.set(e.id, [suppliers, customers]);
    }
  });
  let identical = 0;
  const brute = await timed(async () => {
    for (const id of sample) {
      const suppliers = bruteForceTopMatches(universe, id, "supplier", limit);
      const customers = bruteForceTopMatches(universe, id, "customer", limit);
      const [s, c] = indexedLists.get(id) ?? [[], []];
      identical += Number(sameLists(s, suppliers)) + Number(sameLists(c, customers));
    }
  });
  if (identical !== 2 * sampleSize)
    throw new Error(
      `indexed and brute-force top-10 lists differ for ${2 * sampleSize - identical} of ${2 * sampleSize} lists`,
    );

  const indexedPerEnterprise = indexed.seconds / enterprises.length;
  const brutePerEnterprise = brute.seconds / sampleSize;
  const microseconds = (s: number) => `${(s * 1e6).toFixed(1)} µs`;
  return [
    `enterprises: ${perCounty} Yongkang + ${perCounty} Wuyi (seeded); linked to chain nodes in ${linking.seconds.toFixed(2)} s; index built in ${(building.seconds * 1000).toFixed(0)} ms`,
    `indexed matcher, all ${enterprises.length} enterprises, top-${limit} suppliers + customers: ${microseconds(indexedPerEnterprise)} per enterprise (${listed} matches listed)`,
    `brute force SAMPLED (${sampleSize} seeded-random enterprises, each scored against all ${perCounty} partner-county enterprises, both roles): ${microseconds(brutePerEnterprise)} per enterprise`,
    `top-${limit} lists identical for the sampled enterprises: ${identical}/${2 * sampleSize}`,
    ratioLine(
      "indexed matcher",
      1 / indexedPerEnterprise,
      "enterprises/s",
      "brute force (sampled)",
      1 / brutePerEnterprise,
    ) + ` (speed-up; target ≥ 10)`,
  ];
}
