// Benefit sharing from the console: run the open period of the demo agreement (2026-Q1 in the demo case), have
// each county's official confirm it for their own county only — the last confirmation locks it — then read a
// party's statement, its downloads, and "why this number" for one line down to the figure versions it used.
import type { Browser, Page, TestInfo } from "@playwright/test";
import { demoPassword, expect, hasSessions, screenshot, settled, test } from "./fixtures.ts";

/** 2026-Q1 → 2026年第1季度, as the console names a quarter in Chinese. */
const quarterText = (period: string) => period.replace(/^(\d{4})-Q([1-4])$/, "$1年第$2季度");

/** A browser of its own, signed in as `username`, whose console must stay free of errors too. */
async function signedIn(browser: Browser, testInfo: TestInfo, username: string) {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: { cookies: [], origins: [] },
    locale: "zh-CN",
  });
  await context.addInitScript(() => window.localStorage.setItem("shanhai.locale", "zh-CN"));
  const answer = await context.request.post("/api/v1/session", {
    data: { username, password: demoPassword },
  });
  expect(answer.ok(), `sign-in as ${username}: ${answer.status()}`).toBe(true);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

/** Confirms the run for one party from the confirmations card (the button, then the pop-up's OK). */
async function confirmFor(page: Page, party: string) {
  const card = page.locator(".settlement-confirmations");
  await card.getByRole("button", { name: `以${party}名义确认` }).click();
  await page.locator(".ant-popconfirm-buttons").getByRole("button", { name: "确认" }).click();
}

