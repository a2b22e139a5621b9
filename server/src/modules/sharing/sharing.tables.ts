// The sharing module's tables, as Kysely sees them (camelCase; the database has snake_case). bigint columns
// arrive from pg as strings, so amounts stay exact until they become bigints in code.
import type { Generated } from "kysely";

export type SharingTables = {
  sharingProductionStart: {
    enterpriseId: string;
    startedOn: string;
    note: string | null;
    illustrative: Generated<boolean>;
    version: Generated<number>;
    recordedBy: string;
    createdAt: Generated<Date>;
    updatedAt: Generated<Date>;
  };
  sharingTermSet: {
    id: Generated<string>;
    agreementId: string;
    version: number;
    termsId: string;
    effectiveFrom: string;
    effectiveTo: string | null;
    document: unknown;
    illustrative: Generated<boolean>;
    createdBy: string;
    createdByName: string;
    createdAt: Generated<Date>;
  };
  sharingSettlementRun: {
    id: Generated<string>;
    agreementId: string;
    period: string;
    periodKind: "month" | "quarter" | "year";
    year: number;
    firstMonth: number;
    lastMonth: number;
    kind: "settlement" | "restatement";
    restatesRunId: string | null;
    status: "draft" | "locked" | "restated" | "discarded";
    fingerprint: string;
    inputs: unknown;
    parties: unknown;
    totals: unknown;
    skipped: unknown;
    warnings: unknown;
    /** Texts the lines' explanations refer to by number (explanation-store.ts); null for earlier runs. */
    explanationTexts: unknown;
    illustrative: Generated<boolean>;
    createdBy: string;
    createdByName: string;
    createdAt: Generated<Date>;
    lockedAt: Date | null;
    endedAt: Date | null;
  };
  sharingSettlementLine: {
    runId: string;
    lineNo: number;
    kind: "rule" | "guaranteed_return";
    termsVersion: number;
    ruleId: string;
    party: string;
    measure: string;
    unit: string;
    subjectKind: "enterprise" | "enclave" | null;
    subjectId: string | null;
    dueToDate: string;
    previouslyPosted: string;
    amount: string;
    /** Earlier runs and guaranteed returns: the explanation as JSON; else null, and explanationRef. */
    explanation: unknown;
    /** The line's explanation group (explanation-store.ts), stored in sharingSettlementExplanation. */
    explanationRef: number | null;
  };
  sharingSettlementExplanation: {
    runId: string;
    /** The first of the thousand groups in `groups`, one per line. */
    firstRef: number;
    groups: string;
  };
  sharingConfirmation: {
    runId: string;
    party: string;
    actorId: string;
    actorName: string;
    actorRole: string;
    confirmedAt: Generated<Date>;
  };
  sharingLedgerEntry: {
    id: Generated<string>;
    agreementId: string;
    runId: string;
    kind: "posting" | "reversal";
    reversesEntryId: string | null;
    year: number;
    period: string;
    periodLastMonth: number;
    postedBy: string;
    postedAt: Generated<Date>;
    memo: string;
  };
  sharingLedgerLine: {
    entryId: string;
    lineNo: number;
    account: "party" | "pool";
    party: string | null;
    termsVersion: number;
    ruleId: string;
    measure: string;
    unit: string;
    subjectKind: "enterprise" | "enclave" | null;
    subjectId: string | null;
    amount: string;
  };
};
