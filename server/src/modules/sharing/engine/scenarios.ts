// Scenarios for negotiation: the same figures under alternative term sets, for past years and for projected
// years, side by side per party per year. A projected figure is the base year's figure for the same subject,
// measure and month grown by (1 + g)^n, computed as an exact fraction and rounded once, half away from zero, to
// whole fen (or micro-units) — so a projection never accumulates rounding from year to year.
import { fraction, fractionText, pow, roundHalfAwayFromZero, mul, type Fraction } from "./fraction.ts";
import { monthKey } from "./periods.ts";
import { annualSplit, latestFigures } from "./settle.ts";
import type { Figure, SharingTerms, SubjectFacts } from "./types.ts";

export type Projection = {
  /** The last observed year: its figures are grown. */
  baseYear: number;
  throughYear: number;
  /** Growth per measure key in whole basis points per year (500 is +5%, -300 is −3%); missing measures stay flat. */
  growthBp: Readonly<Record<string, number>>;
};

export type ScenarioInput = {
  scenarios: readonly { label: string; terms: SharingTerms }[];
  figures: readonly Figure[];
  facts: SubjectFacts;
  /** Observed years to compare. */
  years: readonly number[];
  projection?: Projection;
};

export type ScenarioRow = { party: string; measure: string; unit: string; amounts: { scenario: string; amount: bigint }[] };
export type ScenarioYear = { year: number; projected: boolean; rows: ScenarioRow[] };
export type ScenarioComparison = { scenarios: string[]; years: ScenarioYear[]; growth: { measure: string; bp: number }[]; warnings: string[] };

/** The growth factor over n years: ((10000 + bp) / 10000)^n, exactly. */
export function growthFactor(bp: number, years: number): Fraction {
  if (!Number.isInteger(bp) || bp < -10000) throw new RangeError(`growth must be whole basis points of at least -10000, got ${bp}`);
  return pow(fraction(BigInt(10000 + bp), 10000n), years);
}

/** Figures for the years after the base year, grown from the base year's figures (latest versions). */
export function projectFigures(figures: readonly Figure[], projection: Projection): Figure[] {
  const base = latestFigures(figures).figures.filter((f) => Number(f.month.slice(0, 4)) === projection.baseYear);
  const projected: Figure[] = [];
  for (let year = projection.baseYear + 1; year <= projection.throughYear; year += 1) {
    for (const f of base) {
      const factor = growthFactor(projection.growthBp[f.measure] ?? 0, year - projection.baseYear);
      projected.push({
        ...f,
        id: `${f.id}@${year}`,
        month: monthKey(year, Number(f.month.slice(5, 7))),
        value: roundHalfAwayFromZero(mul(fraction(f.value), factor)),
      });
    }
  }
  return projected;
}

export function compareScenarios(input: ScenarioInput): ScenarioComparison {
  const warnings: string[] = [];
  const labels = input.scenarios.map((s) => s.label);
  if (new Set(labels).size !== labels.length) throw new RangeError("scenario labels must be unique");
  const projection = input.projection;
  const projected = projection ? projectFigures(input.figures, projection) : [];
  const years = [...new Set(input.years)].sort((a, b) => a - b).map((year) => ({ year, projected: false }));
  if (projection) {
    if (input.years.some((y) => y > projection.baseYear)) warnings.push(`observed years after the base year ${projection.baseYear} are compared on observed figures`);
    for (let year = projection.baseYear + 1; year <= projection.throughYear; year += 1) {
      if (!years.some((y) => y.year === year)) years.push({ year, projected: true });
    }
  }
  const partyOrder = [...new Set(input.scenarios.flatMap((s) => s.terms.parties.map((p) => p.code)))];
  return {
    scenarios: labels,
    growth: Object.entries(projection?.growthBp ?? {}).map(([measure, bp]) => ({ measure, bp })),
    warnings,
    years: years.map(({ year, projected: isProjected }) => {
      const figures = isProjected ? projected : input.figures;
      const rows = new Map<string, ScenarioRow>();
      for (const scenario of input.scenarios) {
        const settlement = annualSplit(scenario.terms, year, figures, input.facts);
        for (const t of settlement.totals) {
          const key = `${t.party}|${t.measure}`;
          const row = rows.get(key) ?? { party: t.party, measure: t.measure, unit: t.unit, amounts: labels.map((l) => ({ scenario: l, amount: 0n })) };
          rows.set(key, row);
          const cell = row.amounts.find((a) => a.scenario === scenario.label) as { amount: bigint };
          cell.amount += t.dueToDate;
        }
      }
      const ordered = [...rows.values()].sort((a, b) => partyOrder.indexOf(a.party) - partyOrder.indexOf(b.party));
      return { year, projected: isProjected, rows: ordered };
    }),
  };
}

/** "(10500/10000)^2 = 441/400", for explaining a projected figure. */
export function growthText(bp: number, years: number): string {
  return `(${10000 + bp}/10000)^${years} = ${fractionText(growthFactor(bp, years))}`;
}
