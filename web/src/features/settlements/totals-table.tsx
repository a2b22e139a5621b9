// A run's totals side by side: one row per measure, for each party what this run posts, what is due for the
// year to date and what earlier periods of the year already posted (due to date − posted before = this period).
import { Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { PartyTotalJson } from "../../../../contracts/sharing.ts";
import { RegionName } from "../../app/regions.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { amountText, measureText } from "./settlement-format.ts";

type Row = { measure: string; unit: string; byParty: Map<string, PartyTotalJson> };

export function TotalsTable({
  totals,
  parties,
  label,
}: {
  totals: readonly PartyTotalJson[];
  parties: readonly { code: string }[];
  label: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows: Row[] = [];
  for (const total of totals) {
    let row = rows.find((r) => r.measure === total.measure);
    if (!row) rows.push((row = { measure: total.measure, unit: total.unit, byParty: new Map() }));
    row.byParty.set(total.party, total);
  }
  const cell = (row: Row, party: string, field: "amount" | "dueToDate" | "previouslyPosted") => {
    const total = row.byParty.get(party);
    return total ? amountText(total[field], total.unit, i18n) : "—";
  };
  const columns: ColumnsType<Row> = [
    {
      key: "measure",
      title: t("field.measure"),
      render: (_, r) => measureText(r.measure, i18n),
      fixed: "start",
    },
    ...parties.map((p) => ({
      key: p.code,
      title: <RegionName code={p.code} link={false} />,
      children: [
        {
          key: `${p.code}-amount`,
          title: t("settlements.thisPeriod"),
          align: "right" as const,
          render: (_: unknown, r: Row) => <strong className="money">{cell(r, p.code, "amount")}</strong>,
        },
        {
          key: `${p.code}-due`,
          title: t("settlements.dueToDate"),
          align: "right" as const,
          render: (_: unknown, r: Row) => <span className="money">{cell(r, p.code, "dueToDate")}</span>,
        },
        {
          key: `${p.code}-posted`,
          title: t("settlements.previouslyPosted"),
          align: "right" as const,
          render: (_: unknown, r: Row) => (
            <span className="money">{cell(r, p.code, "previouslyPosted")}</span>
          ),
        },
      ],
    })),
  ];
  return (
    <section aria-label={label}>
      <Table<Row>
        className="settlement-totals"
        rowKey="measure"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={rows}
        columns={columns}
        locale={{ emptyText: t("settlements.noTotals") }}
      />
    </section>
  );
}
