// The industry chain of a county pair (issue 6): the chain drawn as a graph with each node coloured by presence in
// each county, the gaps and complements with their target lists, matchmaking with reasons, and the recorded
// outcomes. The chain, pairing, tab and choices live in the address, so a view can be linked to.
import { Flex, Form, Select, Spin, Tabs, Typography } from "antd";
import { useMemo, type ReactNode } from "react";
import type { ChainMap, GapReport } from "../../../../contracts/chains.ts";
import type { Pairing } from "../../../../contracts/regions.ts";
import type { Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { useSearchParams } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { pick } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { chainPaths, defaultChainId, nodeName, nodesById } from "./chain-api.ts";
import { ChainMapTab } from "./chain-map-tab.tsx";
import { GapsTab } from "./gaps-tab.tsx";
import { MatchmakingTab } from "./matchmaking-tab.tsx";
import { OutcomesTab } from "./outcomes-tab.tsx";
import "./chains.css";

const tabs = ["map", "gaps", "matches", "outcomes"] as const;
type Tab = (typeof tabs)[number];

export function ChainsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [search, setSearch] = useSearchParams();
  const mayAnalyse = useCan("chain_analysis.read");
  const mayMatch = useCan("chain_match.read");
  const map = useApi<ChainMap>(chainPaths.map);
  const pairings = useApi<Page<Pairing>>("/api/v1/pairings?pageSize=100");
  const pairs = useMemo(
    () => (pairings.data?.items ?? []).filter((p) => p.members.length === 2),
    [pairings.data],
  );
  const chains = useMemo(() => map.data?.chains ?? [], [map.data]);
  const nodes = useMemo(() => nodesById(chains), [chains]);

  const wanted = search.get("chain");
  const chain =
    chains.find((c) => c.id === wanted) ?? chains.find((c) => c.id === defaultChainId) ?? chains[0];
  const pairing = pairs.find((p) => p.id === search.get("pairing")) ?? pairs[0];
  const allowedTabs = tabs.filter((tab) => (tab === "map" ? true : tab === "gaps" ? mayAnalyse : mayMatch));
  const tab: Tab = allowedTabs.find((x) => x === search.get("tab")) ?? "map";

  const gaps = useApi<GapReport>(
    mayAnalyse && chain && pairing ? chainPaths.gaps({ pairingId: pairing.id, chainId: chain.id }) : null,
  );
  const report = gaps.data;
  const pair = report?.pair ?? pairing?.members.map((m) => m.regionCode) ?? [];
  const gapNodes = report?.chains.find((c) => c.chainId === chain?.id)?.nodes;

  if (map.error) return <ErrorAlert error={map.error} />;
  if (!map.data || pairings.loading)
    return <Spin size="large" className="page-spin" aria-label={t("common.loading")} />;

  const chainPicker = (
    <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
      <Form.Item label={t("chains.chain")} htmlFor="chain-picker">
        <Select
          id="chain-picker"
          value={chain?.id}
          style={{ width: 220 }}
          options={chains.map((c) => ({
            value: c.id,
            label: c.focusOfAgreement ? `${nodeName(c, locale)} ★` : nodeName(c, locale),
          }))}
          onChange={(id: string) => setSearch({ chain: id === defaultChainId ? undefined : id })}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      {pairs.length > 1 && (
        <Form.Item label={t("chains.pairing")} htmlFor="chain-pairing-picker">
          <Select
            id="chain-pairing-picker"
            value={pairing?.id}
            style={{ width: 260 }}
            options={pairs.map((p) => ({ value: p.id, label: pick(locale, p.nameZh, p.nameEn) }))}
            onChange={(id: string) => setSearch({ pairing: id })}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      )}
    </Form>
  );

  const needsChain = (body: ReactNode) =>
    chain ? body : <Typography.Paragraph>{t("chains.noChains")}</Typography.Paragraph>;
  const analysis = (render: (nodes: NonNullable<typeof gapNodes>) => ReactNode) =>
    gaps.error ? (
      <ErrorAlert error={gaps.error} />
    ) : gapNodes ? (
      render(gapNodes)
    ) : (
      <Spin size="large" className="page-spin" aria-label={t("common.loading")} />
    );

  return (
    <>
      <PageHeader title={t("menu.chains")} extra={chainPicker} />
      <Flex gap="small" wrap className="chain-facts">
        <Typography.Text type="secondary">
          {pairing ? pick(locale, pairing.nameZh, pairing.nameEn) : t("chains.noPairing")}
          {" · "}
          {t("chains.chainSetVersion", { version: map.data.chainSetVersion })}
          {chain?.focusOfAgreement && ` · ★ ${t("chains.focusOfAgreement")}`}
        </Typography.Text>
      </Flex>
      {pairings.error && <ErrorAlert error={pairings.error} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key === "map" ? undefined : key }, { replace: false })}
        items={allowedTabs.map((key) => ({
          key,
          label: t(`chains.tab.${key}`),
          children:
            key === "map" ? (
              needsChain(
                chain &&
                  (gaps.error ? (
                    <ErrorAlert error={gaps.error} />
                  ) : mayAnalyse && !gapNodes && pairing ? (
                    <Spin size="large" className="page-spin" aria-label={t("common.loading")} />
                  ) : (
                    <ChainMapTab
                      chain={chain}
                      gapNodes={gapNodes}
                      pair={pair}
                      pairingId={pairing?.id}
                      outputYear={report?.output.year ?? null}
                    />
                  )),
              )
            ) : key === "gaps" ? (
              needsChain(
                chain &&
                  analysis((n) => (
                    <GapsTab
                      chain={chain}
                      gapNodes={n}
                      pair={pair}
                      pairingId={pairing?.id}
                      thinBelow={report?.thinBelow.enterprises ?? 3}
                    />
                  )),
              )
            ) : key === "matches" ? (
              <MatchmakingTab nodes={nodes} pairings={pairs} pairingId={pairing?.id} />
            ) : (
              <OutcomesTab pair={pair} />
            ),
        }))}
      />
    </>
  );
}
