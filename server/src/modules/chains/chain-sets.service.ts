// Chain-sets as versioned data. The shipped reference map is stored as "reference-1" the first time a chain-set is
// needed; an administrator submits an edited chain-set in the file form, which is validated with the core (every
// problem with its path in the submitted document) and stored as a new version; the latest is in force. Versions
// never change, so their graphs are cached for the life of the process.
import type { ChainMap, ChainSetVersion, ChainView } from "../../../../contracts/chains.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, NotFound } from "../../platform/errors.ts";
import { recordChange } from "../../platform/history.ts";
import reference from "./data/industry-chains.json" with { type: "json" };
import type { ChainAccess } from "./chain-access.ts";
import { buildChainGraph, chainGraphFromFile, chainSetFromFile, InvalidChainSet, referenceChainGraph, type ChainGraph } from "./chain-graph.ts";
import { validateChainSet, type ChainProblem } from "./chain-validation.ts";
import { chainSetDocument, chainSetRow, chainSetRows, insertChainSet, latestChainSetVersion, seedReferenceChainSet, type ChainSetRow } from "./chain-sets.repository.ts";

/** Chain ids that would be shadowed by the fixed routes under /api/v1/chains. */
const reservedChainIds = ["gaps", "matches"];
const versionPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export type ChainSetsService = {
  /** The graph of a version (default: the one in force). */
  graph(version?: string): Promise<ChainGraph>;
  map(actor: Actor, version?: string): Promise<ChainMap>;
  chain(actor: Actor, chainId: string, version?: string): Promise<{ chainSetVersion: string; chain: ChainView }>;
  versions(actor: Actor): Promise<ChainSetVersion[]>;
  /** The file form of a version, to edit and submit again. */
  document(actor: Actor, version: string): Promise<Record<string, unknown>>;
  submit(actor: Actor, document: unknown): Promise<ChainSetVersion>;
};

export function createChainSetsService(db: Db, access: ChainAccess): ChainSetsService {
  const graphs = new Map<string, ChainGraph>();
  let seeded: Promise<void> | undefined;

  function ensureReference(): Promise<void> {
    seeded ??= seedReferenceChainSet(db, {
      version: reference.version,
      source: "reference",
      document: reference,
      nodeCount: reference.nodes.length,
      chainCount: reference.chains.length,
      createdBy: "system:chains",
      createdByName: "reference map (server/src/modules/chains/data/industry-chains.json)",
    }).catch((error: unknown) => {
      seeded = undefined;
      throw error;
    });
    return seeded;
  }

  async function graph(version?: string): Promise<ChainGraph> {
    await ensureReference();
    const wanted = version ?? (await latestChainSetVersion(db));
    if (wanted === undefined) throw new Error("no chain-set is stored");
    const cached = graphs.get(wanted);
    if (cached) return cached;
    if (wanted === reference.version && (await chainSetRow(db, wanted))?.source === "reference") {
      graphs.set(wanted, referenceChainGraph());
      return referenceChainGraph();
    }
    const document = await chainSetDocument(db, wanted);
    if (document === undefined) throw new NotFound("chain_set", wanted);
    const built = chainGraphFromFile(document);
    graphs.set(wanted, built);
    return built;
  }

  async function versions(): Promise<ChainSetVersion[]> {
    await ensureReference();
    return (await chainSetRows(db)).map((row, i) => toVersion(row, i === 0));
  }

  return {
    graph,
    async map(actor, version) {
      await access.role(actor, "chain.read");
      const g = await graph(version);
      return { chainSetVersion: g.version, chains: g.chainSet.chains.map((c) => chainView(g, c.id)) };
    },
    async chain(actor, chainId, version) {
      await access.role(actor, "chain.read");
      const g = await graph(version);
      if (!g.chains.has(chainId)) throw new NotFound("chain", chainId);
      return { chainSetVersion: g.version, chain: chainView(g, chainId) };
    },
    async versions(actor) {
      await access.role(actor, "chain.read");
      return versions();
    },
    async document(actor, version) {
      await access.role(actor, "chain.read");
      await ensureReference();
      const document = await chainSetDocument(db, version);
      if (document === undefined) throw new NotFound("chain_set", version);
      return document as Record<string, unknown>;
    },
    async submit(actor, document) {
      await access.role(actor, "chain.manage");
      const built = checkedChainSet(document);
      await ensureReference();
      if (await chainSetRow(db, built.version)) {
        throw new Conflict("chain_set.version_exists", `A chain-set version ${built.version} is already stored; give the edited chain-set a new version string.`, [
          { field: "version", value: built.version, message: "already exists" },
        ]);
      }
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await insertChainSet(trx, {
          version: built.version,
          source: "edited",
          document,
          nodeCount: built.nodes.length,
          chainCount: built.chains.size,
          createdBy: actor.id,
          createdByName: actor.name,
        });
        const after = toVersion(inserted, true);
        await recordChange(trx, { entity: "chain_set", recordId: built.version, version: inserted.sequence, action: "create", actor, before: null, after });
        return inserted;
      });
      graphs.set(built.version, built);
      return toVersion(row, true);
    },
  };
}

/** Validates a submitted file-form chain-set; every problem comes back at once, with its path in the document. */
export function checkedChainSet(document: unknown): ChainGraph {
  const { chainSet, problems } = chainSetFromFile(document);
  if (!chainSet) throw new InvalidChainSet(problems);
  const found: ChainProblem[] = validateChainSet(chainSet).map((p) => ({ path: filePath(p.path), message: p.message }));
  if (!versionPattern.test(chainSet.version)) {
    found.push({ path: "version", message: "must be letters, digits, '.', '_' or '-' (at most 100), starting with a letter or digit" });
  }
  chainSet.chains.forEach((chain, c) => {
    if (reservedChainIds.includes(chain.id)) found.push({ path: `chains[${c}].id`, message: `${chain.id} is reserved (it names a route under /api/v1/chains)` });
  });
  if (found.length > 0) throw new InvalidChainSet(found);
  return buildChainGraph(chainSet);
}

/** The core names fields in the camelCase form; a submitted document is in the file form. */
export function filePath(path: string): string {
  return path
    .replace(/^(nodes\[\d+\])\.industryCodes/, "$1.gbt4754")
    .replace(/^(nodes\[\d+\])\.keywordsZh/, "$1.keywords_zh")
    .replace(/^(nodes\[\d+\])\.keywordsEn/, "$1.keywords_en")
    .replace(/^(chains\[\d+\])\.nodeIds/, "$1.nodes")
    .replace(/^(chains\[\d+\]\.edges\[\d+\])\.supplier$/, "$1[0]")
    .replace(/^(chains\[\d+\]\.edges\[\d+\])\.buyer$/, "$1[1]");
}

export function chainView(g: ChainGraph, chainId: string): ChainView {
  const chain = g.chains.get(chainId);
  if (!chain) throw new NotFound("chain", chainId);
  const nodes = chain.nodeIds.map((id) => g.nodes[g.nodeIndex.get(id) ?? -1]).filter((n) => n !== undefined);
  return { id: chain.id, nameZh: chain.nameZh, nameEn: chain.nameEn, focusOfAgreement: chain.focusOfAgreement, nodes, edges: chain.edges };
}

function toVersion(row: ChainSetRow, inForce: boolean): ChainSetVersion {
  return {
    version: row.version,
    sequence: row.sequence,
    source: row.source,
    inForce,
    nodes: row.nodeCount,
    chains: row.chainCount,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy, name: row.createdByName },
  };
}
