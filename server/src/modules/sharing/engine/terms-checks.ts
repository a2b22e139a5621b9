// The meaning of a terms file, checked after its shape: parties that exist, shares that make the whole, schedule
// windows without gaps or overlaps, caps above floors, guarantees that can be paid. Each check adds problems and
// carries on, so the official sees all of them at once.
import type { SharingTermsDocument } from "../../../../../contracts/sharing-terms.ts";
import { fractionText, parseShare, sum, type Fraction } from "./fraction.ts";
import { isBuiltInMeasure, measureOf, parseMeasureAmount } from "./measures.ts";
import type { MeasureKind, TermsProblem } from "./types.ts";

type Rule = SharingTermsDocument["rules"][number];
type Window = Rule["schedule"]["windows"][number];

export function checkTerms(doc: SharingTermsDocument): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const parties = new Set<string>();
  doc.parties.forEach((p, i) => {
    if (parties.has(p.code)) add(`parties.${i}.code`, `party ${p.code} is listed twice`);
    parties.add(p.code);
  });
  if (doc.effectiveTo && doc.effectiveTo < doc.effectiveFrom) add("effectiveTo", `is before effectiveFrom (${doc.effectiveFrom})`);

  const ids = new Map<string, string>();
  const claimId = (id: string, path: string) => {
    const first = ids.get(id);
    if (first) add(path, `id ${id} is already used by ${first}; rule and guaranteed-return ids must be unique`);
    else ids.set(id, path);
  };
  doc.rules.forEach((rule, r) => {
    claimId(rule.id, `rules.${r}.id`);
    checkRule(rule, `rules.${r}`, parties, add);
  });
  (doc.guaranteedReturns ?? []).forEach((g, i) => {
    claimId(g.id, `guaranteedReturns.${i}.id`);
    checkGuarantee(doc, g, `guaranteedReturns.${i}`, parties, add);
  });
  return problems;
}

type Add = (path: string, message: string) => void;

function checkRule(rule: Rule, at: string, parties: ReadonlySet<string>, add: Add): void {
  if (typeof rule.measure !== "string" && isBuiltInMeasure(rule.measure.key)) {
    add(`${at}.measure.key`, `${rule.measure.key} is a built-in measure; write "measure": "${rule.measure.key}"`);
  }
  if (rule.coverage.kind === "enterprises") {
    const seen = new Set<string>();
    rule.coverage.enterprises.forEach((e, i) => {
      if (seen.has(e)) add(`${at}.coverage.enterprises.${i}`, `enterprise ${e} is listed twice`);
      seen.add(e);
    });
  }
  checkWindows(rule.schedule.windows, `${at}.schedule.windows`, parties, add);
  checkLimits(rule, at, add);
}

function checkWindows(windows: readonly Window[], at: string, parties: ReadonlySet<string>, add: Add): void {
  let expectedFrom = 1;
  windows.forEach((w, i) => {
    const path = `${at}.${i}`;
    if (w.fromYear > expectedFrom) add(`${path}.fromYear`, `leaves a gap: years ${expectedFrom}–${w.fromYear - 1} are in no window`);
    if (w.fromYear < expectedFrom) {
      add(`${path}.fromYear`, expectedFrom === 1 ? "must not start before year 1" : `overlaps the window before it, which runs to year ${expectedFrom - 1}`);
    }
    if (w.toYear !== null && w.toYear < w.fromYear) add(`${path}.toYear`, `is before fromYear (${w.fromYear})`);
    if (w.toYear === null && i < windows.length - 1) add(`${path}.toYear`, "only the last window may be open-ended (null)");
    expectedFrom = (w.toYear ?? Number.MAX_SAFE_INTEGER - 1) + 1;

    const seen = new Set<string>();
    const shares: Fraction[] = [];
    w.shares.forEach((s, j) => {
      if (!parties.has(s.party)) add(`${path}.shares.${j}.party`, `unknown party ${s.party}; parties are ${[...parties].join(", ")}`);
      if (seen.has(s.party)) add(`${path}.shares.${j}.party`, `party ${s.party} appears twice in this window`);
      seen.add(s.party);
      shares.push(parseShare(s.share));
    });
    const total = sum(shares);
    if (total.num !== total.den) {
      add(`${path}.shares`, `shares add up to ${fractionText(total)} (${describeBp(total)}), not the whole (10000 bp)`);
    }
  });
}

