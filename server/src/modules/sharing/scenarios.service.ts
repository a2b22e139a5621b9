// Scenarios for negotiation: stored versions of the agreement's terms and alternative terms (not stored),
// applied to the agreement's observed figures and to projected years, side by side per party per year. The
// alternatives are compared over whole years whatever their effective dates say: the question is "what would
// these terms have given", not "what was in force".
import type { z } from "zod";
import type { ScenarioComparisonSchema, ScenarioRequest } from "../../../../contracts/sharing.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { Access } from "./access.ts";
import { compareScenarios, presentComparison, validateTerms, type SharingTerms } from "./engine/index.ts";
import { compiledTermSets, coverageOf, figuresOf, type SharingDependencies } from "./inputs.ts";

export function createScenariosService(db: Db, deps: SharingDependencies, access: Access) {
  return {
    async compare(actor: Actor, agreementId: string, request: ScenarioRequest): Promise<z.infer<typeof ScenarioComparisonSchema>> {
      await access.agreement(actor, "sharing.read", agreementId);
      const stored = await compiledTermSets(db, agreementId);
      const problems: ErrorDetail[] = [];
      const scenarios: { label: string; terms: SharingTerms }[] = [];
      request.termSets.forEach((s, i) => {
        if (scenarios.some((x) => x.label === s.label)) problems.push({ field: `termSets.${i}.label`, value: s.label, message: "is used twice; labels must be unique" });
        if ("version" in s) {
          const found = stored.find((t) => t.version === s.version);
          if (!found) problems.push({ field: `termSets.${i}.version`, value: s.version, message: `no such version of this agreement's terms (${stored.map((t) => t.version).join(", ") || "none stored"})` });
          else scenarios.push({ label: s.label, terms: found.terms });
          return;
        }
        const checked = validateTerms(s.terms);
        if (!checked.ok) problems.push(...checked.problems.map((p) => ({ field: `termSets.${i}.terms.${p.path}`, message: p.message })));
        else scenarios.push({ label: s.label, terms: checked.terms });
      });
      const projection = request.projection;
      if (projection && projection.throughYear < projection.baseYear) problems.push({ field: "projection.throughYear", value: projection.throughYear, message: `is before baseYear ${projection.baseYear}` });
      if (request.years.length === 0 && !projection) problems.push({ field: "years", message: "name at least one observed year, or a projection" });
      if (problems.length > 0) throw new ValidationFailed(problems, undefined, "scenario.invalid");

      const open = scenarios.map((s) => ({ ...s, terms: { ...s.terms, effectiveFrom: "0001-01-01", effectiveTo: null } }));
      const coverage = await coverageOf(db, deps, open.map((s) => s.terms));
      const years = [...request.years, ...(projection ? [projection.baseYear] : [])];
      const { figures, warnings } = await figuresOf(deps, coverage, `${Math.min(...years)}-01`, `${Math.max(...years)}-12`);
      const comparison = compareScenarios({
        scenarios: open.map((s, i) => ({ label: s.label, terms: coverage.terms[i] ?? s.terms })),
        figures,
        facts: coverage.facts,
        years: request.years,
        ...(projection ? { projection } : {}),
      });
      for (const w of [coverage.warnings, warnings].flat()) comparison.warnings.push(w);
      return presentComparison(comparison) as z.infer<typeof ScenarioComparisonSchema>;
    },
  };
}

export type ScenariosService = ReturnType<typeof createScenariosService>;
