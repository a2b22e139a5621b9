// The statement as GET /api/v1/settlements/:id/statement?party=…&format=json answers it (the shape built by
// server/src/modules/sharing/statement.ts; the same data the XLSX and PDF show). Amounts are strings in the
// measure's unit: integer fen for money, decimals for quantities.
import type { PartyTotalJson } from "../../../../contracts/sharing.ts";

export type StatementLine = {
  lineNo: number;
  kind: "rule" | "guaranteed_return";
  termsVersion: number;
  rule: string;
  measure: string;
  unit: string;
  /** "enterprise:<id>", "enclave:<id>", or "" for a guaranteed return. */
  subject: string;
  subjectName: string;
  dueToDate: string;
  previouslyPosted: string;
  amount: string;
  figures: string[];
  steps: string[];
};

export type StatementDifference = {
  termsVersion: number;
  rule: string;
  measure: string;
  unit: string;
  subject: string;
  subjectName: string;
  before: string;
  after: string;
  difference: string;
};

export type Statement = {
  party: { code: string; name: string };
  period: { label: string; kind: string };
  run: { id: string; kind: string; status: string; restatesRunId: string | null; lockedAt: string | null };
  totals: PartyTotalJson[];
  lines: StatementLine[];
  differences: StatementDifference[] | null;
  illustrative: boolean;
  generatedAt: string;
};
