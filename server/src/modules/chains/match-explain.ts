// A scored match explained, one reason per part of the score; the reasons' points add up to the score, so an
// official can see exactly why a partner ranks where it does. Each reason carries its parts as data (nodes and
// chains with both names, the stage step, the product words, employees, km, counties, residents) so a screen can
// word it in its own language, and sentences in Chinese and English, with names, for the CLI and exports.
import { nodeAt, type ChainNode, type ChainStage } from "./chain-graph.ts";
import type { ChainEnterprise } from "./enterprise-links.ts";
import {
  matchPoints,
  sizePoints,
  stageStep,
  type CountyName,
  type MatchProfile,
  type MatchRole,
  type MatchUniverse,
  type ScoredMatch,
} from "./match-scoring.ts";

export type MatchReasonKind = "chain_adjacency" | "product_keyword" | "size_fit" | "distance" | "enclave";

type Words = { points: number; zh: string; en: string };
export type ReasonNode = { id: string; nameZh: string; nameEn: string; stage: ChainStage };
export type ReasonChain = { id: string; nameZh: string; nameEn: string };
export type ProductMatch = { product: string; keyword: string };
export type MatchSideRole = "supplier" | "buyer";

export type MatchReason =
  | ({
      kind: "chain_adjacency";
      code: "next_stage" | "same_stage" | "stages_skipped" | "backward";
    } & Words & { supplierNode: ReasonNode; buyerNode: ReasonNode; chains: ReasonChain[]; step: number })
  | ({ kind: "product_keyword"; code: "both" | "supplier" | "buyer" | "industry_code_only" } & Words & {
        supplierNode: ReasonNode;
        buyerNode: ReasonNode;
        supplierMatch: ProductMatch | null;
        buyerMatch: ProductMatch | null;
      })
  | ({ kind: "size_fit"; code: "ratio" | "unknown" } & Words & {
        supplierEmployees: number | null;
        buyerEmployees: number | null;
        ratioPercent: number | null;
      })
  | ({ kind: "distance"; code: "by_road" | "not_recorded" } & Words & {
        km: number | null;
        counties: CountyName[];
      })
  | ({ kind: "enclave"; code: "same_enclave" | "different_enclaves" | "one_side" | "neither" } & Words & {
        residents: MatchSideRole[];
      });

export type ChainMatch = ScoredMatch & {
  role: MatchRole;
  /** The enterprise the list is for; partnerId is the supplier or customer found for it. */
  enterpriseId: string;
  partnerId: string;
  partnerNameZh: string;
  partnerNameEn: string | null;
  chainIds: string[];
  reasons: MatchReason[];
};

const stageZh: Record<ChainStage, string> = {
  material: "原材料",
  process: "加工工艺",
  component: "零部件",
  product: "终端产品",
  service: "生产性服务",
};

type AdjacencyCode = Extract<MatchReason, { kind: "chain_adjacency" }>["code"];

function fitOf(step: number): { code: AdjacencyCode; zh: string; en: string } {
  if (step === 1) return { code: "next_stage", zh: "相邻环节", en: "the next stage" };
  if (step === 0) return { code: "same_stage", zh: "同一环节", en: "the same stage" };
  if (step > 1) {
    const skipped = step - 1;
    return {
      code: "stages_skipped",
      zh: `跨 ${skipped} 个环节`,
      en: `${skipped} stage${skipped > 1 ? "s" : ""} skipped`,
    };
  }
  return { code: "backward", zh: "逆向投入", en: "an input from a later stage" };
}

const nameEn = (e: ChainEnterprise) => e.nameEn ?? e.nameZh;
const nodePart = (n: ChainNode): ReasonNode => ({
  id: n.id,
  nameZh: n.nameZh,
  nameEn: n.nameEn,
  stage: n.stage,
});

function keywordEvidence(profile: MatchProfile, nodeId: string): ProductMatch | null {
  const link = profile.linked.links.produces.find((l) => l.nodeId === nodeId);
  for (const reason of link?.reasons ?? [])
    if (reason.kind === "product_keyword") return { product: reason.product, keyword: reason.keyword };
  return null;
}

