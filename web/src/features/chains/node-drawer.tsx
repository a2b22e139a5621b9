// One chain node in detail: its stage, GB/T 4754 classes and keywords in the console's language, and per county
// its status, output where figures exist, and the enterprises there (largest first, a page at a time).
import { Descriptions, Drawer, Empty, Flex, List, Tag, Typography } from "antd";
import { useState } from "react";
import type { IndustryCodeEntry } from "../../../../contracts/enterprises.ts";
import { useApi, useApiAll } from "../../api/use-api.ts";
import { Link } from "../../app/router.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { DataText, Localized } from "../../components/localized-text.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { nodeEnterprisesPath, type ChainNode, type NodeEnterprises } from "./chain-api.ts";
import { countyOf, type GapNode } from "./chain-presence.ts";
import { useChainWords } from "./chain-words.ts";
import { StatusTag } from "./status-tag.tsx";

type Props = {
  node: ChainNode | undefined;
  gap: GapNode | undefined;
  pair: readonly string[];
  pairingId: string | undefined;
  chainId: string;
  onClose: () => void;
};

export function NodeDrawer({ node, gap, pair, pairingId, chainId, onClose }: Props) {
  const { t } = useI18n();
  const words = useChainWords();
  return (
    <Drawer
      open={node !== undefined}
      onClose={onClose}
      size={560}
      title={node ? words.name(node) : ""}
      destroyOnHidden
      closable={{ "aria-label": t("chains.close") }}
    >
      {node && <NodeDetails node={node} gap={gap} pair={pair} pairingId={pairingId} chainId={chainId} />}
    </Drawer>
  );
}

function NodeDetails({ node, gap, pair, pairingId, chainId }: Omit<Props, "onClose"> & { node: ChainNode }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const words = useChainWords();
  const codes = useApiAll<{ items: IndustryCodeEntry[] }>(
    node.industryCodes.map((c) => `/api/v1/industry-codes?q=${c}&limit=1`),
  );
  const keywords = locale === "zh-CN" ? node.keywordsZh : node.keywordsEn;
  const codeName = (code: string) =>
    codes.data?.flatMap((c) => c.items).find((entry) => entry.code === code)?.nameZh;
  return (
    <Flex vertical gap="middle">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "stage", label: t("chains.stageLabel"), children: words.stage(node.stage) },
          {
            key: "codes",
            label: t("chains.industryCodes"),
            children: node.industryCodes.length ? (
              <Flex vertical gap={2}>
                {node.industryCodes.map((code) => (
                  <span key={code}>
                    <code>{code}</code> <DataText text={codeName(code)} />
                  </span>
                ))}
              </Flex>
            ) : (
              t("common.none")
            ),
          },
          {
            key: "keywords",
            label: t("chains.keywords"),
            children: keywords.length
              ? keywords.map((k) => (
                  <Tag key={k}>
                    <DataText text={k} />
                  </Tag>
                ))
              : t("common.none"),
          },
          {
            key: "sourced",
            label: t("chains.sourced"),
            children: node.sourced ? t("chains.sourcedYes") : t("chains.sourcedNo"),
          },
        ]}
      />
      {!gap && <Typography.Text type="secondary">{t("chains.noAnalysis")}</Typography.Text>}
      {gap &&
        pair.map((code) => {
          const county = countyOf(gap, code);
          const count = county?.enterprises ?? 0;
          return (
            <section key={code} aria-label={words.countyName(code)}>
              <Typography.Title level={3} className="chain-county-title">
                {words.countyName(code)} <StatusTag status={county?.status ?? "gap"} />
              </Typography.Title>
              <Typography.Paragraph>
                {t("chains.enterprisesAtNode", { count: i18n.number(count) })}
                {county && county.enterprisesWithOutput > 0 && (
                  <>
                    {" · "}
                    {t("chains.outputOf", {
                      output: i18n.money(county.outputFen),
                      count: i18n.number(county.enterprisesWithOutput),
                    })}
                  </>
                )}
              </Typography.Paragraph>
              {count === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("chains.noneHere")} />
              ) : (
                <CountyEnterprises
                  chainId={chainId}
                  nodeId={node.id}
                  pairingId={pairingId}
                  regionCode={code}
                />
              )}
            </section>
          );
        })}
    </Flex>
  );
}

const pageSize = 10;

/** One county's enterprises at the node, from the node's own route, paged on the server. */
function CountyEnterprises({
  chainId,
  nodeId,
  pairingId,
  regionCode,
}: {
  chainId: string;
  nodeId: string;
  pairingId: string | undefined;
  regionCode: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [page, setPage] = useState(1);
  const listed = useApi<NodeEnterprises>(
    nodeEnterprisesPath(chainId, nodeId, { pairingId, regionCode, page, pageSize }),
  );
  const county = listed.data?.counties.find((c) => c.regionCode === regionCode);
  if (listed.error) return <ErrorAlert error={listed.error} />;
  return (
    <List
      size="small"
      loading={listed.loading}
      dataSource={county?.items ?? []}
      pagination={{
        current: page,
        pageSize,
        total: county?.total ?? 0,
        onChange: setPage,
        size: "small",
        hideOnSinglePage: true,
        showSizeChanger: false,
        showTotal: (total) => t("table.total", { total: i18n.number(total) }),
      }}
      renderItem={(e) => (
        <List.Item
          extra={e.outputFen !== null ? <span className="money">{i18n.money(e.outputFen)}</span> : undefined}
        >
          <Link to={recordPath.enterprise(e.enterpriseId)}>
            <Localized zh={e.nameZh} en={e.nameEn} />
          </Link>
          {e.employees !== null && (
            <Typography.Text type="secondary">
              {" "}
              {t("chains.employees", { count: i18n.number(e.employees) })}
            </Typography.Text>
          )}
        </List.Item>
      )}
    />
  );
}
