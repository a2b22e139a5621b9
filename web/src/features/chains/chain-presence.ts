// Presence of a chain node in each county of the pair, as the drawing colours it: in both, in the first only, in
// the second only, or in neither (a gap of the pair). "Present" here means at least one enterprise; whether that
// is thin is the gap report's status, shown beside the colour.
import type { GapReport } from "../../../../contracts/chains.ts";

export type GapNode = GapReport["chains"][number]["nodes"][number];
export type CountyPresence = GapNode["counties"][number];

export const presenceKinds = ["both", "first", "second", "neither"] as const;
export type PresenceKind = (typeof presenceKinds)[number];

export function countyOf(node: GapNode, regionCode: string): CountyPresence | undefined {
  return node.counties.find((c) => c.regionCode === regionCode);
}

export function presenceOf(node: GapNode, pair: readonly string[]): PresenceKind {
  const [first, second] = pair;
  const here = (code: string | undefined) => (code ? (countyOf(node, code)?.enterprises ?? 0) > 0 : false);
  const a = here(first);
  const b = here(second);
  if (a && b) return "both";
  if (a) return "first";
  if (b) return "second";
  return "neither";
}

export function presenceCounts(
  nodes: readonly GapNode[],
  pair: readonly string[],
): Record<PresenceKind, number> {
  const counts: Record<PresenceKind, number> = { both: 0, first: 0, second: 0, neither: 0 };
  for (const node of nodes) counts[presenceOf(node, pair)] += 1;
  return counts;
}

/** The gap table's views: every node, a county's gaps (gap or thin there), the pair's gaps, the complements. */
export type GapView = "all" | "first" | "second" | "pair" | "complements";

export function nodesInView(nodes: readonly GapNode[], pair: readonly string[], view: GapView): GapNode[] {
  const weak = (node: GapNode, code: string | undefined) => {
    const status = code ? countyOf(node, code)?.status : undefined;
    return status === "gap" || status === "thin";
  };
  switch (view) {
    case "all":
      return [...nodes];
    case "first":
      return nodes.filter((n) => weak(n, pair[0]));
    case "second":
      return nodes.filter((n) => weak(n, pair[1]));
    case "pair":
      return nodes.filter((n) => n.pair.status !== "present");
    case "complements":
      return nodes.filter((n) => n.complement !== null);
  }
}
