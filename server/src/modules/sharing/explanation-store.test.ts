import { describe, expect, it } from "vitest";
import { formatMeasureAmount, parseTerms, type Figure, type Period, type SubjectFacts } from "./engine/index.ts";
import { decodeExplanations, encodeExplanations, GROUPS_PER_ROW, storedColumnsOf, type FigureFound, type FigureKey, type StoredLineExplanation } from "./explanation-store.ts";
import { computeRun, explanationOf, settlementWindows, type LedgerPosted, type RunLine } from "./run-compute.ts";

// A run's explanations, stored compactly and read back, are what the engine presented: every line, whatever it
// went through (windows split by an anniversary, caps, floors, refunds, quantities, corrections, reversals,
// guaranteed returns).

const year: Period = { kind: "year", label: "2024", year: 2024, firstMonth: 1, lastMonth: 12 };
const months = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`);

const terms = parseTerms({
  id: "store",
  version: 1,
  effectiveFrom: "2020-01-01",
  parties: [
    { code: "A", name: "甲 County A" },
    { code: "B", name: "乙 County B" },
  ],
  rules: [
    {
      id: "vat",
      measure: "local_retained_vat",
      coverage: { kind: "enterprises", enterprises: ["e1", "e2", "e3"] },
      schedule: { basis: "production_start", windows: [{ fromYear: 1, toYear: 1, shares: [{ party: "A", share: 10000 }, { party: "B", share: 0 }] }, { fromYear: 2, toYear: null, shares: [{ party: "A", share: "1/3" }, { party: "B", share: "2/3" }] }] },
      limits: [{ party: "B", cap: "500000" }, { party: "A", floor: "900000" }],
    },
    {
      id: "vat-again",
      measure: "local_retained_vat",
      coverage: { kind: "enterprises", enterprises: ["e1"] },
      schedule: { basis: "calendar", startYear: 2020, windows: [{ fromYear: 1, toYear: null, shares: [{ party: "A", share: 5000 }, { party: "B", share: 5000 }] }] },
    },
    {
      id: "energy",
      measure: "energy_quota",
      coverage: { kind: "enterprises", enterprises: ["e1", "e2"] },
      schedule: { basis: "calendar", startYear: 2023, windows: [{ fromYear: 1, toYear: null, shares: [{ party: "A", share: 3000 }, { party: "B", share: 7000 }] }] },
    },
  ],
  guaranteedReturns: [{ id: "floor", kind: "floor", principalFen: "50000000", rate: 600, payer: "B", beneficiary: "A", fromYear: 2024, toYear: null, countsRules: ["vat"] }],
});

const facts: SubjectFacts = {
  enterprises: [
    { id: "e1", productionStart: "2023-07-10", residencies: [] },
    { id: "e2", productionStart: "2022-01-01", residencies: [] },
    { id: "e3", productionStart: null, residencies: [] },
  ],
  enclaves: [],
};

function figure(subject: string, month: string, measure: string, value: bigint, version = 1): Figure {
  return { id: `${subject}/${month}/${measure}`, version, subject: { kind: "enterprise", id: subject }, month, measure, value };
}

const figures: Figure[] = [
  ...["e1", "e2", "e3"].flatMap((e, i) => months.map((m, k) => figure(e, m, "local_retained_vat", BigInt(100_003 + i * 7_919 + k * 1_237 - (e === "e2" && k === 4 ? 400_000 : 0))))),
  ...["e1", "e2"].flatMap((e, i) => months.map((m) => figure(e, m, "energy_quota", BigInt(2_000_123_457 + i * 500_000)))),
  figure("e1", "2024-03", "local_retained_vat", 123_457n, 2),
];

// What the indicators module gives back for a figure version: its id and its value as text.
async function lookUp(keys: readonly FigureKey[]): Promise<FigureFound[]> {
  return keys.map((k) =>
    figures
      .filter((f) => f.subject.id === k.subjectId && f.month === k.month && f.measure === k.measure && f.version === k.version)
      .map((f) => ({ figureId: f.id, unit: f.measure === "energy_quota" ? "tce" : "fen", value: formatMeasureAmount(f.value, f.measure === "energy_quota" ? "quantity" : "money") })),
  );
}

/** The lines as the database keeps them (JSON through jsonb), with the encoded run. */
function stored(lines: readonly RunLine[]) {
  const encoded = encodeExplanations(lines);
  const rows = new Map(encoded.chunks.map((c) => [c.firstRef, c.groups]));
  const storedLines: StoredLineExplanation[] = lines.map((l, i) => ({
    ...storedColumnsOf(l),
    explanationRef: encoded.lines[i]?.ref ?? null,
    explanation: encoded.lines[i]?.explanation === null ? null : JSON.parse(JSON.stringify(encoded.lines[i]?.explanation)),
  }));
  return { encoded, rows, storedLines };
}

const presented = (l: RunLine) => JSON.parse(JSON.stringify(explanationOf(l))) as unknown;

describe("explanations stored once per rule and subject", () => {
  const posted: LedgerPosted[] = [{ termsVersion: 1, rule: "vat", subject: { kind: "enterprise", id: "e9" }, party: "A", measure: "local_retained_vat", amount: 5_000n }];
  const run = computeRun({ termSets: settlementWindows([{ id: "t1", version: 1, terms }]), period: year, figures, facts, posted });

  it("covers what the test means to cover", () => {
    const explained = run.lines.map(presented) as { kind: string; segments?: unknown[]; limits?: { kind: string }[] }[];
    expect(explained.some((e) => e.segments?.length === 2)).toBe(true);
    expect(new Set(explained.flatMap((e) => (e.limits ?? []).map((l) => l.kind)))).toEqual(new Set(["cap", "cap_excess", "floor", "floor_contribution"]));
    expect(explained.some((e) => e.kind === "rule" && e.segments?.length === 0)).toBe(true); // the reversal
    expect(explained.some((e) => e.kind === "guaranteed_return")).toBe(true);
    expect(run.lines.some((l) => l.unit === "tce")).toBe(true);
  });

  it("reads back every line's explanation as the engine presented it", async () => {
    const { encoded, rows, storedLines } = stored(run.lines);
    // Both parties' lines of a rule and subject share one group; only guaranteed returns keep JSON.
    expect(encoded.chunks.flatMap((c) => c.groups.split("\n"))).toHaveLength(new Set(encoded.lines.flatMap((l) => (l.ref === null ? [] : [l.ref]))).size);
    expect(encoded.lines.filter((l) => l.explanation !== null)).toHaveLength(run.lines.filter((l) => l.kind === "guaranteed_return").length);
    const decoded = await decodeExplanations(storedLines, { year: 2024, texts: encoded.texts, rows }, lookUp);
    expect(decoded).toEqual(run.lines.map(presented));
  });

  it("reads one line alone, and lines whose groups are in the second stored row", async () => {
    const many = ["vat"].flatMap(() => Array.from({ length: GROUPS_PER_ROW + 50 }, (_, i) => `m${i}`));
    const manyTerms = parseTerms({
      id: "many",
      version: 1,
      effectiveFrom: "2020-01-01",
      parties: terms.parties,
      rules: [{ id: "vat", measure: "local_retained_vat", coverage: { kind: "enterprises", enterprises: many }, schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: [{ party: "A", share: 7000 }, { party: "B", share: 3000 }] }] } }],
    });
    const manyFigures = many.map((e, i) => figure(e, "2024-01", "local_retained_vat", BigInt(1_000 + i)));
    const manyRun = computeRun({ termSets: settlementWindows([{ id: "t", version: 1, terms: manyTerms }]), period: { kind: "month", label: "2024-01", year: 2024, firstMonth: 1, lastMonth: 1 }, figures: manyFigures, facts: { enterprises: [], enclaves: [] }, posted: [] });
    const { encoded, rows, storedLines } = stored(manyRun.lines);
    expect(encoded.chunks.map((c) => c.firstRef)).toEqual([1, GROUPS_PER_ROW + 1]);
    const last = storedLines.slice(-1);
    const find = async (keys: readonly FigureKey[]) => keys.map((k) => manyFigures.filter((f) => f.subject.id === k.subjectId && f.month === k.month).map((f) => ({ figureId: f.id, unit: "fen", value: `${f.value}` })));
    expect(await decodeExplanations(last, { year: 2024, texts: encoded.texts, rows }, find)).toEqual(manyRun.lines.slice(-1).map(presented));
  });

  it("refuses to explain a line with figures that are not the ones it was settled on", async () => {
    const { encoded, rows, storedLines } = stored(run.lines);
    const line = storedLines.filter((l) => l.explanationRef !== null && l.rule === "vat-again");
    const gone = async (keys: readonly FigureKey[]) => keys.map(() => []);
    await expect(decodeExplanations(line, { year: 2024, texts: encoded.texts, rows }, gone)).rejects.toThrow(/not found/);
    const changed = async (keys: readonly FigureKey[]) => (await lookUp(keys)).map((found) => found.map((f) => ({ ...f, value: "1" })));
    await expect(decodeExplanations(line, { year: 2024, texts: encoded.texts, rows }, changed)).rejects.toThrow(/add up/);
  });
});
