// What a settlement reads, gathered through the other modules' doors: the agreement's term sets, the facts of
// the subjects they cover (residency periods from the enterprise register, production starts, enclaves' opening), the
// observed figures (the indicators module's door) and what the ledger already holds. Facts are read on the
// run's behalf by an internal actor, after the caller was authorised for the agreement.
import type { Enclave } from "../../../../contracts/enclaves.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import { systemActor, type Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound } from "../../platform/errors.ts";
import type { AgreementsService } from "../agreements/index.ts";
import type { EnclavesService } from "../enclaves/index.ts";
import type { EnterprisesService } from "../enterprises/index.ts";
import {
  figureIndexOf,
  parseMeasureAmount,
  parseTerms,
  type EnterpriseFacts,
  type Figure,
  type FigureIndex,
  type FigureUse,
  type MeasureKind,
  type SharingTerms,
  type SubjectFacts,
  type SubjectFigures,
  type SubjectRef,
} from "./engine/index.ts";
import type { FigureFound, FigureKey } from "./explanation-store.ts";
import { productionStarts, termSetRows, type TermSetRow } from "./terms.repository.ts";

/** The indicators module's door, as the composition root hands it in. */
export type FiguresQuery = { enterpriseIds?: string[]; enclaveIds?: string[]; measures?: string[]; fromMonth: string; toMonth: string; asOf?: Date };
export type ObservedFigure = {
  figureId: string;
  version: number;
  subjectKind: "enterprise" | "enclave";
  subjectId: string;
  month: string;
  measure: string;
  unit: string;
  amountFen: bigint | null;
  quantity: string | null;
};
export type FiguresSource = (query: FiguresQuery) => Promise<ObservedFigure[]>;
/** One subject's figures of one measure, month by month (the newest version of each): what a run reads. */
export type FigureSeries = { subjectKind: "enterprise" | "enclave"; subjectId: string; measure: string; months: string[]; versions: number[]; units: string[]; values: string[] };
export type FigureSeriesSource = (query: FiguresQuery & { measures: string[] }) => Promise<Iterable<FigureSeries>>;
/** Figure versions named by what they are of and their version: their ids and values, for explanations. */
export type FigureVersionsSource = (keys: readonly FigureKey[]) => Promise<FigureFound[]>;

export type SharingDependencies = {
  agreements: AgreementsService;
  enclaves: EnclavesService;
  enterprises: EnterprisesService;
  figures: FiguresSource;
  figureSeries: FigureSeriesSource;
  figureVersions: FigureVersionsSource;
};

/** Reads facts for a run: the sharing module's own internal actor (a system role that still goes through the table). */
export const sharingActor: Actor = systemActor("sharing");

export type CompiledTermSet = { id: string; version: number; terms: SharingTerms; row: TermSetRow };

export async function compiledTermSets(db: Db, agreementId: string): Promise<CompiledTermSet[]> {
  return (await termSetRows(db, agreementId)).map((row) => ({ id: row.id, version: row.version, terms: parseTerms(row.document), row }));
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function orUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFound) return undefined;
    throw error;
  }
}

/** An enterprise named by record id or USCC; undefined when there is none. */
export async function findEnterprise(deps: SharingDependencies, key: string): Promise<Enterprise | undefined> {
  if (uuid.test(key)) return orUndefined(() => deps.enterprises.get(sharingActor, key));
  const page = await deps.enterprises.list(sharingActor, { q: key.toUpperCase(), page: 1, pageSize: 20, includeArchived: true });
  return page.items.find((e) => e.uscc === key.toUpperCase());
}

export async function findEnclave(deps: SharingDependencies, id: string): Promise<Enclave | undefined> {
  return uuid.test(id) ? orUndefined(() => deps.enclaves.get(sharingActor, id)) : undefined;
}

export type Coverage = { terms: SharingTerms[]; facts: SubjectFacts; enterpriseIds: string[]; enclaveIds: string[]; measures: Map<string, { kind: MeasureKind; unit: string }>; warnings: string[] };

/**
 * The subjects the terms cover and their facts. Enterprises named by USCC are replaced by their record ids (the
 * figures name subjects by id), so the returned terms are the ones to settle with. An enclave's residents are the
 * enterprises resident in it at any time within `within` (first and last day; without it, the months of the
 * terms' effective dates), each with its real residency periods, so the engine counts an enterprise only in the
 * months it was resident (any day of a month counts the whole month: engine/schedule.ts `covers`).
 */
