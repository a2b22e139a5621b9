// An enclave's headline figures for a year, for the overview: output and local retained tax of the enclave and
// its residents (figures through the indicators module's door), tax per mu, and the revenue each party of the
// enclave's agreement received that year (the ledger). Read on the caller's behalf by the sharing module's
// internal actor once the caller is authorised (sharing.read on the enclave's regions and on the agreement).
import { revenueMeasures, taxMeasures, type EnclaveSharingSummary, type SharedRevenue, type SharingSummaryQuery } from "../../../../contracts/sharing-summary.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Actor } from "../../platform/actor.ts";
import { auditingDenials, authorize } from "../../platform/authorize.ts";
import { todayInChina } from "../../platform/calendar.ts";
import type { Db } from "../../platform/database.ts";
import { NotFound } from "../../platform/errors.ts";
import { listAll } from "../../platform/tabular/index.ts";
import type { Access } from "./access.ts";
import type { Party } from "./engine/index.ts";
import { findEnclave, sharingActor, type ObservedFigure, type SharingDependencies } from "./inputs.ts";
import { journalBalances } from "./ledger.repository.ts";
import { listRunRows } from "./runs.repository.ts";
import { perMu, revenueOf, sumOf } from "./summary-figures.ts";

const outputMeasures = ["industrial_output"];
const summedMeasures = [...outputMeasures, ...taxMeasures];
/** How far back the default year looks for figures. */
const yearsBack = 10;

export function createSummaryService(db: Db, deps: SharingDependencies, access: Access) {
  /**
   * The year's figures of the enclave and of the enterprises resident in it; an enterprise's count in the months
   * it was resident on some day (the register's residency periods, as enclave_residents rules count them).
   */
  async function countedFigures(enclaveId: string, year: number): Promise<ObservedFigure[]> {
    const periods = (await deps.enterprises.residencyPeriods(sharingActor, { enclaveIds: [enclaveId], from: `${year}-01-01`, to: `${year}-12-31` })).filter(
      (p) => p.enclaveId === enclaveId,
    );
    const observed = await deps.figures({
      enclaveIds: [enclaveId],
      enterpriseIds: [...new Set(periods.map((p) => p.enterpriseId))],
      measures: summedMeasures,
      fromMonth: `${year}-01`,
      toMonth: `${year}-12`,
    });
    // Periods are half-open (to: the day it moved out); "YYYY-MM-31" is after every day of the month as text.
    const residentIn = (enterpriseId: string, month: string) =>
      periods.some((p) => p.enterpriseId === enterpriseId && (p.from === null || p.from <= `${month}-31`) && (p.to === null || p.to > `${month}-01`));
    return observed.filter((f) => f.subjectKind === "enclave" || residentIn(f.subjectId, f.month));
  }

  /** The counted enterprises' records (for their illustrative flag): today's residents in one list, the others one by one. */
  async function enterprisesOf(enclaveId: string, ids: ReadonlySet<string>): Promise<Enterprise[]> {
    const current = (await listAll((q) => deps.enterprises.list(sharingActor, { ...q, enclaveId }))).filter((e) => ids.has(e.id));
    const missing = [...ids].filter((id) => !current.some((e) => e.id === id));
    return [...current, ...(await Promise.all(missing.map((id) => deps.enterprises.get(sharingActor, id))))];
  }

  async function sharedRevenue(agreementId: string, parties: readonly string[], year: number): Promise<SharedRevenue> {
    const locked = (await listRunRows(db, agreementId, { year, status: "locked" })).sort((a, b) => a.lastMonth - b.lastMonth);
    const names = new Map<string, string>();
    for (const run of locked) for (const p of run.parties as Party[]) names.set(p.code, p.name);
    const { balances } = await journalBalances(db, agreementId, year);
    const last = locked.at(-1);
    return {
      agreementId,
      periods: locked.map((r) => r.period),
      throughMonth: last ? `${year}-${String(last.lastMonth).padStart(2, "0")}` : null,
      parties: revenueOf(balances, parties, revenueMeasures).map((r) => ({
        party: r.party,
        name: names.get(r.party) ?? null,
        revenueFen: String(r.revenue),
        byMeasure: r.byMeasure.map((m) => ({ measure: m.measure, amountFen: String(m.amount) })),
      })),
      illustrative: locked.some((r) => r.illustrative),
    };
  }

  return {
    async enclaveSummary(actor: Actor, enclaveId: string, query: SharingSummaryQuery): Promise<EnclaveSharingSummary> {
      return auditingDenials(db, actor, async () => {
        authorize(actor, "sharing.read", { entity: "enclave", id: enclaveId });
        const enclave = await findEnclave(deps, enclaveId);
        if (!enclave) throw new NotFound("enclave", enclaveId);
        authorize(actor, "sharing.read", { entity: "enclave", id: enclave.id, scope: { regions: [enclave.hostRegionCode, ...enclave.sendingRegionCodes], enclaveId: enclave.id } });
        const agreement = enclave.agreementId ? await access.agreement(actor, "sharing.read", enclave.agreementId) : null;
        // Without a year: the latest of the last ten with figures, else the current year (in China).
        const thisYear = Number(todayInChina().slice(0, 4));
        let year = query.year ?? thisYear;
        let figures = await countedFigures(enclave.id, year);
        for (let back = 1; query.year === undefined && figures.length === 0 && back < yearsBack; back += 1) {
          year = thisYear - back;
          figures = await countedFigures(enclave.id, year);
        }
        if (query.year === undefined && figures.length === 0) year = thisYear;
        const yearChosen = query.year !== undefined ? "requested" : figures.length > 0 ? "latest_with_figures" : "current_year";

        const output = sumOf(figures, outputMeasures);
        const tax = sumOf(figures, taxMeasures);
        const perMuFen = perMu(tax.amount, enclave.areaMu);
        const counted = new Set(figures.filter((f) => f.subjectKind === "enterprise").map((f) => f.subjectId));
        const residents = await enterprisesOf(enclave.id, counted);
        const illustrativeFigures = (figures.some((f) => f.subjectKind === "enclave") && enclave.illustrative) || residents.some((e) => e.illustrative);
        const sharing = agreement ? await sharedRevenue(agreement.id, agreement.parties, year) : null;
        return {
          enclaveId: enclave.id,
          year,
          yearChosen,
          residents: counted.size,
          output: { amountFen: String(output.amount), months: output.months },
          tax: { amountFen: String(tax.amount), months: tax.months, byMeasure: [...tax.byMeasure].map(([measure, amount]) => ({ measure, amountFen: String(amount) })) },
          taxPerMu: { amountFen: perMuFen === null ? null : String(perMuFen), areaMu: enclave.areaMu },
          sharing,
          illustrativeFigures,
          illustrative: illustrativeFigures || (sharing?.illustrative ?? false),
        };
      });
    },
  };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
