// Where each node of a chain sits in the drawing: columns left to right from materials to finished products and
// the services after them, rows ordered so that edges cross as little as a simple heuristic manages. Pure, so the
// drawing is the same on every screen and testable without a browser.

export type LayoutEdge = { supplier: string; buyer: string };

export type NodePlace = { layer: number; row: number };

export type ChainLayout = {
  places: Map<string, NodePlace>;
  layers: string[][];
};

/**
 * Columns: the longest supplier path into a node (a chain is a DAG); a node nobody supplies sits just before its
 * first buyer instead of at the far left, so testing services and accessories appear beside what they serve.
 */
export function layerOf(nodeIds: readonly string[], edges: readonly LayoutEdge[]): Map<string, number> {
  const known = new Set(nodeIds);
  const inside = edges.filter((e) => known.has(e.supplier) && known.has(e.buyer) && e.supplier !== e.buyer);
  const suppliersOf = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  const buyersOf = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const e of inside) {
    suppliersOf.get(e.buyer)?.push(e.supplier);
    buyersOf.get(e.supplier)?.push(e.buyer);
  }
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  // Depth-first with memo; a cycle (never in a validated chain-set) is cut where it closes.
  const depth = (id: string): number => {
    const done = layer.get(id);
    if (done !== undefined) return done;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = Math.max(-1, ...(suppliersOf.get(id) ?? []).map(depth)) + 1;
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  nodeIds.forEach(depth);
  for (const id of nodeIds) {
    const buyers = buyersOf.get(id) ?? [];
    if ((suppliersOf.get(id) ?? []).length === 0 && buyers.length > 0)
      layer.set(id, Math.max(0, Math.min(...buyers.map((b) => layer.get(b) ?? 1)) - 1));
  }
  return layer;
}

/** Rows within each column: barycentre sweeps (down, then up) from the chain's own node order, keeping the
 * ordering with the fewest crossings seen (sweeps can oscillate). */
export function layoutChain(
  nodeIds: readonly string[],
  edges: readonly LayoutEdge[],
  sweeps = 6,
): ChainLayout {
  const layerMap = layerOf(nodeIds, edges);
  const count = nodeIds.length ? Math.max(0, ...layerMap.values()) + 1 : 0;
  const layers: string[][] = Array.from({ length: count }, () => []);
  for (const id of nodeIds) layers[layerMap.get(id) ?? 0]?.push(id);
  const neighbours = (id: string, side: "supplier" | "buyer") =>
    edges.filter((e) => e[side === "supplier" ? "buyer" : "supplier"] === id).map((e) => e[side]);
  const snapshot = (): ChainLayout => {
    const places = new Map<string, NodePlace>();
    layers.forEach((ids, l) => ids.forEach((id, row) => places.set(id, { layer: l, row })));
    return { places, layers: layers.map((ids) => [...ids]) };
  };
  let current = snapshot();
  let best = current;
  let fewest = crossings(best, edges);
  const reorder = (ids: string[], side: "supplier" | "buyer") => {
    const centre = new Map<string, number>();
    for (const [i, id] of ids.entries()) {
      const ys = neighbours(id, side)
        .map((n) => yOf(current, n))
        .filter((y): y is number => y !== undefined);
      // No neighbour on that side: keep its place.
      centre.set(id, ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : i - (ids.length - 1) / 2);
    }
    // A stable sort: equal centres keep the previous order, so the result never depends on the engine.
    ids.sort((a, b) => (centre.get(a) ?? 0) - (centre.get(b) ?? 0));
  };
  for (let s = 0; s < sweeps; s += 1) {
    for (const down of [true, false]) {
      if (down) for (let l = 1; l < layers.length; l += 1) reorder(layers[l] as string[], "supplier");
      else for (let l = layers.length - 2; l >= 0; l -= 1) reorder(layers[l] as string[], "buyer");
      current = snapshot();
      const now = crossings(current, edges);
      if (now < fewest) {
        best = current;
        fewest = now;
      }
    }
  }
  return best;
}

/** A node's height in the drawing: its row, with each column centred on the same line. */
function yOf(layout: ChainLayout, id: string): number | undefined {
  const place = layout.places.get(id);
  if (!place) return undefined;
  return place.row - ((layout.layers[place.layer]?.length ?? 1) - 1) / 2;
}

/** How many pairs of edges cross when each is drawn straight from supplier to buyer (columns centred). */
export function crossings(layout: ChainLayout, edges: readonly LayoutEdge[]): number {
  const lines = edges
    .map((e) => {
      const a = layout.places.get(e.supplier);
      const b = layout.places.get(e.buyer);
      const ya = yOf(layout, e.supplier);
      const yb = yOf(layout, e.buyer);
      return a && b && ya !== undefined && yb !== undefined && a.layer < b.layer
        ? { x0: a.layer, y0: ya, x1: b.layer, y1: yb }
        : undefined;
    })
    .filter((l) => l !== undefined);
  const at = (l: (typeof lines)[number], x: number) => l.y0 + ((l.y1 - l.y0) * (x - l.x0)) / (l.x1 - l.x0);
  let total = 0;
  for (let i = 0; i < lines.length; i += 1)
    for (let j = i + 1; j < lines.length; j += 1) {
      const p = lines[i] as (typeof lines)[number];
      const q = lines[j] as (typeof lines)[number];
      const from = Math.max(p.x0, q.x0);
      const to = Math.min(p.x1, q.x1);
      if (from >= to) continue;
      const before = at(p, from) - at(q, from);
      const after = at(p, to) - at(q, to);
      if (before * after < 0) total += 1;
    }
  return total;
}
