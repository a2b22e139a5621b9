// A scored match in words, Chinese and English, one reason per part of the score; the reasons' points add up to
// the score, so an official can see exactly why a partner ranks where it does.
import { nodeAt, type ChainNode, type ChainStage } from "./chain-graph.ts";
import type { ChainEnterprise } from "./enterprise-links.ts";
import {
  matchPoints,
  sizePoints,
  type MatchProfile,
  type MatchRole,
  type MatchUniverse,
  type ScoredMatch,
} from "./match-scoring.ts";

export type MatchReasonKind = "chain_adjacency" | "product_keyword" | "size_fit" | "distance" | "enclave";

export type MatchReason = { kind: MatchReasonKind; points: number; zh: string; en: string };

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

function fitWords(supplier: ChainStage, buyer: ChainStage): [string, string] {
  const order: ChainStage[] = ["material", "process", "component", "product", "service"];
  const step = order.indexOf(buyer) - order.indexOf(supplier);
  if (step === 1) return ["相邻环节", "the next stage"];
  if (step === 0) return ["同一环节", "the same stage"];
  if (step === 2 || step === 3)
    return [`跨 ${step - 1} 个环节`, `${step - 1} stage${step === 3 ? "s" : ""} skipped`];
  return ["逆向投入", "an input from a later stage"];
}

const nameEn = (e: ChainEnterprise) => e.nameEn ?? e.nameZh;

function keywordEvidence(profile: MatchProfile, nodeId: string): { product: string; keyword: string } | null {
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
  const reasons = [
    adjacencyReason(u, from, to, chainIds, u.fit[a * u.size + b] as number),
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

function adjacencyReason(
  u: MatchUniverse,
  from: ChainNode,
  to: ChainNode,
  chainIds: string[],
  points: number,
): MatchReason {
  const [fitZh, fitEn] = fitWords(from.stage, to.stage);
  const chainsZh = chainIds.map((id) => u.graph.chains.get(id)?.nameZh ?? id).join("、");
  return {
    kind: "chain_adjacency",
    points,
    zh: `「${from.nameZh}」供应「${to.nameZh}」(产业链:${chainsZh});${stageZh[from.stage]} → ${stageZh[to.stage]},${fitZh}`,
    en: `node ${from.id} supplies node ${to.id} (chain ${chainIds.join(", ")}); ${from.stage} → ${to.stage}, ${fitEn}`,
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
    en.push(`supplier's product ${sold.product} matches keyword ${sold.keyword} of node ${from.id}`);
  }
  if (bought) {
    zh.push(`需方产品「${bought.product}」匹配节点「${to.nameZh}」的关键词「${bought.keyword}」`);
    en.push(`buyer's product ${bought.product} matches keyword ${bought.keyword} of node ${to.id}`);
  }
  if (!sold && !bought) {
    zh.push("双方产品均未提及这两个节点,仅按行业代码关联");
    en.push("neither product list names these nodes; linked by industry code only");
  }
  const points = (sold ? matchPoints.supplierProduct : 0) + (bought ? matchPoints.buyerProduct : 0);
  return { kind: "product_keyword", points, zh: zh.join(";"), en: en.join("; ") };
}

function sizeReason(supplier: MatchProfile, buyer: MatchProfile): MatchReason {
  const points = sizePoints(supplier.employees, buyer.employees);
  if (supplier.employees > 0 && buyer.employees > 0) {
    const ratio = Math.floor(
      (100 * Math.min(supplier.employees, buyer.employees)) / Math.max(supplier.employees, buyer.employees),
    );
    return {
      kind: "size_fit",
      points,
      zh: `供方 ${supplier.employees} 人、需方 ${buyer.employees} 人,规模比 ${ratio}%`,
      en: `supplier ${supplier.employees} and buyer ${buyer.employees} employees, size ratio ${ratio}%`,
    };
  }
  const unknown = [supplier, buyer].filter((p) => p.employees === 0).map((p) => p.linked.enterprise);
  return {
    kind: "size_fit",
    points,
    zh: `${unknown.map((e) => e.nameZh).join("、")} 员工人数未知`,
    en: `employees not known for ${unknown.map(nameEn).join(", ")}`,
  };
}

function distanceReason(u: MatchUniverse): MatchReason {
  const [x, y] = u.pair;
  if (u.distanceKm === null) {
    return {
      kind: "distance",
      points: u.distancePoints,
      zh: `${x} 与 ${y} 之间无距离记录`,
      en: `no distance on record between ${x} and ${y}`,
    };
  }
  return {
    kind: "distance",
    points: u.distancePoints,
    zh: `两县(${x}、${y})县城间道路距离约 ${u.distanceKm} 公里`,
    en: `the county seats (${x}, ${y}) are about ${u.distanceKm} km apart by road`,
  };
}

function enclaveReason(supplier: MatchProfile, buyer: MatchProfile): MatchReason {
  const residents = [supplier, buyer].filter((p) => p.resident).map((p) => p.linked.enterprise);
  const points = matchPoints.enclavePerSide * residents.length;
  if (residents.length === 2) {
    const same = supplier.linked.enterprise.enclaveId === buyer.linked.enterprise.enclaveId;
    return same
      ? { kind: "enclave", points, zh: "双方同在飞地园区", en: "both are resident in the same enclave" }
      : {
          kind: "enclave",
          points,
          zh: "双方均入驻飞地(不同飞地)",
          en: "both are resident in enclaves (different ones)",
        };
  }
  const [one] = residents;
  if (one)
    return {
      kind: "enclave",
      points,
      zh: `${one.nameZh} 入驻飞地`,
      en: `${nameEn(one)} is resident in the enclave`,
    };
  return { kind: "enclave", points, zh: "双方均未入驻飞地", en: "neither is resident in an enclave" };
}
