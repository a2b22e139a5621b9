// The chain pages' words that come from data: counties by name, node names, stages and statuses in the
// console's language. One hook, so every part of the page names things the same way.
import { useMemo } from "react";
import { useRegions } from "../../app/regions.tsx";
import { pick } from "../../components/localized-text.tsx";
import { useI18n, type MessageKey } from "../../i18n/i18n.tsx";
import { nodeName, shortCountyName, shortNodeName, type ChainNode } from "./chain-api.ts";
import type { GraphWords } from "./chain-graph-model.ts";

export type ChainWords = GraphWords & {
  countyName: (code: string) => string;
  outcome: (status: string) => string;
  linkStatus: (status: string) => string;
};

export function useChainWords(): ChainWords {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { byCode } = useRegions();
  return useMemo(() => {
    const label = (prefix: string, value: string) => {
      const key = `${prefix}.${value}`;
      return i18n.has(key) ? t(key as MessageKey) : value;
    };
    const countyName = (code: string) => {
      const region = byCode.get(code);
      return region ? pick(locale, region.nameZh, region.nameEn) : code;
    };
    return {
      name: (node: ChainNode) => nodeName(node, locale),
      shortName: (node: ChainNode) => shortNodeName(nodeName(node, locale)),
      stage: (stage: string) => label("chains.stageName", stage),
      county: (code: string) => ({ name: countyName(code), short: shortCountyName(countyName(code)) }),
      countyName,
      status: (status: string) => label("chains.nodeStatus", status),
      outcome: (status: string) => label("chains.outcomeStatus", status),
      linkStatus: (status: string) => label("chains.linkStatus", status),
      money: (fen: string) => i18n.money(fen),
    };
  }, [i18n, t, locale, byCode]);
}