export function explainMatch(
  u: MatchUniverse,
  enterpriseId: string,
  role: MatchRole,
  match: ScoredMatch,
): ChainMatch {
  const supplier = u.byId.get(match.supplierId);
  const buyer = u.byId.get(match.buyerId);
  const a = u.graph.nodeIndex.get(match.supplierNodeId);
  const b = u.graph.nodeIndex.get(match.buyerNodeId);
  if (!supplier || !buyer || a === undefined || b === undefined)
    throw new Error("the match does not belong to this universe");
  const from = nodeAt(u.graph, a);
  const to = nodeAt(u.graph, b);
  const partner = role === "supplier" ? supplier : buyer;
  const chainIds = [...(u.graph.edgeChains.get(`${from.id}>${to.id}`) ?? [])];
  const chains = chainIds.map((id) => {
    const chain = u.graph.chains.get(id);
    return { id, nameZh: chain?.nameZh ?? id, nameEn: chain?.nameEn ?? id };
  });
  const reasons = [
    adjacencyReason(from, to, chains, u.fit[a * u.size + b] as number),
    keywordReason(supplier, buyer, from, to),
    sizeReason(supplier, buyer),
    distanceReason(u),
    enclaveReason(supplier, buyer),
  ];
  const total = reasons.reduce((sum, r) => sum + r.points, 0);
  if (total !== match.score) throw new Error(`reasons add up to ${total}, the score is ${match.score}`);
  const e = partner.linked.enterprise;
  return {
    ...match,
    role,
    enterpriseId,
    partnerId: partner.id,
    partnerNameZh: e.nameZh,
    partnerNameEn: e.nameEn,
    chainIds,
    reasons,
  };
}

function adjacencyReason(from: ChainNode, to: ChainNode, chains: ReasonChain[], points: number): MatchReason {
  const step = stageStep(from.stage, to.stage);
  const fit = fitOf(step);
  const chainsZh = chains.map((c) => c.nameZh).join("、");
  const chainsEn = `${chains.length === 1 ? "chain" : "chains"} ${chains.map((c) => `“${c.nameEn}”`).join(", ")}`;
  return {
    kind: "chain_adjacency",
    code: fit.code,
    points,
    zh: `「${from.nameZh}」供应「${to.nameZh}」（产业链：${chainsZh}）；${stageZh[from.stage]} → ${stageZh[to.stage]}，${fit.zh}`,
    en: `node “${from.nameEn}” supplies node “${to.nameEn}” (${chainsEn}); ${from.stage} → ${to.stage}, ${fit.en}`,
    supplierNode: nodePart(from),
    buyerNode: nodePart(to),
    chains,
    step,
  };
}

function keywordReason(
  supplier: MatchProfile,
  buyer: MatchProfile,
  from: ChainNode,
  to: ChainNode,
): MatchReason {
  const sold = keywordEvidence(supplier, from.id);
  const bought = keywordEvidence(buyer, to.id);
  const zh: string[] = [];
  const en: string[] = [];
  if (sold) {
    zh.push(`供方产品「${sold.product}」匹配节点「${from.nameZh}」的关键词「${sold.keyword}」`);
    en.push(
      `supplier's product “${sold.product}” matches keyword “${sold.keyword}” of node “${from.nameEn}”`,
    );
  }
  if (bought) {
    zh.push(`需方产品「${bought.product}」匹配节点「${to.nameZh}」的关键词「${bought.keyword}」`);
    en.push(`buyer's product “${bought.product}” matches keyword “${bought.keyword}” of node “${to.nameEn}”`);
  }
  if (!sold && !bought) {
    zh.push("双方产品均未提及这两个节点，仅按行业代码关联");
    en.push("neither product list names these nodes; linked by industry code only");
  }
  const points = (sold ? matchPoints.supplierProduct : 0) + (bought ? matchPoints.buyerProduct : 0);
  return {
    kind: "product_keyword",
    code: sold && bought ? "both" : sold ? "supplier" : bought ? "buyer" : "industry_code_only",
    points,
    zh: zh.join("；"),
    en: en.join("; "),
    supplierNode: nodePart(from),
    buyerNode: nodePart(to),
    supplierMatch: sold,
    buyerMatch: bought,
  };
}

