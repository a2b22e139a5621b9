// The rules an enterprise record obeys, as pure functions: the API and the import apply the same ones.
import type { IndustryCodeEntry, IndustryCodeQuery } from "../../../../contracts/enterprises.ts";
import { todayInChina } from "../../platform/calendar.ts";
import type { ErrorDetail } from "../../platform/errors.ts";
import { checkUscc } from "./uscc.ts";
export { todayInChina };
import { describeIndustryCode, findIndustryClass, industryClasses } from "./industry-codes.ts";

/**
 * The code as stored (upper case, half-width), or the problem naming the field. A code whose only fault is its
 * check character is kept when `keepFailingCheck` says so (real registers hold a few: DOMAIN.md §6), with a
 * warning; otherwise it is a problem that says how to keep it.
 */
export function checkUsccField(value: string, options: { keepFailingCheck: boolean }): { code: string; warning?: ErrorDetail } | { problem: ErrorDetail } {
  const result = checkUscc(value);
  if (result.ok) return { code: result.code };
  if (result.reason !== "checksum") return { problem: { field: "uscc", value, message: result.message } };
  const code = value.normalize("NFKC").trim().toUpperCase();
  const message = `check character should be '${result.expected}', found '${[...code].at(-1)}'`;
  if (options.keepFailingCheck) return { code, warning: { field: "uscc", value, message: `${message}; kept as the register has it` } };
  return { problem: { field: "uscc", value, message: `${message} (if the register really holds this code, keep it: keepUsccFailingCheck)` } };
}

/** The 4-digit class for "3465" or "C3465", or the problem naming the field. */
export function checkIndustryCodeField(value: string): { code: string } | { problem: ErrorDetail } {
  const found = findIndustryClass(value);
  if (found) return { code: found.code };
  return { problem: { field: "industryCode", value, message: "is not a class of GB/T 4754-2017 (GET /api/v1/industry-codes lists them)" } };
}

/** The fields the cross-field rules look at, as the record will stand after the write. */
export type EnterpriseDates = { enclaveId: string | null; residentSince: string | null; foundedOn: string | null };

export function checkDates(record: EnterpriseDates, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (record.foundedOn !== null && record.foundedOn > today) {
    problems.push({ field: "foundedOn", value: record.foundedOn, message: `must not be in the future (today is ${today})` });
  }
  if (record.residentSince !== null && record.enclaveId === null) {
    problems.push({ field: "residentSince", value: record.residentSince, message: "is only for an enterprise resident in an enclave; give the enclave too" });
  }
  return problems;
}

/** The shipped classes matching a code prefix ("34", "C34") or words of the name, in code order. */
export function searchIndustryCodes(query: IndustryCodeQuery): { items: IndustryCodeEntry[]; total: number } {
  const q = query.q?.normalize("NFKC").trim().toUpperCase();
  const prefix = q === undefined ? undefined : /^([A-T])?(\d{0,4})$/.exec(q);
  const matches = industryClasses().filter((c) => {
    if (q === undefined) return true;
    if (prefix) return (prefix[1] === undefined || prefix[1] === c.section) && c.code.startsWith(prefix[2] ?? "");
    return c.name_zh.includes(q);
  });
  const items = matches.slice(0, query.limit).map((c): IndustryCodeEntry => {
    const described = describeIndustryCode(c.code);
    return {
      code: c.code,
      nameZh: c.name_zh,
      groupCode: described?.group.code ?? "",
      groupNameZh: described?.group.name_zh ?? "",
      divisionCode: c.division,
      divisionNameZh: described?.division.name_zh ?? "",
      sectionCode: c.section,
      sectionNameZh: described?.section.name_zh ?? "",
    };
  });
  return { items, total: matches.length };
}
