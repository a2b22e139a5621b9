// The industry chain (issue 6): the electric-tool chain drawn as a graph with each node coloured by presence in
// Yongkang and Wuyi, real gaps on each side, and for a Wuyi electric-tool maker a ranked list of Yongkang
// suppliers with their reasons — then an outcome recorded and a deal made a project.
import type { Page } from "@playwright/test";
import { expect, screenshot, settled, test, watchScripts } from "./fixtures.ts";

type Found = { items: { id: string; nameZh: string }[] };

/** Wuyi's largest electric-tool maker (GB/T 4754 class 3465), as the demo case has it. */
async function wuyiToolMaker(page: Page): Promise<{ id: string; nameZh: string }> {
  const answer = await page.request.get(
    "/api/v1/enterprises?homeRegionCode=330723&industryCode=3465&sort=-employees&pageSize=1",
  );
  expect(answer.ok()).toBe(true);
  const maker = ((await answer.json()) as Found).items[0];
  if (!maker) throw new Error("the demo case has no Wuyi electric-tool maker");
  return maker;
}

const legendCount = async (page: Page, name: string) => {
  const text = await page
    .getByRole("list", { name: "节点颜色图例" })
    .getByRole("listitem")
    .filter({ hasText: name })
    .innerText();
  return Number(/(\d+) 个环节/.exec(text)?.[1] ?? Number.NaN);
};

test.describe("the industry chain", () => {
  test("draws the electric-tool chain coloured by county and shows a gap on each side", async ({
    page,
  }, testInfo) => {
    await page.goto("/chains");
    await expect(page.getByRole("heading", { level: 1, name: "产业链" })).toBeVisible();
    await expect(page.getByLabel("产业链", { exact: true })).toBeVisible();

    // The drawing is SVG: its node names and each county's counts are text; each presence has its colour.
    const graph = page.locator(".chain-graph-box svg");
    await expect(graph.locator("text", { hasText: "电动工具整机" })).toHaveCount(1);
    await expect(graph.locator("text", { hasText: "无刷直流电机" })).toHaveCount(1);
    await expect(graph.locator("text", { hasText: /^永康 \d+ · 武义 0$/ }).first()).toBeVisible();
    const yongkangOnly = await legendCount(page, "仅永康市有");
    const wuyiOnly = await legendCount(page, "仅武义县有");
    const both = await legendCount(page, "两县均有");
    expect(yongkangOnly).toBeGreaterThan(0);
    expect(wuyiOnly).toBeGreaterThan(0);
    expect(both).toBeGreaterThan(0);
    await expect(graph.locator('path[fill="#bae0ff"]')).toHaveCount(yongkangOnly);
    await expect(graph.locator('path[fill="#ffe7ba"]')).toHaveCount(wuyiOnly);
    await expect(graph.locator('path[fill="#d9f7be"]')).toHaveCount(both);
    await settled(page);
    await screenshot(page, testInfo, "chain-map");

    // A node from the keyboard: its enterprises per county, classes and keywords.
    const nodePicker = page.getByLabel("查看环节");
    await nodePicker.focus();
    await page.keyboard.type("无刷");
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog", { name: "无刷直流电机" });
    await expect(drawer).toBeVisible();
    await expect(drawer).toContainText("3813");
    await expect(drawer).toContainText("BLDC");
    const yongkang = drawer.getByRole("region", { name: "永康市" });
    await expect(yongkang).toContainText("具备");
    await expect(yongkang.getByRole("link").first()).toContainText("永康市");
    await expect(drawer.getByRole("region", { name: "武义县" })).toContainText("缺口");
    await settled(page);
    await screenshot(page, testInfo, "chain-node");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    // Clicking a box opens the same details; a county with many enterprises there pages through them.
    await graph.locator("text", { hasText: "电动工具整机" }).click();
    const finished = page.getByRole("dialog", { name: "电动工具整机" });
    const wuyiMakers = finished.getByRole("region", { name: "武义县" });
    await expect(wuyiMakers.locator(".ant-list-item")).toHaveCount(10);
    await expect(wuyiMakers.locator(".ant-pagination")).toContainText(/共 \d+ 条/);
    const largest = await wuyiMakers.locator(".ant-list-item a").first().innerText();
    await wuyiMakers.locator(".ant-pagination-item-2").click();
    await expect(wuyiMakers.locator(".ant-list-item a").first()).not.toHaveText(largest);
    await expect(wuyiMakers.locator(".ant-list-item a").first()).toContainText("武义县");
    await page.keyboard.press("Escape");

    // The gaps: Wuyi lacks motors where Yongkang is strong; Yongkang lacks cutting accessories where Wuyi is.
    await page.getByRole("tab", { name: "缺链与互补" }).click();
    const table = page.getByRole("region", { name: "电动工具产业链缺链与互补" });
    await expect(table.locator(".ant-table-row")).toHaveCount(20);
    await page.getByText(/^武义县缺口及薄弱/).click();
    const motors = table.locator(".ant-table-row").filter({ hasText: "无刷直流电机" });
    await expect(motors).toContainText("武义县缺、永康市强");
    await expect(motors).toContainText("供武义县招引：");
    await page.getByText(/^永康市缺口及薄弱/).click();
    const accessories = table.locator(".ant-table-row").filter({ hasText: "钻头、锯片" });
    await expect(accessories).toContainText("永康市缺、武义县强");
    await expect(accessories.getByRole("link").first()).toContainText("武义县");
    await expect(page).toHaveURL(/tab=gaps/);

    // The target lists export from the API.
    const href = await page.getByRole("link", { name: "导出目标企业清单（Excel）" }).getAttribute("href");
    expect(href).toContain("format=xlsx");
    const file = await page.request.get(href ?? "");
    expect(file.headers()["content-type"]).toContain("spreadsheetml");
    await settled(page);
    await screenshot(page, testInfo, "chain-gaps");
  });

  test("ranks Yongkang suppliers for a Wuyi electric-tool maker with reasons, records the outcome and makes the deal a project", async ({
    page,
  }, testInfo) => {
    const maker = await wuyiToolMaker(page);
    await page.goto("/chains");
    await page.getByRole("tab", { name: "供需对接" }).click();

    // The enterprise is found by name from the keyboard.
    const picker = page.getByLabel("企业", { exact: true });
    await picker.focus();
    await page.keyboard.type(maker.nameZh.slice(3, 7));
    // The search answers with the one enterprise of that name.
    await expect(page.locator(".ant-select-item-option")).toHaveCount(1);
    await expect(page.locator(".ant-select-item-option")).toContainText(maker.nameZh);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`enterprise=${maker.id}`));

    const list = page.getByRole("region", { name: "永康市的供应商（前 10 名）" });
    const rows = list.locator(".ant-table-row");
    await expect(rows).toHaveCount(10);
    const scores = (await rows.locator(".chain-score").allInnerTexts()).map((s) =>
      Number(/\d+/.exec(s.replace(/,/g, ""))?.[0]),
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const row of await rows.all()) {
      await expect(row).toContainText("永康市");
      await expect(row).toContainText("→ 电动工具整机");
      for (const reason of ["产业链相邻", "产品关键词", "规模匹配", "距离", "飞地入驻"])
        await expect(row).toContainText(reason);
    }
    await expect(rows.first()).toContainText("已联系");
    await settled(page);
    await screenshot(page, testInfo, "chain-matches");

    // The second supplier: contacted, then on its own page a deal, then a project.
    const second = rows.nth(1);
    await second.getByLabel(/^记录“.+”的对接进展$/).click();
    await page.locator(".ant-select-item-option", { hasText: "已联系" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "记录进展" }).click();
    await expect(second).toContainText("已联系");
    await second.getByRole("link", { name: /^查看“.+”的对接记录$/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "供需对接记录" })).toBeVisible();
    await expect(page.getByText(`${maker.nameZh}`).first()).toBeVisible();
    await page.getByLabel(/^记录“.+”的对接进展$/).click();
    await page.locator(".ant-select-item-option", { hasText: "已成交" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "记录进展" }).click();
    await page.getByRole("button", { name: "转为项目" }).click();
    const form = page.getByRole("dialog", { name: "转为项目" });
    await form.getByRole("button", { name: /创\s*建/ }).click();
    await expect(page.getByRole("link", { name: "查看项目" })).toBeVisible();
    await settled(page);
    await screenshot(page, testInfo, "chain-match-deal");
    await page.getByRole("link", { name: "查看项目" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("产业链供需合作");
  });
});

