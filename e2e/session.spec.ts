// Sign-in and roles, once the server has accounts (GET /api/v1/session): the sign-in page, the user in the
// header, menus by role, sign-out. Skipped on a server without accounts, where the console needs no sign-in.
import { expect, demoPassword, hasSessions, screenshot, settled, test } from "./fixtures.ts";

test.describe("sign-in and roles", () => {
  test("without accounts the console opens straight away", async ({ page, request }) => {
    test.skip(await hasSessions(request), "this server has accounts");
    await page.goto("/");
    await expect(page.getByRole("menuitem", { name: "数据导入" })).toBeVisible();
    await expect(page.getByRole("button", { name: "登录" })).toHaveCount(0);
  });

  test("signs in at the sign-in page, shows only the role's menus, and signs out", async ({
    browser,
    request,
  }, testInfo) => {
    test.skip(!(await hasSessions(request)), "this server has no accounts yet");
    // A browser of its own, signed in to nothing.
    const context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
    await expect(page.getByRole("note", { name: "演示实例" })).toBeVisible();
    await settled(page);
    await screenshot(page, testInfo, "sign-in");

    // An auditor reads everything and imports nothing.
    await page.getByLabel("用户名").fill("auditor");
    await page.getByLabel("密码").fill(demoPassword);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("menuitem", { name: "企业" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "数据导入" })).toHaveCount(0);
    await page.goto("/enterprises");
    await expect(page.getByRole("button", { name: "新增企业" })).toHaveCount(0);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();

    // A county official may import.
    await page.getByLabel("用户名").fill("yongkang");
    await page.getByLabel("密码").fill(demoPassword);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("menuitem", { name: "数据导入" })).toBeVisible();
    await screenshot(page, testInfo, "signed-in-county-official");
    await context.close();
  });
});
