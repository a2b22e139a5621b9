// Figures grouped the way a settlement visits them: by measure, then by subject in subject-key order, each
// subject's figures in month and id order. A rule then reads only its own measure's figures, once. Built from a
// flat list (the newest version of each figure id), or directly by a caller that reads figures already grouped
// and current — the sharing service does, for a million figures at a time.
import type { Figure, SubjectRef } from "./types.ts";

/** A figure as a settlement uses and explains it. */
export type FigureUse = { id: string; version: number; month: string; value: bigint };

export type SubjectFigures = { subject: SubjectRef; key: string; figures: FigureUse[] };

export type FigureIndex = {
  readonly kind: "figure_index";
  /** measure → the subjects with figures of it, in subject-key order. */
  readonly byMeasure: ReadonlyMap<string, readonly SubjectFigures[]>;
  readonly count: number;
};

export function isFigureIndex(figures: readonly Figure[] | FigureIndex): figures is FigureIndex {
  return !Array.isArray(figures) && (figures as FigureIndex).kind === "figure_index";
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byMonthAndId = (a: FigureUse, b: FigureUse) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Groups figures that are already one version each. Each subject's figures are sorted by month ("YYYY-MM" sorts
 * as it counts) and id; subjects by their key.
 */
export function indexFigures(figures: readonly Figure[]): FigureIndex {
  const measures = new Map<string, Map<string, SubjectFigures>>();
  for (const f of figures) {
    let subjects = measures.get(f.measure);
    if (!subjects) measures.set(f.measure, (subjects = new Map()));
    const key = `${f.subject.kind}:${f.subject.id}`;
    let entry = subjects.get(key);
    if (!entry) subjects.set(key, (entry = { subject: f.subject, key, figures: [] }));
    entry.figures.push({ id: f.id, version: f.version, month: f.month, value: f.value });
  }
  return figureIndexOf(new Map([...measures].map(([measure, subjects]) => [measure, [...subjects.values()]])));
}

/**
 * An index of already grouped figures (one version each); sorts what is not in order yet. `monthsInOrder`: the
 * caller vouches that each subject's figures are in strictly ascending months (a million need no checking).
 */
export function figureIndexOf(byMeasure: Map<string, SubjectFigures[]>, options: { monthsInOrder?: boolean } = {}): FigureIndex {
  let count = 0;
  for (const subjects of byMeasure.values()) {
    subjects.sort(byKey);
    for (const s of subjects) {
      count += s.figures.length;
      if (!options.monthsInOrder && !isSorted(s.figures)) s.figures.sort(byMonthAndId);
    }
  }
  return { kind: "figure_index", byMeasure, count };
}

function isSorted(figures: readonly FigureUse[]): boolean {
  for (let i = 1; i < figures.length; i += 1) if (byMonthAndId(figures[i - 1] as FigureUse, figures[i] as FigureUse) > 0) return false;
  return true;
}
