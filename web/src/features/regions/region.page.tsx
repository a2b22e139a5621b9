// One region: its yearly facts (GDP, population, area) with their sources — the records behind the overview's
// common-prosperity figures.
import { Card, Descriptions, Spin, Table, Tag } from "antd";
import type { Region } from "../../../../contracts/regions.ts";
import { useApi } from "../../api/use-api.ts";
import { RegionName } from "../../app/regions.tsx";
import type { PageProps } from "../../app/routes.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { HistoryTimeline } from "../../components/history-timeline.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { DataText, Localized } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { enumLabel } from "../../domain/enums.ts";
import { groupDecimal } from "../../format/decimal.ts";
import { useI18n, type MessageKey } from "../../i18n/i18n.tsx";

type Fact = Region["facts"][number];

export function RegionPage({ params }: PageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const endpoint = `/api/v1/regions/${params.code}`;
  const { data: region, error, loading } = useApi<Region>(endpoint);
  if (loading && !region) return <Spin size="large" className="page-spin" aria-label={t("common.loading")} />;
  if (error || !region) return <ErrorAlert error={error} />;
  const label = (prefix: string, value: string) =>
    i18n.has(`${prefix}.${value}`) ? t(`${prefix}.${value}` as MessageKey) : value;
  const facts = [...region.facts].sort((a, b) => b.year - a.year || a.measure.localeCompare(b.measure));
  return (
    <>
      <PageHeader
        title={<Localized zh={region.nameZh} en={region.nameEn} />}
        crumbs={[{ to: "/regions", label: t("regions.title") }]}
        tags={
          region.kind ? (
            <Tag color={region.kind === "mountain" ? "green" : "blue"}>
              {enumLabel("regionKind", region.kind, t)}
            </Tag>
          ) : undefined
        }
      />
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: "code", label: t("field.code"), children: <code>{region.code}</code> },
            { key: "level", label: t("field.level"), children: enumLabel("regionLevel", region.level, t) },
            {
              key: "parent",
              label: t("field.parent"),
              children: region.parentCode ? <RegionName code={region.parentCode} /> : t("common.none"),
            },
          ]}
        />
      </Card>
      <Card title={t("region.facts")} className="section-gap">
        <Table<Fact>
          rowKey={(f) => `${f.year}-${f.measure}`}
          size="small"
          pagination={false}
          dataSource={facts}
          columns={[
            { key: "year", title: t("field.year"), dataIndex: "year" },
            { key: "measure", title: t("field.measure"), render: (_, f) => label("fact", f.measure) },
            {
              key: "value",
              title: t("field.value"),
              align: "right",
              render: (_, f) => groupDecimal(f.value),
            },
            { key: "unit", title: t("field.unit"), render: (_, f) => label("unit", f.unit) },
            {
              key: "source",
              title: t("field.source"),
              render: (_, f) => <DataText text={f.source}>—</DataText>,
            },
            {
              key: "illustrative",
              title: t("field.illustrative"),
              render: (_, f) => <IllustrativeTag show={f.illustrative} />,
            },
          ]}
        />
      </Card>
      <Card title={t("history.title")} className="section-gap">
        <HistoryTimeline endpoint={endpoint} />
      </Card>
    </>
  );
}
