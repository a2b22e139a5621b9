// The summary per domain: every domain appears (with zero activities when none), measures carry their
// catalogue labels when known.
import { CooperationDomain, type CooperationSummary, type CooperationSummaryQuery } from "../../../../contracts/cooperation.ts";
import type { ScopeFilter } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { knownMeasure } from "./measure-catalogue.ts";
import { countByDomain, measureTotalsByDomain } from "./summary.repository.ts";

/** Counts only the activities the reader may read (`readable`). */
export async function summarise(db: Db, query: CooperationSummaryQuery, readable: ScopeFilter): Promise<CooperationSummary> {
  const scope = { pairingId: query.pairingId, year: query.year, readable };
  const [counts, totals] = await Promise.all([countByDomain(db, scope), measureTotalsByDomain(db, scope)]);
  return {
    pairingId: query.pairingId ?? null,
    year: query.year ?? null,
    domains: CooperationDomain.options.map((domain) => ({
      domain,
      activities: counts.find((c) => c.domain === domain)?.activities ?? 0,
      measures: totals
        .filter((t) => t.domain === domain)
        .map((t) => {
          const known = knownMeasure(t.measure);
          return { measure: t.measure, unit: t.unit, labelZh: known?.labelZh ?? null, labelEn: known?.labelEn ?? null, total: t.total };
        }),
    })),
    illustrative: counts.some((c) => c.illustrative),
  };
}
