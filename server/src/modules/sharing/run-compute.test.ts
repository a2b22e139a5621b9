import { describe, expect, it } from "vitest";
import { parseTerms, type Figure, type Period } from "./engine/index.ts";
import { postingLines, unbalancedUnits } from "./postings.ts";
import { computeRun, fingerprintOf, settlementWindows, versionsFor } from "./run-compute.ts";

const version = (v: number, effectiveFrom: string, split: number) =>
  parseTerms({
    id: "t",
    version: v,
    effectiveFrom,
    parties: [
      { code: "A", name: "A" },
      { code: "B", name: "B" },
    ],
    rules: [
      {
        id: "vat",
        measure: "local_retained_vat",
        coverage: { kind: "enterprises", enterprises: ["e"] },
        schedule: { basis: "calendar", startYear: 2015, windows: [{ fromYear: 1, toYear: null, shares: [{ party: "A", share: split }, { party: "B", share: 10000 - split }] }] },
      },
    ],
  });

const figures: Figure[] = Array.from({ length: 12 }, (_, i) => ({
  id: `f${i + 1}`,
  version: 1,
  subject: { kind: "enterprise", id: "e" },
  month: `2024-${String(i + 1).padStart(2, "0")}`,
  measure: "local_retained_vat",
  value: 1000n,
}));
const facts = { enterprises: [{ id: "e", productionStart: null, residencies: [] }], enclaves: [] };
const year: Period = { kind: "year", label: "2024", year: 2024, firstMonth: 1, lastMonth: 12 };

describe("a run under several versions of the terms", () => {
  const windows = settlementWindows([
    { id: "v1", version: 1, terms: version(1, "2015-01-01", 10000) },
    { id: "v2", version: 2, terms: version(2, "2024-07-01", 5000) },
  ]);

  it("lets a later version take over from its effectiveFrom", () => {
    expect(windows.map((w) => [w.version, w.settlesFrom, w.settlesThrough])).toEqual([
      [1, "2015-01-01", "2024-06-30"],
      [2, "2024-07-01", null],
    ]);
    expect(versionsFor(windows, { kind: "month", label: "2024-03", year: 2024, firstMonth: 3, lastMonth: 3 }).map((w) => w.version)).toEqual([1]);
    expect(versionsFor(windows, year).map((w) => w.version)).toEqual([1, 2]);
  });

  it("settles each month under the version in force, with no month skipped or counted twice", () => {
    const run = computeRun({ termSets: windows, period: year, figures, facts, posted: [] });
    expect(run.lines.map((l) => [l.termsVersion, l.party, l.amount])).toEqual([
      [1, "A", 6000n],
      [1, "B", 0n],
      [2, "A", 3000n],
      [2, "B", 3000n],
    ]);
    expect(run.skipped).toEqual([]);
    expect(run.totals.map((t) => [t.party, t.amount])).toEqual([
      ["A", 9000n],
      ["B", 3000n],
    ]);
    expect(unbalancedUnits(postingLines(run.lines))).toEqual([]);
  });

  it("fingerprints the inputs: a new figure version changes it, the same inputs do not", () => {
    const input = { agreementId: "a", period: year, termSets: windows, figures, facts, posted: [] };
    expect(fingerprintOf(input).fingerprint).toBe(fingerprintOf({ ...input, figures: [...figures].reverse() }).fingerprint);
    const corrected = [...figures, { ...(figures[0] as Figure), version: 2, value: 1001n }];
    expect(fingerprintOf({ ...input, figures: corrected }).fingerprint).not.toBe(fingerprintOf(input).fingerprint);
  });
});
