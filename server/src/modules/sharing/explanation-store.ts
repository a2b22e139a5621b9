// How a run keeps its explanations (db/migrations/202611241400_sharing_explanations.sql). A rule line's
// explanation is the figures behind it, the same for every party of one rule and subject, and the party's own
// steps. Both are stored once per terms version × rule × subject — a group — with the figures as months and
// versions (sharing reads their ids and values back through the indicators module's door: versions never
// change); each line keeps its group's number, and texts that repeat on many lines (party names, rounding
// reasons) are stored once per run. Guaranteed returns keep their explanation as JSON. Decoding gives back exactly
// what the engine presented (explanationOf).
//
// A group is its segments, then each party's steps: "segments␞party␟steps␞party␟steps" (␞ U+001E, ␟ U+001F).
// Segments, ";" between them: "index fromYear toYear|- years total figures", years joined by ".", figures as
// months of the run's year with their versions: "1-6" (months 1 to 6, version 1 each), "7@2" (month 7, version
// 2), joined by ".". Steps: "nameRef|ytdTotal|segments|limits", a segment being "share allocated quota whole
// remainder roundingUnit rank|- reasonRef" (";" between them; a quota equal to the amount allocated, or a whole
// part equal to the quota, is "=") and limits the presented caps and floors as JSON, or "". Groups are stored a
// thousand to a row, one per line.
import { formatMeasureAmount, fractionText, parseMeasureAmount, type FigureUse, type Fraction, type SubjectRef } from "./engine/index.ts";
import { kindOfUnit } from "./engine/measures.ts";
import { explanationOf, type RunLine } from "./run-compute.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type EncodedLine = { ref: number | null; explanation: Record<string, Json> | null };
export type EncodedRun = { texts: string[]; chunks: { firstRef: number; groups: string }[]; lines: EncodedLine[] };

/** Groups per stored row. */
export const GROUPS_PER_ROW = 1000;
const RS = "\u001e";
const US = "\u001f";

/** The stored row that holds a group. */
export const firstRefOf = (ref: number): number => Math.floor((ref - 1) / GROUPS_PER_ROW) * GROUPS_PER_ROW + 1;

/** What a stored line is, as the line's own columns say. */
export type StoredLineCore = Pick<RunLine, "kind" | "termsVersion" | "rule" | "party" | "measure" | "unit" | "subject" | "dueToDate" | "previouslyPosted" | "amount">;

/** A run line's number and columns, as stored (its explanation is stored by encodeExplanations). */
export function storedColumnsOf(l: RunLine): StoredLineCore & { lineNo: number } {
  return {
    lineNo: l.lineNo,
    kind: l.kind,
    termsVersion: l.termsVersion,
    rule: l.rule,
    party: l.party,
    measure: l.measure,
    unit: l.unit,
    subject: l.subject,
    dueToDate: l.dueToDate,
    previouslyPosted: l.previouslyPosted,
    amount: l.amount,
  };
}

export function encodeExplanations(lines: readonly RunLine[]): EncodedRun {
  const texts: string[] = [];
  const textRefs = new Map<string, number>();
  const textRef = (text: string) => {
    let ref = textRefs.get(text);
    if (ref === undefined) {
      ref = texts.length;
      texts.push(text);
      textRefs.set(text, ref);
    }
    return ref;
  };
  // A group is built as its lines come: the segments, then each party's steps.
  const groups: string[] = [];
  // The parties' lines of one rule and subject share the engine's figure arrays: the group is found by them.
  const groupOf = new Map<readonly FigureUse[], number>();
  const checked = new Set<string>();
  const encoded = lines.map((line): EncodedLine => {
    const source = line.source;
    if (source.kind !== "rule") return { ref: null, explanation: explanationOf(line) };
    if (!checked.has(line.party)) {
      if (["\n", "\u001e", "\u001f"].some((c) => line.party.includes(c))) throw new Error(`party code ${JSON.stringify(line.party)} cannot be stored in an explanation`);
      checked.add(line.party);
    }
    const money = source.unit === "fen";
    const fmt = (v: bigint) => (money ? `${v}` : formatMeasureAmount(v, "quantity"));
    const first = source.segments[0];
    let ref = first ? groupOf.get(first.figures) : undefined;
    if (ref === undefined) {
      let text = "";
      for (const s of source.segments) {
        if (text !== "") text += ";";
        text += `${s.window.index} ${s.window.fromYear} ${s.window.toYear ?? "-"} ${s.scheduleYears.join(".")} ${fmt(s.total)} ${figuresText(s.figures)}`;
      }
      groups.push(text);
      ref = groups.length;
      if (first) groupOf.set(first.figures, ref);
    }
    let steps = `${RS}${line.party}${US}${textRef(line.partyName)}|${fmt(source.ytdTotal)}|`;
    source.segments.forEach((s, i) => {
      const r = s.rounding;
      // A quota equal to the amount allocated, and a whole part equal to the quota, are written "=" (compared as
      // numbers first: most are, and a number is not written out for nothing).
      const allocated = fmt(s.allocated);
      const wholeQuota = r.quota.den === 1n;
      const quota = money && wholeQuota && r.quota.num === s.allocated ? "=" : fractionText(r.quota);
      const whole = wholeQuota && r.whole === r.quota.num ? "=" : `${r.whole}`;
      const remainder = r.remainder.num === 0n ? "0" : fractionText(r.remainder);
      steps += `${i > 0 ? ";" : ""}${shareText(s.share)} ${allocated} ${quota} ${whole} ${remainder} ${r.roundingUnit} ${r.rank ?? "-"} ${textRef(r.reason)}`;
    });
    steps += source.limits.length === 0 ? "|" : `|${JSON.stringify(source.limits.map((l) => ({ kind: l.kind, segment: l.segment, change: fmt(l.change), reason: l.reason })))}`;
    groups[ref - 1] += steps;
    return { ref, explanation: null };
  });
  const chunks: EncodedRun["chunks"] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_ROW) chunks.push({ firstRef: i + 1, groups: groups.slice(i, i + GROUPS_PER_ROW).join("\n") });
  return { texts, chunks, lines: encoded };
}

