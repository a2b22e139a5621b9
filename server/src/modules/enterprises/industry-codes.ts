// GB/T 4754-2017 industry classification (国民经济行业分类), shipped as data: see gbt4754-2017.json for its source
// and how complete it is. Enterprises are classified by 4-digit class (小类); higher levels are for labels and roll-ups.
import table from "./gbt4754-2017.json" with { type: "json" };

export interface IndustryClass {
  readonly code: string;
  readonly name_zh: string;
  readonly division: string;
  readonly section: string;
}

export interface IndustryLevel {
  readonly code: string;
  readonly name_zh: string;
}

export interface IndustryCodeDescription {
  readonly industryClass: IndustryClass;
  readonly group: IndustryLevel;
  readonly division: IndustryLevel;
  readonly section: IndustryLevel;
}

interface IndustryTable {
  readonly sections: readonly IndustryLevel[];
  readonly divisions: readonly IndustryLevel[];
  readonly groups: readonly IndustryLevel[];
  readonly classes: readonly IndustryClass[];
}

const data: IndustryTable = table;
const classes: readonly IndustryClass[] = Object.freeze(data.classes.map((c) => Object.freeze({ ...c })));
const classByCode = new Map(classes.map((c) => [c.code, c]));
const byCode = (levels: readonly IndustryLevel[]) => new Map(levels.map((l) => [l.code, l]));
const sections = byCode(data.sections);
const divisions = byCode(data.divisions);
const groups = byCode(data.groups);

// Registers write the class as "3465" or with its section letter, "C3465"; the letter must then match.
function normalise(code: string): { section?: string; digits: string } {
  const trimmed = code.trim().toUpperCase();
  const match = /^([A-T])?(\d{4})$/.exec(trimmed);
  if (!match?.[2]) return { digits: "" };
  return match[1] ? { section: match[1], digits: match[2] } : { digits: match[2] };
}

export function findIndustryClass(code: string): IndustryClass | undefined {
  const { section, digits } = normalise(code);
  const found = classByCode.get(digits);
  if (!found || (section !== undefined && section !== found.section)) return undefined;
  return found;
}

export function isKnownIndustryClass(code: string): boolean {
  return findIndustryClass(code) !== undefined;
}

export function industryClasses(): readonly IndustryClass[] {
  return classes;
}

/** The class with the names of its group, division and section, or undefined for an unknown code. */
export function describeIndustryCode(code: string): IndustryCodeDescription | undefined {
  const industryClass = findIndustryClass(code);
  if (!industryClass) return undefined;
  const group = groups.get(industryClass.code.slice(0, 3));
  const division = divisions.get(industryClass.division);
  const section = sections.get(industryClass.section);
  // The table is checked by its tests, so a gap here means the JSON was edited by hand and broken.
  if (!group || !division || !section) {
    throw new Error(`gbt4754-2017.json is inconsistent: class ${industryClass.code} lacks a parent level`);
  }
  return { industryClass, group, division, section };
}
