// Gaps of the chain per county and for the pair, with complements (one county's gap where the other is strong)
// and the target lists for investment attraction; the target lists export as Excel or CSV from the API.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Segmented, Table, Tag, Typography } from "antd";
import type { TableColumnType } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "../../app/router.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { chainPaths, nodeName, type ChainView } from "./chain-api.ts";
import { countyOf, nodesInView, type GapNode, type GapView } from "./chain-presence.ts";
import { useChainWords } from "./chain-words.ts";
import { NodeDrawer } from "./node-drawer.tsx";
import { StatusTag } from "./status-tag.tsx";

const views: GapView[] = ["all", "first", "second", "pair", "complements"];
const shownTargets = 3;

type Props = {
  chain: ChainView;
  gapNodes: GapNode[];
  pair: readonly string[];
  pairingId: string | undefined;
  thinBelow: number;
};

export function GapsTab({ chain, gapNodes, pair, pairingId, thinBelow }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const words = useChainWords();
  const [search, setSearch] = useSearchParams();
  const view = (views as string[]).includes(search.get("view") ?? "")
    ? (search.get("view") as GapView)
    : "all";
  const [openId, setOpenId] = useState<string>();
  const [first = "", second = ""] = pair;
  const rows = nodesInView(gapNodes, pair, view);
  const count = (v: GapView) => nodesInView(gapNodes, pair, v).length;
  const chainNode = (id: string) => chain.nodes.find((n) => n.id === id);
  const exportHref = (format: "xlsx" | "csv") =>
    chainPaths.gaps({ pairingId, chainId: chain.id, format, lang: locale === "zh-CN" ? "zh" : "en" });

  const countyColumn = (code: string): TableColumnType<GapNode> => ({
    key: `county-${code}`,
    title: words.countyName(code),
    render: (_, node) => {
      const c = countyOf(node, code);
      return (
        <Flex vertical gap={2}>
          <span>
            {i18n.number(c?.enterprises ?? 0)} <StatusTag status={c?.status ?? "gap"} />
          </span>
          {c && c.enterprisesWithOutput > 0 && (
            <Typography.Text type="secondary" className="money">
              {t("chains.output")} {i18n.money(c.outputFen)}
            </Typography.Text>
          )}
        </Flex>
      );
    },
  });

  const columns: TableColumnType<GapNode>[] = [
    {
      key: "node",
      title: t("chains.node"),
      render: (_, node) => (
        <Flex vertical gap={0} align="flex-start">
          <Button type="link" className="chain-node-button" onClick={() => setOpenId(node.nodeId)}>
            {nodeName(node, locale)}
          </Button>
          <Typography.Text type="secondary">{words.stage(node.stage)}</Typography.Text>
        </Flex>
      ),
    },
    countyColumn(first),
    countyColumn(second),
    {
      key: "pair",
      title: t("chains.pairTotal"),
      render: (_, node) => (
        <span>
          {i18n.number(node.pair.enterprises)} <StatusTag status={node.pair.status} />
        </span>
      ),
    },
    {
      key: "complement",
      title: t("chains.complement"),
      render: (_, node) =>
        node.complement ? (
          <Tag color="purple">
            {t("chains.complementText", {
              gap: words.countyName(node.complement.gapIn),
              strong: words.countyName(node.complement.strongIn),
            })}
          </Tag>
        ) : (
          <span className="empty-value">—</span>
        ),
    },
    {
      key: "targets",
      title: t("chains.targets"),
      render: (_, node) => {
        const lists = node.counties.filter((c) => c.targets.length > 0);
        if (lists.length === 0) return <span className="empty-value">—</span>;
        return (
          <Flex vertical gap={4} className="chain-targets">
            {lists.map((c) => (
              <div key={c.regionCode}>
                <Typography.Text type="secondary">
                  {t("chains.targetsFor", { county: words.countyName(c.regionCode) })}
                </Typography.Text>{" "}
                {c.targets.slice(0, shownTargets).map((target, i) => (
                  <span key={target.enterpriseId}>
                    {i > 0 && (locale === "zh-CN" ? "、" : ", ")}
                    <Link to={recordPath.enterprise(target.enterpriseId)}>
                      <Localized zh={target.nameZh} en={target.nameEn} />
                    </Link>
                  </span>
                ))}
                {c.targets.length > shownTargets &&
                  ` ${t("chains.andMore", { count: i18n.number(c.targets.length - shownTargets) })}`}
              </div>
            ))}
          </Flex>
        );
      },
    },
  ];

  const viewLabel: Record<GapView, string> = {
    all: t("chains.view.all"),
    first: t("chains.view.county", { county: words.countyName(first) }),
    second: t("chains.view.county", { county: words.countyName(second) }),
    pair: t("chains.view.pair"),
    complements: t("chains.view.complements"),
  };
  const tableLabel = t("chains.gapsTable", { chain: nodeName(chain, locale) });

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap="small" className="table-toolbar">
        <Segmented<GapView>
          aria-label={t("chains.gapView")}
          value={view}
          onChange={(v) => setSearch({ view: v === "all" ? undefined : v })}
          options={views.map((v) => ({ value: v, label: `${viewLabel[v]} (${i18n.number(count(v))})` }))}
        />
        <Flex gap="small" wrap>
          <Button
            icon={<DownloadOutlined />}
            href={exportHref("xlsx")}
            download
            aria-label={t("chains.exportTargetsXlsx")}
          >
            {t("table.exportXlsx")}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={exportHref("csv")}
            download
            aria-label={t("chains.exportTargetsCsv")}
          >
            {t("table.exportCsv")}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">
        {t("chains.gapsHint", { thin: i18n.number(thinBelow) })}
      </Typography.Paragraph>
      <section aria-label={tableLabel}>
        <Table<GapNode>
          rowKey={(n) => n.nodeId}
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="middle"
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("chains.noNodesInView") }}
        />
      </section>
      <NodeDrawer
        node={openId ? chainNode(openId) : undefined}
        gap={gapNodes.find((n) => n.nodeId === openId)}
        pair={pair}
        pairingId={pairingId}
        chainId={chain.id}
        onClose={() => setOpenId(undefined)}
      />
    </Card>
  );
}