function sizeReason(supplier: MatchProfile, buyer: MatchProfile): MatchReason {
  const points = sizePoints(supplier.employees, buyer.employees);
  const known = (p: MatchProfile) => (p.employees > 0 ? p.employees : null);
  const parts = { supplierEmployees: known(supplier), buyerEmployees: known(buyer) };
  if (supplier.employees > 0 && buyer.employees > 0) {
    const ratio = Math.floor(
      (100 * Math.min(supplier.employees, buyer.employees)) / Math.max(supplier.employees, buyer.employees),
    );
    return {
      kind: "size_fit",
      code: "ratio",
      points,
      zh: `供方 ${supplier.employees} 人、需方 ${buyer.employees} 人，规模比 ${ratio}%`,
      en: `supplier ${supplier.employees} and buyer ${buyer.employees} employees, size ratio ${ratio}%`,
      ...parts,
      ratioPercent: ratio,
    };
  }
  const unknown = [supplier, buyer].filter((p) => p.employees === 0).map((p) => p.linked.enterprise);
  return {
    kind: "size_fit",
    code: "unknown",
    points,
    zh: `${unknown.map((e) => e.nameZh).join("、")} 员工人数未知`,
    en: `employees not known for ${unknown.map(nameEn).join(", ")}`,
    ...parts,
    ratioPercent: null,
  };
}

function distanceReason(u: MatchUniverse): MatchReason {
  const [x, y] = u.counties;
  const parts = { km: u.distanceKm, counties: [x, y] };
  if (u.distanceKm === null) {
    return {
      kind: "distance",
      code: "not_recorded",
      points: u.distancePoints,
      zh: `${x.nameZh}与${y.nameZh}之间无距离记录`,
      en: `no distance on record between ${x.nameEn} and ${y.nameEn}`,
      ...parts,
    };
  }
  return {
    kind: "distance",
    code: "by_road",
    points: u.distancePoints,
    zh: `${x.nameZh}与${y.nameZh}县城间道路距离约 ${u.distanceKm} 公里`,
    en: `the county seats of ${x.nameEn} and ${y.nameEn} are about ${u.distanceKm} km apart by road`,
    ...parts,
  };
}

function enclaveReason(supplier: MatchProfile, buyer: MatchProfile): MatchReason {
  const sides = [
    { role: "supplier" as const, profile: supplier },
    { role: "buyer" as const, profile: buyer },
  ].filter((s) => s.profile.resident);
  const points = matchPoints.enclavePerSide * sides.length;
  const residents = sides.map((s) => s.role);
  if (sides.length === 2) {
    const same = supplier.linked.enterprise.enclaveId === buyer.linked.enterprise.enclaveId;
    return same
      ? {
          kind: "enclave",
          code: "same_enclave",
          points,
          zh: "双方同在飞地园区",
          en: "both are resident in the same enclave",
          residents,
        }
      : {
          kind: "enclave",
          code: "different_enclaves",
          points,
          zh: "双方均入驻飞地（不同飞地）",
          en: "both are resident in enclaves (different ones)",
          residents,
        };
  }
  const one = sides[0]?.profile.linked.enterprise;
  if (one)
    return {
      kind: "enclave",
      code: "one_side",
      points,
      zh: `${one.nameZh} 入驻飞地`,
      en: `${nameEn(one)} is resident in the enclave`,
      residents,
    };
  return {
    kind: "enclave",
    code: "neither",
    points,
    zh: "双方均未入驻飞地",
    en: "neither is resident in an enclave",
    residents,
  };
}
