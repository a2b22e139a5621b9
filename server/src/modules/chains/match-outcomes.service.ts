// Recorded match outcomes: suggested → contacted → agreed → deal, forward only (steps may be skipped; going back
// is a 409; the same status again changes nothing), each change one history entry through the register kit. A
// deal becomes a project in the pipeline through the projects module's door, linked back to the match.
//
// A match has two enterprises and lies where either of them lies. The kit takes one scope per record, so its
// scope is cut for the actor asking: the side that is the actor's own (its enterprise, its enclave) if there is one.
// Regions hold both counties, so "region" and "pairing" rules see either side anyway.
import { matchOutcomeStatuses, type ChainMatchFilters, type ChainMatchRecord, type MatchOutcomeStatus, type MatchToProject, type RecordChainMatch } from "../../../../contracts/chains.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import { CreateProject, type Project } from "../../../../contracts/projects.ts";
import type { Actor } from "../../platform/actor.ts";
import type { RecordScope } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { HistoryEntry } from "../../platform/history.ts";
import type { ListParams, Page } from "../../platform/listing.ts";
import { registerKit } from "../../platform/register-kit.ts";
import type { ProjectsService } from "../projects/index.ts";
import { enterpriseOrUndefined } from "./chain-access.ts";
import type { Universe } from "./chain-universe.ts";
import { nodeAt } from "./chain-graph.ts";
import { bestEdge, scorePair } from "./match-scoring.ts";
import { advanceMatch, insertMatch, listMatches, loadMatch, matchIdOfPair, setMatchProject, type MatchSideColumns } from "./match-outcomes.repository.ts";
import type { EnterprisesService } from "../enterprises/index.ts";

export type MatchOutcomesService = {
  list(actor: Actor, query: ChainMatchFilters & ListParams): Promise<Page<ChainMatchRecord>>;
  get(actor: Actor, id: string, asOf?: Date): Promise<ChainMatchRecord>;
  history(actor: Actor, id: string): Promise<HistoryEntry[]>;
  /** Creates the record of the pair, or moves the existing one forward; `created` tells which. */
  record(actor: Actor, input: RecordChainMatch): Promise<{ match: ChainMatchRecord; created: boolean }>;
  toProject(actor: Actor, id: string, input: MatchToProject): Promise<{ match: ChainMatchRecord; project: Project }>;
  archive(actor: Actor, id: string): Promise<ChainMatchRecord>;
  restore(actor: Actor, id: string): Promise<ChainMatchRecord>;
};

export type MatchOutcomeDependencies = { enterprises: Pick<EnterprisesService, "get">; projects: Pick<ProjectsService, "create">; universe: Universe };

const rank = (status: MatchOutcomeStatus) => matchOutcomeStatuses.indexOf(status);

/** The match's scope as the actor sees it: both counties, and the side that is the actor's own, if any. */
export function matchScopeFor(actor: Actor, m: Pick<ChainMatchRecord, "supplier" | "customer">): RecordScope {
  const sides = [m.supplier, m.customer];
  const ownEnterprise = sides.find((s) => s.id === actor.scope.enterpriseId) ?? m.supplier;
  const ownEnclave = sides.find((s) => s.enclaveId !== null && s.enclaveId === actor.scope.enclaveId) ?? m.supplier;
  return { regions: [...new Set(sides.map((s) => s.regionCode))], enterpriseId: ownEnterprise.id, enclaveId: ownEnclave.enclaveId };
}

const side = (e: Enterprise): MatchSideColumns => ({ id: e.id, nameZh: e.nameZh, nameEn: e.nameEn, regionCode: e.homeRegionCode, enclaveId: e.enclaveId });

