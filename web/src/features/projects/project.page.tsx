// One project: its stage in the pipeline (each stage with its date), milestones on a timeline, progress reports,
// and what it belongs to — and the form to change it. /projects/new is the same form for a new project.
import { Card, Col, Empty, Progress, Row, Steps, Table, Tag, Timeline, Typography } from "antd";
import type { Milestone, Project, ProgressReport } from "../../../../contracts/projects.ts";
import { RegionNames } from "../../app/regions.tsx";
import type { PageProps } from "../../app/routes.tsx";
import { Link } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { DataText, Localized } from "../../components/localized-text.tsx";
import { Money } from "../../components/money.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { DateOrNone, RecordBasics, TextOrNone } from "../../components/record-facts.tsx";
import { HistoryCard, NewRecordPage, useRecordPage } from "../../components/record-page.tsx";
import { enumLabel, projectStages } from "../../domain/enums.ts";
import { todayInChina } from "../../format/dates.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { ProgressReportButton } from "./progress-report-form.tsx";
import { ProjectForm } from "./project-form.tsx";
import { stageColor } from "./projects.page.tsx";

function MilestoneTimeline({ milestones }: { milestones: Milestone[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = todayInChina();
  if (milestones.length === 0) return <Empty description={t("project.noMilestones")} />;
  const sorted = [...milestones].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
  return (
    <Timeline
      items={sorted.map((m) => {
        const late = !m.actualOn && m.plannedOn < today;
        return {
          key: m.id,
          color: m.actualOn ? "green" : late ? "red" : "blue",
          content: (
            <>
              <div className="timeline-when">{i18n.date(m.actualOn ?? m.plannedOn)}</div>
              <Typography.Text strong>
                <DataText text={m.title} />
              </Typography.Text>{" "}
              {m.actualOn ? (
                <Tag color="green">{t("project.milestoneDone")}</Tag>
              ) : late ? (
                <Tag color="red">{t("project.milestoneLate")}</Tag>
              ) : (
                <Tag>{t("project.milestonePlanned")}</Tag>
              )}
              <div className="history-fields">
                {t("project.plannedOn", { date: i18n.date(m.plannedOn) })}
                {m.actualOn && ` · ${t("project.actualOn", { date: i18n.date(m.actualOn) })}`}
              </div>
              {m.note && (
                <div className="history-fields">
                  <DataText text={m.note} />
                </div>
              )}
            </>
          ),
        };
      })}
    />
  );
}

export function NewProjectPage() {
  const { t } = useI18n();
  return (
    <NewRecordPage<Project>
      title={t("projects.create")}
      list={{ to: "/projects", label: t("projects.title") }}
      pathOf={recordPath.project}
      form={ProjectForm}
    />
  );
}

export function ProjectPage({ params }: PageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const allowed = useCan("project.update");
  const endpoint = `/api/v1/projects/${params.id}`;
  const page = useRecordPage<Project>(endpoint, "project.update");
  const project = page.record;
  if (!project) return page.placeholder;
  const reached = new Map(project.stageHistory.map((s) => [s.stage, s.on]));
  const currentIndex = projectStages.indexOf(project.stage);
  const latest = project.progressReports.at(-1);
  return (
    <>
      <PageHeader
        title={<Localized zh={project.nameZh} en={project.nameEn} />}
        crumbs={[{ to: "/projects", label: t("projects.title") }]}
        tags={
          <>
            <Tag color={stageColor[project.stage]}>{enumLabel("stage", project.stage, t)}</Tag>
            {project.traction && <Tag color="purple">{t("project.tractionTag")}</Tag>}
            <IllustrativeTag show={project.illustrative} />
          </>
        }
        extra={page.editButton}
      />
      <Card className="section-gap" title={t("project.pipeline")}>
        <Steps
          current={currentIndex}
          items={projectStages.map((stage) => ({
            key: stage,
            title: <Link to={`/projects?stage=${stage}`}>{enumLabel("stage", stage, t)}</Link>,
            content: reached.has(stage) ? i18n.date(reached.get(stage)) : undefined,
          }))}
        />
      </Card>
      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} xl={16}>
          <RecordBasics
            editing={page.editing}
            editTitle={t("project.edit")}
            form={<ProjectForm project={project} {...page.placement} />}
            title={t("project.basics")}
            facts={[
              {
                key: "kind",
                label: t("field.kind"),
                children: enumLabel("projectKind", project.kind, t),
              },
              {
                key: "regions",
                label: t("field.regions"),
                children: <RegionNames codes={project.regionCodes} />,
              },
              {
                key: "planned",
                label: t("field.plannedInvestment"),
                children: <Money fen={project.plannedInvestmentFen} />,
              },
              {
                key: "actual",
                label: t("field.actualInvestment"),
                children: <Money fen={project.actualInvestmentFen} />,
              },
              {
                key: "startedOn",
                label: t("field.startedOn"),
                children: <DateOrNone date={project.startedOn} />,
              },
              {
                key: "completion",
                label: t("field.plannedCompletionOn"),
                children: <DateOrNone date={project.plannedCompletionOn} />,
              },
              {
                key: "owner",
                label: t("field.owner"),
                children: project.ownerEnterpriseId ? (
                  <Link to={recordPath.enterprise(project.ownerEnterpriseId)}>{t("project.openOwner")}</Link>
                ) : (
                  <TextOrNone text={project.ownerName} />
                ),
              },
              {
                key: "links",
                label: t("project.belongsTo"),
                children: (
                  <>
                    {project.agreementId && (
                      <Link to={recordPath.agreement(project.agreementId)}>{t("field.agreement")}</Link>
                    )}
                    {project.agreementId && project.enclaveId && " · "}
                    {project.enclaveId && (
                      <Link to={recordPath.enclave(project.enclaveId)}>{t("field.enclave")}</Link>
                    )}
                    {!project.agreementId && !project.enclaveId && t("common.none")}
                  </>
                ),
              },
              {
                key: "note",
                label: t("field.note"),
                span: 2,
                children: <TextOrNone text={project.note} />,
              },
            ]}
          />

          <Card
            title={t("project.progressReports")}
            className="section-gap"
            extra={allowed && <ProgressReportButton project={project} onAdded={page.changed} />}
          >
            {latest && <Progress percent={latest.percentComplete} aria-label={t("field.percentComplete")} />}
            <Table<ProgressReport>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={[...project.progressReports].reverse()}
              locale={{ emptyText: <Empty description={t("project.noReports")} /> }}
              columns={[
                {
                  key: "reportedOn",
                  title: t("field.reportedOn"),
                  render: (_, r) => i18n.date(r.reportedOn),
                },
                {
                  key: "percent",
                  title: t("field.percentComplete"),
                  align: "right",
                  render: (_, r) => `${r.percentComplete}%`,
                },
                {
                  key: "investment",
                  title: t("field.investmentToDate"),
                  align: "right",
                  render: (_, r) => <Money fen={r.investmentToDateFen} />,
                },
                { key: "text", title: t("field.reportText"), render: (_, r) => <DataText text={r.text} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t("project.milestones")}>
            <MilestoneTimeline milestones={project.milestones} />
          </Card>
          <HistoryCard endpoint={endpoint} historyKey={page.historyKey} className="section-gap" />
        </Col>
      </Row>
    </>
  );
}
