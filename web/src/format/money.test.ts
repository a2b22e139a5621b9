import { describe, expect, it } from "vitest";
import { autoUnit, formatMoney, moneyInputText, parseFen, parseMoneyInput } from "./money.ts";

describe("formatMoney in Chinese", () => {
  it("shows amounts from one hundred million yuan in 亿元", () => {
    expect(formatMoney("923000000000", "zh-CN")).toBe("92.30亿元");
    expect(formatMoney("10000000000", "zh-CN")).toBe("1.00亿元");
  });

  it("shows amounts from ten thousand yuan in 万元 with separators", () => {
    expect(formatMoney("1000000", "zh-CN")).toBe("1.00万元");
    expect(formatMoney("9999999999", "zh-CN")).toBe("10,000.00万元");
    expect(formatMoney("123456789", "zh-CN")).toBe("123.46万元");
  });

  it("shows small amounts in 元", () => {
    expect(formatMoney("150000", "zh-CN")).toBe("1,500.00元");
    expect(formatMoney("1", "zh-CN")).toBe("0.01元");
    expect(formatMoney("0", "zh-CN")).toBe("0.00元");
  });

  it("rounds half away from zero, the same for refunds", () => {
    expect(formatMoney("1005000", "zh-CN", { unit: "wan" })).toBe("1.01万元");
    expect(formatMoney("1004999", "zh-CN", { unit: "wan" })).toBe("1.00万元");
    expect(formatMoney("-1005000", "zh-CN", { unit: "wan" })).toBe("-1.01万元");
    expect(formatMoney("-923000000000", "zh-CN")).toBe("-92.30亿元");
  });

  it("keeps every fen of amounts far beyond a float's exact range", () => {
    // 2^53 + 1 fen: a float would lose the last fen.
    expect(formatMoney("9007199254740993", "zh-CN", { unit: "yuan" })).toBe("90,071,992,547,409.93元");
    expect(formatMoney("123456789012345678", "zh-CN", { unit: "yuan" })).toBe("1,234,567,890,123,456.78元");
    expect(formatMoney("123456789012345678", "zh-CN")).toBe("12,345,678.90亿元");
  });

  it("takes a fixed unit and number of digits when asked", () => {
    expect(formatMoney("8000000000", "zh-CN", { unit: "wan", fractionDigits: 0 })).toBe("8,000万元");
    expect(formatMoney("8000000000", "zh-CN", { unit: "yi", fractionDigits: 1 })).toBe("0.8亿元");
  });
});

describe("formatMoney in English", () => {
  it("shows yuan with thousands separators and two decimals", () => {
    expect(formatMoney("923000000000", "en-US")).toBe("¥9,230,000,000.00");
    expect(formatMoney("150000", "en-US")).toBe("¥1,500.00");
    expect(formatMoney("5", "en-US")).toBe("¥0.05");
  });

  it("puts the sign before the currency symbol", () => {
    expect(formatMoney("-123456", "en-US")).toBe("-¥1,234.56");
  });

  it("rounds to whole yuan half away from zero when asked", () => {
    expect(formatMoney("150050", "en-US", { fractionDigits: 0 })).toBe("¥1,501");
    expect(formatMoney("-150050", "en-US", { fractionDigits: 0 })).toBe("-¥1,501");
    expect(formatMoney("150049", "en-US", { fractionDigits: 0 })).toBe("¥1,500");
  });

  it("ignores the Chinese unit option", () => {
    expect(formatMoney("1000000", "en-US", { unit: "wan" })).toBe("¥10,000.00");
  });
});

describe("fen strings and typed amounts", () => {
  it("refuses text that is not a whole number of fen", () => {
    expect(() => parseFen("12.5")).toThrow(RangeError);
    expect(() => parseFen("1e6")).toThrow(RangeError);
    expect(parseFen("-42")).toBe(-42n);
  });

  it("picks the unit by size", () => {
    expect(autoUnit(999999n)).toBe("yuan");
    expect(autoUnit(1000000n)).toBe("wan");
    expect(autoUnit(-10000000000n)).toBe("yi");
  });

  it("parses 万元 and yuan input exactly", () => {
    expect(parseMoneyInput("12.5", "wan")).toBe(12500000n);
    expect(parseMoneyInput("0.0001", "wan")).toBe(100n);
    expect(parseMoneyInput("1,234.56", "yuan")).toBe(123456n);
    expect(parseMoneyInput("0.001", "yuan")).toBeUndefined();
    expect(parseMoneyInput("abc", "yuan")).toBeUndefined();
    expect(parseMoneyInput("-3", "yuan")).toBe(-300n);
  });

  it("writes fen back as input text without trailing zeros", () => {
    expect(moneyInputText("12500000", "wan")).toBe("12.5");
    expect(moneyInputText("100000000", "wan")).toBe("100");
    expect(moneyInputText("123456", "yuan")).toBe("1234.56");
    expect(moneyInputText("-100", "wan")).toBe("-0.0001");
  });
});