test.describe("the industry chain's code", () => {
  test("loads the drawing after the page, in its own chunk beside the shared ECharts one", async ({
    page,
  }) => {
    const scripts = watchScripts(page);
    await page.goto("/agreements");
    await settled(page);
    scripts.expectLoaded(/chain-graph|echart/, false);
    await page.getByRole("menuitem", { name: "产业链" }).click();
    await expect(page.locator(".chain-graph-box svg text", { hasText: "电动工具整机" })).toHaveCount(1);
    scripts.expectLoaded(/chain-graph/);
    scripts.expectLoaded(/\/echart-[^/]+\.js$/);
  });
});

test.describe("the industry chain in English", () => {
  test.use({ consoleLocale: "en-US" });

  test("gives the reasons of a match in English", async ({ page }, testInfo) => {
    const maker = await wuyiToolMaker(page);
    await page.goto(`/chains?tab=matches&enterprise=${maker.id}`);
    const list = page.getByRole("region", { name: "Suppliers in Yongkang (top 10)" });
    await expect(list.locator(".ant-table-row")).toHaveCount(10);
    const first = list.locator(".ant-table-row").first();
    await expect(first).toContainText("Chain adjacency");
    await expect(first).toContainText("/ 1000");
    // Every reason is written in English with names: the nodes, the chain and the counties, never ids or codes.
    const reasons = first.locator(".chain-reasons");
    await expect(reasons).toContainText(/“[^”]+” supplies “Electric power tools” \(the [^)]+ chains?\); /);
    await expect(reasons).toContainText(
      "the county seats of Wuyi and Yongkang are about 30 km apart by road",
    );
    await expect(reasons).not.toContainText(/330723|330784|electric-tools/);

    // The pair's strongest matches name both enterprises in English.
    const strongest = page.getByRole("region", { name: /^Strongest matches between the two counties/ });
    const top = strongest.locator(".ant-table-row").first();
    await expect(top.getByRole("link").first()).toHaveText(/ Co\., Ltd\.$/);
    await expect(top.getByRole("link").nth(1)).toHaveText(/ Co\., Ltd\.$/);
    await settled(page);
    await screenshot(page, testInfo, "chain-matches-en");
  });
});
