import { describe, expect, it } from "vitest";
import type { Pipeline } from "../../../../contracts/projects.ts";
import type { Region } from "../../../../contracts/regions.ts";
import { developedFirst, investmentFrom, perCapitaGdp } from "./overview-figures.ts";

const meta = { version: 1, illustrative: false, createdAt: "", updatedAt: "", archivedAt: null };
const fact = (year: number, measure: string, value: string, unit: string, illustrative = false) => ({
  year,
  measure,
  value,
  unit,
  source: null,
  illustrative,
});
const region = (code: string, facts: Region["facts"]): Region => ({
  code,
  nameZh: code,
  nameEn: code,
  level: "county",
  kind: null,
  parentCode: null,
  facts,
  ...meta,
});

describe("investment by pipeline stage", () => {
  const pipeline: Pipeline = {
    regionCode: null,
    stages: [
      { stage: "lead", count: 3, plannedInvestmentFen: "53000000000", actualInvestmentFen: "0" },
      { stage: "signed", count: 3, plannedInvestmentFen: "97000000000", actualInvestmentFen: "0" },
      { stage: "landed", count: 2, plannedInvestmentFen: "30000000000", actualInvestmentFen: "2400000000" },
      {
        stage: "under_construction",
        count: 5,
        plannedInvestmentFen: "923000000000",
        actualInvestmentFen: "58400000000",
      },
      {
        stage: "in_production",
        count: 3,
        plannedInvestmentFen: "9007199254740993",
        actualInvestmentFen: "104900000000",
      },
    ],
  };

  it("counts every project from signing on as signed investment, exactly", () => {
    const signed = investmentFrom(pipeline, "signed");
    expect(signed.count).toBe(13);
    expect(signed.plannedFen).toBe(97000000000n + 30000000000n + 923000000000n + 9007199254740993n);
  });

  it("counts landed investment from the landed stage on, with the actual investment to date", () => {
    const landed = investmentFrom(pipeline, "landed");
    expect(landed.count).toBe(10);
    expect(landed.actualFen).toBe(165700000000n);
  });
});

describe("per-capita GDP and the gap", () => {
  const yongkang = region("330784", [
    fact(2018, "gdp", "55771000000", "yuan"),
    fact(2020, "gdp", "63978000000", "yuan"),
    fact(2020, "population", "964203", "person"),
  ]);
  const wuyi = region("330723", [
    fact(2020, "gdp", "27133000000", "yuan"),
    fact(2020, "population", "462462", "person"),
    fact(2024, "gdp", "39421000000", "yuan"),
  ]);

  it("divides GDP by population for years both sides report, and gives their ratio", () => {
    expect(perCapitaGdp([yongkang, wuyi])).toEqual([
      {
        year: 2020,
        sides: [
          {
            code: "330784",
            perCapita: "66353",
            gdp: "63978000000",
            population: "964203",
            illustrative: false,
          },
          {
            code: "330723",
            perCapita: "58671",
            gdp: "27133000000",
            population: "462462",
            illustrative: false,
          },
        ],
        ratio: "1.13",
        illustrative: false,
      },
    ]);
  });

  it("marks a year computed from an illustrative fact", () => {
    const invented = region("330723", [
      fact(2020, "gdp", "27133000000", "yuan"),
      fact(2020, "population", "462462", "person", true),
    ]);
    expect(perCapitaGdp([yongkang, invented])[0]?.illustrative).toBe(true);
  });

  it("puts the developed side first", () => {
    expect(developedFirst([{ kind: "mountain" }, { kind: "developed" }]).map((m) => m.kind)).toEqual([
      "developed",
      "mountain",
    ]);
  });
});
