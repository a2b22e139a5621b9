// What every journey shares: a browser page whose console must stay free of errors, the console's language
// chosen before the first page loads, the signed-in session (auth.setup.ts), and screenshots in the output.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test as base, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";

/** The demo accounts' password and the account the journeys act as (README, "Demo accounts"). */
export const demoPassword = process.env.SHANHAI_E2E_PASSWORD ?? "Shanhai-demo-2026";
export const demoUser = process.env.SHANHAI_E2E_USER ?? "sysadmin";

type Fixtures = {
  /** Console errors the journey expects (e.g. the 400 of a rejected form); anything else fails the test. */
  allowedConsoleErrors: RegExp[];
  /** The console's language when the journey starts. */
  consoleLocale: "zh-CN" | "en-US";
  consoleGuard: void;
};

let sessionApi: boolean | undefined;

/** Does the server have accounts (GET /api/v1/session in its OpenAPI document)? */
export async function hasSessions(request: APIRequestContext): Promise<boolean> {
  if (sessionApi === undefined) {
    const doc = await request.get("/api/openapi.json");
    sessionApi = doc.ok()
      ? "/api/v1/session" in (((await doc.json()) as { paths?: object }).paths ?? {})
      : doc.status() === 401;
  }
  return sessionApi;
}

/** The signed-in session the journeys share (written by auth.setup.ts). */
export const authStatePath =
  process.env.SHANHAI_E2E_AUTH_STATE ??
  join(tmpdir(), `shanhai-e2e-auth-${process.env.SHANHAI_E2E_PORT ?? "external"}.json`);

export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
  return path;
}

/** Waits until the page has settled: no request in flight, no loading spinner. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".ant-spin-spinning")).toHaveCount(0);
}

/**
 * Watches the scripts the page asks for from now on, to check which code loads when: a lazy chunk only once the
 * page that needs it opens. `expectLoaded(pattern, false)`: no script matching has been asked for yet.
 */
export function watchScripts(page: Page): { expectLoaded: (pattern: RegExp, loaded?: boolean) => void } {
  const paths: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") paths.push(new URL(r.url()).pathname);
  });
  return {
    expectLoaded: (pattern, loaded = true) =>
      expect(
        paths.some((p) => pattern.test(p)),
        paths.join(", "),
      ).toBe(loaded),
  };
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleLocale: ["zh-CN", { option: true }],
  page: async ({ page, consoleLocale }, use) => {
    // The language is chosen before the app starts, once: a switch in the page stays switched.
    await page.addInitScript((l) => {
      if (!window.localStorage.getItem("shanhai.locale")) window.localStorage.setItem("shanhai.locale", l);
    }, consoleLocale);
    await use(page);
  },
  consoleGuard: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      // Against an external development server (SHANHAI_E2E_BASE_URL) its health may answer 503.
      const allowed = process.env.SHANHAI_E2E_BASE_URL
        ? [...allowedConsoleErrors, /status of 503/]
        : allowedConsoleErrors;
      page.on("console", (message) => {
        if (message.type() === "error" && !allowed.some((r) => r.test(message.text())))
          errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
      await use();
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
