// A match's reasons in words: the part of the score (named from the catalogue), its points, and the server's
// sentence in the console's language. Sentences quote enterprises' own product words, which may be in the other
// language ("供方产品「electric saw」…", "supplier's product 变速箱 …"): those runs are marked with their lang.
import { Fragment } from "react";
import { pick } from "../../components/localized-text.tsx";
import { useI18n, type Locale } from "../../i18n/i18n.tsx";
import type { MatchReason } from "./chain-api.ts";
import { useChainWords } from "./chain-words.ts";

const cjkRun = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+/g;
const latinRun = /[A-Za-z][A-Za-z0-9'’&.\- ]*[A-Za-z0-9]|[A-Za-z]/g;

export type TextRun = { text: string; lang?: Locale };

/** The text split into runs, those in the other script marked with their language. */
export function runsOf(text: string, locale: Locale): TextRun[] {
  const pattern = new RegExp((locale === "zh-CN" ? latinRun : cjkRun).source, "g");
  const other: Locale = locale === "zh-CN" ? "en-US" : "zh-CN";
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > at) runs.push({ text: text.slice(at, start) });
    runs.push({ text: match[0], lang: other });
    at = start + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

export function MixedText({ text }: { text: string }) {
  const { locale } = useI18n();
  return (
    <>
      {runsOf(text, locale).map((run, i) =>
        run.lang ? (
          <span key={i} lang={run.lang}>
            {run.text}
          </span>
        ) : (
          <Fragment key={i}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}

export function ReasonList({ reasons }: { reasons: readonly MatchReason[] }) {
  const { t, locale } = useI18n();
  const words = useChainWords();
  return (
    <ul className="chain-reasons">
      {reasons.map((reason) => (
        <li key={reason.kind}>
          <span className="chain-reason-kind">{words.reasonKind(reason.kind)}</span>{" "}
          <span className="chain-reason-points">{t("chains.points", { points: reason.points })}</span>{" "}
          <MixedText text={pick(locale, reason.zh, reason.en)} />
        </li>
      ))}
    </ul>
  );
}
