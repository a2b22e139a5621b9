// The engine's own shapes: terms as validated and compiled (fractions and bigints, not the strings of the file),
// the figures and facts a settlement reads, and what was posted before. Pure data, no behaviour.
import type { PartyShare } from "./allocate.ts";
import type { Fraction } from "./fraction.ts";

/** money is counted in fen; a quantity in micro-units (1/1,000,000) of its unit, so both split as whole numbers. */
export type MeasureKind = "money" | "quantity";
export type Measure = { key: string; unit: string; kind: MeasureKind };

export type Party = { code: string; name: string };

export type ScheduleWindow = { fromYear: number; toYear: number | null; shares: PartyShare[] };

export type ScheduleBasis = { basis: "production_start" } | { basis: "calendar"; startYear: number };

export type Coverage =
  | { kind: "enclave"; enclave: string }
  | { kind: "enterprises"; enterprises: string[] }
  | { kind: "enclave_residents"; enclave: string };

/** Per subject (enterprise or enclave) per calendar year, in the rule's units; null for none. */
export type PartyLimit = { party: string; cap: bigint | null; floor: bigint | null };

export type SharingRule = {
  id: string;
  label: string | null;
  measure: Measure;
  coverage: Coverage;
  schedule: ScheduleBasis;
  windows: ScheduleWindow[];
  limits: PartyLimit[];
};

export type GuaranteedReturn = {
  id: string;
  kind: "fixed" | "floor";
  principal: bigint;
  rate: Fraction;
  payer: string;
  beneficiary: string;
  fromYear: number;
  toYear: number | null;
  /** floor only: the money rules whose receipts by the beneficiary count toward the floor. */
  countsRules: string[];
};

export type SharingTerms = {
  id: string;
  agreement: string | null;
  version: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  parties: Party[];
  rules: SharingRule[];
  guaranteedReturns: GuaranteedReturn[];
};

export type SubjectRef = { kind: "enterprise" | "enclave"; id: string };

/** One observed figure for a month ("2024-03"); a correction is a higher version of the same id. */
export type Figure = { id: string; version: number; subject: SubjectRef; month: string; measure: string; value: bigint };

export type Residency = { enclave: string; from: string; to: string | null };
export type EnterpriseFacts = { id: string; productionStart: string | null; residencies: Residency[] };
export type EnclaveFacts = { id: string; productionStart: string | null };
export type SubjectFacts = { enterprises: EnterpriseFacts[]; enclaves: EnclaveFacts[] };

/** What the ledger already holds for the year being settled, per rule × subject × party × measure (subject null for a guaranteed return, whose id stands in `rule`). */
export type PostedAmount = { rule: string; subject: SubjectRef | null; party: string; measure: string; amount: bigint };

export type Period = { kind: "month" | "quarter" | "year"; label: string; year: number; firstMonth: number; lastMonth: number };

/** One problem in a terms file; path is dotted from the top ("rules.0.schedule.windows.1.shares"). */
export type TermsProblem = { path: string; message: string };
