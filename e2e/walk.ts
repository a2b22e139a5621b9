// Walking every page of the console: the addresses (with real record ids from the demo case) and what a page
// shows as text, attribute by attribute, with the language each piece is marked in.
import type { APIRequestContext, Page } from "@playwright/test";

type Page_<T> = { items: T[] };

/** Every page of the console, with ids of real records. */
export async function consolePages(request: APIRequestContext): Promise<string[]> {
  const first = async <T extends { id: string }>(
    path: string,
    pick: (items: T[]) => T | undefined = (items) => items[0],
  ) => {
    const answer = await request.get(path);
    if (!answer.ok()) throw new Error(`${path}: ${answer.status()}`);
    const found = pick(((await answer.json()) as Page_<T>).items);
    if (!found) throw new Error(`${path}: no record`);
    return found.id;
  };
  const agreement = await first("/api/v1/agreements");
  const enclave = await first("/api/v1/enclaves");
  const enterprise = await first<{ id: string; enclaveId: string | null }>(
    "/api/v1/enterprises?resident=true&pageSize=5",
  );
  const project = await first<{ id: string; milestones: unknown[]; progressReports: unknown[] }>(
    "/api/v1/projects?pageSize=100",
    (items) =>
      items.find((p) => p.milestones.length > 0 && p.progressReports.length > 0) ??
      items.find((p) => p.milestones.length > 0) ??
      items[0],
  );
  const activity = await first("/api/v1/cooperation-activities?domain=health");
  // The places kept for features whose API the server already offers.
  const doc = await request.get("/api/openapi.json");
  const paths = doc.ok() ? Object.keys(((await doc.json()) as { paths?: object }).paths ?? {}) : [];
  const settling = paths.some((p) => /^\/api\/v1\/(settlements?|sharing)(\/|$)/.test(p));
  const offered = [
    ...(settling ? ["/settlements", ...(await settlementRun(request))] : []),
    ...(paths.some((p) => /^\/api\/v1\/(chains?|industry-chains)(\/|$)/.test(p))
      ? ["/chains", ...(await chainPages(request))]
      : []),
  ];
  return [
    "/",
    "/agreements",
    "/agreements/new",
    `/agreements/${agreement}`,
    "/enclaves",
    "/enclaves/new",
    `/enclaves/${enclave}`,
    "/enterprises",
    "/enterprises/new",
    `/enterprises/${enterprise}`,
    "/projects",
    "/projects/new",
    `/projects/${project}`,
    "/cooperation",
    "/cooperation/new",
    "/cooperation?domain=health",
    `/cooperation/${activity}`,
    "/imports",
    "/regions",
    "/regions/330784",
    ...offered,
    "/no-such-page",
  ];
}

/** A locked settlement run of the framework agreement (its page: totals, confirmations, statements), if any. */
async function settlementRun(request: APIRequestContext): Promise<string[]> {
  const agreements = await request.get("/api/v1/agreements?kind=framework");
  const agreement = agreements.ok()
    ? ((await agreements.json()) as Page_<{ id: string }>).items[0]
    : undefined;
  if (!agreement) return [];
  const runs = await request.get(`/api/v1/agreements/${agreement.id}/settlements?status=locked`);
  const run = runs.ok() ? ((await runs.json()) as { id: string }[])[0] : undefined;
  return run ? [`/settlements/${run.id}`] : [];
}

export type ShownText = { text: string; lang: string; where: string };

/** The text a page shows — text nodes (SVG too) and the attributes read aloud — with the language it is marked in. */
export function shownTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const out: { text: string; lang: string; where: string }[] = [];
    const langOf = (element: Element | null) => element?.closest("[lang]")?.getAttribute("lang") ?? "";
    const describe = (element: Element | null) =>
      element
        ? `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className.split(" ")[0]}` : ""}`
        : "";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript")) continue;
      const text = node.textContent?.trim();
      if (text) out.push({ text, lang: langOf(parent), where: describe(parent) });
    }
    for (const element of document.body.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const text = element.getAttribute(name)?.trim();
        if (text) out.push({ text, lang: langOf(element), where: `${describe(element)}[${name}]` });
      }
    }
    return out;
  });
}

/** Visible form controls without an accessible name (a label, aria-label or aria-labelledby). */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      "input:not([type=hidden]), textarea, select, [role=combobox], [role=slider], [role=spinbutton]",
    );
    const out: string[] = [];
    for (const control of controls) {
      if (control.offsetParent === null || control.getAttribute("aria-hidden") === "true") continue;
      const labelled =
        (control as HTMLInputElement).labels?.length ||
        control.getAttribute("aria-label") ||
        control.getAttribute("aria-labelledby") ||
        control.getAttribute("title");
      if (!labelled)
        out.push(
          `${control.tagName.toLowerCase()}#${control.id || "(no id)"}.${control.className.split(" ")[0] ?? ""}`,
        );
    }
    return out;
  });
}

/**
 * The industry chain's other views: the gaps, a Wuyi electric-tool maker's matches (reasons quote product words in
 * either language) and the demo's recorded match.
 */
async function chainPages(request: APIRequestContext): Promise<string[]> {
  const makers = await request.get(
    "/api/v1/enterprises?homeRegionCode=330723&industryCode=3465&sort=-employees&pageSize=1",
  );
  const maker = makers.ok() ? ((await makers.json()) as Page_<{ id: string }>).items[0] : undefined;
  const matches = await request.get("/api/v1/chain-matches?pageSize=1");
  const match = matches.ok() ? ((await matches.json()) as Page_<{ id: string }>).items[0] : undefined;
  return [
    "/chains?tab=gaps",
    ...(maker ? [`/chains?tab=matches&enterprise=${maker.id}`] : []),
    "/chains?tab=outcomes",
    ...(match ? [`/chains/matches/${match.id}`] : []),
  ];
}
