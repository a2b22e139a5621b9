// The overview's figures, computed exactly from what the API gives: investment by pipeline stage (fen, bigint),
// per-capita GDP of each side and their ratio (decimal facts, bigint division).
import type { Region } from "../../../../contracts/regions.ts";
import type { Pipeline } from "../../../../contracts/projects.ts";
import { divideDecimals } from "../../format/decimal.ts";
import { projectStages } from "../../domain/enums.ts";

type Stage = (typeof projectStages)[number];

/** Sums planned and actual investment over the stages from `from` on (signed: every signed project, …). */
export function investmentFrom(
  pipeline: Pipeline,
  from: Stage,
): { plannedFen: bigint; actualFen: bigint; count: number; stages: Pipeline["stages"] } {
  const first = projectStages.indexOf(from);
  const stages = pipeline.stages.filter((s) => projectStages.indexOf(s.stage) >= first);
  return {
    plannedFen: stages.reduce((sum, s) => sum + BigInt(s.plannedInvestmentFen), 0n),
    actualFen: stages.reduce((sum, s) => sum + BigInt(s.actualInvestmentFen), 0n),
    count: stages.reduce((sum, s) => sum + s.count, 0),
    stages,
  };
}

export type PerCapitaYear = {
  year: number;
  sides: { code: string; perCapita: string; gdp: string; population: string; illustrative: boolean }[];
  /** The first side's per-capita GDP over the second's, two decimals. */
  ratio: string;
  illustrative: boolean;
};

/**
 * Per-capita GDP (yuan per person, whole yuan) for every year in which each side has both a GDP fact (yuan) and
 * a population fact (persons); years missing either on any side are left out rather than estimated.
 */
export function perCapitaGdp(regions: readonly Region[]): PerCapitaYear[] {
  const factsOf = (region: Region, measure: string) =>
    new Map(region.facts.filter((f) => f.measure === measure).map((f) => [f.year, f]));
  const tables = regions.map((r) => ({
    region: r,
    gdp: factsOf(r, "gdp"),
    population: factsOf(r, "population"),
  }));
  const years = [...new Set(regions.flatMap((r) => r.facts.map((f) => f.year)))].sort((a, b) => a - b);
  const out: PerCapitaYear[] = [];
  for (const year of years) {
    const sides = tables.map(({ region, gdp, population }) => {
      const g = gdp.get(year);
      const p = population.get(year);
      if (!g || !p || g.unit !== "yuan" || !/[1-9]/.test(p.value)) return undefined;
      return {
        code: region.code,
        perCapita: divideDecimals(g.value, p.value, 0),
        gdp: g.value,
        population: p.value,
        illustrative: g.illustrative || p.illustrative,
      };
    });
    if (sides.length < 2 || sides.some((s) => s === undefined)) continue;
    const complete = sides as NonNullable<(typeof sides)[number]>[];
    const [first, second] = complete as [(typeof complete)[number], (typeof complete)[number]];
    out.push({
      year,
      sides: complete,
      ratio: /[1-9]/.test(second.perCapita) ? divideDecimals(first.perCapita, second.perCapita, 2) : "—",
      illustrative: complete.some((s) => s.illustrative),
    });
  }
  return out;
}

/** Orders a pairing's members developed side first, so the ratio reads "developed ÷ mountain". */
export function developedFirst<T extends { kind: string | null }>(members: readonly T[]): T[] {
  const rank = (kind: string | null) => (kind === "developed" ? 0 : kind === "mountain" ? 1 : 2);
  return [...members].sort((a, b) => rank(a.kind) - rank(b.kind));
}
