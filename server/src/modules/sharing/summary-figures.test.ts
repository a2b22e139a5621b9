import { describe, expect, it } from "vitest";
import { perMu, revenueOf, sumOf } from "./summary-figures.ts";

describe("tax per mu", () => {
  it("divides exactly by a decimal area and rounds once, halves away from zero", () => {
    expect(perMu(195_789n, "120.5")).toBe(1625n); // 1,624.80…
    expect(perMu(1_001n, "2")).toBe(501n); // 500.5 → 501
    expect(perMu(-1_001n, "2")).toBe(-501n);
    expect(perMu(1_000n, "3")).toBe(333n);
    expect(perMu(1n, "0.000001")).toBe(1_000_000n);
  });

  it("has no figure for an enclave without land", () => {
    expect(perMu(100n, "0")).toBeNull();
    expect(perMu(100n, "0.00")).toBeNull();
  });
});

describe("sums of figures", () => {
  it("counts only the measures asked for and the months that have one", () => {
    const sum = sumOf(
      [
        { month: "2024-02", measure: "local_retained_vat", amountFen: 5n },
        { month: "2024-01", measure: "local_retained_cit", amountFen: 7n },
        { month: "2024-03", measure: "industrial_output", amountFen: 1_000n },
        { month: "2024-04", measure: "local_retained_vat", amountFen: null },
      ],
      ["local_retained_vat", "local_retained_cit"],
    );
    expect(sum.amount).toBe(12n);
    expect(sum.months).toEqual(["2024-01", "2024-02"]);
    expect([...sum.byMeasure]).toEqual([
      ["local_retained_vat", 5n],
      ["local_retained_cit", 7n],
    ]);
  });
});

describe("revenue per party", () => {
  it("lists every party first, sums the revenue measures only and leaves out empty ones", () => {
    const revenue = revenueOf(
      [
        { party: "B", measure: "local_retained_vat", amount: 30n },
        { party: "A", measure: "industrial_output", amount: 900n },
        { party: "C", measure: "guaranteed_return", amount: -5n },
      ],
      ["A", "B"],
      ["local_retained_vat", "guaranteed_return"],
    );
    expect(revenue).toEqual([
      { party: "A", revenue: 0n, byMeasure: [] },
      { party: "B", revenue: 30n, byMeasure: [{ measure: "local_retained_vat", amount: 30n }] },
      { party: "C", revenue: -5n, byMeasure: [{ measure: "guaranteed_return", amount: -5n }] },
    ]);
  });
});
