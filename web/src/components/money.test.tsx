// The Money component in each locale, rendered to markup as the browser receives it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider, type Locale } from "../i18n/i18n.tsx";
import { Money } from "./money.tsx";

const render = (locale: Locale, fen: string | null, unit?: "yuan" | "wan" | "yi") =>
  renderToStaticMarkup(
    <I18nProvider initial={locale}>
      <Money fen={fen} unit={unit} />
    </I18nProvider>,
  );

describe("<Money>", () => {
  it("shows 亿元 and 万元 in Chinese", () => {
    expect(render("zh-CN", "923000000000")).toBe('<span class="money">92.30亿元</span>');
    expect(render("zh-CN", "8000000000", "wan")).toBe('<span class="money">8,000.00万元</span>');
  });

  it("shows yuan with separators in English", () => {
    expect(render("en-US", "923000000000")).toBe('<span class="money">¥9,230,000,000.00</span>');
    expect(render("en-US", "-150050")).toBe('<span class="money">-¥1,500.50</span>');
  });

  it("shows a dash for no amount", () => {
    expect(render("en-US", null)).toBe('<span class="empty-value">—</span>');
  });
});
