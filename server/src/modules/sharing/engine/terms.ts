// Reading a terms file: the shape is checked by the zod contract, the meaning by terms-checks.ts; every problem is
// returned at once as {path, message}, so an official fixes a file in one pass. Valid terms are compiled into
// the engine's exact form (fractions and bigints).
import { SharingTermsDocument } from "../../../../../contracts/sharing-terms.ts";
import { parseShare } from "./fraction.ts";
import { measureOf, parseMeasureAmount } from "./measures.ts";
import { checkTerms } from "./terms-checks.ts";
import type { SharingRule, SharingTerms, TermsProblem } from "./types.ts";

export type TermsResult = { ok: true; terms: SharingTerms } | { ok: false; problems: TermsProblem[] };

export function validateTerms(input: unknown): TermsResult {
  const parsed = SharingTermsDocument.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) };
  }
  const problems = checkTerms(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, terms: compileTerms(parsed.data) };
}

/** Valid terms, or an error listing every problem (for tests and fixtures, where a bad file is a bug). */
export function parseTerms(input: unknown): SharingTerms {
  const result = validateTerms(input);
  if (!result.ok) throw new Error(`invalid sharing terms:\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
  return result.terms;
}

function compileTerms(doc: SharingTermsDocument): SharingTerms {
  const rules = doc.rules.map((rule): SharingRule => {
    const measure = measureOf(rule.measure);
    const amount = (text: string | null | undefined) => (text == null ? null : (parseMeasureAmount(text, measure.kind) as bigint));
    return {
      id: rule.id,
      label: rule.label ?? null,
      measure,
      coverage: rule.coverage.kind === "enterprises" ? { kind: "enterprises", enterprises: [...rule.coverage.enterprises] } : { ...rule.coverage },
      schedule: rule.schedule.basis === "calendar" ? { basis: "calendar", startYear: rule.schedule.startYear } : { basis: "production_start" },
      windows: rule.schedule.windows.map((w) => ({
        fromYear: w.fromYear,
        toYear: w.toYear,
        shares: w.shares.map((s) => ({ party: s.party, share: parseShare(s.share) })),
      })),
      limits: (rule.limits ?? []).map((l) => ({ party: l.party, cap: amount(l.cap), floor: amount(l.floor) })),
    };
  });
  return {
    id: doc.id,
    agreement: doc.agreement ?? null,
    version: doc.version,
    effectiveFrom: doc.effectiveFrom,
    effectiveTo: doc.effectiveTo ?? null,
    parties: doc.parties.map((p) => ({ ...p })),
    rules,
    guaranteedReturns: (doc.guaranteedReturns ?? []).map((g) => ({
      id: g.id,
      kind: g.kind,
      principal: BigInt(g.principalFen),
      rate: parseShare(g.rate),
      payer: g.payer,
      beneficiary: g.beneficiary,
      fromYear: g.fromYear,
      toYear: g.toYear,
      countsRules:
        g.kind === "fixed"
          ? []
          : (g.countsRules ?? rules.filter((r) => r.measure.kind === "money" && r.windows.some((w) => w.shares.some((s) => s.party === g.beneficiary))).map((r) => r.id)),
    })),
  };
}
