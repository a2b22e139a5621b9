import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sharingTermsJsonSchema } from "../../../../../contracts/sharing-terms.ts";
import { fraction } from "./fraction.ts";
import { exampleJson } from "./test-helpers.ts";
import { validateTerms } from "./terms.ts";

const examplesDir = fileURLToPath(new URL("../../../../../docs/sharing/examples/", import.meta.url));

/** A valid two-party term set to break one piece at a time. */
function base(): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    id: "t",
    version: 1,
    effectiveFrom: "2020-01-01",
    parties: [
      { code: "330784", name: "Yongkang" },
      { code: "330723", name: "Wuyi" },
    ],
    rules: [
      {
        id: "vat",
        measure: "local_retained_vat",
        coverage: { kind: "enclave_residents", enclave: "E" },
        schedule: {
          basis: "production_start",
          windows: [
            { fromYear: 1, toYear: 5, shares: [{ party: "330723", share: 10000 }, { party: "330784", share: 0 }] },
            { fromYear: 6, toYear: null, shares: [{ party: "330723", share: "1/3" }, { party: "330784", share: "2/3" }] },
          ],
        },
      },
    ],
    guaranteedReturns: [],
  };
}

const problemsOf = (input: unknown) => {
  const result = validateTerms(input);
  return result.ok ? [] : result.problems;
};

describe("validateTerms", () => {
  it("accepts valid terms and compiles shares to exact fractions", () => {
    const result = validateTerms(base());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.terms.rules[0]?.windows[1]?.shares[1]?.share).toEqual(fraction(2n, 3n));
  });

  it("accepts every example in docs/sharing/examples", () => {
    const names = readdirSync(examplesDir).filter((f) => f.endsWith(".json"));
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) expect([name, problemsOf(exampleJson(name.replace(/\.json$/, "")))]).toEqual([name, []]);
  });

  it("names shares that do not add up to the whole", () => {
    const t = base();
    t.rules[0].schedule.windows[0].shares[0].share = 9000;
    expect(problemsOf(t)).toEqual([{ path: "rules.0.schedule.windows.0.shares", message: "shares add up to 9/10 (9000 bp), not the whole (10000 bp)" }]);
  });

  it("finds gaps, overlaps, a window before year 1 and an open window that is not last", () => {
    const gap = base();
    gap.rules[0].schedule.windows[1].fromYear = 7;
    expect(problemsOf(gap)).toEqual([{ path: "rules.0.schedule.windows.1.fromYear", message: "leaves a gap: years 6–6 are in no window" }]);
    const overlap = base();
    overlap.rules[0].schedule.windows[1].fromYear = 4;
    expect(problemsOf(overlap)[0]?.message).toBe("overlaps the window before it, which runs to year 5");
    const open = base();
    open.rules[0].schedule.windows[0].toYear = null;
    expect(problemsOf(open).map((p) => p.path)).toEqual(["rules.0.schedule.windows.0.toYear", "rules.0.schedule.windows.1.fromYear"]);
    const late = base();
    late.rules[0].schedule.windows[0].fromYear = 2;
    expect(problemsOf(late)[0]?.message).toContain("years 1–1 are in no window");
  });

  it("names unknown parties and measures, and a party listed twice", () => {
    const t = base();
    t.rules[0].schedule.windows[0].shares[1].party = "330000";
    t.rules[0].measure = "vat";
    const problems = problemsOf(t);
    expect(problems.map((p) => p.path)).toEqual(["rules.0.measure"]);
    expect(problems[0]?.message).toContain("must be one of local_retained_vat");
    t.rules[0].measure = { key: "tourism_revenue", unit: "fen" };
    expect(problemsOf(t)).toEqual([{ path: "rules.0.schedule.windows.0.shares.1.party", message: "unknown party 330000; parties are 330784, 330723" }]);
    const twice = base();
    twice.rules[0].schedule.windows[0].shares[1].party = "330723";
    expect(problemsOf(twice).map((p) => p.message)).toContain("party 330723 appears twice in this window");
  });

  it("refuses caps below floors, limits of strangers and money limits in part-fen", () => {
    const t = base();
    t.rules[0].limits = [
      { party: "330723", cap: "100", floor: "200" },
      { party: "999999", floor: "1" },
      { party: "330784", cap: "1.5" },
    ];
    expect(problemsOf(t)).toEqual([
      { path: "rules.0.limits.0.cap", message: "is below the floor (200)" },
      { path: "rules.0.limits.1.party", message: "party 999999 has no share in this rule" },
      { path: "rules.0.limits.2.cap", message: "must be whole fen for a money measure" },
      { path: "rules.0.schedule.windows.0.shares", message: expect.stringContaining("nowhere to go") },
    ]);
  });

  it("refuses a cap whose excess would have nowhere to go", () => {
    const t = base();
    t.rules[0].limits = [{ party: "330723", cap: "100" }];
    expect(problemsOf(t)).toEqual([{ path: "rules.0.schedule.windows.0.shares", message: expect.stringContaining("nowhere to go") }]);
  });

  it("checks guaranteed returns: parties, years, counted rules", () => {
    const t = base();
    t.guaranteedReturns = [
      { id: "vat", kind: "floor", principalFen: "0", rate: 1000, payer: "330784", beneficiary: "330784", fromYear: 2019, toYear: 2018, countsRules: ["nope"] },
    ];
    expect(problemsOf(t)).toEqual([
      { path: "guaranteedReturns.0.id", message: expect.stringContaining("already used by rules.0.id") },
      { path: "guaranteedReturns.0.beneficiary", message: "is also the payer" },
      { path: "guaranteedReturns.0.principalFen", message: "must be more than zero" },
      { path: "guaranteedReturns.0.toYear", message: "is before fromYear (2019)" },
      { path: "guaranteedReturns.0.fromYear", message: "is before the terms take effect (2020-01-01)" },
      { path: "guaranteedReturns.0.countsRules.0", message: "unknown rule nope" },
    ]);
  });

  it("reports shape problems with their paths, all at once", () => {
    const t = base();
    t.version = 0;
    t.rules[0].schedule.windows[0].shares[0].share = 0.7;
    t.rules[0].coverage = { kind: "region" };
    t.extra = true;
    const paths = problemsOf(t).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["version", "rules.0.schedule.windows.0.shares.0.share", "rules.0.coverage.kind", ""]));
  });

  it("keeps the committed JSON Schema in step with the contract", () => {
    const committed = readFileSync(fileURLToPath(new URL("../../../../../contracts/sharing-terms.schema.json", import.meta.url)), "utf8");
    expect(committed).toBe(`${JSON.stringify(sharingTermsJsonSchema(), null, 2)}\n`);
  });
});