export async function coverageOf(db: Db, deps: SharingDependencies, termsList: readonly SharingTerms[], within?: { from: string; to: string }): Promise<Coverage> {
  const warnings: string[] = [];
  const named = new Set<string>();
  const residentsOf = new Set<string>();
  const enclaves = new Map<string, Enclave>();
  const byKey = new Map<string, string>();
  const measures = new Map<string, { kind: MeasureKind; unit: string }>();
  for (const terms of termsList) {
    for (const rule of terms.rules) {
      measures.set(rule.measure.key, { kind: rule.measure.kind, unit: rule.measure.unit });
      const c = rule.coverage;
      if (c.kind === "enterprises") {
        for (const key of c.enterprises) {
          if (byKey.has(key)) continue;
          const e = await findEnterprise(deps, key);
          if (!e) warnings.push(`rule ${rule.id} names enterprise ${key}, which is not in the register`);
          else {
            named.add(e.id);
            byKey.set(key, e.id);
          }
        }
        continue;
      }
      if (!enclaves.has(c.enclave)) {
        const enclave = await findEnclave(deps, c.enclave);
        if (!enclave) warnings.push(`rule ${rule.id} names enclave ${c.enclave}, which is not in the register`);
        else enclaves.set(enclave.id, enclave);
      }
      if (c.kind === "enclave_residents" && enclaves.has(c.enclave)) residentsOf.add(c.enclave);
    }
  }
  const periods = await deps.enterprises.residencyPeriods(sharingActor, { enclaveIds: [...residentsOf], enterpriseIds: [...named], ...(within ?? effectiveMonths(termsList)) });
  const ids = new Set([...named, ...periods.map((p) => p.enterpriseId)]);
  const periodsOf = Map.groupBy(periods, (p) => p.enterpriseId);
  const starts = new Map((await productionStarts(db, [...ids])).map((s) => [s.enterpriseId, s.startedOn]));
  const enterpriseFacts: EnterpriseFacts[] = [...ids].map((id) => ({
    id,
    productionStart: starts.get(id) ?? null,
    // The register's periods are half-open (to: the day it moved out); the engine's end on the last resident
    // day. A period with no known start counts from the start.
    residencies: (periodsOf.get(id) ?? []).map((p) => ({ enclave: p.enclaveId, from: p.from ?? "0001-01-01", to: p.to === null ? null : dayBefore(p.to) })),
  }));
  const terms = termsList.map((t) => ({
    ...t,
    rules: t.rules.map((r) => (r.coverage.kind === "enterprises" ? { ...r, coverage: { kind: "enterprises" as const, enterprises: r.coverage.enterprises.map((k) => byKey.get(k) ?? k) } } : r)),
  }));
  return {
    terms,
    facts: { enterprises: enterpriseFacts, enclaves: [...enclaves.values()].map((e) => ({ id: e.id, productionStart: e.openedOn })) },
    enterpriseIds: [...ids].sort(),
    enclaveIds: [...enclaves.keys()].sort(),
    measures,
    warnings,
  };
}

/** From the first day of the month the earliest terms take effect to the last day of the month the latest end (open when one does not). */
function effectiveMonths(termsList: readonly SharingTerms[]): { from?: string; to?: string } {
  if (termsList.length === 0) return {};
  const from = `${termsList.map((t) => t.effectiveFrom).sort()[0]?.slice(0, 7)}-01`;
  const ends = termsList.map((t) => t.effectiveTo);
  if (ends.some((e) => e === null)) return { from };
  const last = (ends as string[]).sort().at(-1) as string;
  const next = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1));
  return { from, to: dayBefore(next.toISOString().slice(0, 10)) };
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Figures of the covered subjects for the months, as the engine reads them (money in fen, quantities in micro-units). */
export async function figuresOf(deps: SharingDependencies, coverage: Coverage, fromMonth: string, toMonth: string): Promise<{ figures: Figure[]; warnings: string[] }> {
  if (coverage.measures.size === 0 || (coverage.enterpriseIds.length === 0 && coverage.enclaveIds.length === 0)) return { figures: [], warnings: [] };
  const observed = await deps.figures({ enterpriseIds: coverage.enterpriseIds, enclaveIds: coverage.enclaveIds, measures: [...coverage.measures.keys()], fromMonth, toMonth });
  const figures: Figure[] = [];
  const warnings: string[] = [];
  for (const o of observed) {
    const measure = coverage.measures.get(o.measure);
    if (!measure) continue;
    let value: bigint | undefined;
    if (measure.kind === "money") value = o.amountFen ?? undefined;
    else if (o.quantity !== null && o.unit === measure.unit) value = parseMeasureAmount(o.quantity, "quantity");
    if (value === undefined) {
      warnings.push(`figure ${o.figureId} version ${o.version} (${o.measure}, ${o.unit}) has no ${measure.kind === "money" ? "amount in fen" : `quantity in ${measure.unit}`}; it is not used`);
      continue;
    }
    figures.push({ id: o.figureId, version: o.version, subject: { kind: o.subjectKind, id: o.subjectId }, month: o.month, measure: o.measure, value });
  }
  return { figures, warnings };
}

