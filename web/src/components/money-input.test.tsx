// The money field: what it holds for what is typed, and how it shows an amount in each locale's unit.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider, type Locale } from "../i18n/i18n.tsx";
import { fenOrNull, MoneyInput, readAmount, UnreadableAmount } from "./money-input.tsx";

const render = (locale: Locale, value: string | null) =>
  renderToStaticMarkup(
    <I18nProvider initial={locale}>
      <MoneyInput id="capital" value={value} />
    </I18nProvider>,
  );

describe("the money field's value", () => {
  it("holds fen typed in 万元 or yuan, exactly", () => {
    expect(readAmount("12.5", "wan")).toBe("12500000");
    expect(readAmount("1,234.56", "yuan")).toBe("123456");
  });

  it("is null for a blank field and unreadable for text that is no amount", () => {
    expect(readAmount("  ", "wan")).toBeNull();
    expect(readAmount("12万", "wan")).toEqual(new UnreadableAmount("12万"));
    // A tenth of a fen cannot be held.
    expect(readAmount("0.001", "yuan")).toBeInstanceOf(UnreadableAmount);
  });

  it("sends fen or null, never the unreadable text", () => {
    expect(fenOrNull("500")).toBe("500");
    expect(fenOrNull(null)).toBeNull();
    expect(fenOrNull(undefined)).toBeNull();
    expect(fenOrNull(new UnreadableAmount("x"))).toBeNull();
  });
});

describe("<MoneyInput>", () => {
  it("shows fen in 万元 in Chinese and in yuan in English", () => {
    expect(render("zh-CN", "12500000")).toContain('value="12.5"');
    expect(render("zh-CN", "12500000")).toContain("万元");
    expect(render("en-US", "12500000")).toContain('value="125000"');
  });

  it("is empty for no amount", () => {
    expect(render("zh-CN", null)).toContain('value=""');
  });
});
