import { describe, expect, it } from "vitest";
import { fraction } from "./fraction.ts";
import { compareScenarios, growthFactor, projectFigures } from "./scenarios.ts";
import { enterprise, exampleJson, exampleTerms, monthly, residentSince } from "./test-helpers.ts";
import { parseTerms } from "./terms.ts";
import type { Figure, SubjectFacts } from "./types.ts";

const facts: SubjectFacts = { enterprises: [residentSince("E1", "2019-07-15", "longquan-xiaoshan-enclave")], enclaves: [] };

/** The Longquan–Xiaoshan terms with a different schedule: 100% for 3 years, then 60:40. */
function alternative() {
  const json = exampleJson("longquan-xiaoshan") as { rules: { schedule: { windows: unknown[] } }[] };
  for (const rule of json.rules) {
    rule.schedule.windows = [
      { fromYear: 1, toYear: 3, shares: [{ party: "331181", share: 10000 }, { party: "330109", share: 0 }] },
      { fromYear: 4, toYear: null, shares: [{ party: "331181", share: 6000 }, { party: "330109", share: 4000 }] },
    ];
  }
  return parseTerms(json);
}

describe("compareScenarios", () => {
  const figures = monthly(enterprise("E1"), "local_retained_vat", 2024, 1_000_000n);
  const comparison = compareScenarios({
    scenarios: [
      { label: "agreed", terms: exampleTerms("longquan-xiaoshan") },
      { label: "3 years, then 60:40", terms: alternative() },
    ],
    figures,
    facts,
    years: [2024],
    projection: { baseYear: 2024, throughYear: 2026, growthBp: { local_retained_vat: 500 } },
  });
  const amounts = (year: number, party: string) =>
    comparison.years.find((y) => y.year === year)?.rows.find((r) => r.party === party && r.measure === "local_retained_vat")?.amounts.map((a) => a.amount);

  it("sets the alternatives side by side for an observed year", () => {
    expect(comparison.years.map((y) => [y.year, y.projected])).toEqual([
      [2024, false],
      [2025, true],
      [2026, true],
    ]);
    expect(amounts(2024, "331181")).toEqual([9_000_000n, 7_200_000n]);
    expect(amounts(2024, "330109")).toEqual([3_000_000n, 4_800_000n]);
  });

  it("projects later years by compound growth on the base year", () => {
    // 2025: 12 × 1,050,000 = 12,600,000, all in year 6 or later; 2026: 12 × 1,102,500.
    expect(amounts(2025, "331181")).toEqual([6_300_000n, 7_560_000n]);
    expect(amounts(2026, "330109")).toEqual([6_615_000n, 5_292_000n]);
  });
});

describe("projectFigures", () => {
  const base: Figure[] = [
    { id: "f", version: 3, subject: enterprise("E1"), month: "2024-05", measure: "local_retained_vat", value: 333n },
    { id: "g", version: 1, subject: enterprise("E1"), month: "2024-05", measure: "local_retained_cit", value: -333n },
  ];

  it("rounds once from the exact compound value, half away from zero", () => {
    const projected = projectFigures(base, { baseYear: 2024, throughYear: 2026, growthBp: { local_retained_vat: 500, local_retained_cit: 500 } });
    // 333 × 1.05 = 349.65 → 350; 333 × 1.05² = 367.1325 → 367 (not 350 × 1.05 = 367.5 → 368).
    expect(projected.map((f) => [f.id, f.month, f.value])).toEqual([
      ["f@2025", "2025-05", 350n],
      ["g@2025", "2025-05", -350n],
      ["f@2026", "2026-05", 367n],
      ["g@2026", "2026-05", -367n],
    ]);
  });

  it("keeps a measure without growth flat and refuses a fall of more than 100%", () => {
    expect(projectFigures(base, { baseYear: 2024, throughYear: 2025, growthBp: {} }).map((f) => f.value)).toEqual([333n, -333n]);
    expect(growthFactor(-300, 2)).toEqual(fraction(9409n, 10000n));
    expect(() => growthFactor(-10001, 1)).toThrow(/basis points/);
  });
});
