import type { Page } from "@playwright/test";
import { expect, screenshot, settled, test } from "./fixtures.ts";

// The server's 400 is logged by the browser as a failed resource; it is what these journeys expect.
// So is the 409 of a save over someone else's change.
test.use({ allowedConsoleErrors: [/status of 40[09]/] });

/** The form item (label, control, messages) of the field labelled `label`. */
const fieldOf = (page: Page, label: string) =>
  page.locator(".ant-form-item").filter({ has: page.getByLabel(label, { exact: true }) });

const openDropdown = ".ant-select-dropdown:not(.ant-select-dropdown-hidden)";

/** Picks options of a select, and waits until its list has closed (so the next select's list is the only one). */
async function choose(page: Page, label: string, ...options: string[]): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  for (const option of options)
    await page.locator(`${openDropdown} .ant-select-item-option`, { hasText: option }).click();
  await page.keyboard.press("Escape");
  await expect(page.locator(openDropdown)).toHaveCount(0);
}

/** Types a date into a date picker and leaves it (Enter would also submit the form). */
async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press("Tab");
  await expect(input).toHaveValue(date);
}

test.describe("register forms", () => {
  test("a new project: the field errors appear at the fields, then it saves, and its stage changes", async ({
    page,
  }, testInfo) => {
    const name = `永武协作测试项目 ${Date.now()}`;
    await page.goto("/projects");
    await page.getByRole("button", { name: "新增项目" }).click();
    await expect(page).toHaveURL(/\/projects\/new$/);

    // A required field left empty is marked before anything is sent.
    await page.getByLabel("中文名称", { exact: true }).fill(name);
    await page.getByLabel("英文名称", { exact: true }).fill("Yongkang–Wuyi test project");
    await choose(page, "所在地区", "永康市", "武义县");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(fieldOf(page, "类型").locator(".ant-form-item-explain-error")).toHaveText("必填");

    // A completion before the start: the server's message, in Chinese, next to the completion date.
    await choose(page, "类型", "招商投资");
    await typeDate(page, "开始日期", "2025-06-01");
    await typeDate(page, "计划完工日期", "2025-01-01");
    await page.getByLabel("计划投资").fill("1200");
    await page.getByRole("button", { name: "创建" }).click();
    const completion = fieldOf(page, "计划完工日期").locator(".ant-form-item-explain-error");
    await expect(completion).toHaveText("不能早于开始日期（2025-06-01）");
    await expect(page.getByRole("alert").first()).toContainText("需要修改");
    await expect(page).toHaveURL(/\/projects\/new$/);
    await settled(page);
    await screenshot(page, testInfo, "project-form-field-error");

    // Enter in a date field takes the date typed there and does not send the form (all else is valid now).
    let sent = 0;
    const countPosts = (request: { method(): string; url(): string }) => {
      if (request.method() === "POST" && request.url().endsWith("/api/v1/projects")) sent += 1;
    };
    page.on("request", countPosts);
    const completionDate = page.getByLabel("计划完工日期", { exact: true });
    await completionDate.click();
    await completionDate.fill("2026-12-31");
    await completionDate.press("Enter");
    await expect(completionDate).toHaveValue("2026-12-31");
    await page.waitForTimeout(500); // what is checked is that nothing happens
    page.off("request", countPosts);
    expect(sent).toBe(0);
    await expect(page).toHaveURL(/\/projects\/new$/);
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("在谈");
    const basics = page.locator(".ant-card").filter({ hasText: "项目概况" });
    await expect(basics).toContainText("1,200.00万元");

    // The change of stage: a later stage only; the page and its history show it.
    await page.getByRole("button", { name: "编辑" }).click();
    await choose(page, "阶段", "签约");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("button", { name: "编辑" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("签约");
    await expect(page.locator(".history-timeline")).toContainText("修改");
    await settled(page);
    await screenshot(page, testInfo, "project-stage-changed");

    // A milestone added, then renamed: the change keeps the milestone (its id), not a new one in its place.
    const endpoint = `/api/v1/projects${new URL(page.url()).pathname.replace("/projects", "")}`;
    await page.getByRole("button", { name: "编辑" }).click();
    await page.getByRole("button", { name: "添加里程碑" }).click();
    const milestone = page.getByRole("group", { name: "里程碑第 1 项" });
    await milestone.getByLabel("标题", { exact: true }).fill("土地摘牌");
    await typeDate(page, "计划日期", "2025-09-01");
    await page.getByRole("button", { name: "保存" }).click();
    const milestones = page
      .locator(".ant-card")
      .filter({ has: page.locator(".ant-card-head-title", { hasText: /^里程碑$/ }) });
    await expect(milestones).toContainText("土地摘牌");
    const added = ((await (await page.request.get(endpoint)).json()) as { milestones: { id: string }[] })
      .milestones;
    await page.getByRole("button", { name: "编辑" }).click();
    await milestone.getByLabel("标题", { exact: true }).fill("土地摘牌完成");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(milestones).toContainText("土地摘牌完成");
    const renamed = ((await (await page.request.get(endpoint)).json()) as { milestones: { id: string }[] })
      .milestones;
    expect(renamed.map((m) => m.id)).toEqual(added.map((m) => m.id));
  });

  test("a save over someone else's change is refused and offers the record as it now stands", async ({
    page,
  }, testInfo) => {
    const list = (await (await page.request.get("/api/v1/enterprises?pageSize=1&sort=nameZh")).json()) as {
      items: { id: string; version: number }[];
    };
    const enterprise = list.items[0];
    if (!enterprise) throw new Error("the demo case has no enterprise");
    await page.goto(`/enterprises/${enterprise.id}`);
    await page.getByRole("button", { name: "编辑" }).click();
    await page.getByLabel("备注", { exact: true }).fill("我的修改");

    // Meanwhile someone else changes the note (as another official's browser would).
    const session = (await (await page.request.get("/api/v1/session")).json()) as {
      csrfToken: string | null;
    };
    const theirs = await page.request.patch(`/api/v1/enterprises/${enterprise.id}`, {
      data: { note: "他人的修改" },
      headers: {
        "if-match": String(enterprise.version),
        ...(session.csrfToken ? { "x-csrf-token": session.csrfToken } : {}),
      },
    });
    expect(theirs.status()).toBe(200);

    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("alert").first()).toContainText("记录已被他人修改");
    const reload = page.getByRole("button", { name: "载入最新内容（放弃本次修改）" });
    await settled(page);
    await screenshot(page, testInfo, "form-version-conflict");
    await reload.click();
    await expect(page.getByLabel("备注", { exact: true })).toHaveValue("他人的修改");
    await expect(reload).toHaveCount(0);

    // On the record as it now stands, a change saves.
    await page.getByLabel("备注", { exact: true }).fill("他人的修改；我的补充");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("button", { name: "编辑" })).toBeVisible();
    await expect(page.locator(".ant-card").filter({ hasText: "我的补充" }).first()).toBeVisible();
  });

  test("a new agreement needs two parties and, once signed, its signing date", async ({ page }, testInfo) => {
    const title = `永武协作测试协议 ${Date.now()}`;
    await page.goto("/agreements");
    await page.getByRole("button", { name: "新增协议" }).click();
    await page.getByLabel("中文标题", { exact: true }).fill(title);
    await page.getByLabel("英文标题", { exact: true }).fill("Yongkang–Wuyi test agreement");
    await choose(page, "类型", "框架协议");
    await choose(page, "协议各方", "永康市");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(fieldOf(page, "协议各方").locator(".ant-form-item-explain-error")).toHaveText(
      "协议至少需要两方",
    );

    await choose(page, "协议各方", "武义县");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("草拟");

    // Signed without a date: the server's rule, at the date; with the date, the agreement is signed.
    await page.getByRole("button", { name: "编辑" }).click();
    await choose(page, "状态", "已签订");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(fieldOf(page, "签订日期").locator(".ant-form-item-explain-error")).toHaveText(
      "协议状态为“已签订”时必填",
    );
    await settled(page);
    await screenshot(page, testInfo, "agreement-signed-without-date");
    // Before the demo's framework agreement, which other journeys expect first in the list (newest signed).
    await typeDate(page, "签订日期", "2021-09-10");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("已签订");
    await expect(page.locator(".ant-card").filter({ hasText: "协议概况" })).toContainText("2021年9月10日");
  });

  test("an enclave's parcels may not add up to more than its area", async ({ page }, testInfo) => {
    await page.goto("/enclaves");
    await page.locator(".ant-table-row").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/enclaves\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "编辑" }).click();
    await page.getByRole("button", { name: "添加地块" }).click();
    const parcel = page.getByRole("group", { name: /^地块第 \d+ 项$/ }).last();
    await parcel.getByLabel("地块编号", { exact: true }).fill(`T-${Date.now()}`);
    await parcel.getByLabel("面积", { exact: true }).fill("99999");
    await page.getByRole("button", { name: "保存" }).click();
    const parcels = page.locator("fieldset.row-list").filter({ hasText: "添加地块" });
    await expect(parcels.locator(".ant-form-item-explain-error")).toContainText(
      /地块面积合计 .+ 亩，超过飞地面积 .+ 亩/,
    );
    await expect(parcels.locator(".ant-form-item-explain-error")).toBeVisible();
    await settled(page);
    await screenshot(page, testInfo, "enclave-parcels-too-large");
    await page.getByRole("button", { name: "取消" }).click();
    await expect(page.locator(".ant-card").filter({ hasText: "飞地概况" })).toBeVisible();
  });

  test("a new cooperation activity with a measure from the domain's catalogue", async ({
    page,
  }, testInfo) => {
    const title = `永康名医武义坐诊测试 ${Date.now()}`;
    await page.goto("/cooperation");
    await page.getByRole("button", { name: "新增协作活动" }).click();
    await expect(page).toHaveURL(/\/cooperation\/new$/);

    await choose(page, "领域", "卫生健康");
    await page.getByLabel("中文标题", { exact: true }).fill(title);
    await page.getByLabel("英文标题", { exact: true }).fill("Yongkang doctors in Wuyi (test)");
    await choose(page, "支援方", "永康市");
    await choose(page, "受援方", "武义县");
    await typeDate(page, "开始日期", "2025-03-01");
    await page.getByRole("button", { name: "添加成效指标" }).click();
    await choose(page, "指标", "派驻医生");
    await page.getByLabel("数值", { exact: true }).fill("12");
    await page.getByRole("button", { name: "创建" }).click();

    await expect(page).toHaveURL(/\/cooperation\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    const basics = page.locator(".ant-card").filter({ hasText: "活动概况" });
    await expect(basics).toContainText("派驻医生：12 人");
    await expect(basics).toContainText("武义县");
    await settled(page);
    await screenshot(page, testInfo, "activity-created");
  });
});
