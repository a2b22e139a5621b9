// The console's pages. Each page is its own chunk, loaded when first visited; the overview's charts and map are
// split further (see features/overview).
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { MenuKey } from "./access.ts";
import { matchPath } from "./router.tsx";

export type PageProps = { params: Record<string, string> };

type Page = LazyExoticComponent<ComponentType<PageProps>>;

const page = (load: () => Promise<ComponentType<PageProps>>): Page =>
  lazy(async () => ({ default: await load() }));

const OverviewPage = page(async () => (await import("../features/overview/overview.page.tsx")).OverviewPage);
const AgreementsPage = page(
  async () => (await import("../features/agreements/agreements.page.tsx")).AgreementsPage,
);
const AgreementPage = page(
  async () => (await import("../features/agreements/agreement.page.tsx")).AgreementPage,
);
const NewAgreementPage = page(
  async () => (await import("../features/agreements/agreement.page.tsx")).NewAgreementPage,
);
const EnclavesPage = page(async () => (await import("../features/enclaves/enclaves.page.tsx")).EnclavesPage);
const EnclavePage = page(async () => (await import("../features/enclaves/enclave.page.tsx")).EnclavePage);
const NewEnclavePage = page(
  async () => (await import("../features/enclaves/enclave.page.tsx")).NewEnclavePage,
);
const EnterprisesPage = page(
  async () => (await import("../features/enterprises/enterprises.page.tsx")).EnterprisesPage,
);
const EnterprisePage = page(
  async () => (await import("../features/enterprises/enterprise.page.tsx")).EnterprisePage,
);
const NewEnterprisePage = page(
  async () => (await import("../features/enterprises/enterprise.page.tsx")).NewEnterprisePage,
);
const ProjectsPage = page(async () => (await import("../features/projects/projects.page.tsx")).ProjectsPage);
const ProjectPage = page(async () => (await import("../features/projects/project.page.tsx")).ProjectPage);
const NewProjectPage = page(
  async () => (await import("../features/projects/project.page.tsx")).NewProjectPage,
);
const ActivitiesPage = page(
  async () => (await import("../features/cooperation/activities.page.tsx")).ActivitiesPage,
);
const ActivityPage = page(
  async () => (await import("../features/cooperation/activity.page.tsx")).ActivityPage,
);
const NewActivityPage = page(
  async () => (await import("../features/cooperation/activity.page.tsx")).NewActivityPage,
);
const ImportsPage = page(async () => (await import("../features/imports/imports.page.tsx")).ImportsPage);
const RegionsPage = page(async () => (await import("../features/regions/regions.page.tsx")).RegionsPage);
const RegionPage = page(async () => (await import("../features/regions/region.page.tsx")).RegionPage);
const SettlementsPage = page(
  async () => (await import("../features/settlements/settlements.page.tsx")).SettlementsPage,
);
const SettlementPage = page(
  async () => (await import("../features/settlements/settlement.page.tsx")).SettlementPage,
);
const ChainsPage = page(async () => (await import("../features/chains/chains.page.tsx")).ChainsPage);
const ChainMatchPage = page(
  async () => (await import("../features/chains/chain-match.page.tsx")).ChainMatchPage,
);

export type RouteDef = { path: string; component: Page; menu: MenuKey };

export const routes: RouteDef[] = [
  { path: "/", component: OverviewPage, menu: "overview" },
  { path: "/agreements", component: AgreementsPage, menu: "agreements" },
  { path: "/agreements/new", component: NewAgreementPage, menu: "agreements" },
  { path: "/agreements/:id", component: AgreementPage, menu: "agreements" },
  { path: "/enclaves", component: EnclavesPage, menu: "enclaves" },
  { path: "/enclaves/new", component: NewEnclavePage, menu: "enclaves" },
  { path: "/enclaves/:id", component: EnclavePage, menu: "enclaves" },
  { path: "/enterprises", component: EnterprisesPage, menu: "enterprises" },
  { path: "/enterprises/new", component: NewEnterprisePage, menu: "enterprises" },
  { path: "/enterprises/:id", component: EnterprisePage, menu: "enterprises" },
  { path: "/projects", component: ProjectsPage, menu: "projects" },
  { path: "/projects/new", component: NewProjectPage, menu: "projects" },
  { path: "/projects/:id", component: ProjectPage, menu: "projects" },
  { path: "/cooperation", component: ActivitiesPage, menu: "cooperation" },
  { path: "/cooperation/new", component: NewActivityPage, menu: "cooperation" },
  { path: "/cooperation/:id", component: ActivityPage, menu: "cooperation" },
  { path: "/imports", component: ImportsPage, menu: "imports" },
  { path: "/regions", component: RegionsPage, menu: "regions" },
  { path: "/regions/:code", component: RegionPage, menu: "regions" },
  { path: "/settlements", component: SettlementsPage, menu: "settlements" },
  { path: "/settlements/:id", component: SettlementPage, menu: "settlements" },
  { path: "/chains", component: ChainsPage, menu: "chains" },
  { path: "/chains/matches/:id", component: ChainMatchPage, menu: "chains" },
];

/** The first route whose pattern matches the path ("/enterprises/new" before "/enterprises/:id"). */
export function resolveRoute(
  pathname: string,
): { route: RouteDef; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return undefined;
}
