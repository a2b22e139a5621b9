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
  const offered = [
    ...(paths.some((p) => /^\/api\/v1\/(settlements?|sharing)(\/|$)/.test(p)) ? ["/settlements"] : []),
    ...(paths.some((p) => /^\/api\/v1\/(chains?|industry-chains)(\/|$)/.test(p)) ? ["/chains"] : []),
  ];
  return [
    "/",
    "/agreements",
    `/agreements/${agreement}`,
    "/enclaves",
    `/enclaves/${enclave}`,
    "/enterprises",
    "/enterprises/new",
    `/enterprises/${enterprise}`,
    "/projects",
    `/projects/${project}`,
    "/cooperation",
    "/cooperation?domain=health",
    `/cooperation/${activity}`,
    "/imports",
    "/regions",
    "/regions/330784",
    ...offered,
    "/no-such-page",
  ];
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
