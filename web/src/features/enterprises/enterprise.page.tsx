// One enterprise: its identity and classification, its enclave, its projects, its history — and the form to
// change it. /enterprises/new is the same form for a new enterprise.
import { Card, Col, Row, Tag } from "antd";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { RegionName } from "../../app/regions.tsx";
import type { PageProps } from "../../app/routes.tsx";
import { Link } from "../../app/router.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { DataText, Localized } from "../../components/localized-text.tsx";
import { Money } from "../../components/money.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { DateOrNone, RecordBasics, TextOrNone } from "../../components/record-facts.tsx";
import { HistoryCard, NewRecordPage, useRecordPage } from "../../components/record-page.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { EnterpriseChainCard } from "../chains/enterprise-chain-card.tsx";
import { EnterpriseForm } from "./enterprise-form.tsx";
import { ResidencyHistoryTable } from "./residency-history.tsx";

export function NewEnterprisePage() {
  const { t } = useI18n();
  return (
    <NewRecordPage<Enterprise>
      title={t("enterprises.create")}
      list={{ to: "/enterprises", label: t("enterprises.title") }}
      pathOf={recordPath.enterprise}
      form={EnterpriseForm}
    />
  );
}

export function EnterprisePage({ params }: PageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const endpoint = `/api/v1/enterprises/${params.id}`;
  const page = useRecordPage<Enterprise>(endpoint, "enterprise.update");
  const projects = useApi<Page<unknown>>(`/api/v1/projects?ownerEnterpriseId=${params.id}&pageSize=1`);
  const enterprise = page.record;
  if (!enterprise) return page.placeholder;
  return (
    <>
      <PageHeader
        title={<Localized zh={enterprise.nameZh} en={enterprise.nameEn} />}
        crumbs={[{ to: "/enterprises", label: t("enterprises.title") }]}
        tags={<IllustrativeTag show={enterprise.illustrative} />}
        extra={page.editButton}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <RecordBasics
            editing={page.editing}
            editTitle={t("enterprise.edit")}
            form={<EnterpriseForm enterprise={enterprise} {...page.placement} />}
            title={t("enterprise.basics")}
            facts={[
              {
                key: "uscc",
                label: t("field.uscc"),
                children: (
                  <span>
                    <code>{enterprise.uscc}</code>{" "}
                    {enterprise.usccCheckOk === false && (
                      <Tag color="error">{t("enterprise.usccCheckFailed")}</Tag>
                    )}
                    {!enterprise.usccRegionMatch && (
                      <Tag color="warning">{t("enterprise.usccRegionMismatch")}</Tag>
                    )}
                  </span>
                ),
              },
              {
                key: "nameZh",
                label: t("field.nameZh"),
                children: <DataText text={enterprise.nameZh} />,
              },
              {
                key: "nameEn",
                label: t("field.nameEn"),
                children: <TextOrNone text={enterprise.nameEn} />,
              },
              {
                key: "home",
                label: t("field.homeRegion"),
                children: <RegionName code={enterprise.homeRegionCode} />,
              },
              {
                key: "industry",
                label: t("field.industry"),
                children: (
                  <Link to={`/enterprises?industryCode=${enterprise.industryCode}`}>
                    {enterprise.industryCode} <DataText text={enterprise.industryNameZh} />
                  </Link>
                ),
              },
              {
                key: "enclave",
                label: t("field.enclave"),
                children: enterprise.enclaveId ? (
                  <Link to={recordPath.enclave(enterprise.enclaveId)}>
                    {t("enterprise.residentSince", { date: i18n.date(enterprise.residentSince) || "—" })}
                  </Link>
                ) : (
                  t("enterprise.notResident")
                ),
              },
              {
                key: "employees",
                label: t("field.employees"),
                children:
                  enterprise.employees === null ? t("common.none") : i18n.number(enterprise.employees),
              },
              {
                key: "foundedOn",
                label: t("field.foundedOn"),
                children: <DateOrNone date={enterprise.foundedOn} />,
              },
              {
                key: "capital",
                label: t("field.registeredCapital"),
                children: <Money fen={enterprise.registeredCapitalFen} />,
              },
              {
                key: "projects",
                label: t("menu.projects"),
                children: (
                  <Link to={`/projects?ownerEnterpriseId=${enterprise.id}`}>
                    {t("agreement.projectsCount", { count: i18n.number(projects.data?.total ?? 0) })}
                  </Link>
                ),
              },
              {
                key: "products",
                label: t("field.products"),
                span: 2,
                children: enterprise.products.length
                  ? enterprise.products.map((p) => (
                      <Tag key={p}>
                        <DataText text={p} />
                      </Tag>
                    ))
                  : t("common.none"),
              },
              {
                key: "note",
                label: t("field.note"),
                span: 2,
                children: <TextOrNone text={enterprise.note} />,
              },
            ]}
          />

          <EnterpriseChainCard enterprise={enterprise} />
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t("enterprise.residencies")}>
            <ResidencyHistoryTable key={page.historyKey} enterpriseId={enterprise.id} />
          </Card>
          <HistoryCard endpoint={endpoint} historyKey={page.historyKey} className="section-gap" />
        </Col>
      </Row>
    </>
  );
}