test.describe("settlements", () => {
  test.setTimeout(240_000);

  test("runs and confirms a settlement for each side, then opens its statement and why a line is what it is", async ({
    page,
    browser,
    request,
  }, testInfo) => {
    await page.goto("/settlements");
    await expect(page.getByRole("heading", { level: 1, name: "利益结算" })).toBeVisible();
    await settled(page);
    await expect(page.locator(".settlement-runs .ant-table-row").first()).toContainText("已锁定");
    // The start form proposes the period after the latest run: the open quarter.
    const start = page.locator(".ant-card").filter({ hasText: "发起结算" });
    const period = ((await start.locator(".period-code").textContent()) ?? "").trim();
    expect(period).toMatch(/^\d{4}-Q[1-4]$/);
    await screenshot(page, testInfo, "settlements-list");

    await start.getByRole("button", { name: "开始结算" }).click();
    await expect(page).toHaveURL(/\/settlements\/[0-9a-f-]{36}\?started=created$/);
    const runPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${quarterText(period)}利益结算`);
    await expect(page.locator(".page-header")).toContainText("草稿");
    await expect(page.locator(".run-started")).toContainText("已生成结算草稿");
    const confirmations = page.locator(".settlement-confirmations");
    await expect(confirmations).toContainText("待确认");
    await settled(page);
    await screenshot(page, testInfo, "settlement-draft");

    if (await hasSessions(request)) {
      // Each county confirms for itself: the Wuyi official is offered Wuyi's confirmation only.
      const wuyi = await signedIn(browser, testInfo, "wuyi");
      await wuyi.page.goto(runPath);
      const wuyiCard = wuyi.page.locator(".settlement-confirmations");
      await expect(wuyiCard.getByRole("button", { name: "以武义县名义确认" })).toBeVisible();
      await expect(wuyiCard.getByRole("button", { name: "以永康市名义确认" })).toHaveCount(0);
      await confirmFor(wuyi.page, "武义县");
      await expect(wuyi.page.getByText("已确认，等待另一方确认")).toBeVisible();
      await expect(wuyiCard).toContainText("武义县发改局（演示）");
      await expect(wuyi.page.locator(".page-header")).toContainText("草稿");
      await screenshot(wuyi.page, testInfo, "settlement-confirmed-by-wuyi");
      expect(wuyi.errors, "errors in the Wuyi official's browser console").toEqual([]);
      await wuyi.close();

      const yongkang = await signedIn(browser, testInfo, "yongkang");
      await yongkang.page.goto(runPath);
      const ykCard = yongkang.page.locator(".settlement-confirmations");
      await expect(ykCard.getByRole("button", { name: "以武义县名义确认" })).toHaveCount(0);
      await confirmFor(yongkang.page, "永康市");
      await expect(yongkang.page.getByText("双方均已确认，结算已锁定并记账")).toBeVisible();
      await expect(yongkang.page.locator(".page-header")).toContainText("已锁定");
      await screenshot(yongkang.page, testInfo, "settlement-locked-by-yongkang");
      expect(yongkang.errors, "errors in the Yongkang official's browser console").toEqual([]);
      await yongkang.close();
    } else {
      await confirmFor(page, "武义县");
      await expect(page.getByText("已确认，等待另一方确认")).toBeVisible();
      await confirmFor(page, "永康市");
    }

    // Back as the administrator: the run is locked, both confirmations named.
    await page.goto(runPath);
    await expect(page.locator(".page-header")).toContainText("已锁定");
    await expect(confirmations).toContainText("双方均已确认");
    await expect(confirmations.getByRole("button", { name: /名义确认/ })).toHaveCount(0);
    await expect(page.locator(".settlement-totals")).toContainText("增值税地方留成");

    // Wuyi's statement: downloads from the API, and its lines.
    const statement = page.locator(".statement-panel").first();
    const xlsx = statement.getByRole("link", { name: "下载武义县的结算单（Excel）" });
    const href = await xlsx.getAttribute("href");
    expect(href).toMatch(/\/api\/v1\/settlements\/[0-9a-f-]{36}\/statement\?party=330723&format=xlsx$/);
    const file = await page.request.get(href ?? "");
    expect(file.ok()).toBe(true);
    expect(file.headers()["content-type"]).toContain("spreadsheetml");
    const json = await page.request.get(
      (await statement.getByRole("link", { name: "下载武义县的结算单（JSON）" }).getAttribute("href")) ?? "",
    );
    expect(((await json.json()) as { run: { status: string } }).run.status).toBe("locked");
    await expect(statement.getByRole("link", { name: "下载武义县的结算单（PDF）" })).toBeVisible();
    const line = statement.locator(".statement-lines .ant-table-row").first();
    await expect(line).toContainText("增值税地方留成");
    await settled(page);
    await screenshot(page, testInfo, "settlement-statement");

    // Why this number: the arithmetic, the rule's window, and the figure versions it read.
    const lineNo = ((await line.locator("td").first().textContent()) ?? "").trim();
    // From the keyboard: the line's button opens the drawer, Escape closes it.
    await line.getByRole("button", { name: `第 ${lineNo} 行：为什么是这个数` }).focus();
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog", { name: `第 ${lineNo} 行：为什么是这个数` });
    await expect(drawer).toBeVisible();
    await expect(drawer).toContainText("年初至今应得");
    await expect(drawer.locator(".explanation-windows")).toContainText("本行适用");
    const figures = drawer.locator(".explanation-figures .ant-table-row");
    await expect(figures.first()).toContainText(/第 \d+ 版/);
    await expect(figures.first()).toContainText(period.slice(0, 4));
    const history = await figures.first().getByRole("link").getAttribute("href");
    expect(history).toMatch(/^\/api\/v1\/figures\/[0-9a-f-]{36}\/history$/);
    const versions = (await (await page.request.get(history ?? "")).json()) as { version: number }[];
    expect(versions.length).toBeGreaterThan(0);
    await expect(drawer).toContainText("舍入（最大余数法）");
    await settled(page);
    // The drawer on its own: a full-page capture would cut it at the window's height.
    const why = testInfo.outputPath("settlement-why-this-number.png");
    await drawer.screenshot({ path: why });
    await testInfo.attach("settlement-why-this-number", { path: why, contentType: "image/png" });
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
  });

  test.describe("a refused run", () => {
    // The refusal is an HTTP 409, which the browser logs; the page must explain it.
    test.use({ allowedConsoleErrors: [/status of 409/] });

    test("says plainly why a period cannot be settled, and links the run in the way", async ({
      page,
    }, testInfo) => {
      await page.goto("/settlements");
      await settled(page);
      const start = page.locator(".ant-card").filter({ hasText: "发起结算" });
      // The demo settles quarters: a month of a settled quarter overlaps it.
      await start.locator("label", { hasText: "月度" }).click();
      await expect(start.getByRole("radio", { name: "月度" })).toBeChecked();
      await start.locator("#settle-year").click();
      await page.locator(".ant-select-item-option", { hasText: "2025年" }).click();
      await start.locator("#settle-part").click();
      await page.locator(".ant-select-item-option", { hasText: /^3月$/ }).click();
      await expect(start.locator(".period-code")).toHaveText("2025-03");
      await start.getByRole("button", { name: "开始结算" }).click();
      const alert = start.getByRole("alert");
      await expect(alert).toContainText("与已有结算的期间重叠");
      await expect(alert).toContainText("2025-03 与 2025-Q1 重叠，2025-Q1 已有已锁定的结算");
      await expect(page).toHaveURL(/\/settlements(\?.*)?$/);
      await screenshot(page, testInfo, "settlement-conflict");
      await alert.getByRole("link", { name: "查看所涉结算" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("2025年第1季度利益结算");
    });
  });
});
