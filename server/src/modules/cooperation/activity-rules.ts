// The rules of a cooperation activity that need no database: two different regions, an end not before the
// start, measures that are unique and, when known, in the catalogue's unit.
import type { ActivityMeasure } from "../../../../contracts/cooperation.ts";
import type { ErrorDetail } from "../../platform/errors.ts";
import { knownMeasure, wholeUnits } from "./measure-catalogue.ts";

export type ActivityShape = {
  fromRegionCode: string;
  toRegionCode: string;
  startedOn: string;
  endedOn: string | null;
  measures: readonly ActivityMeasure[];
};

export function activityProblems(activity: ActivityShape): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (activity.fromRegionCode === activity.toRegionCode) {
    problems.push({ field: "toRegionCode", value: activity.toRegionCode, message: "must differ from fromRegionCode: an activity goes from one region to another" });
  }
  // ISO dates compare correctly as text.
  if (activity.endedOn !== null && activity.endedOn < activity.startedOn) {
    problems.push({ field: "endedOn", value: activity.endedOn, message: `must not be before startedOn (${activity.startedOn})` });
  }
  return [...problems, ...measureProblems(activity.measures)];
}

export function measureProblems(measures: readonly ActivityMeasure[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  measures.forEach((m, i) => {
    if (seen.has(m.measure)) problems.push({ field: `measures.${i}.measure`, value: m.measure, message: "is given twice; give each measure once" });
    seen.add(m.measure);
    const known = knownMeasure(m.measure);
    if (known && known.unit !== m.unit) {
      problems.push({ field: `measures.${i}.unit`, value: m.unit, message: `${m.measure} is counted in ${known.unit}` });
    }
    if (wholeUnits.has(m.unit) && !/^\d+(\.0+)?$/.test(m.value)) {
      problems.push({ field: `measures.${i}.value`, value: m.value, message: `must be a whole number of ${m.unit}` });
    }
  });
  return problems;
}
