// One recorded match: who supplies whom, how the matchmaker scored it when first recorded, how far it has got
// (each step with who and when), the project a deal became — or the way to make it one — and its history.
import { Card, Col, Descriptions, Row, Spin, Steps, Typography } from "antd";
import type { ChainMap, ChainMatchRecord } from "../../../../contracts/chains.ts";
import { useApi } from "../../api/use-api.ts";
import { RegionName } from "../../app/regions.tsx";
import type { PageProps } from "../../app/routes.tsx";
import { Link } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { HistoryTimeline } from "../../components/history-timeline.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { DataText, Localized } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { chainPaths, nodeName, nodesById, outcomeSteps } from "./chain-api.ts";
import { useChainWords } from "./chain-words.ts";
import { OutcomeControl } from "./outcome-control.tsx";
import { ProjectFromDealButton } from "./project-from-deal.tsx";
import "./chains.css";

function Side({ side }: { side: ChainMatchRecord["supplier"] }) {
  return (
    <span>
      <Link to={recordPath.enterprise(side.id)}>
        <Localized zh={side.nameZh} en={side.nameEn} />
      </Link>{" "}
      (<RegionName code={side.regionCode} />)
    </span>
  );
}

export function ChainMatchPage({ params }: PageProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const words = useChainWords();
  const endpoint = chainPaths.outcome(params.id ?? "");
  const { data: match, error, loading, reload } = useApi<ChainMatchRecord>(endpoint);
  const map = useApi<ChainMap>(chainPaths.map);
  const mayUpdate = useCan("chain_match.update");
  const mayCreateProject = useCan("project.create");
  const mayMakeProject = mayUpdate && mayCreateProject;
  if (loading && !match) return <Spin size="large" className="page-spin" aria-label={t("common.loading")} />;
  if (error || !match) return <ErrorAlert error={error} />;
  const nodes = nodesById(map.data?.chains ?? []);
  const reached = outcomeSteps.indexOf(match.status);
  const suggestion = match.suggestion;
  return (
    <>
      <PageHeader
        title={t("chains.matchTitle")}
        crumbs={[{ to: "/chains?tab=outcomes", label: t("menu.chains") }]}
        tags={<IllustrativeTag show={match.illustrative} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Steps
              className="chain-steps"
              titlePlacement="vertical"
              current={reached}
              items={outcomeSteps.map((step) => {
                const at = match.statusHistory.find((h) => h.status === step);
                return {
                  title: words.outcome(step),
                  content: at ? (
                    <span className="timeline-when">
                      {i18n.dateTime(at.at)} · <DataText text={at.actor.name} />
                    </span>
                  ) : undefined,
                };
              })}
            />
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "supplier", label: t("chains.supplier"), children: <Side side={match.supplier} /> },
                { key: "customer", label: t("chains.buyer"), children: <Side side={match.customer} /> },
                {
                  key: "suggestion",
                  label: t("chains.suggestion"),
                  children: suggestion ? (
                    <span>
                      {t("chains.scoreOf", { score: i18n.number(suggestion.score) })} ·{" "}
                      {nodeName(nodes.get(suggestion.supplierNodeId), locale, suggestion.supplierNodeId)} →{" "}
                      {nodeName(nodes.get(suggestion.buyerNodeId), locale, suggestion.buyerNodeId)}{" "}
                      <Typography.Text type="secondary">
                        ({t("chains.chainSetVersion", { version: suggestion.chainSetVersion })})
                      </Typography.Text>
                    </span>
                  ) : (
                    t("chains.notAdjacent")
                  ),
                },
                {
                  key: "next",
                  label: t("chains.recordOutcome"),
                  children: (
                    <OutcomeControl
                      supplierId={match.supplier.id}
                      customerId={match.customer.id}
                      supplier={match.supplier}
                      customer={match.customer}
                      outcome={{ id: match.id, status: match.status }}
                      linkToRecord={false}
                      onRecorded={reload}
                    />
                  ),
                },
                {
                  key: "project",
                  label: t("chains.project"),
                  children: match.projectId ? (
                    <Link to={recordPath.project(match.projectId)}>{t("chains.openProject")}</Link>
                  ) : match.status === "deal" && mayMakeProject && match.archivedAt === null ? (
                    <ProjectFromDealButton match={match} onCreated={() => reload()} />
                  ) : (
                    <span className="empty-value">{t("chains.projectOnlyForDeal")}</span>
                  ),
                },
                {
                  key: "note",
                  label: t("field.note"),
                  children: <DataText text={match.note}>{t("common.none")}</DataText>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t("history.title")}>
            <HistoryTimeline key={match.version} endpoint={endpoint} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
