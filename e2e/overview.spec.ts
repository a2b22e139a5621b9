import { expect, screenshot, settled, test, watchScripts } from "./fixtures.ts";

test.describe("the overview", () => {
  test("shows the map of Jinhua with both counties and the enclave, and figures that link to their records", async ({
    page,
  }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "永康—武义山海协作" })).toBeVisible();
    await expect(page.getByRole("note", { name: "演示实例" })).toBeVisible();

    // The map is drawn as SVG: its county labels are text the page carries.
    const map = page.locator(".map-card .map-box");
    await expect(map.locator("svg text", { hasText: "永康市" })).toHaveCount(1);
    await expect(map.locator("svg text", { hasText: "武义县" })).toHaveCount(1);
    await expect(map.locator("svg text", { hasText: "飞地" }).first()).toBeVisible();
    await expect(page.getByText("地图数据 © 高德地图（AMap）")).toBeVisible();

    // Headline figures carry their period and link to the records behind them.
    const signed = page.locator(".figure-card").filter({ hasText: "签约投资额" });
    await expect(signed).toContainText("亿元");
    await expect(signed).toContainText("累计，截至");
    await expect(page.locator(".figure-card").filter({ hasText: "飞地规划面积" })).toContainText("320 亩");

    // The gap: per-capita GDP of each side from the 2020 facts, and their ratio.
    const gap = page.locator(".ant-card").filter({ hasText: "共同富裕" });
    await expect(gap).toContainText("66,353 元");
    await expect(gap).toContainText("58,671 元");
    await expect(gap).toContainText("1.13");

    // The funnel is drawn too, and its table links each stage to the projects in it.
    await expect(
      page
        .locator(".ant-card")
        .filter({ hasText: "项目推进漏斗" })
        .locator("svg text", { hasText: "在建" })
        .first(),
    ).toBeVisible();
    await settled(page);
    await screenshot(page, testInfo, "overview-zh");

    await page
      .locator(".ant-card")
      .filter({ hasText: "项目推进漏斗" })
      .getByRole("link", { name: "在建" })
      .click();
    await expect(page).toHaveURL(/\/projects\?stage=under_construction$/);
    await expect(page.getByRole("heading", { level: 1, name: "项目" })).toBeVisible();
    await expect(page.locator(".ant-table-row")).toHaveCount(5);
  });

  test("shows the enclave's output, tax, tax per mu and each side's shared revenue, with periods and links", async ({
    page,
  }, testInfo) => {
    // Without a year: the latest year with figures, each card saying which months it covers.
    await page.goto("/");
    const card = (title: string) => page.locator(".figure-card").filter({ hasText: title });
    const covered = /\d{4}-\d{2} 至 \d{4}-\d{2}，\d+ 个月有数据/;
    await expect(card("飞地工业总产值")).toContainText(/\d[\d,.]*(亿|万)?元/);
    await expect(card("飞地工业总产值")).toContainText(covered);
    await expect(card("飞地税收（地方留成）")).toContainText(/增值税 [\d,.]+(万)?元/);
    await expect(card("飞地亩均税收")).toContainText(/[\d,.]+(万)?元\/亩/);
    await expect(card("飞地亩均税收")).toContainText("按飞地面积 320 亩");
    await expect(card("飞地工业总产值").getByText("含示例数据")).toBeVisible();

    // A settled year: the revenue each county received, from the locked quarters of the ledger.
    await page.goto("/?year=2025");
    const revenue = card("2025 年分成收益");
    await expect(revenue).toContainText("已锁定结算期 2025-Q1、2025-Q2、2025-Q3、2025-Q4，截至 2025-12");
    await expect(revenue.locator(".ant-statistic").filter({ hasText: "武义县" })).toContainText(
      /[\d,.]+(万)?元/,
    );
    await expect(revenue.locator(".ant-statistic").filter({ hasText: "永康市" })).toContainText(
      /[\d,.]+(万)?元/,
    );
    await expect(card("飞地税收（地方留成）")).toContainText("2025-01 至 2025-12，12 个月有数据");
    await settled(page);
    await screenshot(page, testInfo, "overview-enclave-results-zh");

    await card("飞地亩均税收").getByRole("link", { name: "飞地档案" }).click();
    await expect(page).toHaveURL(/\/enclaves\/[0-9a-f-]{36}$/);
    await page.goBack();
    await revenue.getByRole("link", { name: "结算与台账" }).click();
    await expect(page).toHaveURL(/\/settlements\?agreement=[0-9a-f-]{36}$/);
  });

  test("loads the chart and map code after the shell, in their own chunks", async ({ page }) => {
    const scripts = watchScripts(page);
    await page.goto("/agreements");
    await settled(page);
    scripts.expectLoaded(/jinhua-map|overview-charts|echart/, false);
    await page.getByRole("menuitem", { name: "总览" }).click();
    await expect(page.locator(".map-card .map-box svg text", { hasText: "永康市" })).toHaveCount(1);
    scripts.expectLoaded(/jinhua-map/);
    scripts.expectLoaded(/overview-charts/);
  });
});
