// Industry-chain graphs: a versioned chain-set of shared nodes (material → process → component → product → service)
// and chains whose edges run supplier → buyer. Pure data and indexes; validation lives in chain-validation.ts.
import { z } from "zod";
import { ValidationFailed } from "../../platform/errors.ts";
import reference from "./data/industry-chains.json" with { type: "json" };
import { validateChainSet, type ChainProblem } from "./chain-validation.ts";

export const chainStages = ["material", "process", "component", "product", "service"] as const;
export type ChainStage = (typeof chainStages)[number];

export type ChainNode = {
  id: string;
  nameZh: string;
  nameEn: string;
  stage: ChainStage;
  /** GB/T 4754-2017 classes under which enterprises at the node are usually registered; may be empty. */
  industryCodes: string[];
  keywordsZh: string[];
  keywordsEn: string[];
  /** true when a stored public source supports the node's place in the chain. */
  sourced: boolean;
};

export type ChainEdge = { supplier: string; buyer: string };

export type Chain = {
  id: string;
  nameZh: string;
  nameEn: string;
  focusOfAgreement: boolean;
  nodeIds: string[];
  edges: ChainEdge[];
};

export type ChainSet = { version: string; nodes: ChainNode[]; chains: Chain[] };

/** A validated chain-set with the indexes matching needs; node positions are stable small integers. */
export type ChainGraph = {
  version: string;
  chainSet: ChainSet;
  nodes: readonly ChainNode[];
  nodeIndex: ReadonlyMap<string, number>;
  chains: ReadonlyMap<string, Chain>;
  /** Per node position: the positions of nodes with an edge into it, in any chain (what the node buys). */
  suppliers: readonly (readonly number[])[];
  /** Per node position: the positions of nodes it has an edge to, in any chain (whom the node sells to). */
  buyers: readonly (readonly number[])[];
  /** `${supplier}>${buyer}` (node ids) → the chains carrying that edge, sorted. */
  edgeChains: ReadonlyMap<string, readonly string[]>;
  /** GB/T 4754-2017 class → node positions listing it. */
  nodesByCode: ReadonlyMap<string, readonly number[]>;
};

export class InvalidChainSet extends ValidationFailed {
  readonly problems: ChainProblem[];
  constructor(problems: ChainProblem[]) {
    super(
      problems.map((p) => ({ field: p.path, message: p.message })),
      undefined,
      "chains.invalid_chain_set",
    );
    this.problems = problems;
  }
}

// The shipped file is snake_case (as the shared reference map writes it); code and the API are camelCase.
const Keyword = z.string().trim().min(1, "must not be empty");
const FileNode = z.object({
  id: z.string().trim().min(1, "must not be empty"),
  name_zh: z.string().trim().min(1, "must not be empty"),
  name_en: z.string().trim().min(1, "must not be empty"),
  stage: z.enum(chainStages),
  gbt4754: z.array(z.string()),
  keywords_zh: z.array(Keyword),
  keywords_en: z.array(Keyword),
  sourced: z.boolean().default(false),
});
const FileChain = z.object({
  id: z.string().trim().min(1, "must not be empty"),
  name_zh: z.string().trim().min(1, "must not be empty"),
  name_en: z.string().trim().min(1, "must not be empty"),
  focus_of_agreement: z.boolean().default(false),
  nodes: z.array(z.string()),
  edges: z.array(z.tuple([z.string(), z.string()])),
});
const ChainSetFile = z.object({
  version: z.string().trim().min(1, "must not be empty"),
  nodes: z.array(FileNode),
  chains: z.array(FileChain),
});

