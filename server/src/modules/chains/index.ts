// The chains module's one door: the industry-chain map as versioned chain-sets, enterprises' links to chain nodes
// (derived, then reviewed), gaps and complements of a county pair, cross-county matchmaking and recorded match
// outcomes. The pure core (chain-graph, gaps, matching …) is plain functions; docs/chains.md describes the rules.
// Enterprises, regions and pairings are read through their doors, figures through the indicators module's door and
// projects are made through the projects module's door, all handed in by the composition root.
import type { Db } from "../../platform/database.ts";
import type { HttpApp } from "../../platform/http/app.ts";
import type { EnterprisesService } from "../enterprises/index.ts";
import type { ProjectsService } from "../projects/index.ts";
import { createChainAccess } from "./chain-access.ts";
import { createChainGapsService, type ChainGapsService, type FiguresSource } from "./chain-gaps.service.ts";
import { createChainLinksService, type ChainLinksService } from "./chain-links.service.ts";
import { createChainMatchesService, type ChainMatchesService } from "./chain-matches.service.ts";
import { createChainNodesService, type ChainNodesService } from "./chain-nodes.service.ts";
import { createPairs, type PairDependencies } from "./chain-pairs.ts";
import { createChainSetsService, type ChainSetsService } from "./chain-sets.service.ts";
import { createUniverse } from "./chain-universe.ts";
import { chainsRoutes } from "./chains.routes.ts";
import { createMatchOutcomesService, type MatchOutcomesService } from "./match-outcomes.service.ts";

export { referenceChainGraph, type ChainGraph } from "./chain-graph.ts";
export type { ChainGapsService, ChainLinksService, ChainMatchesService, ChainNodesService, ChainSetsService, FiguresSource, MatchOutcomesService };

export type ChainsDependencies = PairDependencies & {
  enterprises: Pick<EnterprisesService, "get" | "list">;
  projects: Pick<ProjectsService, "create">;
  /** The indicators module's figuresForSettlement; without it the gap report counts enterprises only. */
  figures?: FiguresSource;
};

export type ChainsServices = {
  chainSets: ChainSetsService;
  links: ChainLinksService;
  gaps: ChainGapsService;
  nodes: ChainNodesService;
  matches: ChainMatchesService;
  outcomes: MatchOutcomesService;
};

export type ChainsModule = ChainsServices & { routes(app: HttpApp): void };

export function createChainsModule(db: Db, deps: ChainsDependencies): ChainsModule {
  const access = createChainAccess(db, deps.enterprises);
  const chainSets = createChainSetsService(db, access);
  const universe = createUniverse(db, { enterprises: deps.enterprises, regions: deps.regions, chainSets });
  const pairs = createPairs(deps);
  const services: ChainsServices = {
    chainSets,
    links: createChainLinksService(db, access, chainSets, universe),
    gaps: createChainGapsService(access, pairs, universe, deps.figures),
    nodes: createChainNodesService(access, pairs, universe, deps.figures),
    matches: createChainMatchesService(db, access, pairs, universe),
    outcomes: createMatchOutcomesService(db, { enterprises: deps.enterprises, projects: deps.projects, universe }),
  };
  return { ...services, routes: (app) => chainsRoutes(app, services) };
}
