import { expect, screenshot, settled, test } from "./fixtures.ts";

// An enterprise resident in the demo enclave shows its residency history beside the record: the enclave, the
// day it moved in, and that it is still resident.
test("an enterprise's page shows its residency history", async ({ page }, testInfo) => {
  const found = await page.request.get("/api/v1/enterprises?resident=true&pageSize=1");
  expect(found.ok()).toBe(true);
  const resident = ((await found.json()) as { items: { id: string; residentSince: string | null }[] })
    .items[0];
  expect(resident).toBeDefined();

  await page.goto(`/enterprises/${resident?.id}`);
  const card = page.locator(".ant-card").filter({ has: page.getByText("入驻记录", { exact: true }) });
  await expect(card.getByRole("columnheader", { name: "迁入日期" })).toBeVisible();
  const row = card.locator(".ant-table-row").first();
  await expect(row).toContainText("至今");
  await expect(row.getByRole("link")).toHaveAttribute("href", /\/enclaves\//);
  await settled(page);
  await screenshot(page, testInfo, "enterprise-residency-history");
});
