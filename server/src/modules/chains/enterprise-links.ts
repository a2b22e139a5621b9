// Enterprise → chain-node links, derived from the enterprise's GB/T 4754-2017 class and its product texts, each with
// the reasons in words so an official can confirm or correct it. An enterprise at node B needs every node with an
// edge into B (in any chain): that is where its suppliers sit.
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import { nodeAt, type ChainGraph } from "./chain-graph.ts";
import { compileKeywords, type KeywordMatcher } from "./keyword-match.ts";

/** The fields of the enterprises API record that chain work reads. */
export type ChainEnterprise = Pick<
  Enterprise,
  "id" | "nameZh" | "nameEn" | "homeRegionCode" | "industryCode" | "products" | "employees" | "enclaveId"
>;

export type LinkReason =
  | { kind: "industry_code"; code: string; zh: string; en: string }
  | { kind: "product_keyword"; product: string; keyword: string; zh: string; en: string };

/** An enterprise produces at a node. */
export type ChainLink = { nodeId: string; reasons: LinkReason[] };

/** An enterprise needs a node's output because a node it produces at buys from it. */
export type NeedLink = { nodeId: string; forNodeIds: string[]; reasons: { zh: string; en: string }[] };

export type EnterpriseLinks = { enterpriseId: string; produces: ChainLink[]; needs: NeedLink[] };

export type LinkedEnterprise = { enterprise: ChainEnterprise; links: EnterpriseLinks };

const matchers = new WeakMap<ChainGraph, KeywordMatcher>();

function matcherOf(graph: ChainGraph): KeywordMatcher {
  let matcher = matchers.get(graph);
  if (!matcher) {
    matcher = compileKeywords(graph.nodes);
    matchers.set(graph, matcher);
  }
  return matcher;
}

/** "C3465" and " 3465" are the class 3465, as the enterprises module stores it. */
const classDigits = (code: string): string => /^[A-Ta-t]?(\d{4})$/.exec(code.trim())?.[1] ?? code.trim();

export function linkEnterprise(graph: ChainGraph, enterprise: ChainEnterprise): EnterpriseLinks {
  const reasons = new Map<number, LinkReason[]>();
  const add = (position: number, reason: LinkReason) => {
    const list = reasons.get(position) ?? [];
    if (!list.some((r) => r.zh === reason.zh)) list.push(reason);
    reasons.set(position, list);
  };
  const code = classDigits(enterprise.industryCode);
  for (const position of graph.nodesByCode.get(code) ?? []) {
    const node = nodeAt(graph, position);
    add(position, {
      kind: "industry_code",
      code,
      zh: `行业代码 ${code} 属于节点「${node.nameZh}」(${node.id})`,
      en: `industry code ${code} is the class of node ${node.id}`,
    });
  }
  const matcher = matcherOf(graph);
  for (const product of enterprise.products) {
    for (const hit of matcher.match(product)) {
      add(hit.nodePosition, {
        kind: "product_keyword",
        product: hit.product,
        keyword: hit.keyword,
        zh: `产品「${hit.product}」匹配关键词「${hit.keyword}」`,
        en: `product ${hit.product} matches keyword ${hit.keyword}`,
      });
    }
  }
  const positions = [...reasons.keys()].sort((a, b) => a - b);
  const produces = positions.map((p) => ({ nodeId: nodeAt(graph, p).id, reasons: reasons.get(p) ?? [] }));
  return { enterpriseId: enterprise.id, produces, needs: needsOf(graph, positions) };
}

function needsOf(graph: ChainGraph, produced: readonly number[]): NeedLink[] {
  const forNodes = new Map<number, number[]>();
  for (const buyer of produced) {
    for (const supplier of graph.suppliers[buyer] ?? [])
      forNodes.set(supplier, [...(forNodes.get(supplier) ?? []), buyer]);
  }
  return [...forNodes.keys()]
    .sort((a, b) => a - b)
    .map((supplier) => {
      const s = nodeAt(graph, supplier);
      const buyers = (forNodes.get(supplier) ?? []).map((b) => nodeAt(graph, b));
      return {
        nodeId: s.id,
        forNodeIds: buyers.map((b) => b.id),
        reasons: buyers.map((b) => ({
          zh: `节点「${b.nameZh}」采购「${s.nameZh}」`,
          en: `node ${b.id} buys from node ${s.id}`,
        })),
      };
    });
}

/**
 * The links of an enterprise whose produced nodes were decided elsewhere (derived, then confirmed or corrected):
 * nodes missing from the graph are dropped, and the needs follow from the rest, as linkEnterprise derives them.
 */
export function linksFromProduces(graph: ChainGraph, enterpriseId: string, produces: readonly ChainLink[]): EnterpriseLinks {
  const known = produces
    .map((link) => ({ link, position: graph.nodeIndex.get(link.nodeId) }))
    .filter((x): x is { link: ChainLink; position: number } => x.position !== undefined)
    .sort((a, b) => a.position - b.position);
  return {
    enterpriseId,
    produces: known.map((x) => x.link),
    needs: needsOf(
      graph,
      known.map((x) => x.position),
    ),
  };
}

export function linkEnterprises(
  graph: ChainGraph,
  enterprises: readonly ChainEnterprise[],
): LinkedEnterprise[] {
  return enterprises.map((enterprise) => ({ enterprise, links: linkEnterprise(graph, enterprise) }));
}

/** True when a product text, not only the registered class, puts the enterprise at the node. */
export const hasProductEvidence = (link: ChainLink): boolean =>
  link.reasons.some((r) => r.kind === "product_keyword");
