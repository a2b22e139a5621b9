// Content checks of a chain-set, all problems at once with the path an editor can jump to: unknown GB/T 4754-2017
// classes, duplicate ids, edges to unknown nodes or nodes outside the chain, and cycles within a chain (named).
import { isKnownIndustryClass } from "../enterprises/index.ts";
import type { ChainSet } from "./chain-graph.ts";

export type ChainProblem = { path: string; message: string };

export function validateChainSet(chainSet: ChainSet): ChainProblem[] {
  const problems: ChainProblem[] = [];
  if (chainSet.version.trim() === "") problems.push({ path: "version", message: "must not be empty" });
  const nodeIds = new Map<string, number>();
  chainSet.nodes.forEach((node, i) => {
    const first = nodeIds.get(node.id);
    if (first !== undefined)
      problems.push({
        path: `nodes[${i}].id`,
        message: `duplicate node id ${node.id} (first at nodes[${first}])`,
      });
    else nodeIds.set(node.id, i);
    node.industryCodes.forEach((code, k) => {
      // Exactly four digits: a section letter ("C3465") is accepted for enterprises but not stored in a chain-set.
      if (!/^\d{4}$/.test(code) || !isKnownIndustryClass(code)) {
        problems.push({
          path: `nodes[${i}].industryCodes[${k}]`,
          message: `${code} is not a GB/T 4754-2017 class`,
        });
      }
    });
    // A node with neither a class nor a keyword can never have an enterprise linked to it.
    if (node.industryCodes.length === 0 && node.keywordsZh.length === 0 && node.keywordsEn.length === 0) {
      problems.push({
        path: `nodes[${i}]`,
        message: `node ${node.id} has no industry code and no keyword, so no enterprise can be linked to it`,
      });
    }
  });
  const chainIds = new Map<string, number>();
  chainSet.chains.forEach((chain, c) => {
    const first = chainIds.get(chain.id);
    if (first !== undefined)
      problems.push({
        path: `chains[${c}].id`,
        message: `duplicate chain id ${chain.id} (first at chains[${first}])`,
      });
    else chainIds.set(chain.id, c);
    problems.push(...chainProblems(chainSet, c, nodeIds));
  });
  return problems;
}

function chainProblems(chainSet: ChainSet, c: number, nodeIds: ReadonlyMap<string, number>): ChainProblem[] {
  const chain = chainSet.chains[c];
  if (!chain) return [];
  const problems: ChainProblem[] = [];
  const members = new Set<string>();
  chain.nodeIds.forEach((id, k) => {
    if (!nodeIds.has(id))
      problems.push({ path: `chains[${c}].nodeIds[${k}]`, message: `unknown node ${id}` });
    else if (members.has(id))
      problems.push({ path: `chains[${c}].nodeIds[${k}]`, message: `node ${id} is listed twice` });
    members.add(id);
  });
  const seen = new Set<string>();
  chain.edges.forEach((edge, k) => {
    for (const end of ["supplier", "buyer"] as const) {
      const id = edge[end];
      if (!nodeIds.has(id))
        problems.push({ path: `chains[${c}].edges[${k}].${end}`, message: `edge to unknown node ${id}` });
      else if (!members.has(id))
        problems.push({
          path: `chains[${c}].edges[${k}].${end}`,
          message: `node ${id} is not in the node list of chain ${chain.id}`,
        });
    }
    const key = `${edge.supplier}>${edge.buyer}`;
    if (seen.has(key))
      problems.push({
        path: `chains[${c}].edges[${k}]`,
        message: `duplicate edge ${edge.supplier} → ${edge.buyer}`,
      });
    seen.add(key);
  });
  for (const cycle of findCycles(chain.edges)) {
    problems.push({
      path: `chains[${c}].edges`,
      message: `chain ${chain.id} has a cycle: ${cycle.join(" → ")}`,
    });
  }
  return problems;
}

/**
 * Every back edge of a depth-first search closes one cycle; each is returned as the node path that starts and
 * ends at the same node (a self-loop is [a, a]). Empty exactly when the edges form a DAG. Iterative, so a long
 * chain cannot overflow the stack; visiting in sorted order makes the named cycles the same on every run.
 */
export function findCycles(edges: readonly { supplier: string; buyer: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { supplier, buyer } of edges) next.set(supplier, [...(next.get(supplier) ?? []), buyer]);
  for (const list of next.values()) list.sort();
  const state = new Map<string, "open" | "done">();
  const cycles: string[][] = [];
  for (const start of [...next.keys()].sort()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const cursor: number[] = [0];
    state.set(start, "open");
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top] as string;
      const targets = next.get(node) ?? [];
      const i = cursor[top] ?? 0;
      if (i >= targets.length) {
        state.set(node, "done");
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[top] = i + 1;
      const target = targets[i] as string;
      const seen = state.get(target);
      if (seen === "open") cycles.push([...path.slice(path.indexOf(target)), target]);
      else if (seen === undefined) {
        state.set(target, "open");
        path.push(target);
        cursor.push(0);
      }
    }
  }
  return cycles;
}
