import { expect, screenshot, settled, test } from "./fixtures.ts";

test.describe("agreements", () => {
  test("opens the 2022-04-02 framework agreement with its parties, principles, documents and timeline", async ({
    page,
  }, testInfo) => {
    await page.goto("/agreements");
    const row = page.locator(".ant-table-row").filter({ hasText: "2022年4月2日" });
    await expect(row).toContainText("永康市");
    await expect(row).toContainText("武义县");
    await row.getByRole("link", { name: "共建山海协作“产业飞地”框架协议" }).click();

    await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("共建山海协作“产业飞地”框架协议");
    const basics = page.locator(".ant-card").filter({ hasText: "协议概况" });
    await expect(basics).toContainText("框架协议");
    await expect(basics).toContainText("2022年4月2日");
    await expect(basics).toContainText("政府引导");
    await expect(basics).toContainText("利益共享");
    await expect(basics).toContainText("电动工具");
    await expect(page.locator(".history-timeline")).toContainText("创建");

    // A document goes up, appears with its SHA-256, and comes back down byte for byte.
    // Unique content: the register refuses the same document twice.
    const stamp = Date.now();
    const text = `永康—武义山海协作联席会议纪要（测试 ${stamp}）`;
    const fileName = `minutes-${stamp}.txt`;
    await page
      .locator(".ant-upload input[type=file]")
      .setInputFiles({ name: fileName, mimeType: "text/plain", buffer: Buffer.from(text) });
    const documents = page.locator(".ant-card").filter({ hasText: "协议文件" });
    await expect(documents.getByRole("cell", { name: fileName, exact: true })).toBeVisible();
    const href = await documents.getByRole("link", { name: `下载 ${fileName}` }).getAttribute("href");
    expect(href).toMatch(/^\/api\/v1\/agreements\/.+\/documents\/.+/);
    const download = await page.request.get(href ?? "");
    expect(download.ok()).toBe(true);
    expect((await download.body()).toString("utf8")).toBe(text);
    await expect(page.locator(".history-timeline")).toContainText("修改");

    await settled(page);
    await screenshot(page, testInfo, "agreement-2022-04-02");
  });
});