/** A share's text, once per share of the terms (the same few fractions, line after line). */
function shareText(share: Fraction): string {
  let text = shareTexts.get(share);
  if (text === undefined) shareTexts.set(share, (text = fractionText(share)));
  return text;
}

const shareTexts = new WeakMap<Fraction, string>();

/** Months (of one year, ascending) and versions: runs of months at version 1 as "a-b", others as "m@v". */
function figuresText(figures: readonly FigureUse[]): string {
  let text = "";
  let runFrom = 0;
  let runTo = 0;
  let previous = 0;
  const flush = () => {
    if (runFrom > 0) text += `${text === "" ? "" : "."}${runFrom === runTo ? runFrom : `${runFrom}-${runTo}`}`;
    runFrom = 0;
  };
  for (const f of figures) {
    // "YYYY-MM": the month's number from its two digits.
    const month = (f.month.charCodeAt(5) - 48) * 10 + f.month.charCodeAt(6) - 48;
    if (month <= previous) throw new Error(`two figures of month ${f.month} in one segment`);
    previous = month;
    if (f.version === 1 && runFrom > 0 && month === runTo + 1) runTo = month;
    else {
      flush();
      if (f.version === 1) runFrom = runTo = month;
      else text += `${text === "" ? "" : "."}${month}@${f.version}`;
    }
  }
  flush();
  return text;
}

function parseFigures(text: string): { month: number; version: number }[] {
  const figures: { month: number; version: number }[] = [];
  for (const token of text.split(".")) {
    const at = token.indexOf("@");
    if (at >= 0) figures.push({ month: Number(token.slice(0, at)), version: Number(token.slice(at + 1)) });
    else {
      const [from, to = from] = token.split("-");
      for (let m = Number(from); m <= Number(to); m += 1) figures.push({ month: m, version: 1 });
    }
  }
  return figures;
}

/** A figure version to look up: what it is of, and its version. */
export type FigureKey = { subjectKind: "enterprise" | "enclave"; subjectId: string; measure: string; month: string; version: number };
/** What the indicators module gives back for a key: the versions found (exactly one, for a stored run). */
export type FigureFound = { figureId: string; unit: string; value: string }[];

export type StoredLineExplanation = StoredLineCore & { lineNo: number; explanationRef: number | null; explanation: unknown };

/**
 * The explanations of stored lines, as explanationOf presented them when the run was computed: stored JSON as it
 * is, compact lines decoded with their figures' ids and values looked up by `lookUp`.
 */
