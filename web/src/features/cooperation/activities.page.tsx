// Cooperation activities by domain: a tab per domain with the domain's totals, and the activities themselves.
import { Card, Col, Row, Statistic, Tabs } from "antd";
import type { CooperationActivity, CooperationSummary } from "../../../../contracts/cooperation.ts";
import { useApi } from "../../api/use-api.ts";
import { RegionName } from "../../app/regions.tsx";
import { useSearchParams } from "../../app/router.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { CreateButton, illustrativeColumn, titleColumn } from "../../components/register-list.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { cooperationDomains, enumLabel } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { MeasureLabel, MeasureList, measureValue, useMeasureLabels } from "./measures.tsx";

function DomainTotals({ domain }: { domain: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data } = useApi<CooperationSummary>("/api/v1/cooperation-activities/summary");
  const entry = data?.domains.find((d) => d.domain === domain);
  if (!entry) return null;
  return (
    <Card
      size="small"
      className="section-gap"
      title={t("cooperation.totals", { domain: enumLabel("domain", domain, t) })}
      extra={<IllustrativeTag show={data?.illustrative ?? false} computed />}
    >
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6}>
          <Statistic title={t("cooperation.activities")} value={i18n.number(entry.activities)} />
        </Col>
        {entry.measures.map((m) => (
          <Col xs={12} md={6} key={m.measure}>
            <Statistic
              title={<MeasureLabel measure={m.measure} zh={m.labelZh} en={m.labelEn} />}
              value={measureValue(m.total, m.unit, i18n)}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export function ActivitiesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [search, setSearch] = useSearchParams();
  const labels = useMeasureLabels();
  const domain = search.get("domain") ?? "all";
  const columns: RemoteColumn<CooperationActivity>[] = [
    titleColumn(i18n, recordPath.activity),
    {
      key: "domain",
      title: t("field.domain"),
      sortKey: "domain",
      render: (_, a) => enumLabel("domain", a.domain, t),
    },
    {
      key: "direction",
      title: t("field.direction"),
      render: (_, a) => (
        <span>
          <RegionName code={a.fromRegionCode} /> → <RegionName code={a.toRegionCode} />
        </span>
      ),
    },
    {
      key: "startedOn",
      title: t("field.startedOn"),
      sortKey: "startedOn",
      render: (_, a) => i18n.date(a.startedOn),
    },
    { key: "endedOn", title: t("field.endedOn"), render: (_, a) => i18n.date(a.endedOn) || "—" },
    {
      key: "measures",
      title: t("field.measures"),
      render: (_, a) => <MeasureList measures={a.measures} labels={labels} />,
    },
    illustrativeColumn(i18n),
  ];
  return (
    <>
      <PageHeader
        title={t("cooperation.title")}
        extra={
          <CreateButton
            permission="cooperation_activity.create"
            to="/cooperation/new"
            label={t("cooperation.create")}
          />
        }
      />
      <Tabs
        activeKey={domain}
        onChange={(key) => setSearch({ domain: key === "all" ? undefined : key, page: undefined })}
        items={[
          { key: "all", label: t("cooperation.allDomains") },
          ...cooperationDomains.map((d) => ({ key: d, label: enumLabel("domain", d, t) })),
        ]}
      />
      {domain !== "all" && <DomainTotals domain={domain} />}
      <div className="section-gap">
        <RemoteTable<CooperationActivity>
          endpoint="/api/v1/cooperation-activities"
          label={t("cooperation.title")}
          columns={columns}
          rowKey={(a) => a.id}
          fixedQuery={domain === "all" ? {} : { domain }}
          searchPlaceholder={t("cooperation.search")}
          filters={[
            {
              key: "startedFrom",
              label: t("cooperation.startedFrom"),
              kind: "text",
              placeholder: "2024-01-01",
              width: 130,
            },
            {
              key: "startedTo",
              label: t("cooperation.startedTo"),
              kind: "text",
              placeholder: "2024-12-31",
              width: 130,
            },
            { key: "agreementId", label: t("filter.byAgreement"), kind: "linked" },
            { key: "pairingId", label: t("filter.byPairing"), kind: "linked" },
          ]}
        />
      </div>
    </>
  );
}
