import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { booleanCell, choiceCell, codeCell, dateCell, decimalToFen, integerCell, listCell, moneyCell, moneyUnitOfHeader, numberToDecimalText } from "./cells.ts";

const ctx = { header: "x" };

describe("money cells", () => {
  it("converts 万元 with four decimals and thousands separators to fen exactly", () => {
    // 1 万元 = 10,000 元 = 1,000,000 fen, so 1,234.5678 万元 = 12,345,678 元 = 1,234,567,800 fen.
    expect(decimalToFen("1,234.5678", "wan_yuan")).toEqual({ ok: true, value: "1234567800" });
    expect(decimalToFen("0.000001", "wan_yuan")).toEqual({ ok: true, value: "1" });
    expect(decimalToFen("12.34", "yuan")).toEqual({ ok: true, value: "1234" });
    expect(decimalToFen("-0.50", "yuan")).toEqual({ ok: true, value: "-50" });
    expect(decimalToFen("999999999999.999999", "wan_yuan")).toEqual({ ok: true, value: "999999999999999999" });
  });

  it("refuses amounts finer than one fen instead of rounding them", () => {
    expect(decimalToFen("1.0000001", "wan_yuan").ok).toBe(false);
    expect(decimalToFen("1.234", "yuan")).toEqual({ ok: false, message: expect.stringContaining("more than 2 decimal places") });
    expect(decimalToFen("1.230", "yuan")).toEqual({ ok: true, value: "123" }); // trailing zeros lose nothing
  });

  it("refuses text that is not a number and misplaced separators", () => {
    expect(decimalToFen("abc", "yuan").ok).toBe(false);
    expect(decimalToFen("1,23,4", "yuan")).toEqual({ ok: false, message: "has misplaced thousands separators" });
    expect(decimalToFen("", "yuan").ok).toBe(false);
    expect(decimalToFen("1e5", "yuan").ok).toBe(false);
  });

  it("takes the unit from the header, or from the cell", () => {
    const money = moneyCell();
    expect(money("1,234.5678", { header: "注册资本（万元）" })).toEqual({ ok: true, value: "1234567800" });
    expect(money(1234.5678, { header: "Registered capital (10k yuan)" })).toEqual({ ok: true, value: "1234567800" });
    expect(money("1200", { header: "注册资本(元)" })).toEqual({ ok: true, value: "120000" });
    expect(money("12.5万元", { header: "注册资本" })).toEqual({ ok: true, value: "12500000" });
    expect(money("¥1,200.5元", { header: "注册资本" })).toEqual({ ok: true, value: "120050" });
    expect(money("1200", { header: "注册资本" })).toEqual({ ok: false, message: expect.stringContaining("has no unit") });
    expect(money("-5", { header: "金额（元）" })).toEqual({ ok: false, message: "must not be negative" });
  });

  it("reads the unit of a header", () => {
    expect(moneyUnitOfHeader("注册资本（万元）")).toBe("wan_yuan");
    expect(moneyUnitOfHeader("注册资本【元】")).toBe("yuan");
    expect(moneyUnitOfHeader("金额/万元")).toBe("wan_yuan");
    expect(moneyUnitOfHeader("Amount (CNY)")).toBe("yuan");
    expect(moneyUnitOfHeader("注册资本")).toBeUndefined();
  });

  it("agrees with integer arithmetic for every amount of whole fen", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 17n }), (fen) => {
        const wan = `${fen / 1_000_000n}.${(fen % 1_000_000n).toString().padStart(6, "0")}`;
        const yuan = `${fen / 100n}.${(fen % 100n).toString().padStart(2, "0")}`;
        expect(decimalToFen(wan, "wan_yuan")).toEqual({ ok: true, value: fen.toString() });
        expect(decimalToFen(yuan, "yuan")).toEqual({ ok: true, value: fen.toString() });
      }),
    );
  });

  it("writes numbers in positional notation", () => {
    expect(numberToDecimalText(1e21)).toBe("1000000000000000000000");
    expect(numberToDecimalText(1.5e-7)).toBe("0.00000015");
    expect(numberToDecimalText(-2.5e-7)).toBe("-0.00000025");
    expect(numberToDecimalText(1234.5678)).toBe("1234.5678");
  });
});

