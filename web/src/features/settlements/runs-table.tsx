// An agreement's settlement runs: period, kind, status, who confirmed for each party, what each party receives in
// its budget this period, and when the run was computed. The API answers the whole list (an agreement has a few
// runs a year), so sorting and paging happen here — kept in the address like every register's table.
import { CheckCircleTwoTone, ClockCircleOutlined } from "@ant-design/icons";
import { Space, Table, Tag, Tooltip } from "antd";
import type { TablePaginationConfig } from "antd";
import type { ColumnsType, SorterResult } from "antd/es/table/interface";
import type { RunListItem } from "../../../../contracts/sharing.ts";
import { RegionName } from "../../app/regions.tsx";
import { Link, useSearchParams } from "../../app/router.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { fiscalAmount, periodSortKey, periodText, statusColor } from "./settlement-format.ts";
import { TotalsTable } from "./totals-table.tsx";

const sorters: Record<string, (a: RunListItem, b: RunListItem) => number> = {
  period: (a, b) =>
    periodSortKey(a.period.label) - periodSortKey(b.period.label) || a.createdAt.localeCompare(b.createdAt),
  status: (a, b) => a.status.localeCompare(b.status),
  createdAt: (a, b) => a.createdAt.localeCompare(b.createdAt),
};

export function RunsTable({
  runs,
  loading,
  label,
}: {
  runs: readonly RunListItem[];
  loading: boolean;
  label: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [search, setSearch] = useSearchParams();
  const sort = search.get("sort") ?? "-period";
  const field = sort.replace(/^-/, "");
  const descending = sort.startsWith("-");
  const page = Number(search.get("page") ?? 1) || 1;
  const pageSize = Number(search.get("pageSize") ?? 10) || 10;
  const compare = sorters[field] ?? sorters.period;
  const sorted = [...runs].sort(
    (a, b) => (descending ? -1 : 1) * (compare as NonNullable<typeof compare>)(a, b),
  );

  const order = (key: string) => (field === key ? (descending ? "descend" : "ascend") : null);
  const columns: ColumnsType<RunListItem> = [
    {
      key: "period",
      title: t("settlements.period"),
      sorter: true,
      sortOrder: order("period"),
      sortDirections: ["ascend", "descend"],
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={`/settlements/${r.id}`}>{periodText(r.period.label, i18n)}</Link>
          <code>{r.period.label}</code>
        </Space>
      ),
    },
    {
      key: "kind",
      title: t("field.kind"),
      render: (_, r) =>
        r.kind === "restatement" ? (
          <Tag color="purple">{t("settlements.kind.restatement")}</Tag>
        ) : (
          t("settlements.kind.settlement")
        ),
    },
    {
      key: "status",
      title: t("field.status"),
      sorter: true,
      sortOrder: order("status"),
      sortDirections: ["ascend", "descend"],
      render: (_, r) => <Tag color={statusColor[r.status]}>{t(`settlements.status.${r.status}`)}</Tag>,
    },
    {
      key: "confirmations",
      title: t("settlements.confirmations"),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {r.parties.map((p) => (
            <span key={p.code} className="run-confirmation">
              {p.confirmation ? (
                <Tooltip
                  title={t("settlements.confirmedBy", {
                    name: p.confirmation.actorName,
                    when: i18n.dateTime(p.confirmation.confirmedAt),
                  })}
                >
                  <CheckCircleTwoTone twoToneColor="#52c41a" aria-hidden />
                </Tooltip>
              ) : (
                <ClockCircleOutlined aria-hidden className="pending-icon" />
              )}{" "}
              <RegionName code={p.code} link={false} />
              {"："}
              {p.confirmation ? t("settlements.confirmed") : t("settlements.pending")}
            </span>
          ))}
        </Space>
      ),
    },
    {
      key: "fiscal",
      title: <Tooltip title={t("settlements.fiscalHint")}>{t("settlements.fiscal")}</Tooltip>,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {r.parties.map((p) => (
            <span key={p.code}>
              <RegionName code={p.code} link={false} />
              {"："}
              <span className="money">{i18n.money(fiscalAmount(r.totals, p.code))}</span>
            </span>
          ))}
        </Space>
      ),
    },
    {
      key: "createdAt",
      title: t("settlements.createdAt"),
      sorter: true,
      sortOrder: order("createdAt"),
      sortDirections: ["ascend", "descend"],
      render: (_, r) => (
        <>
          {i18n.dateTime(r.createdAt)} <IllustrativeTag show={r.illustrative} computed />
        </>
      ),
    },
  ];

  const onChange = (
    pagination: TablePaginationConfig,
    _f: unknown,
    sorter: SorterResult<RunListItem> | SorterResult<RunListItem>[],
  ) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = typeof one?.columnKey === "string" ? one.columnKey : undefined;
    const nextSort = key && one?.order ? `${one.order === "descend" ? "-" : ""}${key}` : undefined;
    const nextSize = pagination.pageSize ?? pageSize;
    const reset = (nextSort ?? "-period") !== sort || nextSize !== pageSize;
    setSearch({
      sort: !nextSort || nextSort === "-period" ? undefined : nextSort,
      page: reset || pagination.current === 1 ? undefined : String(pagination.current),
      pageSize: nextSize === 10 ? undefined : String(nextSize),
    });
  };

  return (
    <section aria-label={label}>
      <Table<RunListItem>
        className="settlement-runs"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={sorted}
        columns={columns}
        onChange={onChange}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("settlements.noRuns") }}
        expandable={{
          expandedRowRender: (r) => (
            <TotalsTable
              totals={r.totals}
              parties={r.parties}
              label={t("settlements.totalsOf", { period: periodText(r.period.label, i18n) })}
            />
          ),
          rowExpandable: (r) => r.totals.length > 0,
        }}
        pagination={{
          current: page,
          pageSize,
          total: runs.length,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t("table.total", { total: i18n.number(total) }),
        }}
      />
    </section>
  );
}
