// One enclave: where it stands and whom it is for, its land parcels, the enterprises resident in it, the
// projects in it, and its history — and the form to change it. /enclaves/new is the same form for a new one.
import { Card, Col, Row, Statistic, Table, Tag } from "antd";
import type { Enclave, LandParcel } from "../../../../contracts/enclaves.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { RegionName, RegionNames } from "../../app/regions.tsx";
import type { PageProps } from "../../app/routes.tsx";
import { Link } from "../../app/router.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { DataText, Localized } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { AgreementLinkOrNone, DateOrNone, RecordBasics, TextOrNone } from "../../components/record-facts.tsx";
import { HistoryCard, NewRecordPage, useRecordPage } from "../../components/record-page.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { enumLabel } from "../../domain/enums.ts";
import { divideDecimals, groupDecimal, trimDecimal } from "../../format/decimal.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { EnclaveForm } from "./enclave-form.tsx";
import { enclaveStatusColor } from "./enclaves.page.tsx";

export function NewEnclavePage() {
  const { t } = useI18n();
  return (
    <NewRecordPage<Enclave>
      title={t("enclaves.create")}
      list={{ to: "/enclaves", label: t("enclaves.title") }}
      pathOf={recordPath.enclave}
      form={EnclaveForm}
    />
  );
}

export function EnclavePage({ params }: PageProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const endpoint = `/api/v1/enclaves/${params.id}`;
  const page = useRecordPage<Enclave>(endpoint, "enclave.update");
  const residents = useApi<Page<Enterprise>>(`/api/v1/enterprises?enclaveId=${params.id}&pageSize=1`);
  const projects = useApi<Page<unknown>>(`/api/v1/projects?enclaveId=${params.id}&pageSize=1`);
  const enclave = page.record;
  if (!enclave) return page.placeholder;
  const mu = (value: string) => t("unit.muValue", { value: groupDecimal(trimDecimal(value)) });
  const residentCount = residents.data?.total ?? 0;
  const muPerEnterprise =
    residentCount > 0 && Number(enclave.parcelAreaMu) > 0
      ? divideDecimals(enclave.parcelAreaMu, String(residentCount), 1)
      : undefined;
  const residentColumns: RemoteColumn<Enterprise>[] = [
    {
      key: "name",
      title: t("field.name"),
      sortKey: locale === "zh-CN" ? "nameZh" : "nameEn",
      render: (_, e) => (
        <Link to={recordPath.enterprise(e.id)}>
          <Localized zh={e.nameZh} en={e.nameEn} />
        </Link>
      ),
    },
    { key: "uscc", title: t("field.uscc"), sortKey: "uscc", render: (_, e) => <code>{e.uscc}</code> },
    {
      key: "industry",
      title: t("field.industry"),
      sortKey: "industryCode",
      render: (_, e) => (
        <span>
          {e.industryCode} <DataText text={e.industryNameZh} />
        </span>
      ),
    },
    { key: "home", title: t("field.homeRegion"), render: (_, e) => <RegionName code={e.homeRegionCode} /> },
    { key: "residentSince", title: t("field.residentSince"), render: (_, e) => i18n.date(e.residentSince) },
    {
      key: "employees",
      title: t("field.employees"),
      sortKey: "employees",
      align: "right",
      render: (_, e) => (e.employees === null ? "—" : i18n.number(e.employees)),
    },
  ];
  return (
    <>
      <PageHeader
        title={<Localized zh={enclave.nameZh} en={enclave.nameEn} />}
        crumbs={[{ to: "/enclaves", label: t("enclaves.title") }]}
        tags={
          <>
            <Tag color={enclaveStatusColor[enclave.status]}>
              {enumLabel("enclaveStatus", enclave.status, t)}
            </Tag>
            <IllustrativeTag show={enclave.illustrative} />
          </>
        }
        extra={page.editButton}
      />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("field.areaMu")} value={mu(enclave.areaMu)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("enclave.parcelArea")} value={mu(enclave.parcelAreaMu)} />
            <div className="figure-period">
              {t("enclave.parcelCount", { count: i18n.number(enclave.parcels.length) })}
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("enclave.residents")} value={i18n.number(residentCount)} />
            <div className="figure-period">
              {t("enclave.muPerEnterprise", { value: muPerEnterprise ? groupDecimal(muPerEnterprise) : "—" })}
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("menu.projects")} value={i18n.number(projects.data?.total ?? 0)} />
            <div className="figure-links">
              <Link to={`/projects?enclaveId=${enclave.id}`}>{t("common.viewRecords")}</Link>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <RecordBasics
            editing={page.editing}
            editTitle={t("enclave.edit")}
            form={<EnclaveForm enclave={enclave} {...page.placement} />}
            title={t("enclave.basics")}
            facts={[
              {
                key: "kind",
                label: t("field.kind"),
                children: enumLabel("enclaveKind", enclave.kind, t),
              },
              {
                key: "host",
                label: t("field.hostRegion"),
                children: <RegionName code={enclave.hostRegionCode} />,
              },
              {
                key: "sending",
                label: t("field.sendingRegions"),
                children: <RegionNames codes={enclave.sendingRegionCodes} />,
              },
              {
                key: "openedOn",
                label: t("field.openedOn"),
                children: <DateOrNone date={enclave.openedOn} />,
              },
              {
                key: "agreement",
                label: t("field.agreement"),
                children: <AgreementLinkOrNone id={enclave.agreementId} />,
              },
              {
                key: "address",
                label: t("field.address"),
                children: <TextOrNone text={enclave.address} />,
              },
              {
                key: "note",
                label: t("field.note"),
                span: 2,
                children: <TextOrNone text={enclave.note} />,
              },
            ]}
          />
          {!page.editing && (
            <Card title={t("enclave.parcels")} className="section-gap">
              <Table<LandParcel>
                rowKey="parcelNo"
                size="small"
                pagination={false}
                dataSource={enclave.parcels}
                columns={[
                  {
                    key: "parcelNo",
                    title: t("field.parcelNo"),
                    render: (_, p) => <code>{p.parcelNo}</code>,
                  },
                  {
                    key: "areaMu",
                    title: t("field.areaMu"),
                    align: "right",
                    render: (_, p) => mu(p.areaMu),
                  },
                  {
                    key: "landUse",
                    title: t("field.landUse"),
                    render: (_, p) => enumLabel("landUse", p.landUse, t),
                  },
                  {
                    key: "status",
                    title: t("field.status"),
                    render: (_, p) => enumLabel("parcelStatus", p.status, t),
                  },
                  {
                    key: "acquiredOn",
                    title: t("field.acquiredOn"),
                    render: (_, p) => i18n.date(p.acquiredOn),
                  },
                ]}
              />
            </Card>
          )}
          <Card title={t("enclave.residents")} className="section-gap">
            <RemoteTable<Enterprise>
              endpoint="/api/v1/enterprises"
              fixedQuery={{ enclaveId: enclave.id }}
              label={t("enclave.residents")}
              columns={residentColumns}
              rowKey={(e) => e.id}
              urlState={false}
              defaultPageSize={10}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <HistoryCard endpoint={endpoint} historyKey={page.historyKey} />
        </Col>
      </Row>
    </>
  );
}
