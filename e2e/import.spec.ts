import { expect, screenshot, settled, test } from "./fixtures.ts";

test.use({ allowedConsoleErrors: [/status of 400/] });

test.describe("imports", () => {
  test("uploads a file with bad rows and lists every bad row and column with the reason", async ({
    page,
  }, testInfo) => {
    // The template's own (Chinese) headers, then one good row, one whose check character fails (kept, as real
    // registers hold a few, with a warning) and three bad ones.
    const template = await page.request.get("/api/v1/enterprises/import/template?format=csv&lang=zh");
    expect(template.ok()).toBe(true);
    const header = (await template.text()).replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
    const columns = header.split(",");
    const row = (values: Record<number, string>) => columns.map((_, i) => values[i] ?? "").join(",");
    const csv = [
      header,
      row({ 0: "91350200776049653A", 1: "厦门测试企业有限公司", 3: "330784", 4: "3465" }),
      row({ 0: "91350200776049653B", 1: "校验位不符企业", 3: "330784", 4: "3465" }),
      row({ 0: "9135020077604965IA", 1: "代码字符错误企业", 3: "330784", 4: "3465" }),
      row({ 0: "", 1: "缺少代码企业", 3: "330723", 4: "3465" }),
      row({ 0: "9144030071526726XG", 1: "行业代码错误企业", 3: "330723", 4: "9999" }),
    ].join("\n");
    const file = testInfo.outputPath("enterprises-with-bad-rows.csv");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, `\uFEFF${csv}\n`);

    await page.goto("/imports");
    await expect(page.getByRole("radio", { name: /整体导入/ })).toBeChecked();
    await page.locator(".ant-upload input[type=file]").setInputFiles(file);

    await expect(page.getByRole("progressbar", { name: "上传进度" })).toBeVisible();
    const problems = page.locator(".import-problems");
    await expect(problems.locator(".ant-table-row")).toHaveCount(3);
    await expect(problems).toContainText("第 17 位字符“I”不允许使用");
    await expect(problems).toContainText("必填");
    await expect(problems).toContainText("不是 GB/T 4754-2017 的行业小类");
    await expect(problems.locator(".ant-table-row").first()).toContainText("3");
    await expect(page.getByRole("alert").first()).toContainText("文件未导入");
    await settled(page);
    await screenshot(page, testInfo, "import-bad-rows");

    // The same file with "valid rows" imports the good row and still lists the bad ones.
    await page.getByRole("radio", { name: /部分导入/ }).check();
    await page.locator(".ant-upload input[type=file]").setInputFiles(file);
    await expect(page.getByText("已导入正确的行，3 行有误未导入")).toBeVisible();
    await expect(problems.locator(".ant-table-row")).toHaveCount(3);
    const warnings = page.locator(".import-warnings");
    await expect(warnings).toContainText("已导入，但有 1 处需要核对");
    await expect(warnings.locator(".ant-table-row")).toHaveCount(1);
    await expect(warnings).toContainText("校验位应为“A”，实为“B”；已按名录原样保留");
    await screenshot(page, testInfo, "import-valid-rows");
  });
});
