import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "./property-runs.ts";
import { annualSplit, postedBefore, settlePeriod, type RuleLine } from "./settle.ts";
import { duesOf, enterprise, monthly, monthPeriod, residentSince, settleInTurn, totalOf } from "./test-helpers.ts";
import { parseTerms } from "./terms.ts";
import type { Figure, Period, SubjectFacts } from "./types.ts";

// Settling runs the whole engine per case, so it tries fewer cases than the allocation kernel.
const numRuns = Math.max(50, Math.floor(propertyRuns() / 10));

const shares = (a: number | string, b: number | string, c: number | string) => [
  { party: "A", share: a },
  { party: "B", share: b },
  { party: "C", share: c },
];

function termsWith(limits: { party: string; cap?: string | null; floor?: string | null }[]) {
  return parseTerms({
    id: "t",
    version: 1,
    effectiveFrom: "2015-01-01",
    parties: [
      { code: "A", name: "A" },
      { code: "B", name: "B" },
      { code: "C", name: "C" },
    ],
    rules: [
      {
        id: "vat",
        measure: "local_retained_vat",
        coverage: { kind: "enclave_residents", enclave: "X" },
        schedule: {
          basis: "production_start",
          windows: [
            { fromYear: 1, toYear: 2, shares: shares(8000, 0, 2000) },
            { fromYear: 3, toYear: null, shares: shares("1/3", "1/3", "1/3") },
          ],
        },
        limits,
      },
    ],
    guaranteedReturns: [{ id: "g", kind: "floor", principalFen: "100000", rate: 1000, payer: "B", beneficiary: "C", fromYear: 2015, toYear: null }],
  });
}

const months = Array.from({ length: 12 }, (_, i) => monthPeriod(2024, i + 1));
const quarters: Period[] = [1, 2, 3, 4].map((q) => ({ kind: "quarter", label: `2024-Q${q}`, year: 2024, firstMonth: q * 3 - 2, lastMonth: q * 3 }));

type Case = { values: bigint[][]; starts: number[]; capA: bigint | null; floorC: bigint | null };

const caseArb: fc.Arbitrary<Case> = fc.record({
  values: fc.array(fc.array(fc.bigInt({ min: -50_000n, max: 1_000_000n }), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 3 }),
  starts: fc.array(fc.integer({ min: 0, max: 47 }), { minLength: 3, maxLength: 3 }),
  capA: fc.option(fc.bigInt({ min: 0n, max: 3_000_000n }), { nil: null }),
  floorC: fc.option(fc.bigInt({ min: 0n, max: 3_000_000n }), { nil: null }),
});

function caseInput(c: Case) {
  const terms = termsWith([
    ...(c.capA !== null ? [{ party: "A", cap: `${c.capA}` }] : []),
    ...(c.floorC !== null ? [{ party: "C", floor: `${c.floorC}` }] : []),
  ]);
  // Production starts from January 2021 to December 2024, so 2024 crosses the window change for some.
  const facts: SubjectFacts = {
    enterprises: c.values.map((_, i) => {
      const m = c.starts[i] ?? 0;
      return residentSince(`E${i}`, `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-10`, "X");
    }),
    enclaves: [],
  };
  const figures = c.values.flatMap((v, i) => monthly(enterprise(`E${i}`), "local_retained_vat", 2024, v));
  return { terms, facts, figures };
}

