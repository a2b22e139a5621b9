import { describe, expect, it } from "vitest";
import { divideDecimals, groupDecimal, trimDecimal } from "./decimal.ts";

describe("exact decimal division", () => {
  it("gives per-capita GDP from the facts, rounded half away from zero", () => {
    expect(divideDecimals("63978000000", "964203", 0)).toBe("66353");
    expect(divideDecimals("27133000000", "462462", 0)).toBe("58671");
  });

  it("gives a ratio to two decimals", () => {
    expect(divideDecimals("66353", "58671", 2)).toBe("1.13");
    expect(divideDecimals("1", "8", 2)).toBe("0.13");
    expect(divideDecimals("-1", "8", 2)).toBe("-0.13");
  });

  it("handles decimals on both sides", () => {
    expect(divideDecimals("1047.49", "0.5", 1)).toBe("2095.0");
    expect(divideDecimals("0.03", "7", 4)).toBe("0.0043");
  });

  it("refuses to divide by zero", () => {
    expect(() => divideDecimals("1", "0.00", 2)).toThrow(RangeError);
  });

  it("groups and trims", () => {
    expect(groupDecimal("66353.25")).toBe("66,353.25");
    expect(groupDecimal("-1234567")).toBe("-1,234,567");
    expect(trimDecimal("320.00")).toBe("320");
    expect(trimDecimal("120.50")).toBe("120.5");
    expect(trimDecimal("1000")).toBe("1000");
  });
});
