// The console without a mouse: skip to the content, move through the menu, sort a table, open a record.
import { expect, settled, test } from "./fixtures.ts";

test.describe("keyboard", () => {
  test("skips to the content, opens a page from the menu and a record from a table", async ({ page }) => {
    await page.goto("/");
    await settled(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到主要内容" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main")).toBeFocused();

    // The menu: focus it, move down to Enterprises, open it.
    await page.getByRole("menuitem", { name: "总览" }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
    await expect(page.locator("[role=menuitem]:focus-within")).toHaveText("企业");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/enterprises$/);
    await expect(page.getByRole("heading", { level: 1, name: "企业" })).toBeVisible();

    // The table sorts from the keyboard, and the sort goes to the server (and into the address).
    const employees = page.getByRole("columnheader", { name: /从业人数/ });
    await employees.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=employees/);

    // A record opens from its link.
    const link = page.locator(".ant-table-row").first().getByRole("link").first();
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect(page.locator("#main")).toBeFocused();
  });
});