describe("settlePeriod", () => {
  it("posts months that add up exactly to the annual split, with caps, floors and guarantees", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = caseInput(c);
        const annual = duesOf(annualSplit(input.terms, 2024, input.figures, input.facts));
        expect(settleInTurn(input, months).ledger).toEqual(annual);
        expect(settleInTurn(input, quarters).ledger).toEqual(annual);
      }),
      { numRuns },
    );
  });

  it("keeps every line within its year's split: the parts of a subject add up to its year-to-date total", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = caseInput(c);
        const lines = annualSplit(input.terms, 2024, input.figures, input.facts).lines.filter((l): l is RuleLine => l.kind === "rule");
        for (const subject of new Set(lines.map((l) => l.subject.id))) {
          const mine = lines.filter((l) => l.subject.id === subject);
          expect(mine.reduce((a, l) => a + l.dueToDate, 0n)).toBe(mine[0]?.ytdTotal);
          const a = mine.find((l) => l.party === "A");
          if (c.capA !== null && a) expect(a.dueToDate <= c.capA).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it("gives the same output for the same input, whatever the order of the figures", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = caseInput(c);
        const period = monthPeriod(2024, 12);
        const first = settlePeriod({ ...input, period });
        expect(settlePeriod({ ...input, period })).toEqual(first);
        expect(settlePeriod({ ...input, figures: [...input.figures].reverse(), period })).toEqual(first);
      }),
      { numRuns },
    );
  });

  it("posts a corrected figure's difference in the next period and uses the latest version", () => {
    const terms = termsWith([]);
    const facts: SubjectFacts = { enterprises: [residentSince("E1", "2018-01-01", "X")], enclaves: [] };
    const original = monthly(enterprise("E1"), "local_retained_vat", 2024, 300n);
    const january = settlePeriod({ terms, facts, figures: original, period: monthPeriod(2024, 1) });
    const correction: Figure = { ...(original[0] as Figure), version: 2, value: 900n };
    const february = settlePeriod({
      terms,
      facts,
      figures: [...original, correction],
      period: monthPeriod(2024, 2),
      posted: january.lines.map((l) => ({ rule: "vat", subject: (l as RuleLine).subject, party: l.party, measure: "local_retained_vat", amount: l.amount })),
    });
    // January posted 100 each; the year to date is now 900 + 300 = 1200, so February posts 300 each.
    expect(february.lines.map((l) => l.amount)).toEqual([300n, 300n, 300n]);
    const used = (february.lines[0] as RuleLine).segments[0]?.figures.find((f) => f.month === "2024-01");
    expect(used).toMatchObject({ version: 2, value: 900n });
  });

  it("reverses a posting whose figures are withdrawn", () => {
    const terms = termsWith([]);
    const posted = [{ rule: "vat", subject: enterprise("GONE"), party: "A", measure: "local_retained_vat", amount: 500n }];
    const result = settlePeriod({ terms, facts: { enterprises: [], enclaves: [] }, figures: [], period: monthPeriod(2024, 3), posted });
    expect(result.lines).toMatchObject([{ kind: "rule", party: "A", dueToDate: 0n, previouslyPosted: 500n, amount: -500n }]);
  });

  it("passes a capped excess to the other parties by their shares", () => {
    const terms = termsWith([{ party: "A", cap: "1000" }]);
    const facts: SubjectFacts = { enterprises: [residentSince("E1", "2018-01-01", "X")], enclaves: [] };
    const year = annualSplit(terms, 2024, monthly(enterprise("E1"), "local_retained_vat", 2024, [3001n]), facts);
    // 3001 by thirds: 1001 / 1000 / 1000; A is capped at 1000 and its 1 fen over goes to B (tie, listed first).
    expect(["A", "B", "C"].map((p) => totalOf(year, p, "local_retained_vat"))).toEqual([1000n, 1001n, 1000n]);
    const a = year.lines.find((l) => l.party === "A") as RuleLine;
    expect(a.limits[0]).toMatchObject({ kind: "cap", change: -1n });
  });

  it("applies a floor only when the period ends the year, taking from the others above their floors", () => {
    const terms = termsWith([{ party: "C", floor: "2000" }]);
    const facts: SubjectFacts = { enterprises: [residentSince("E1", "2018-01-01", "X")], enclaves: [] };
    const figures = monthly(enterprise("E1"), "local_retained_vat", 2024, [3000n]);
    const march = settlePeriod({ terms, facts, figures, period: monthPeriod(2024, 3) });
    expect(totalOf(march, "C", "local_retained_vat")).toBe(1000n);
    const year = annualSplit(terms, 2024, figures, facts);
    expect(["A", "B", "C"].map((p) => totalOf(year, p, "local_retained_vat"))).toEqual([500n, 500n, 2000n]);
    // C's 2,000 of rule receipts count toward its 10% floor on 100,000 fen (10,000), paid by B.
    expect(totalOf(year, "C", "guaranteed_return")).toBe(8000n);
  });

  it("reports figures it cannot place in the schedule, and figures shared twice", () => {
    const terms = termsWith([]);
    const facts: SubjectFacts = { enterprises: [residentSince("E1", "2024-06-01", "X"), residentSince("E2", null, "X")], enclaves: [] };
    const figures = [...monthly(enterprise("E1"), "local_retained_vat", 2024, [5n]), ...monthly(enterprise("E2"), "local_retained_vat", 2024, [7n])];
    const year = annualSplit(terms, 2024, figures, facts);
    expect(year.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([expect.stringContaining("before production started"), expect.stringContaining("no production start")]),
    );
    const twice = parseTerms({
      id: "t2",
      version: 1,
      effectiveFrom: "2015-01-01",
      parties: [
        { code: "A", name: "A" },
        { code: "B", name: "B" },
      ],
      rules: ["r1", "r2"].map((id) => ({
        id,
        measure: "local_retained_vat",
        coverage: { kind: "enterprises", enterprises: ["E1"] },
        schedule: { basis: "calendar", startYear: 2020, windows: [{ fromYear: 1, toYear: null, shares: [{ party: "A", share: 10000 }] }] },
      })),
    });
    expect(annualSplit(twice, 2024, figures, facts).warnings.join()).toContain("shared more than once");
  });

  it("simulates earlier periods of the year as posted", () => {
    const terms = termsWith([]);
    const facts: SubjectFacts = { enterprises: [residentSince("E1", "2018-01-01", "X")], enclaves: [] };
    const figures = monthly(enterprise("E1"), "local_retained_vat", 2024, 100n);
    const period = { kind: "quarter", label: "2024-Q2", year: 2024, firstMonth: 4, lastMonth: 6 } as const;
    const posted = postedBefore({ terms, facts, figures, period });
    expect(posted.map((p) => p.amount)).toEqual([100n, 100n, 100n]); // Q1: 300 fen by thirds
    const q2 = settlePeriod({ terms, facts, figures, period, posted });
    expect(q2.lines.map((l) => [l.previouslyPosted, l.amount])).toEqual([
      [100n, 100n],
      [100n, 100n],
      [100n, 100n],
    ]);
  });
});
