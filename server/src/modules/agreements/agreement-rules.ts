// The rules of an agreement that need no database: its life cycle and the consistency of its dates.
import type { Agreement, AgreementStatus } from "../../../../contracts/agreements.ts";
import type { ErrorDetail } from "../../platform/errors.ts";
import { todayInChina } from "../../platform/calendar.ts";
export { todayInChina };

// expired and terminated share the last step: both end the agreement, neither follows the other.
const step: Record<AgreementStatus, number> = { draft: 0, signed: 1, in_force: 2, expired: 3, terminated: 3 };

/** Forward only along draft → signed → in_force → expired | terminated; steps may be skipped; the end is final. */
export function canMove(from: AgreementStatus, to: AgreementStatus): boolean {
  return from === to || step[to] > step[from];
}

export function nextStatuses(from: AgreementStatus): AgreementStatus[] {
  return (Object.keys(step) as AgreementStatus[]).filter((to) => to !== from && canMove(from, to));
}


export type AgreementState = Pick<Agreement, "status" | "signedOn" | "termStart" | "termEnd" | "cooperationDomains">;

/** Problems of an agreement as it would stand after a create or change, each naming its field. */
export function stateProblems(agreement: AgreementState, today: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (agreement.status !== "draft" && agreement.signedOn === null) {
    problems.push({ field: "signedOn", value: null, message: `is needed once the agreement is ${agreement.status}` });
  }
  if (agreement.signedOn !== null && agreement.signedOn > today) {
    problems.push({ field: "signedOn", value: agreement.signedOn, message: `lies in the future (today is ${today})` });
  }
  if (agreement.termStart !== null && agreement.termEnd !== null && agreement.termEnd < agreement.termStart) {
    problems.push({ field: "termEnd", value: agreement.termEnd, message: `is before termStart (${agreement.termStart})` });
  }
  const seen = new Set<string>();
  agreement.cooperationDomains.forEach((domain, i) => {
    if (seen.has(domain)) problems.push({ field: `cooperationDomains.${i}`, value: domain, message: "is listed twice" });
    seen.add(domain);
  });
  return problems;
}

/** Repeated parties, by position in the list. */
export function repeatedParties(parties: readonly string[]): ErrorDetail[] {
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  parties.forEach((code, i) => {
    if (seen.has(code)) problems.push({ field: `parties.${i}`, value: code, message: "is listed twice" });
    seen.add(code);
  });
  return problems;
}

/** A file name safe to store and to send back: no directories, no control characters, at most 255 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
  return clean || "document";
}

const mediaTypePattern = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** The declared media type when it is a plain type/subtype, else application/octet-stream. */
export function cleanMediaType(type: string | undefined): string {
  const plain = (type ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaTypePattern.test(plain) ? plain : "application/octet-stream";
}