/**
 * The figures of a run, grouped as the engine visits them (measure, subject, month), read through the indicators
 * module's door already grouped: a year of an agreement with thousands of resident enterprises is a million
 * figures, which one row and one object each would make the slowest part of a run. Ids are not read: a
 * settlement needs only what a figure is of and its version (explanations look ids up when they are shown),
 * except for `idsFor`, measures that two rules share, whose warning names the figures.
 */
export async function figureIndexFor(
  deps: SharingDependencies,
  coverage: Coverage,
  fromMonth: string,
  toMonth: string,
  idsFor: ReadonlySet<string> = new Set(),
): Promise<{ figures: FigureIndex; warnings: string[] }> {
  const byMeasure = new Map<string, SubjectFigures[]>();
  if (coverage.measures.size === 0 || (coverage.enterpriseIds.length === 0 && coverage.enclaveIds.length === 0)) return { figures: figureIndexOf(byMeasure), warnings: [] };
  const series = await deps.figureSeries({ enterpriseIds: coverage.enterpriseIds, enclaveIds: coverage.enclaveIds, measures: [...coverage.measures.keys()], fromMonth, toMonth });
  const unusable: (FigureKey & { unit: string })[] = [];
  const withIds: { key: FigureKey; use: FigureUse }[] = [];
  for (const s of series) {
    const measure = coverage.measures.get(s.measure);
    if (!measure) continue;
    const subject: SubjectRef = { kind: s.subjectKind, id: s.subjectId };
    const figures: FigureUse[] = [];
    const named = idsFor.has(s.measure) ? withIds : undefined;
    for (let i = 0; i < s.months.length; i += 1) {
      const unit = s.units[i] as string;
      const text = s.values[i] as string;
      const value = measure.kind === "money" ? (unit === "fen" ? fen(text) : undefined) : unit === measure.unit ? parseMeasureAmount(text, "quantity") : undefined;
      const version = s.versions[i] as number;
      const month = s.months[i] as string;
      if (value === undefined) {
        unusable.push({ subjectKind: s.subjectKind, subjectId: s.subjectId, measure: s.measure, month, version, unit });
        continue;
      }
      const use: FigureUse = { id: "", version, month, value };
      if (named) named.push({ key: { subjectKind: s.subjectKind, subjectId: s.subjectId, measure: s.measure, month, version }, use });
      figures.push(use);
    }
    if (figures.length === 0) continue;
    let subjects = byMeasure.get(s.measure);
    if (!subjects) byMeasure.set(s.measure, (subjects = []));
    subjects.push({ subject, key: `${subject.kind}:${subject.id}`, figures });
  }
  const ids = await deps.figureVersions(withIds.map((n) => n.key));
  withIds.forEach((n, i) => (n.use.id = ids[i]?.[0]?.figureId ?? ""));
  // As the figures used to arrive: by subject kind, subject, month and measure.
  const order = (f: FigureKey) => `${f.subjectKind}\u0000${f.subjectId}\u0000${f.month}\u0000${f.measure}`;
  unusable.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const unusableIds = await deps.figureVersions(unusable);
  const warnings = unusable.map((f, i) => {
    const kind = coverage.measures.get(f.measure)?.kind;
    const wanted = kind === "money" ? "amount in fen" : `quantity in ${coverage.measures.get(f.measure)?.unit}`;
    return `figure ${unusableIds[i]?.[0]?.figureId ?? "?"} version ${f.version} (${f.measure}, ${f.unit}) has no ${wanted}; it is not used`;
  });
  // The door gives each subject's months in ascending order, one figure each.
  return { figures: figureIndexOf(byMeasure, { monthsInOrder: true }), warnings };
}

/** Fen as the database writes a bigint: through a number when it is exact (three times quicker, a million times). */
function fen(text: string): bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? BigInt(n) : BigInt(text);
}

/** Skipped figures name their figure ids, which a run reads only now: looked up by what each is of. */
export async function withSkippedIds<T extends { figure?: unknown; subject?: unknown }>(deps: SharingDependencies, skipped: T[], measureOf: (x: T) => string | undefined): Promise<T[]> {
  const missing = skipped.filter((x) => (x.figure as { id?: string } | undefined)?.id === "");
  const keys = missing.map((x) => {
    const figure = x.figure as { month: string; version: number };
    const subject = x.subject as SubjectRef;
    return { subjectKind: subject.kind, subjectId: subject.id, measure: measureOf(x) ?? "", month: figure.month, version: figure.version };
  });
  const found = await deps.figureVersions(keys);
  missing.forEach((x, i) => ((x.figure as { id: string }).id = found[i]?.[0]?.figureId ?? ""));
  return skipped;
}