export async function decodeExplanations(
  lines: readonly StoredLineExplanation[],
  run: { year: number; texts: readonly string[]; rows: ReadonlyMap<number, string> },
  lookUp: (keys: readonly FigureKey[]) => Promise<FigureFound[]>,
): Promise<Record<string, unknown>[]> {
  type Segment = { index: number; fromYear: number; toYear: number | null; years: number[]; total: string; figures: { month: number; version: number }[] };
  type Group = { segments: Segment[]; steps: Map<string, string> };
  const parsed = new Map<number, Group>();
  const split = new Map<number, string[]>();
  const groupText = (ref: number): string | undefined => {
    const first = firstRefOf(ref);
    let groups = split.get(first);
    if (!groups) split.set(first, (groups = run.rows.get(first)?.split("\n") ?? []));
    return groups[ref - first];
  };
  const keys: FigureKey[] = [];
  const keyAt = new Map<string, number>();
  const keyOf = (line: StoredLineCore, month: number, version: number) => `${line.subject?.kind}:${line.subject?.id}|${line.measure}|${month}@${version}`;
  for (const line of lines) {
    if (line.explanationRef === null) continue;
    let group = parsed.get(line.explanationRef);
    if (!group) {
      const text = groupText(line.explanationRef);
      if (text === undefined) throw new Error(`the explanation ${line.explanationRef} of line ${line.lineNo} is missing`);
      const [segmentsText = "", ...parties] = text.split(RS);
      const segments = segmentsText === "" ? [] : segmentsText.split(";").map((s) => {
        const [index, fromYear, toYear, years, total, figures] = s.split(" ") as [string, string, string, string, string, string];
        return { index: Number(index), fromYear: Number(fromYear), toYear: toYear === "-" ? null : Number(toYear), years: years.split(".").map(Number), total, figures: parseFigures(figures) };
      });
      group = { segments, steps: new Map(parties.map((p) => [p.slice(0, p.indexOf(US)), p.slice(p.indexOf(US) + 1)])) };
      parsed.set(line.explanationRef, group);
    }
    const subject = line.subject;
    if (!subject) continue;
    for (const s of group.segments) {
      for (const f of s.figures) {
        const key = keyOf(line, f.month, f.version);
        if (keyAt.has(key)) continue;
        keyAt.set(key, keys.length);
        keys.push({ subjectKind: subject.kind, subjectId: subject.id, measure: line.measure, month: monthOf(run.year, f.month), version: f.version });
      }
    }
  }
  const found = keys.length === 0 ? [] : await lookUp(keys);
  return lines.map((line) => {
    if (line.explanationRef === null) return (line.explanation ?? {}) as Record<string, unknown>;
    const kind = kindOfUnit(line.unit);
    const fmt = (v: bigint) => formatMeasureAmount(v, kind);
    const group = parsed.get(line.explanationRef);
    const own = group?.steps.get(line.party);
    if (!group || own === undefined) throw new Error(`line ${line.lineNo}: its explanation is missing`);
    const [nameRef = "", ytdTotal = "", stepsText = "", ...limitParts] = own.split("|");
    const limitsText = limitParts.join("|");
    const steps = stepsText === "" ? [] : stepsText.split(";").map((s) => s.split(" "));
    const segments = group.segments;
    if (steps.length !== segments.length) throw new Error(`line ${line.lineNo}: ${steps.length} steps for ${segments.length} segments`);
    return {
      termsVersion: line.termsVersion,
      kind: line.kind,
      rule: line.rule,
      measure: line.measure,
      unit: line.unit,
      subject: { ...(line.subject as SubjectRef) },
      party: line.party,
      partyName: run.texts[Number(nameRef)] ?? line.party,
      ytdTotal,
      dueToDate: fmt(line.dueToDate),
      previouslyPosted: fmt(line.previouslyPosted),
      amount: fmt(line.amount),
      segments: segments.map((s, i) => {
        const [share, allocated, quotaText, wholeText, remainder, roundingUnit, rank, reasonRef] = steps[i] as string[];
        const quota = quotaText === "=" ? allocated : quotaText;
        const whole = wholeText === "=" ? quota : wholeText;
        let sum = 0n;
        const figures = s.figures
          .flatMap((f) => {
            const month = monthOf(run.year, f.month);
            const versions = found[keyAt.get(keyOf(line, f.month, f.version)) ?? -1] ?? [];
            if (versions.length === 0) throw new Error(`line ${line.lineNo}: figure version ${line.measure} ${month} v${f.version} of ${line.subject?.id} is not found`);
            return versions.map((v) => {
              const value = kind === "money" ? BigInt(v.value) : (parseMeasureAmount(v.value, "quantity") ?? 0n);
              sum += value;
              return { id: v.figureId, version: f.version, month, value: fmt(value) };
            });
          })
          .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        if (fmt(sum) !== s.total) throw new Error(`line ${line.lineNo}: its figures add up to ${fmt(sum)}, not the ${s.total} it was settled on`);
        return {
          window: { index: s.index, fromYear: s.fromYear, toYear: s.toYear },
          scheduleYears: s.years,
          months: { from: figures[0]?.month ?? "", to: figures[figures.length - 1]?.month ?? "" },
          figures,
          total: s.total,
          share,
          allocated,
          rounding: { quota, whole, remainder, roundingUnit: Number(roundingUnit), rank: rank === "-" ? null : Number(rank), reason: run.texts[Number(reasonRef)] ?? "" },
        };
      }),
      limits: limitsText === "" ? [] : (JSON.parse(limitsText) as unknown[]),
    };
  });
}

const monthOf = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;
