// A party's statement for a run: its totals, every line with the figures and steps behind it, who confirmed and
// when, and — for a restatement — the differences from the run it replaces. One data shape, rendered as JSON,
// XLSX (statement-xlsx.ts) or PDF (statement-pdf.ts).
import type { Agreement } from "../../../../contracts/agreements.ts";
import type { Statement, StatementDifference, StatementLine } from "../../../../contracts/sharing-statement.ts";
import type { Party } from "./engine/index.ts";
import { explanationSteps } from "./explain.ts";
import { amountText, totalJson, type StoredTotal } from "./run-dto.ts";
import type { ConfirmationRow, RunRow, StoredLine } from "./runs.repository.ts";

// The shape is the contract's, which the console reads too.
export type { Statement, StatementDifference, StatementLine };

type Names = ReadonlyMap<string, string>;

const subjectText = (l: Pick<StoredLine, "subject">) => (l.subject ? `${l.subject.kind}:${l.subject.id}` : "");
const lineKey = (l: Pick<StoredLine, "termsVersion" | "rule" | "subject">) => `${l.termsVersion}|${l.rule}|${subjectText(l)}`;

export function buildStatement(input: {
  run: RunRow;
  agreement: Agreement;
  party: string;
  lines: readonly StoredLine[];
  confirmations: readonly ConfirmationRow[];
  replacedLines: readonly StoredLine[] | null;
  subjectNames: Names;
  now?: Date;
}): Statement {
  const { run, party } = input;
  const parties = run.parties as Party[];
  const partyName = parties.find((p) => p.code === party)?.name ?? party;
  const nameOf = (l: Pick<StoredLine, "subject">) => (l.subject ? (input.subjectNames.get(l.subject.id) ?? l.subject.id) : "");
  const lines = input.lines.map((l): StatementLine => {
    const segments = (l.explanation?.segments ?? []) as { figures: { id: string; version: number; month: string; value: string }[] }[];
    return {
      lineNo: l.lineNo,
      kind: l.kind,
      termsVersion: l.termsVersion,
      rule: l.rule,
      measure: l.measure,
      unit: l.unit,
      subject: subjectText(l),
      subjectName: nameOf(l),
      dueToDate: amountText(l.dueToDate, l.unit),
      previouslyPosted: amountText(l.previouslyPosted, l.unit),
      amount: amountText(l.amount, l.unit),
      figures: segments.flatMap((s) => s.figures.map((f) => `${f.id} v${f.version} ${f.month}: ${f.value}`)),
      steps: explanationSteps(l, l.explanation ?? {}, l.unit),
    };
  });
  return {
    title: { zh: run.kind === "restatement" ? "利益分享更正结算单" : "利益分享结算单", en: run.kind === "restatement" ? "Benefit-sharing restatement" : "Benefit-sharing statement" },
    agreement: { id: input.agreement.id, titleZh: input.agreement.titleZh, titleEn: input.agreement.titleEn },
    party: { code: party, name: partyName },
    period: { label: run.period, kind: run.periodKind },
    run: {
      id: run.id,
      kind: run.kind,
      status: run.status,
      restatesRunId: run.restatesRunId,
      fingerprint: run.fingerprint,
      createdAt: run.createdAt.toISOString(),
      lockedAt: run.lockedAt ? run.lockedAt.toISOString() : null,
      confirmations: parties.map((p) => {
        const c = input.confirmations.find((x) => x.party === p.code);
        return { party: p.code, partyName: p.name, actorName: c?.actorName ?? "", actorRole: c?.actorRole ?? "", confirmedAt: c ? c.confirmedAt.toISOString() : null };
      }),
    },
    totals: (run.totals as StoredTotal[]).filter((t) => t.party === party).map(totalJson),
    lines,
    differences: input.replacedLines ? differencesOf(input.replacedLines, input.lines, nameOf) : null,
    illustrative: run.illustrative,
    generatedAt: (input.now ?? new Date()).toISOString(),
  };
}

function differencesOf(before: readonly StoredLine[], after: readonly StoredLine[], nameOf: (l: Pick<StoredLine, "subject">) => string): StatementDifference[] {
  const rows = new Map<string, { line: StoredLine; before: bigint; after: bigint }>();
  for (const l of before) rows.set(lineKey(l), { line: l, before: l.amount, after: 0n });
  for (const l of after) {
    const seen = rows.get(lineKey(l));
    rows.set(lineKey(l), { line: seen?.line ?? l, before: seen?.before ?? 0n, after: l.amount });
  }
  return [...rows.values()]
    .filter((r) => r.before !== r.after)
    .map((r) => ({
      termsVersion: r.line.termsVersion,
      rule: r.line.rule,
      measure: r.line.measure,
      unit: r.line.unit,
      subject: subjectText(r.line),
      subjectName: nameOf(r.line),
      before: amountText(r.before, r.line.unit),
      after: amountText(r.after, r.line.unit),
      difference: amountText(r.after - r.before, r.line.unit),
    }));
}

/**
 * "1234567" fen as "12,345.67" yuan for people; quantities as they are. A negative amount carries the minus
 * sign U+2212, which no spreadsheet reads as the start of a formula.
 */
export function displayAmount(amount: string, unit: string): string {
  const negative = amount.startsWith("-");
  if (unit !== "fen") return negative ? `−${amount.slice(1)}` : amount;
  const digits = (negative ? amount.slice(1) : amount).padStart(3, "0");
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "−" : ""}${yuan || "0"}.${digits.slice(-2)}`;
}
