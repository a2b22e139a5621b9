// Ranked matches: the partner (or both sides, for a pair's strongest matches), the score out of 1000, the chain
// edge that connects them, the reasons in words, and the recorded outcome with the way to move it on.
import { Flex, Table, Typography } from "antd";
import type { TableColumnType } from "antd";
import { RegionName } from "../../app/regions.tsx";
import { Link } from "../../app/router.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  nodeName,
  type ChainNode,
  type MatchReason,
  type MatchOutcomeStatus,
  type MatchView,
  type PairMatch,
} from "./chain-api.ts";
import { OutcomeControl } from "./outcome-control.tsx";
import { ReasonList } from "./reason-text.tsx";

export type MatchSide = { id: string; nameZh: string; nameEn: string | null; regionCode: string };

export type MatchRow = {
  key: string;
  supplier: MatchSide;
  buyer: MatchSide;
  score: number;
  supplierNodeId: string;
  buyerNodeId: string;
  chainIds: string[];
  reasons: MatchReason[];
  outcome: { id: string; status: MatchOutcomeStatus } | null;
};

/** An enterprise's matches as rows: the partner on the side the role says, the enterprise on the other. */
export function enterpriseRows(
  items: readonly MatchView[],
  role: "suppliers" | "customers",
  self: MatchSide,
): MatchRow[] {
  return items.map((m) => {
    const partner = {
      id: m.partnerId,
      nameZh: m.partnerNameZh,
      nameEn: m.partnerNameEn,
      regionCode: m.partnerRegionCode,
    };
    return matchRow(m, role === "suppliers" ? partner : self, role === "suppliers" ? self : partner);
  });
}

export function pairRows(items: readonly PairMatch[]): MatchRow[] {
  return items.map((m) =>
    matchRow(
      m,
      {
        id: m.supplierId,
        nameZh: m.supplierNameZh,
        nameEn: m.supplierNameEn,
        regionCode: m.supplierRegionCode,
      },
      { id: m.buyerId, nameZh: m.buyerNameZh, nameEn: m.buyerNameEn, regionCode: m.buyerRegionCode },
    ),
  );
}

/** A match as a row, whichever list it came from: the two sides as the caller names them. */
function matchRow(m: MatchView | PairMatch, supplier: MatchSide, buyer: MatchSide): MatchRow {
  return {
    key: `${m.supplierId}>${m.buyerId}`,
    supplier,
    buyer,
    score: m.score,
    supplierNodeId: m.supplierNodeId,
    buyerNodeId: m.buyerNodeId,
    chainIds: m.chainIds,
    reasons: m.reasons,
    outcome: m.outcome,
  };
}

function SideCell({ side, nodes }: { side: MatchSide; nodes: string }) {
  return (
    <Flex vertical gap={0} className="chain-side">
      <Link to={recordPath.enterprise(side.id)}>
        <Localized zh={side.nameZh} en={side.nameEn} />
      </Link>
      <Typography.Text type="secondary">
        <RegionName code={side.regionCode} link={false} /> · {nodes}
      </Typography.Text>
    </Flex>
  );
}

type Props = {
  rows: MatchRow[];
  /** Which sides to show: the partner only (an enterprise's suppliers or customers), or both (a pair). */
  show: "supplier" | "buyer" | "both";
  nodes: ReadonlyMap<string, ChainNode>;
  label: string;
  loading: boolean;
  onRecorded: () => void;
};

export function MatchTable({ rows, show, nodes, label, loading, onRecorded }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const node = (id: string) => nodeName(nodes.get(id), locale, id);
  const edge = (r: MatchRow) => `${node(r.supplierNodeId)} → ${node(r.buyerNodeId)}`;
  // One side only: its cell names the edge; both sides: each names its own node, which together is the edge.
  const sideColumns: TableColumnType<MatchRow>[] =
    show === "both"
      ? [
          {
            key: "supplier",
            title: t("chains.supplier"),
            render: (_, r) => <SideCell side={r.supplier} nodes={node(r.supplierNodeId)} />,
          },
          {
            key: "buyer",
            title: t("chains.buyer"),
            render: (_, r) => <SideCell side={r.buyer} nodes={node(r.buyerNodeId)} />,
          },
        ]
      : [
          {
            key: show,
            title: t(show === "supplier" ? "chains.supplier" : "chains.buyer"),
            render: (_, r) => <SideCell side={show === "supplier" ? r.supplier : r.buyer} nodes={edge(r)} />,
          },
        ];
  const columns: TableColumnType<MatchRow>[] = [
    { key: "rank", title: t("chains.rank"), width: 56, render: (_, __, i) => i18n.number(i + 1) },
    ...sideColumns,
    {
      key: "score",
      title: t("chains.score"),
      width: 96,
      align: "right",
      render: (_, r) => (
        <strong className="chain-score">{t("chains.scoreOf", { score: i18n.number(r.score) })}</strong>
      ),
    },
    {
      key: "reasons",
      title: t("chains.reasons"),
      render: (_, r) => <ReasonList reasons={r.reasons} sides={r} />,
    },
    {
      key: "outcome",
      title: t("chains.outcome"),
      render: (_, r) => (
        <OutcomeControl
          supplierId={r.supplier.id}
          customerId={r.buyer.id}
          supplier={r.supplier}
          customer={r.buyer}
          outcome={r.outcome}
          onRecorded={onRecorded}
        />
      ),
    },
  ];
  return (
    <section aria-label={label}>
      <Table<MatchRow>
        rowKey={(r) => r.key}
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        size="middle"
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("chains.noMatches") }}
      />
    </section>
  );
}