function describeBp(f: Fraction): string {
  const bp = (f.num * 10000n) / f.den;
  return (f.num * 10000n) % f.den === 0n ? `${bp} bp` : `about ${bp} bp`;
}

function checkLimits(rule: Rule, at: string, add: Add): void {
  const limits = rule.limits ?? [];
  if (limits.length === 0) return;
  const kind: MeasureKind = measureOf(rule.measure).kind;
  const inRule = new Set(rule.schedule.windows.flatMap((w) => w.shares.map((s) => s.party)));
  const seen = new Set<string>();
  const capped = new Set<string>();
  limits.forEach((l, i) => {
    const path = `${at}.limits.${i}`;
    if (!inRule.has(l.party)) add(`${path}.party`, `party ${l.party} has no share in this rule`);
    if (seen.has(l.party)) add(`${path}.party`, `party ${l.party} has two limits; merge them`);
    seen.add(l.party);
    const read = (field: "cap" | "floor") => {
      const text = l[field];
      if (text == null) return null;
      const value = parseMeasureAmount(text, kind);
      if (value === undefined) add(`${path}.${field}`, kind === "money" ? "must be whole fen for a money measure" : "has more than 6 decimal places");
      return value ?? null;
    };
    const cap = read("cap");
    const floor = read("floor");
    if (l.cap == null && l.floor == null) add(path, "names neither a cap nor a floor");
    if (cap !== null && floor !== null && cap < floor) add(`${path}.cap`, `is below the floor (${l.floor})`);
    if (cap !== null) capped.add(l.party);
  });
  if (capped.size === 0) return;
  // An excess over a cap goes to the other parties by their shares; it must have somewhere to go.
  rule.schedule.windows.forEach((w, i) => {
    if (!w.shares.some((s) => !capped.has(s.party) && parseShare(s.share).num > 0n)) {
      add(`${at}.schedule.windows.${i}.shares`, "every party with a share here is capped: an excess over a cap would have nowhere to go");
    }
  });
}

type Guarantee = NonNullable<SharingTermsDocument["guaranteedReturns"]>[number];

function checkGuarantee(doc: SharingTermsDocument, g: Guarantee, at: string, parties: ReadonlySet<string>, add: Add): void {
  if (!parties.has(g.payer)) add(`${at}.payer`, `unknown party ${g.payer}`);
  if (!parties.has(g.beneficiary)) add(`${at}.beneficiary`, `unknown party ${g.beneficiary}`);
  if (g.payer === g.beneficiary) add(`${at}.beneficiary`, "is also the payer");
  if (BigInt(g.principalFen) <= 0n) add(`${at}.principalFen`, "must be more than zero");
  if (parseShare(g.rate).num === 0n) add(`${at}.rate`, "must be more than zero");
  if (g.toYear !== null && g.toYear < g.fromYear) add(`${at}.toYear`, `is before fromYear (${g.fromYear})`);
  const firstYear = Number(doc.effectiveFrom.slice(0, 4));
  if (g.fromYear < firstYear) add(`${at}.fromYear`, `is before the terms take effect (${doc.effectiveFrom})`);
  const lastYear = doc.effectiveTo ? Number(doc.effectiveTo.slice(0, 4)) : null;
  if (lastYear !== null && (g.toYear === null || g.toYear > lastYear)) add(`${at}.toYear`, `runs past the end of the terms (${doc.effectiveTo})`);
  if (g.kind === "fixed" && g.countsRules !== undefined) add(`${at}.countsRules`, "only a floor counts rule receipts; a fixed return is paid in full");
  (g.countsRules ?? []).forEach((id, i) => {
    const rule = doc.rules.find((r) => r.id === id);
    if (!rule) add(`${at}.countsRules.${i}`, `unknown rule ${id}`);
    else if (measureOf(rule.measure).kind !== "money") add(`${at}.countsRules.${i}`, `rule ${id} shares a quantity, which cannot count toward money`);
    else if (!rule.schedule.windows.some((w) => w.shares.some((s) => s.party === g.beneficiary))) {
      add(`${at}.countsRules.${i}`, `rule ${id} gives the beneficiary ${g.beneficiary} no share`);
    }
  });
}
