// What the chain drawing shows, worked out before any chart code loads: each node's place, colour (presence in
// each county) and words, each edge supplier → buyer. The drawing itself (chain-graph.tsx) only paints this.
import type { ChainView } from "./chain-api.ts";
import { layoutChain } from "./chain-layout.ts";
import { countyOf, presenceOf, type GapNode, type PresenceKind } from "./chain-presence.ts";

export type GraphKind = PresenceKind | "unknown";

/** Fill and border per presence; the border is dashed for the pair's gaps. Legible under dark label text. */
export const presenceColours: Record<GraphKind, { fill: string; border: string }> = {
  both: { fill: "#d9f7be", border: "#389e0d" },
  first: { fill: "#bae0ff", border: "#1668dc" },
  second: { fill: "#ffe7ba", border: "#d46b08" },
  neither: { fill: "#fff1f0", border: "#cf1322" },
  unknown: { fill: "#f5f5f5", border: "#8c8c8c" },
};

export type GraphCounty = { name: string; enterprises: number; status: string; output: string | undefined };

export type GraphNodeModel = {
  id: string;
  /** The short name drawn in the box. */
  label: string;
  /** Counts per county under the name, e.g. "永康 7 · 武义 0". */
  counts: string;
  /** The full name and details for the tooltip. */
  name: string;
  stage: string;
  kind: GraphKind;
  counties: GraphCounty[];
  /** The node's column (0 = leftmost). */
  column: number;
  /** Its height in rows from the middle line (each column is centred on it). */
  row: number;
};

export type GraphModel = {
  nodes: GraphNodeModel[];
  edges: { source: string; target: string }[];
  /** Rows of the tallest column, for the drawing's height. */
  rows: number;
  columns: number;
};

export type GraphWords = {
  name: (node: ChainView["nodes"][number]) => string;
  shortName: (node: ChainView["nodes"][number]) => string;
  stage: (stage: string) => string;
  county: (code: string) => { name: string; short: string };
  status: (status: string) => string;
  money: (fen: string) => string;
};

export function buildGraphModel(
  chain: ChainView,
  report: readonly GapNode[] | undefined,
  pair: readonly string[],
  words: GraphWords,
): GraphModel {
  const layout = layoutChain(
    chain.nodes.map((n) => n.id),
    chain.edges,
  );
  const byNode = new Map((report ?? []).map((n) => [n.nodeId, n]));
  const rows = Math.max(1, ...layout.layers.map((l) => l.length));
  const nodes = chain.nodes.map((node): GraphNodeModel => {
    const place = layout.places.get(node.id) ?? { layer: 0, row: 0 };
    const height = layout.layers[place.layer]?.length ?? 1;
    const gap = byNode.get(node.id);
    const counties = gap
      ? pair.map((code) => {
          const c = countyOf(gap, code);
          return {
            name: words.county(code).name,
            enterprises: c?.enterprises ?? 0,
            status: words.status(c?.status ?? "gap"),
            output: c && c.enterprisesWithOutput > 0 ? words.money(c.outputFen) : undefined,
          };
        })
      : [];
    return {
      id: node.id,
      label: words.shortName(node),
      counts: gap
        ? pair
            .map((code) => `${words.county(code).short} ${countyOf(gap, code)?.enterprises ?? 0}`)
            .join(" · ")
        : "",
      name: words.name(node),
      stage: words.stage(node.stage),
      kind: gap ? presenceOf(gap, pair) : "unknown",
      counties,
      column: place.layer,
      row: place.row - (height - 1) / 2,
    };
  });
  return {
    nodes,
    edges: chain.edges.map((e) => ({ source: e.supplier, target: e.buyer })),
    rows,
    columns: layout.layers.length,
  };
}
