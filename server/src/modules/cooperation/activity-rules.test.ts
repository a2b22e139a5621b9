import { describe, expect, it } from "vitest";
import { CooperationDomain } from "../../../../contracts/cooperation.ts";
import { activityProblems } from "./activity-rules.ts";
import { knownMeasure, measureCatalogue } from "./measure-catalogue.ts";

const base = { fromRegionCode: "330784", toRegionCode: "330723", startedOn: "2022-04-02", endedOn: null, measures: [] };

describe("cooperation activity rules", () => {
  it("accepts a plain activity", () => {
    expect(activityProblems({ ...base, measures: [{ measure: "doctors_dispatched", value: "12", unit: "person" }] })).toEqual([]);
  });

  it("names toRegionCode when both sides are the same region and endedOn when it is before the start", () => {
    const problems = activityProblems({ ...base, toRegionCode: "330784", endedOn: "2022-04-01" });
    expect(problems.map((p) => p.field)).toEqual(["toRegionCode", "endedOn"]);
  });

  it("accepts an activity that ends on the day it starts", () => {
    expect(activityProblems({ ...base, endedOn: "2022-04-02" })).toEqual([]);
  });

  it("names the unit of a known measure in the wrong unit, and a repeated measure", () => {
    const problems = activityProblems({
      ...base,
      measures: [
        { measure: "doctors_dispatched", value: "12", unit: "visit" },
        { measure: "patients_treated", value: "300", unit: "person" },
        { measure: "patients_treated", value: "5", unit: "person" },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual(["measures.0.unit", "measures.2.measure"]);
  });

  it("allows an unknown measure in any unit, but counts whole things in whole numbers", () => {
    expect(activityProblems({ ...base, measures: [{ measure: "tea_gardens_visited", value: "2.5", unit: "hectare" }] })).toEqual([]);
    const problems = activityProblems({ ...base, measures: [{ measure: "funds_fen", value: "100.5", unit: "fen" }, { measure: "person_days_served", value: "10.5", unit: "person-day" }] });
    expect(problems.map((p) => p.field)).toEqual(["measures.0.value"]);
  });

  it("ships a catalogue for every domain whose keys are all defined", () => {
    const catalogue = measureCatalogue();
    expect(catalogue.map((d) => d.domain)).toEqual(CooperationDomain.options);
    for (const domain of catalogue) {
      expect(domain.measures.length).toBeGreaterThan(2);
      for (const m of domain.measures) expect(knownMeasure(m.measure)?.unit).toBe(m.unit);
    }
  });
});
