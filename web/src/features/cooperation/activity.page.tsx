// One cooperation activity: who gave what to whom, when, and what it achieved — and the form to change it.
// /cooperation/new is the same form for a new activity.
import { Col, Row, Tag } from "antd";
import type { CooperationActivity } from "../../../../contracts/cooperation.ts";
import { RegionName } from "../../app/regions.tsx";
import type { PageProps } from "../../app/routes.tsx";
import { Link } from "../../app/router.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { AgreementLinkOrNone, RecordBasics, TextOrNone } from "../../components/record-facts.tsx";
import { HistoryCard, NewRecordPage, useRecordPage } from "../../components/record-page.tsx";
import { enumLabel } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { ActivityForm } from "./activity-form.tsx";
import { MeasureList, useMeasureLabels } from "./measures.tsx";

export function NewActivityPage() {
  const { t } = useI18n();
  return (
    <NewRecordPage<CooperationActivity>
      title={t("cooperation.create")}
      list={{ to: "/cooperation", label: t("cooperation.title") }}
      pathOf={recordPath.activity}
      form={ActivityForm}
    />
  );
}

export function ActivityPage({ params }: PageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const endpoint = `/api/v1/cooperation-activities/${params.id}`;
  const page = useRecordPage<CooperationActivity>(endpoint, "cooperation_activity.update");
  const labels = useMeasureLabels();
  const activity = page.record;
  if (!activity) return page.placeholder;
  return (
    <>
      <PageHeader
        title={<Localized zh={activity.titleZh} en={activity.titleEn} />}
        crumbs={[{ to: "/cooperation", label: t("cooperation.title") }]}
        tags={
          <>
            <Link to={`/cooperation?domain=${activity.domain}`}>
              <Tag color="blue">{enumLabel("domain", activity.domain, t)}</Tag>
            </Link>
            <IllustrativeTag show={activity.illustrative} />
          </>
        }
        extra={page.editButton}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <RecordBasics
            editing={page.editing}
            editTitle={t("activity.edit")}
            form={<ActivityForm activity={activity} {...page.placement} />}
            title={t("activity.basics")}
            facts={[
              {
                key: "from",
                label: t("field.fromRegion"),
                children: <RegionName code={activity.fromRegionCode} />,
              },
              {
                key: "to",
                label: t("field.toRegion"),
                children: <RegionName code={activity.toRegionCode} />,
              },
              { key: "startedOn", label: t("field.startedOn"), children: i18n.date(activity.startedOn) },
              {
                key: "endedOn",
                label: t("field.endedOn"),
                children: i18n.date(activity.endedOn) || t("activity.ongoing"),
              },
              {
                key: "agreement",
                label: t("field.agreement"),
                children: <AgreementLinkOrNone id={activity.agreementId} />,
              },
              {
                key: "measures",
                label: t("field.measures"),
                span: 2,
                children: <MeasureList measures={activity.measures} labels={labels} />,
              },
              {
                key: "description",
                label: t("field.description"),
                span: 2,
                children: <TextOrNone text={activity.description} />,
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <HistoryCard endpoint={endpoint} historyKey={page.historyKey} />
        </Col>
      </Row>
    </>
  );
}
