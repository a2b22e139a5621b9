// A match's reasons in words: the part of the score (named from the catalogue), its points, and the reason written
// from the catalogue out of its parts — nodes, chains and counties by name in the console's language, stages by
// their label, enterprises by name. Enterprises' own product words and the keywords they matched stay as written,
// marked with their lang when in the other language ("supplier's product “变速箱” …").
import { Fragment, type ReactNode } from "react";
import { DataText, Localized, pick } from "../../components/localized-text.tsx";
import { useI18n, type Locale, type MessageKey } from "../../i18n/i18n.tsx";
import type { MatchReason } from "./chain-api.ts";

/** An enterprise on one side of a match, as the reasons name it. */
export type ReasonSide = { nameZh: string; nameEn: string | null };
export type ReasonSides = { supplier: ReasonSide; buyer: ReasonSide };

type Named = { nameZh: string; nameEn: string | null };

/** A catalogue template with its {placeholders} filled by nodes (names, marked data), not only strings. */
export function fillTemplate(template: string, parts: Record<string, ReactNode>): ReactNode[] {
  return template.split(/\{(\w+)\}/).map((piece, i) =>
    // split with a capture group: odd pieces are placeholder names.
    i % 2 === 1 ? <Fragment key={i}>{piece in parts ? parts[piece] : `{${piece}}`}</Fragment> : piece,
  );
}

/** A list of names joined the way the language joins them (电动工具、炊具 · Electric tools and Cookware). */
function joined(names: readonly Named[], locale: Locale): ReactNode[] {
  const texts = names.map((n) => pick(locale, n.nameZh, n.nameEn));
  let element = 0;
  return new Intl.ListFormat(locale, { type: "conjunction" }).formatToParts(texts).map((part, i) => {
    if (part.type === "literal") return part.value;
    const name = names[element++];
    return <Localized key={i} zh={name?.nameZh} en={name?.nameEn} />;
  });
}

function ReasonWords({ reason, sides }: { reason: MatchReason; sides: ReasonSides }) {
  const { t, locale, number } = useI18n();
  const say = (key: MessageKey, parts: Record<string, ReactNode> = {}) => fillTemplate(t(key), parts);
  const name = (n: Named) => <Localized zh={n.nameZh} en={n.nameEn} />;
  const data = (text: string) => <DataText text={text} />;
  switch (reason.kind) {
    case "chain_adjacency": {
      const skipped = reason.step - 1;
      const fit =
        reason.code === "stages_skipped"
          ? t(skipped === 1 ? "chains.reason.fit.oneSkipped" : "chains.reason.fit.stagesSkipped", {
              count: skipped,
            })
          : t(`chains.reason.fit.${reason.code}`);
      return say("chains.reason.adjacency", {
        supplierNode: name(reason.supplierNode),
        buyerNode: name(reason.buyerNode),
        chains: say(reason.chains.length === 1 ? "chains.reason.onChain" : "chains.reason.onChains", {
          chains: joined(reason.chains, locale),
        }),
        supplierStage: t(`chains.stageName.${reason.supplierNode.stage}`),
        buyerStage: t(`chains.stageName.${reason.buyerNode.stage}`),
        fit,
      });
    }
    case "product_keyword": {
      const { supplierMatch: sold, buyerMatch: bought } = reason;
      return say(`chains.reason.product.${reason.code}`, {
        supplierNode: name(reason.supplierNode),
        buyerNode: name(reason.buyerNode),
        supplierProduct: sold && data(sold.product),
        supplierKeyword: sold && data(sold.keyword),
        buyerProduct: bought && data(bought.product),
        buyerKeyword: bought && data(bought.keyword),
      });
    }
    case "size_fit": {
      if (reason.code === "ratio")
        return say("chains.reason.size.ratio", {
          supplier: number(reason.supplierEmployees ?? 0),
          buyer: number(reason.buyerEmployees ?? 0),
          ratio: reason.ratioPercent ?? 0,
        });
      if (reason.supplierEmployees === null && reason.buyerEmployees === null)
        return say("chains.reason.size.unknownBoth");
      const side = reason.supplierEmployees === null ? sides.supplier : sides.buyer;
      return say("chains.reason.size.unknownOne", { name: name(side) });
    }
    case "distance": {
      const [first, second] = reason.counties;
      return say(`chains.reason.distance.${reason.code}`, {
        first: first && name(first),
        second: second && name(second),
        km: number(reason.km ?? 0),
      });
    }
    case "enclave": {
      const [one] = reason.residents;
      return say(`chains.reason.enclave.${reason.code}`, { name: one && name(sides[one]) });
    }
  }
}

export function ReasonList({ reasons, sides }: { reasons: readonly MatchReason[]; sides: ReasonSides }) {
  const { t } = useI18n();
  return (
    <ul className="chain-reasons">
      {reasons.map((reason) => (
        <li key={reason.kind}>
          <span className="chain-reason-kind">{t(`chains.reasonKind.${reason.kind}`)}</span>{" "}
          <span className="chain-reason-points">{t("chains.points", { points: reason.points })}</span>{" "}
          <ReasonWords reason={reason} sides={sides} />
        </li>
      ))}
    </ul>
  );
}