/** Reads the file form of a chain-set; shape problems come back with their paths, nothing is thrown. */
export function chainSetFromFile(
  raw: unknown,
): { chainSet: ChainSet; problems: [] } | { chainSet: null; problems: ChainProblem[] } {
  const parsed = ChainSetFile.safeParse(raw);
  if (!parsed.success) {
    return {
      chainSet: null,
      problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const file = parsed.data;
  const chainSet: ChainSet = {
    version: file.version,
    nodes: file.nodes.map((n) => ({
      id: n.id,
      nameZh: n.name_zh,
      nameEn: n.name_en,
      stage: n.stage,
      industryCodes: n.gbt4754,
      keywordsZh: n.keywords_zh,
      keywordsEn: n.keywords_en,
      sourced: n.sourced,
    })),
    chains: file.chains.map((c) => ({
      id: c.id,
      nameZh: c.name_zh,
      nameEn: c.name_en,
      focusOfAgreement: c.focus_of_agreement,
      nodeIds: c.nodes,
      edges: c.edges.map(([supplier, buyer]) => ({ supplier, buyer })),
    })),
  };
  return { chainSet, problems: [] };
}

/** The file form (snake_case) of a chain-set, as the shipped file writes it and administrators submit it. */
export function chainSetToFile(chainSet: ChainSet): Record<string, unknown> {
  return {
    version: chainSet.version,
    nodes: chainSet.nodes.map((n) => ({
      id: n.id,
      name_zh: n.nameZh,
      name_en: n.nameEn,
      stage: n.stage,
      gbt4754: n.industryCodes,
      keywords_zh: n.keywordsZh,
      keywords_en: n.keywordsEn,
      sourced: n.sourced,
    })),
    chains: chainSet.chains.map((c) => ({
      id: c.id,
      name_zh: c.nameZh,
      name_en: c.nameEn,
      focus_of_agreement: c.focusOfAgreement,
      nodes: c.nodeIds,
      edges: c.edges.map((e) => [e.supplier, e.buyer]),
    })),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    "",
  );
}

export const edgeKey = (supplier: string, buyer: string): string => `${supplier}>${buyer}`;

/** Validates and indexes a chain-set; throws InvalidChainSet listing every problem. */
export function buildChainGraph(chainSet: ChainSet): ChainGraph {
  const problems = validateChainSet(chainSet);
  if (problems.length > 0) throw new InvalidChainSet(problems);
  const nodeIndex = new Map(chainSet.nodes.map((n, i) => [n.id, i]));
  const suppliers = chainSet.nodes.map(() => new Set<number>());
  const buyers = chainSet.nodes.map(() => new Set<number>());
  const edgeChains = new Map<string, string[]>();
  for (const chain of chainSet.chains) {
    for (const { supplier, buyer } of chain.edges) {
      const s = nodeIndex.get(supplier);
      const b = nodeIndex.get(buyer);
      if (s === undefined || b === undefined) continue; // unreachable after validation
      suppliers[b]?.add(s);
      buyers[s]?.add(b);
      const key = edgeKey(supplier, buyer);
      edgeChains.set(key, [...(edgeChains.get(key) ?? []), chain.id].sort());
    }
  }
  const nodesByCode = new Map<string, number[]>();
  chainSet.nodes.forEach((node, i) => {
    for (const code of node.industryCodes) nodesByCode.set(code, [...(nodesByCode.get(code) ?? []), i]);
  });
  const sorted = (sets: Set<number>[]) => sets.map((s) => [...s].sort((x, y) => x - y));
  return {
    version: chainSet.version,
    chainSet,
    nodes: chainSet.nodes,
    nodeIndex,
    chains: new Map(chainSet.chains.map((c) => [c.id, c])),
    suppliers: sorted(suppliers),
    buyers: sorted(buyers),
    edgeChains,
    nodesByCode,
  };
}

/** Reads the file form and builds the graph; throws InvalidChainSet with shape or content problems. */
export function chainGraphFromFile(raw: unknown): ChainGraph {
  const { chainSet, problems } = chainSetFromFile(raw);
  if (!chainSet) throw new InvalidChainSet(problems);
  return buildChainGraph(chainSet);
}

let referenceGraph: ChainGraph | undefined;

/** The shipped reference map of seven chains (data/industry-chains.json), built once. */
export function referenceChainGraph(): ChainGraph {
  referenceGraph ??= chainGraphFromFile(reference);
  return referenceGraph;
}

export function nodeAt(graph: ChainGraph, position: number): ChainNode {
  const node = graph.nodes[position];
  if (!node) throw new Error(`no chain node at position ${position}`);
  return node;
}
