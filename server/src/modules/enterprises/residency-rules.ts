// The rules of a residency history, as pure functions: the periods never overlap, a period starts before it ends,
// at most one is open; and how the history follows a change of the register's current residency (enclaveId,
// residentSince) made by create, PATCH or import. Periods are half-open: `to` is the day the enterprise moved
// out, so a move on 1 July closes the old period with to = 1 July and opens the new one from 1 July.
import type { ErrorDetail } from "../../platform/errors.ts";

export type Period = { enclaveId: string; from: string | null; to: string | null };
/** The register's current residency, as enterprises_enterprise keeps it. */
export type Residence = { enclaveId: string | null; residentSince: string | null };

/** Oldest first; a period with no known start comes first. */
export function inOrder(periods: readonly Period[]): Period[] {
  return [...periods].sort((a, b) => (a.from ?? "").localeCompare(b.from ?? "") || (a.to ?? "9999-12-31").localeCompare(b.to ?? "9999-12-31"));
}

export function overlaps(a: Period, b: Period): boolean {
  const startsBeforeEnd = (x: Period, y: Period) => x.from === null || y.to === null || x.from < y.to;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

export function describePeriod(p: Period): string {
  return `${p.from ?? "the start"} – ${p.to ?? "now"} in enclave ${p.enclaveId}`;
}

/** Every problem of a whole history, each naming `periods.<index>.<field>` by the index as given. */
export function historyProblems(periods: readonly Period[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  periods.forEach((p, i) => {
    if (p.from !== null && p.to !== null && p.from >= p.to) {
      problems.push({ field: `periods.${i}.to`, value: p.to, message: `must be after from (${p.from}): it is the day the enterprise moved out` });
    }
  });
  const open = periods.flatMap((p, i) => (p.to === null ? [i] : []));
  for (const i of open.slice(1)) {
    problems.push({ field: `periods.${i}.to`, value: null, message: `only one period can be open (still resident); period ${open[0]} already is` });
  }
  periods.forEach((p, j) => {
    const earlier = periods.findIndex((q, i) => i < j && overlaps(q, p));
    if (earlier >= 0) problems.push({ field: `periods.${j}.from`, value: p.from, message: `overlaps period ${earlier} (${describePeriod(periods[earlier] as Period)})` });
  });
  return problems;
}

/** The current residency a history implies: its open period, or none. */
export function residenceOf(periods: readonly Period[]): Residence {
  const open = periods.find((p) => p.to === null);
  return open ? { enclaveId: open.enclaveId, residentSince: open.from } : { enclaveId: null, residentSince: null };
}

/**
 * The history after the register's current residency changed from `before` (null: a new enterprise) to `after`.
 * A move closes the open period on the new residency's start, or today when none is given (or when moving out),
 * and opens the new one; a new residentSince in the same enclave moves the open period's start. A problem names
 * the register field that caused it.
 */
export function followResidence(periods: readonly Period[], before: Residence | null, after: Residence, today: string): { periods: Period[] } | { problem: ErrorDetail } {
  if (before && before.enclaveId === after.enclaveId && before.residentSince === after.residentSince) return { periods: [...periods] };
  const open = periods.find((p) => p.to === null);
  const closed = periods.filter((p) => p !== open);
  const field = after.enclaveId === null ? "enclaveId" : "residentSince";
  let next: Period[];
  if (open && open.enclaveId === after.enclaveId) {
    next = [...closed, { ...open, from: after.residentSince }];
  } else {
    next = [...closed];
    const movedOn = after.residentSince ?? today;
    if (open && open.from !== null && movedOn < open.from) {
      return { problem: { field, value: after[field], message: `the move (${movedOn}) is before the current residency began (${open.from}); correct the history with PUT /api/v1/enterprises/{id}/residencies` } };
    }
    // A residency that ends the day it began had no days: it is dropped rather than kept empty.
    if (open && open.from !== movedOn) next.push({ ...open, to: movedOn });
    if (after.enclaveId !== null) next.push({ enclaveId: after.enclaveId, from: before === null ? after.residentSince : movedOn, to: null });
  }
  const clash = next.flatMap((p, j) => next.slice(0, j).filter((q) => overlaps(q, p)))[0];
  if (clash) {
    return { problem: { field, value: after[field], message: `overlaps an earlier residency (${describePeriod(clash)}); correct the history with PUT /api/v1/enterprises/{id}/residencies` } };
  }
  return { periods: inOrder(next) };
}

export function sameHistory(a: readonly Period[], b: readonly Period[]): boolean {
  return JSON.stringify(inOrder(a)) === JSON.stringify(inOrder(b));
}
