// "Why is this number what it is": a line's stored explanation (figure versions, schedule windows, shares,
// caps and floors, rounding steps) together with the rule as the term set writes it, and the same as sentences
// an official can redo by hand.
import type { LineExplanation } from "../../../../contracts/sharing.ts";
import { lineJson } from "./run-dto.ts";
import type { RunRow, StoredLine } from "./runs.repository.ts";
import type { TermSetRow } from "./terms.repository.ts";

type Segment = {
  window: { index: number; fromYear: number; toYear: number | null };
  scheduleYears: number[];
  months: { from: string; to: string };
  figures: { id: string; version: number; month: string; value: string }[];
  total: string;
  share: string;
  allocated: string;
  rounding: { quota: string; whole: string; remainder: string; roundingUnit: number; rank: number | null; reason: string };
};

/** The explanation as sentences, one per step, in the order the engine took them. */
export function explanationSteps(line: Omit<StoredLine, "explanation">, explanation: Record<string, unknown>, unitName: string): string[] {
  const steps: string[] = [];
  if (line.kind === "guaranteed_return") {
    steps.push(String(explanation.reason ?? ""));
  } else {
    const segments = (explanation.segments ?? []) as Segment[];
    for (const s of segments) {
      const window = `schedule window ${s.window.index + 1} (years ${s.window.fromYear}–${s.window.toYear ?? "on"})`;
      const figures = s.figures.map((f) => `${f.id} v${f.version} (${f.month}) ${f.value}`).join(", ");
      steps.push(`${s.months.from}..${s.months.to}, schedule year${s.scheduleYears.length > 1 ? "s" : ""} ${s.scheduleYears.join(", ")} → ${window}; figures: ${figures || "none"}.`);
      steps.push(`Year-to-date total ${s.total} ${unitName} × share ${s.share} = quota ${s.rounding.quota} (in rounding units); whole part ${s.rounding.whole}, remainder ${s.rounding.remainder}.`);
      steps.push(`Rounding: ${s.rounding.reason} → ${s.allocated} ${unitName}.`);
    }
    for (const l of (explanation.limits ?? []) as { kind: string; change: string; reason: string }[]) steps.push(`${l.kind}: ${l.change} ${unitName} — ${l.reason}.`);
    if (segments.length === 0) steps.push("No figure is due any more for this subject and party: what was posted is reversed.");
  }
  const fmt = lineJson(line);
  steps.push(`Due to date ${fmt.dueToDate} − previously posted ${fmt.previouslyPosted} = this period's amount ${fmt.amount} ${unitName}.`);
  return steps;
}

export function explainLine(run: RunRow, line: StoredLine, termSet: TermSetRow | undefined): LineExplanation {
  const document = (termSet?.document ?? {}) as { rules?: { id: string }[]; guaranteedReturns?: { id: string }[] };
  const rule = line.kind === "rule" ? document.rules?.find((r) => r.id === line.rule) : document.guaranteedReturns?.find((g) => g.id === line.rule);
  const explanation = line.explanation ?? {};
  const unitName = line.unit === "fen" ? "fen" : line.unit;
  return {
    runId: run.id,
    period: run.period,
    line: lineJson(line),
    termSet: { id: termSet?.id ?? "", version: line.termsVersion, termsId: termSet?.termsId ?? "" },
    rule: (rule as Record<string, unknown> | undefined) ?? null,
    explanation,
    steps: explanationSteps(line, explanation, unitName),
  };
}