export function createMatchOutcomesService(db: Db, deps: MatchOutcomeDependencies): MatchOutcomesService {
  const kitFor = (actor: Actor) => registerKit<ChainMatchRecord>({ db, entity: "chain_match", table: "chains_match", load: loadMatch, scopeOf: (m) => matchScopeFor(actor, m) });

  async function sides(input: RecordChainMatch): Promise<{ supplier: Enterprise; customer: Enterprise }> {
    const problems: ErrorDetail[] = [];
    if (input.supplierId === input.customerId) problems.push({ field: "customerId", value: input.customerId, message: "must differ from supplierId" });
    const supplier = await enterpriseOrUndefined(deps.enterprises, input.supplierId);
    const customer = await enterpriseOrUndefined(deps.enterprises, input.customerId);
    if (!supplier) problems.push({ field: "supplierId", value: input.supplierId, message: "no enterprise with this id" });
    if (!customer) problems.push({ field: "customerId", value: input.customerId, message: "no enterprise with this id" });
    if (problems.length > 0 || !supplier || !customer) throw new ValidationFailed(problems);
    return { supplier, customer };
  }

  /** The match as the matchmaker scores it now, when the two are in a pair of counties and adjacent on a chain. */
  async function suggestion(supplier: Enterprise, customer: Enterprise) {
    if (supplier.homeRegionCode === customer.homeRegionCode) return null;
    const u = await deps.universe.pair([supplier.homeRegionCode, customer.homeRegionCode]);
    const universe = u.matchmaker().universe;
    const s = universe.byId.get(supplier.id);
    const b = universe.byId.get(customer.id);
    if (!s || !b) return null;
    const score = scorePair(universe, s, b);
    const edge = bestEdge(universe, s, b);
    if (score < 0 || !edge) return null;
    return { score, supplierNodeId: nodeAt(u.graph, edge.supplier).id, buyerNodeId: nodeAt(u.graph, edge.buyer).id, chainSetVersion: u.graph.version };
  }

  return {
    list: async (actor, query) => listMatches(db, query, await kitFor(actor).readFilter(actor)),
    get: (actor, id, asOf) => kitFor(actor).get(actor, id, asOf),
    history: (actor, id) => kitFor(actor).history(actor, id),
    archive: (actor, id) => kitFor(actor).archive(actor, id),
    restore: (actor, id) => kitFor(actor).restore(actor, id),

    async record(actor, input) {
      const kit = kitFor(actor);
      await kit.allow(actor, "create");
      const { supplier, customer } = await sides(input);
      const by = { actorId: actor.id, actorName: actor.name };
      const columns = { supplier: side(supplier), customer: side(customer), status: input.status, note: input.note };
      const existingId = await matchIdOfPair(db, supplier.id, customer.id);
      if (existingId === undefined) {
        const found = await suggestion(supplier, customer);
        const match = await kit.create(actor, (trx) => insertMatch(trx, { ...columns, illustrative: input.illustrative, suggestion: found }, by));
        return { match, created: true };
      }
      const current = await kit.authorized(actor, "update", existingId);
      if (current.archivedAt !== null) throw new Conflict("chain_match.archived", "The match is archived; restore it before recording its outcome.");
      if (current.status === input.status) return { match: current, created: false };
      const match = await kit.update(actor, existingId, async (trx, before) => {
        if (before.archivedAt !== null) throw new Conflict("chain_match.archived", "The match is archived; restore it before recording its outcome.");
        if (rank(input.status) < rank(before.status)) {
          throw new Conflict("chain_match.invalid_transition", `A match moves forward only (suggested → contacted → agreed → deal): it is ${before.status} and cannot go back to ${input.status}.`, [
            { field: "status", value: input.status, message: `cannot move back from ${before.status}` },
          ]);
        }
        await advanceMatch(trx, existingId, columns, by);
      });
      return { match, created: false };
    },

    async toProject(actor, id, input) {
      const kit = kitFor(actor);
      const match = await kit.authorized(actor, "update", id);
      if (match.status !== "deal") throw new Conflict("chain_match.not_a_deal", `Only a deal becomes a project; this match is ${match.status}.`, [{ field: "status", value: match.status, message: "must be deal" }]);
      if (match.projectId !== null) throw new Conflict("chain_match.has_project", `The deal is already the project ${match.projectId}.`, [{ field: "projectId", value: match.projectId, message: "already set" }]);
      if (match.archivedAt !== null) throw new Conflict("chain_match.archived", "The match is archived; restore it first.");
      const owner = input.owner === "supplier" ? match.supplier : match.customer;
      const other = input.owner === "supplier" ? match.customer : match.supplier;
      const supplierName = match.supplier.nameEn ?? match.supplier.nameZh;
      const customerName = match.customer.nameEn ?? match.customer.nameZh;
      const project = await deps.projects.create(
        actor,
        CreateProject.parse({
          nameZh: input.nameZh ?? `${match.supplier.nameZh}—${match.customer.nameZh}产业链供需合作`.slice(0, 200),
          nameEn: input.nameEn ?? `Chain supply deal: ${supplierName} → ${customerName}`.slice(0, 300),
          kind: "investment",
          stage: input.stage,
          regionCodes: [...new Set([owner.regionCode, other.regionCode])],
          enclaveId: owner.enclaveId,
          ownerEnterpriseId: owner.id,
          plannedInvestmentFen: input.plannedInvestmentFen,
          note: `From the industry-chain match ${match.id}: ${match.supplier.nameZh} supplies ${match.customer.nameZh}.`,
          published: input.published,
          illustrative: match.illustrative,
        }),
      );
      const updated = await kit.update(actor, id, async (trx, before) => {
        if (before.projectId !== null) throw new Conflict("chain_match.has_project", `The deal is already the project ${before.projectId}.`);
        await setMatchProject(trx, id, project.id);
      });
      return { match: updated, project };
    },
  };
}
