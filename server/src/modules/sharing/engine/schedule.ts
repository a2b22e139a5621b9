// Which figures a rule covers, and which schedule window applies to a subject in a month.
import { firstDayOf, lastDayOf, monthIndex, monthOfDate } from "./periods.ts";
import type { Coverage, EnclaveFacts, EnterpriseFacts, ScheduleBasis, ScheduleWindow, SharingRule, SubjectFacts, SubjectRef } from "./types.ts";

/** Why a covered figure could not be shared: reported, never silently dropped. */
export type OutsideSchedule = { reason: string };

export function subjectKey(subject: SubjectRef): string {
  return `${subject.kind}:${subject.id}`;
}

type FactsIndex = { enterprises: Map<string, EnterpriseFacts>; enclaves: Map<string, EnclaveFacts> };
const indexes = new WeakMap<SubjectFacts, FactsIndex>();

// Facts are looked up once per figure; an index per facts object keeps that constant-time on large inputs.
function indexOf(facts: SubjectFacts): FactsIndex {
  let index = indexes.get(facts);
  if (!index) {
    index = { enterprises: new Map(facts.enterprises.map((e) => [e.id, e])), enclaves: new Map(facts.enclaves.map((e) => [e.id, e])) };
    indexes.set(facts, index);
  }
  return index;
}

/**
 * Whether the rule covers this subject's figure for the month. Enclave residents count for every month in which
 * the enterprise was resident at any time (residency from–to overlaps the month).
 */
export function covers(coverage: Coverage, subject: SubjectRef, month: string, facts: SubjectFacts): boolean {
  if (coverage.kind === "enclave") return subject.kind === "enclave" && subject.id === coverage.enclave;
  if (subject.kind !== "enterprise") return false;
  if (coverage.kind === "enterprises") return coverage.enterprises.includes(subject.id);
  const enterprise = indexOf(facts).enterprises.get(subject.id);
  if (!enterprise) return false;
  // Asked for every figure: no closure, no string built.
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  for (const r of enterprise.residencies) if (r.enclave === coverage.enclave && r.from <= last && (r.to === null || r.to >= first)) return true;
  return false;
}

/**
 * `covers` for one subject: what can be looked up once is (the enterprise's residencies), and the month is
 * checked per figure.
 */
export function coverageTest(coverage: Coverage, subject: SubjectRef, facts: SubjectFacts): (month: string) => boolean {
  if (coverage.kind !== "enclave_residents" || subject.kind !== "enterprise") {
    const covered = covers(coverage, subject, "0001-01", facts);
    return () => covered;
  }
  const all = indexOf(facts).enterprises.get(subject.id)?.residencies ?? [];
  const residencies = all.length === 1 && all[0]?.enclave === coverage.enclave ? all : all.filter((r) => r.enclave === coverage.enclave);
  if (residencies.length === 0) return never;
  return (month) => {
    const first = firstDayOf(month);
    const last = lastDayOf(month);
    for (const r of residencies) if (r.from <= last && (r.to === null || r.to >= first)) return true;
    return false;
  };
}

const never = () => false;

/** The production start of an enterprise, or the start of operation of an enclave; null when unknown. */
export function productionStartOf(subject: SubjectRef, facts: SubjectFacts): string | null {
  const index = indexOf(facts);
  return (subject.kind === "enterprise" ? index.enterprises : index.enclaves).get(subject.id)?.productionStart ?? null;
}

/**
 * The schedule year of a month: counted from the production-start month (that month is month 1 of year 1, so
 * year 1 is the first 12 months), or by calendar year from the start year (startYear is year 1).
 */
export function scheduleYear(basis: ScheduleBasis, productionStart: string | null, month: string): number | OutsideSchedule {
  if (basis.basis === "calendar") {
    const year = Number(month.slice(0, 4)) - basis.startYear + 1;
    return year >= 1 ? year : { reason: `before the schedule's start year ${basis.startYear}` };
  }
  if (productionStart === null) return { reason: "no production start is known, so the anniversary year cannot be counted" };
  const months = monthIndex(month) - monthIndex(monthOfDate(productionStart));
  return months >= 0 ? Math.floor(months / 12) + 1 : { reason: `before production started (${productionStart})` };
}

/** `scheduleYear` for one subject's production start: the start month is counted once. */
export function scheduleYearCounter(basis: ScheduleBasis, productionStart: string | null): (month: string) => number | OutsideSchedule {
  if (basis.basis === "calendar" || productionStart === null) return (month) => scheduleYear(basis, productionStart, month);
  const start = monthIndex(monthOfDate(productionStart));
  const before = { reason: `before production started (${productionStart})` };
  return (month) => {
    const months = monthIndex(month) - start;
    return months >= 0 ? Math.floor(months / 12) + 1 : before;
  };
}

export function windowOf(rule: SharingRule, year: number): { index: number; window: ScheduleWindow } | OutsideSchedule {
  const index = rule.windows.findIndex((w) => w.fromYear <= year && (w.toYear === null || year <= w.toYear));
  const window = rule.windows[index];
  if (!window) return { reason: `schedule year ${year} is after the last window` };
  return { index, window };
}

export function isOutside<T>(value: T | OutsideSchedule): value is OutsideSchedule {
  return typeof value === "object" && value !== null && "reason" in value;
}
