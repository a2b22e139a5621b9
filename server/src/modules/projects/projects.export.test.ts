import { describe, expect, it } from "vitest";
import { fenToWanYuan } from "./projects.export.ts";

describe("fenToWanYuan", () => {
  it("converts fen to 万元 exactly, without trailing zeros", () => {
    expect(fenToWanYuan("12600000000000")).toBe("12600000");
    expect(fenToWanYuan("1234567")).toBe("1.234567");
    expect(fenToWanYuan("1500000")).toBe("1.5");
    expect(fenToWanYuan("1")).toBe("0.000001");
    expect(fenToWanYuan("0")).toBe("0");
    expect(fenToWanYuan("-2500000")).toBe("-2.5");
    expect(fenToWanYuan(null)).toBeNull();
  });

  it("stays exact past 2^53 fen", () => {
    expect(fenToWanYuan("900719925474099312")).toBe("900719925474.099312");
  });
});