describe("date cells", () => {
  const date = dateCell();
  it("reads Excel dates, serial numbers and the usual written forms", () => {
    expect(date(new Date(Date.UTC(2024, 2, 1)), ctx)).toEqual({ ok: true, value: "2024-03-01" });
    expect(date(45352, ctx)).toEqual({ ok: true, value: "2024-03-01" });
    expect(date(20240301, ctx)).toEqual({ ok: true, value: "2024-03-01" });
    for (const text of ["2024-03-01", "2024/3/1", "2024.3.1", "2024年3月1日", "２０２４年３月１日", "20240301", "2024-03-01 00:00:00"]) {
      expect(date(text, ctx)).toEqual({ ok: true, value: "2024-03-01" });
    }
  });

  it("refuses impossible and unreadable dates", () => {
    expect(date("2023-02-29", ctx)).toEqual({ ok: false, message: expect.stringContaining("not a calendar date") });
    expect(date("2024-13-01", ctx).ok).toBe(false);
    expect(date("March 2024", ctx)).toEqual({ ok: false, message: expect.stringContaining("is not a date") });
    expect(date(true, ctx).ok).toBe(false);
  });

  it("refuses a date after the limit", () => {
    const past = dateCell({ notAfter: () => "2024-12-31" });
    expect(past("2025-01-01", ctx)).toEqual({ ok: false, message: expect.stringContaining("must not be in the future") });
    expect(past("2024-12-31", ctx).ok).toBe(true);
  });
});

describe("integer, boolean, code and list cells", () => {
  it("reads whole numbers with thousands separators", () => {
    const int = integerCell({ min: 0 });
    expect(int("1,234", ctx)).toEqual({ ok: true, value: 1234 });
    expect(int("１２３", ctx)).toEqual({ ok: true, value: 123 });
    expect(int(56, ctx)).toEqual({ ok: true, value: 56 });
    expect(int("12.0", ctx)).toEqual({ ok: true, value: 12 });
    expect(int("12.5", ctx)).toEqual({ ok: false, message: "must be a whole number, without decimals" });
    expect(int("-3", ctx)).toEqual({ ok: false, message: "must not be negative" });
    expect(int("many", ctx)).toEqual({ ok: false, message: "must be a whole number" });
  });

  it("reads yes and no in Chinese and English", () => {
    const bool = booleanCell();
    expect(["是", "yes", "Y", "TRUE", "1", true].map((v) => bool(v, ctx))).toEqual(Array(6).fill({ ok: true, value: true }));
    expect(["否", "no", "n", "false", "0", false].map((v) => bool(v, ctx))).toEqual(Array(6).fill({ ok: true, value: false }));
    expect(bool("maybe", ctx).ok).toBe(false);
  });

  it("restores leading zeros Excel dropped from a numeric code", () => {
    expect(codeCell({ digits: 4 })(164, ctx)).toEqual({ ok: true, value: "0164" });
    expect(codeCell({ digits: 4 })(" c3465 ", ctx)).toEqual({ ok: true, value: "C3465" });
  });

  it("splits lists on ; and 、", () => {
    expect(listCell()("电动工具；保温杯、 cookware;cookware", ctx)).toEqual({ ok: true, value: ["电动工具", "保温杯", "cookware"] });
  });
});

describe("choice cells", () => {
  const kind = choiceCell({ investment: ["投资", "投资类"], public_service: ["公共服务", "public service"] });

  it("takes the key or any word, without case, spaces, underscores or full-width forms", () => {
    expect(kind("投资类", ctx)).toEqual({ ok: true, value: "investment" });
    expect(kind(" Public-Service ", ctx)).toEqual({ ok: true, value: "public_service" });
    expect(kind("ｐｕｂｌｉｃ ｓｅｒｖｉｃｅ", ctx)).toEqual({ ok: true, value: "public_service" });
    expect(kind("INVESTMENT", ctx)).toEqual({ ok: true, value: "investment" });
  });

  it("refuses anything else, listing the values", () => {
    expect(kind("房地产", ctx)).toEqual({ ok: false, message: "must be one of 投资 (investment), 公共服务 (public_service)" });
    expect(kind(true, ctx).ok).toBe(false);
  });
});
