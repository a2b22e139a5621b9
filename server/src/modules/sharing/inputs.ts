// What a settlement reads, gathered through the other modules' doors: the agreement's term sets, the facts of
// the subjects they cover (residency from the enterprise register, production starts, enclaves' opening), the
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
import { parseMeasureAmount, parseTerms, type EnterpriseFacts, type Figure, type MeasureKind, type SharingTerms, type SubjectFacts } from "./engine/index.ts";
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

export type SharingDependencies = { agreements: AgreementsService; enclaves: EnclavesService; enterprises: EnterprisesService; figures: FiguresSource };

/** Reads facts for a run: the sharing module's own internal actor (a system role that still goes through the table). */
export const sharingActor: Actor = systemActor("sharing");

export type CompiledTermSet = { id: string; version: number; terms: SharingTerms; row: TermSetRow };

export async function compiledTermSets(db: Db, agreementId: string): Promise<CompiledTermSet[]> {
  return (await termSetRows(db, agreementId)).map((row) => ({ id: row.id, version: row.version, terms: parseTerms(row.document), row }));
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function allPages<T>(read: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await read(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

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
 * figures name subjects by id), so the returned terms are the ones to settle with.
 */
export async function coverageOf(db: Db, deps: SharingDependencies, termsList: readonly SharingTerms[]): Promise<Coverage> {
  const warnings: string[] = [];
  const enterprises = new Map<string, Enterprise>();
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
            enterprises.set(e.id, e);
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
      if (c.kind === "enclave_residents" && enclaves.has(c.enclave)) {
        const residents = await allPages((page) => deps.enterprises.list(sharingActor, { enclaveId: c.enclave, page, pageSize: 500, includeArchived: true }));
        for (const e of residents) enterprises.set(e.id, e);
      }
    }
  }
  const starts = new Map((await productionStarts(db, [...enterprises.keys()])).map((s) => [s.enterpriseId, s.startedOn]));
  const enterpriseFacts: EnterpriseFacts[] = [...enterprises.values()].map((e) => ({
    id: e.id,
    productionStart: starts.get(e.id) ?? null,
    // The register keeps the current residency only; a resident without a date counts from the start.
    residencies: e.enclaveId ? [{ enclave: e.enclaveId, from: e.residentSince ?? "0001-01-01", to: null }] : [],
  }));
  const terms = termsList.map((t) => ({
    ...t,
    rules: t.rules.map((r) => (r.coverage.kind === "enterprises" ? { ...r, coverage: { kind: "enterprises" as const, enterprises: r.coverage.enterprises.map((k) => byKey.get(k) ?? k) } } : r)),
  }));
  return {
    terms,
    facts: { enterprises: enterpriseFacts, enclaves: [...enclaves.values()].map((e) => ({ id: e.id, productionStart: e.openedOn })) },
    enterpriseIds: [...enterprises.keys()].sort(),
    enclaveIds: [...enclaves.keys()].sort(),
    measures,
    warnings,
  };
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
