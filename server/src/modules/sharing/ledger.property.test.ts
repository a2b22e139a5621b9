import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annualSplit, parseTerms, type Figure, type Period, type SubjectFacts } from "./engine/index.ts";
import { propertyRuns } from "./engine/property-runs.ts";
import { correctFigure, newModel, reportedTotals, settleAndLock, type LedgerModel } from "./ledger-model.ts";
import { balancesFromLines, postedFromLines, unbalancedUnits } from "./postings.ts";
import { settlementWindows } from "./run-compute.ts";

// The journal's invariants over random sequences of settle / correct / restate, in memory with the service's
// own functions: every entry balances; each party's balance recomputed from the journal equals the sum of the
// locked runs' reported totals; and once the year's last period is settled on the final figures, what the
// journal holds per rule, subject and party is exactly the split of the annual total.

type Op = { kind: "settle" } | { kind: "correct"; figure: number; value: bigint } | { kind: "restate"; which: number };

type Case = { split: number; cap: bigint | null; principal: bigint; values: bigint[]; quarters: boolean; ops: Op[] };

const subjects = ["e1", "e2"];

function termsOf(c: Case) {
  return parseTerms({
    id: "model",
    version: 1,
    effectiveFrom: "2020-01-01",
    parties: [
      { code: "A", name: "A" },
      { code: "B", name: "B" },
    ],
    rules: [
      {
        id: "vat",
        measure: "local_retained_vat",
        coverage: { kind: "enterprises", enterprises: subjects },
        schedule: { basis: "production_start", windows: [{ fromYear: 1, toYear: 1, shares: [{ party: "A", share: 10000 }, { party: "B", share: 0 }] }, { fromYear: 2, toYear: null, shares: [{ party: "A", share: c.split }, { party: "B", share: 10000 - c.split }] }] },
        ...(c.cap === null ? {} : { limits: [{ party: "B", cap: String(c.cap) }] }),
      },
      {
        id: "energy",
        measure: "energy_quota",
        coverage: { kind: "enterprises", enterprises: subjects },
        schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: [{ party: "A", share: "1/3" }, { party: "B", share: "2/3" }] }] },
      },
    ],
    guaranteedReturns: [{ id: "floor", kind: "floor", principalFen: String(c.principal), rate: 1000, payer: "B", beneficiary: "A", fromYear: 2024, toYear: null, countsRules: ["vat"] }],
  });
}

// e1 started in mid-2023 (its year 2 begins in July 2024), e2 has no production start: its tax is skipped.
const facts: SubjectFacts = {
  enterprises: [
    { id: "e1", productionStart: "2023-07-10", residencies: [] },
    { id: "e2", productionStart: "2022-01-01", residencies: [] },
  ],
  enclaves: [],
};

function figuresOf(values: readonly bigint[]): Figure[] {
  return values.map((value, i) => {
    const month = (i % 12) + 1;
    const subject = subjects[Math.floor(i / 12) % 2] as string;
    const measure = i < 24 ? "local_retained_vat" : "energy_quota";
    return { id: `${subject}/${measure}/${month}`, version: 1, subject: { kind: "enterprise", id: subject }, month: `2024-${String(month).padStart(2, "0")}`, measure, value };
  });
}

const periodsOf = (quarters: boolean): Period[] =>
  quarters
    ? [1, 2, 3, 4].map((q) => ({ kind: "quarter", label: `2024-Q${q}`, year: 2024, firstMonth: q * 3 - 2, lastMonth: q * 3 }))
    : Array.from({ length: 12 }, (_, i) => ({ kind: "month", label: `2024-${String(i + 1).padStart(2, "0")}`, year: 2024, firstMonth: i + 1, lastMonth: i + 1 }));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "settle" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("correct" as const), figure: fc.nat(47), value: fc.bigInt({ min: -20_000n, max: 2_000_000n }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restate" as const), which: fc.nat(11) }) },
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  split: fc.integer({ min: 1, max: 10000 }),
  cap: fc.option(fc.bigInt({ min: 0n, max: 5_000_000n }), { nil: null }),
  principal: fc.bigInt({ min: 1n, max: 200_000_000n }),
  values: fc.array(fc.bigInt({ min: -20_000n, max: 2_000_000n }), { minLength: 48, maxLength: 48 }),
  quarters: fc.boolean(),
  ops: fc.array(opArb, { maxLength: 16 }),
});

function checkInvariants(model: LedgerModel): void {
  for (const entry of model.entries) expect(unbalancedUnits(entry.lines)).toEqual([]);
  const journal = balancesFromLines(model.entries.flatMap((e) => e.lines));
  const reported = reportedTotals(model);
  for (const key of new Set([...journal.keys(), ...reported.keys()])) {
    expect(journal.get(key)?.amount ?? 0n, key).toBe(reported.get(key) ?? 0n);
  }
}

function play(c: Case): LedgerModel {
  const terms = termsOf(c);
  const model = newModel(settlementWindows([{ id: "ts-1", version: 1, terms }]), facts, figuresOf(c.values));
  const periods = periodsOf(c.quarters);
  let settled = 0;
  for (const op of c.ops) {
    if (op.kind === "settle" && settled < periods.length) settleAndLock(model, periods[settled++] as Period);
    else if (op.kind === "correct") correctFigure(model, (model.figures[op.figure] as Figure).id, op.value);
    else if (op.kind === "restate" && settled > 0) settleAndLock(model, periods[op.which % settled] as Period);
    checkInvariants(model);
  }
  // The rest of the year, then the last period once more on the final figures.
  while (settled < periods.length) settleAndLock(model, periods[settled++] as Period);
  settleAndLock(model, periods[periods.length - 1] as Period);
  checkInvariants(model);
  return model;
}

describe("the ledger over random settle / correct / restate sequences", () => {
  it("balances every entry, agrees with the reported totals, and ends at the annual split", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const model = play(c);
        const posted = new Map(postedFromLines(model.entries.flatMap((e) => e.lines)).map((p) => [`${p.rule}|${p.subject?.id ?? "-"}|${p.party}`, p.amount]));
        const annual = annualSplit(termsOf(c), 2024, model.figures, facts);
        const due = new Map(annual.lines.map((l) => [`${l.kind === "rule" ? l.rule : l.guarantee}|${l.kind === "rule" ? l.subject.id : "-"}|${l.party}`, l.dueToDate]));
        for (const key of new Set([...posted.keys(), ...due.keys()])) expect(posted.get(key) ?? 0n, key).toBe(due.get(key) ?? 0n);
      }),
      { numRuns: propertyRuns() },
    );
  });

  it("reverses a restated run's posting exactly", () => {
    const c: Case = { split: 7000, cap: null, principal: 1n, values: Array.from({ length: 48 }, (_, i) => BigInt(1000 + i)), quarters: true, ops: [] };
    const model = newModel(settlementWindows([{ id: "ts-1", version: 1, terms: termsOf(c) }]), facts, figuresOf(c.values));
    const q1: Period = { kind: "quarter", label: "2024-Q1", year: 2024, firstMonth: 1, lastMonth: 3 };
    const first = settleAndLock(model, q1);
    correctFigure(model, "e1/local_retained_vat/2", 99_999n);
    settleAndLock(model, q1);
    const reversal = model.entries[1];
    expect(reversal?.kind).toBe("reversal");
    expect(reversal?.lines.map((l) => -l.amount)).toEqual(first.entry.lines.map((l) => l.amount));
    expect(first.status).toBe("restated");
    checkInvariants(model);
  });
});
