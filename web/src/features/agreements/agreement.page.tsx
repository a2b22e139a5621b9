// One agreement: what was signed, by whom, when and where; its principles, focus industries and domains; its
// documents (upload and download); what depends on it; its history as a timeline — and the form to change it.
// /agreements/new is the same form for a new agreement.
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Progress,
  Row,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import type { Agreement, AgreementDocument } from "../../../../contracts/agreements.ts";
import type { CooperationActivity } from "../../../../contracts/cooperation.ts";
import type { Enclave } from "../../../../contracts/enclaves.ts";
import type { Project } from "../../../../contracts/projects.ts";
import { upload, type Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { RegionNames } from "../../app/regions.tsx";
import type { PageProps } from "../../app/routes.tsx";
import { Link } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { DataText, Localized } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { DateOrNone, RecordBasics, TextOrNone } from "../../components/record-facts.tsx";
import { HistoryCard, NewRecordPage, useRecordPage } from "../../components/record-page.tsx";
import { enumLabel } from "../../domain/enums.ts";
import { translatePhrase } from "../../i18n/glossary.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { AgreementForm } from "./agreement-form.tsx";
import { statusColor } from "./agreements.page.tsx";

function formatBytes(bytes: number, number: (n: number) => string): string {
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 102.4) / 10)} KB`;
  return `${number(Math.round(bytes / 104857.6) / 10)} MB`;
}

function Documents({ agreement, onChange }: { agreement: Agreement; onChange: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const allowed = useCan("agreement.update");
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const writable = allowed;
  const href = (d: AgreementDocument) => `/api/v1/agreements/${agreement.id}/documents/${d.id}`;
  return (
    <Card
      title={t("agreement.documents")}
      extra={
        writable && (
          <Upload
            showUploadList={false}
            customRequest={({ file }) => {
              setError(undefined);
              setProgress(0);
              upload<Agreement>(
                `/api/v1/agreements/${agreement.id}/documents`,
                file as File,
                setProgress,
              ).then(
                () => {
                  setProgress(undefined);
                  void message.success(t("agreement.uploaded"));
                  onChange();
                },
                (e: unknown) => {
                  setProgress(undefined);
                  setError(e);
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />}>{t("agreement.upload")}</Button>
          </Upload>
        )
      }
    >
      {progress !== undefined && (
        <Progress percent={Math.round(progress * 100)} aria-label={t("agreement.uploadProgress")} />
      )}
      {error !== undefined && <ErrorAlert error={error} />}
      <Table<AgreementDocument>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={agreement.documents}
        locale={{ emptyText: <Empty description={t("agreement.noDocuments")} /> }}
        columns={[
          { key: "fileName", title: t("field.fileName"), render: (_, d) => <DataText text={d.fileName} /> },
          { key: "size", title: t("field.size"), render: (_, d) => formatBytes(d.sizeBytes, i18n.number) },
          { key: "uploadedAt", title: t("field.uploadedAt"), render: (_, d) => i18n.dateTime(d.uploadedAt) },
          {
            key: "sha256",
            title: "SHA-256",
            render: (_, d) => (
              <Typography.Text code copyable={{ text: d.sha256 }}>
                {d.sha256.slice(0, 12)}…
              </Typography.Text>
            ),
          },
          {
            key: "download",
            title: t("common.actions"),
            render: (_, d) => (
              <Button
                type="link"
                icon={<DownloadOutlined />}
                href={href(d)}
                download={d.fileName}
                aria-label={t("agreement.downloadFile", { file: d.fileName })}
              >
                {t("agreement.download")}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Related({ agreementId }: { agreementId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const enclaves = useApi<Page<Enclave>>(`/api/v1/enclaves?agreementId=${agreementId}&pageSize=20`);
  const projects = useApi<Page<Project>>(`/api/v1/projects?agreementId=${agreementId}&pageSize=1`);
  const activities = useApi<Page<CooperationActivity>>(
    `/api/v1/cooperation-activities?agreementId=${agreementId}&pageSize=1`,
  );
  return (
    <Card title={t("agreement.related")}>
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: "enclaves",
            label: t("menu.enclaves"),
            children: enclaves.data?.items.length ? (
              <Space orientation="vertical" size={2}>
                {enclaves.data.items.map((e) => (
                  <Link key={e.id} to={recordPath.enclave(e.id)}>
                    <Localized zh={e.nameZh} en={e.nameEn} />
                  </Link>
                ))}
              </Space>
            ) : (
              t("common.none")
            ),
          },
          {
            key: "projects",
            label: t("menu.projects"),
            children: (
              <Link to={`/projects?agreementId=${agreementId}`}>
                {t("agreement.projectsCount", { count: i18n.number(projects.data?.total ?? 0) })}
              </Link>
            ),
          },
          {
            key: "activities",
            label: t("menu.cooperation"),
            children: (
              <Link to={`/cooperation?agreementId=${agreementId}`}>
                {t("agreement.activitiesCount", { count: i18n.number(activities.data?.total ?? 0) })}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function NewAgreementPage() {
  const { t } = useI18n();
  return (
    <NewRecordPage<Agreement>
      title={t("agreements.create")}
      list={{ to: "/agreements", label: t("agreements.title") }}
      pathOf={recordPath.agreement}
      form={AgreementForm}
    />
  );
}

export function AgreementPage({ params }: PageProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const endpoint = `/api/v1/agreements/${params.id}`;
  const page = useRecordPage<Agreement>(endpoint, "agreement.update");
  const crumbs = [{ to: "/agreements", label: t("agreements.title") }];
  const agreement = page.record;
  if (!agreement) return page.placeholder;
  const phrases = (list: string[]) =>
    list.length
      ? list.map((p) => (
          <Tag key={p}>
            <DataText text={translatePhrase(p, locale)} />
          </Tag>
        ))
      : t("common.none");
  return (
    <>
      <PageHeader
        title={<Localized zh={agreement.titleZh} en={agreement.titleEn} />}
        crumbs={crumbs}
        tags={
          <>
            <Tag color={statusColor[agreement.status]}>
              {enumLabel("agreementStatus", agreement.status, t)}
            </Tag>
            <IllustrativeTag show={agreement.illustrative} />
          </>
        }
        extra={page.editButton}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <RecordBasics
            editing={page.editing}
            editTitle={t("agreement.edit")}
            form={<AgreementForm agreement={agreement} {...page.placement} />}
            title={t("agreement.basics")}
            facts={[
              {
                key: "kind",
                label: t("field.kind"),
                children: enumLabel("agreementKind", agreement.kind, t),
              },
              {
                key: "parties",
                label: t("field.parties"),
                children: <RegionNames codes={agreement.parties} />,
              },
              {
                key: "signedOn",
                label: t("field.signedOn"),
                children: <DateOrNone date={agreement.signedOn} />,
              },
              {
                key: "signedAt",
                label: t("field.signedAt"),
                children: <TextOrNone text={agreement.signedAt} />,
              },
              {
                key: "occasion",
                label: t("field.occasion"),
                span: 2,
                children: <TextOrNone text={agreement.occasion} />,
              },
              {
                key: "term",
                label: t("field.term"),
                children: (
                  <DataText text={agreement.term ? translatePhrase(agreement.term, locale) : null}>
                    {t("common.none")}
                  </DataText>
                ),
              },
              {
                key: "termDates",
                label: t("field.termDates"),
                children: `${i18n.date(agreement.termStart) || "—"} – ${i18n.date(agreement.termEnd) || t("agreement.openEnded")}`,
              },
              {
                key: "principles",
                label: t("field.principles"),
                span: 2,
                children: phrases(agreement.principles),
              },
              {
                key: "focusIndustries",
                label: t("field.focusIndustries"),
                span: 2,
                children: phrases(agreement.focusIndustries),
              },
              {
                key: "domains",
                label: t("field.cooperationDomains"),
                span: 2,
                children: agreement.cooperationDomains.length
                  ? agreement.cooperationDomains.map((d) => (
                      <Link key={d} to={`/cooperation?domain=${d}&agreementId=${agreement.id}`}>
                        <Tag color="blue">{enumLabel("domain", d, t)}</Tag>
                      </Link>
                    ))
                  : t("common.none"),
              },
              {
                key: "note",
                label: t("field.note"),
                span: 2,
                children: <TextOrNone text={agreement.note} />,
              },
            ]}
          />

          <div className="section-gap">
            <Documents agreement={agreement} onChange={page.changed} />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <Related agreementId={agreement.id} />
          <HistoryCard endpoint={endpoint} historyKey={page.historyKey} className="section-gap" />
        </Col>
      </Row>
    </>
  );
}
