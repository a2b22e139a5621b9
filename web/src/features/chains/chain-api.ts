// The industry-chain API as the console uses it (docs/chains.md): addresses, the outcome steps, and small helpers
// on the answers. Types only from the contracts: importing the zod schemas would put zod into the browser bundle.
import type {
  ChainMatchRecord,
  ChainNode,
  ChainView,
  MatchOutcomeStatus,
  MatchView,
  NodeEnterprises,
  PairMatch as PairMatchSchema,
} from "../../../../contracts/chains.ts";
import type { z } from "zod";
import { api, queryString, type QueryValue } from "../../api/client.ts";
import type { Locale } from "../../i18n/i18n.tsx";

export type { ChainNode, ChainView, MatchOutcomeStatus, MatchView, NodeEnterprises };
export type PairMatch = z.infer<typeof PairMatchSchema>;
export type MatchReason = MatchView["reasons"][number];
export type MatchRole = "suppliers" | "customers";

/** Forward only: suggested → contacted → agreed → deal (steps may be skipped). */
export const outcomeSteps = [
  "suggested",
  "contacted",
  "agreed",
  "deal",
] as const satisfies readonly MatchOutcomeStatus[];

export const chainStages = [
  "material",
  "process",
  "component",
  "product",
  "service",
] as const satisfies readonly ChainNode["stage"][];

/** The electric-tool chain is the agreement's first focus and the demo's case: shown first. */
export const defaultChainId = "electric-tools";

export const chainPaths = {
  map: "/api/v1/chains",
  gaps: (query: Record<string, QueryValue>) => `/api/v1/chains/gaps${queryString(query)}`,
  pairMatches: (query: Record<string, QueryValue>) => `/api/v1/chains/matches${queryString(query)}`,
  enterpriseMatches: (id: string, role: MatchRole, limit: number) =>
    `/api/v1/enterprises/${encodeURIComponent(id)}/matches${queryString({ role, limit })}`,
  links: (id: string) => `/api/v1/enterprises/${encodeURIComponent(id)}/chain-links`,
  outcomes: "/api/v1/chain-matches",
  outcome: (id: string) => `/api/v1/chain-matches/${encodeURIComponent(id)}`,
};

/** A node's enterprises in one county of the pair, largest first, a page at a time. */
export const nodeEnterprisesPath = (
  chainId: string,
  nodeId: string,
  query: { pairingId: string | undefined; regionCode: string; page: number; pageSize: number },
) =>
  `/api/v1/chains/${encodeURIComponent(chainId)}/nodes/${encodeURIComponent(nodeId)}/enterprises${queryString(query)}`;

export function recordOutcome(supplierId: string, customerId: string, status: MatchOutcomeStatus) {
  return api<ChainMatchRecord>(chainPaths.outcomes, {
    method: "POST",
    body: { supplierId, customerId, status },
  });
}

/** The statuses a match may move to from where it is (none recorded: any). */
export function nextSteps(current: MatchOutcomeStatus | undefined): MatchOutcomeStatus[] {
  const from = current ? outcomeSteps.indexOf(current) : -1;
  return outcomeSteps.slice(from + 1);
}

/** A node's name without its parenthesised detail, for the drawing: 模具(冲压、压铸、注塑模) → 模具. */
export function shortNodeName(name: string): string {
  return name.replace(/\s*[(（][^()（）]*[)）]\s*$/, "") || name;
}

export function nodeName(
  node: Pick<ChainNode, "nameZh" | "nameEn"> | undefined,
  locale: Locale,
  fallback = "",
): string {
  if (!node) return fallback;
  return locale === "zh-CN" ? node.nameZh : node.nameEn || node.nameZh;
}

/** Every node of the map by id (a node is shared by the chains that use it). */
export function nodesById(chains: readonly ChainView[]): Map<string, ChainNode> {
  const byId = new Map<string, ChainNode>();
  for (const chain of chains) for (const node of chain.nodes) byId.set(node.id, node);
  return byId;
}

/** A county's name for tight places: 永康市 → 永康, 武义县 → 武义 (English names carry no suffix). */
export function shortCountyName(name: string): string {
  return name.length > 2 ? name.replace(/[市县区]$/, "") : name;
}
