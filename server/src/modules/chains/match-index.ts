// The indexed top-k matcher. Candidates come only from nodes adjacent to the enterprise's nodes. Per node and county
// the enterprises there are precomputed in up to four groups (product evidence at the node × enclave residency), so
// within a group every part of the score except size fit is the same for a given query; inside a group they are
// sorted by employees, and walking outward from the asking enterprise's size makes size fit fall monotonically.
// Each walk is a cursor whose bound is the exact score its next candidate gets through that node; a best-first
// search over the cursors stops when the best bound is below the current 10th score. A candidate reachable through
// several nodes scores at most the best of those via-node scores, each bounded by its cursor, so nothing skipped can
// beat (or tie) the list: the result equals the brute force's, ties by id included.
import {
  matchPoints,
  scorePair,
  sizePoints,
  TopCandidates,
  type MatchProfile,
  type MatchRole,
  type MatchUniverse,
} from "./match-scoring.ts";

type Group = {
  evidence: number;
  resident: boolean;
  known: MatchProfile[];
  employees: Float64Array;
  unknown: MatchProfile[];
};

export type MatchIndex = {
  universe: MatchUniverse;
  /** groups[county][node position] */
  groups: Group[][][];
  /** visited[slot] === query marks a candidate already scored in the current query. */
  visited: Uint32Array;
  query: number;
};

export function buildMatchIndex(universe: MatchUniverse): MatchIndex {
  const groups = [0, 1].map(() => Array.from({ length: universe.size }, () => [] as Group[]));
  for (const profile of universe.profiles) {
    profile.nodes.forEach((node, i) => {
      const list = groups[profile.county]?.[node];
      if (!list) return;
      const evidence = profile.evidence[i] as number;
      let group = list.find((g) => g.evidence === evidence && g.resident === profile.resident);
      if (!group) {
        group = {
          evidence,
          resident: profile.resident,
          known: [],
          employees: new Float64Array(0),
          unknown: [],
        };
        list.push(group);
      }
      (profile.employees > 0 ? group.known : group.unknown).push(profile);
    });
  }
  for (const group of groups.flat(2)) {
    group.known.sort((p, q) => p.employees - q.employees);
    group.employees = Float64Array.from(group.known, (p) => p.employees);
  }
  return { universe, groups, visited: new Uint32Array(universe.profiles.length), query: 0 };
}

type Cursor = {
  list: MatchProfile[];
  pos: number;
  step: 1 | -1;
  fixed: number;
  sized: boolean;
  bound: number;
};

/** The best `limit` partners of `asking` in the role (suppliers to it, or customers of it). */
export function searchTopCandidates(
  index: MatchIndex,
  asking: MatchProfile,
  role: MatchRole,
  limit: number,
): TopCandidates {
  const u = index.universe;
  const top = new TopCandidates(limit);
  const partnerGroups = index.groups[1 - asking.county] ?? [];
  const heap: Cursor[] = [];
  const sizeOf = (cursor: Cursor): number =>
    cursor.sized
      ? sizePoints(asking.employees, (cursor.list[cursor.pos] as MatchProfile).employees)
      : matchPoints.sizeUnknown;
  const open = (list: MatchProfile[], pos: number, step: 1 | -1, fixed: number, sized: boolean) => {
    if (pos < 0 || pos >= list.length) return;
    const cursor: Cursor = { list, pos, step, fixed, sized, bound: 0 };
    cursor.bound = fixed + sizeOf(cursor);
    push(heap, cursor);
  };
  const constant = u.distancePoints + matchPoints.enclavePerSide * Number(asking.resident);
  const candidateWeight = role === "supplier" ? matchPoints.supplierProduct : matchPoints.buyerProduct;
  for (const [node, base] of adjacentBase(u, asking, role)) {
    for (const group of partnerGroups[node] ?? []) {
      const fixed =
        base +
        constant +
        group.evidence * candidateWeight +
        matchPoints.enclavePerSide * Number(group.resident);
      if (asking.employees > 0) {
        const split = lowerBound(group.employees, asking.employees);
        open(group.known, split, 1, fixed, true);
        open(group.known, split - 1, -1, fixed, true);
      } else open(group.known, 0, 1, fixed, false);
      open(group.unknown, 0, 1, fixed, false);
    }
  }
  const stamp = ++index.query;
  while (heap.length > 0) {
    const cursor = heap[0] as Cursor;
    if (top.full && cursor.bound < top.threshold) break;
    const candidate = cursor.list[cursor.pos] as MatchProfile;
    cursor.pos += cursor.step;
    if (cursor.pos < 0 || cursor.pos >= cursor.list.length) popTop(heap);
    else {
      cursor.bound = cursor.fixed + sizeOf(cursor);
      siftDown(heap, 0);
    }
    if (index.visited[candidate.slot] === stamp) continue;
    index.visited[candidate.slot] = stamp;
    top.offer(
      candidate,
      role === "supplier" ? scorePair(u, candidate, asking) : scorePair(u, asking, candidate),
    );
  }
  return top;
}

/**
 * Candidate node → the best adjacency + own-keyword points any edge between it and the asking enterprise's nodes
 * can give: the part of the score that depends on the node but not on which enterprise sits there.
 */
function adjacentBase(u: MatchUniverse, asking: MatchProfile, role: MatchRole): Map<number, number> {
  const base = new Map<number, number>();
  const raise = (node: number, points: number) => {
    if (points > (base.get(node) ?? -1)) base.set(node, points);
  };
  asking.nodes.forEach((own, i) => {
    const evidence = asking.evidence[i] as number;
    if (role === "supplier") {
      for (const supplier of u.graph.suppliers[own] ?? []) {
        raise(supplier, (u.fit[supplier * u.size + own] as number) + evidence * matchPoints.buyerProduct);
      }
    } else {
      for (const buyer of u.graph.buyers[own] ?? []) {
        raise(buyer, (u.fit[own * u.size + buyer] as number) + evidence * matchPoints.supplierProduct);
      }
    }
  });
  return base;
}

function lowerBound(values: Float64Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A binary max-heap of cursors by bound.
function push(heap: Cursor[], cursor: Cursor): void {
  heap.push(cursor);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if ((heap[parent] as Cursor).bound >= cursor.bound) break;
    heap[i] = heap[parent] as Cursor;
    i = parent;
  }
  heap[i] = cursor;
}

function popTop(heap: Cursor[]): void {
  const last = heap.pop() as Cursor;
  if (heap.length === 0) return;
  heap[0] = last;
  siftDown(heap, 0);
}

function siftDown(heap: Cursor[], start: number): void {
  const item = heap[start] as Cursor;
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child =
      right < heap.length && (heap[right] as Cursor).bound > (heap[left] as Cursor).bound ? right : left;
    if ((heap[child] as Cursor).bound <= item.bound) break;
    heap[i] = heap[child] as Cursor;
    i = child;
  }
  heap[i] = item;
}
