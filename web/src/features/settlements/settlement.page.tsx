// One settlement run: what it settled and on which inputs, each county's confirmation, the totals per party and
// measure, each party's statement with "why this number" for every line, downloads, and — for a restatement —
// the run it replaces and the differences.
import { DeleteOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Collapse, Popconfirm, Row, Spin, Tabs, Tag } from "antd";
import { useState } from "react";
import type { Agreement } from "../../../../contracts/agreements.ts";
import type { SettlementRun, TermSet } from "../../../../contracts/sharing.ts";
import { api } from "../../api/client.ts";
import { useApi, useApiAll } from "../../api/use-api.ts";
import type { PageProps } from "../../app/routes.tsx";
import { useSearchParams } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { ErrorAlert, serverMessage } from "../../components/api-error.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { Confirmations } from "./confirmations.tsx";
import { LineExplanationDrawer } from "./line-explanation.tsx";
import { PartyName } from "./party-name.tsx";
import { RunFacts } from "./run-facts.tsx";
import { SettlementError } from "./settlement-error.tsx";
import { periodText, statusColor } from "./settlement-format.ts";
import { ruleKey, StatementPanel } from "./statement-panel.tsx";
import type { StatementLine } from "../../../../contracts/sharing-statement.ts";
import { TotalsTable } from "./totals-table.tsx";
import "./settlements.css";

function useRuleLabels(run: SettlementRun | undefined): Map<string, string> {
  const paths = (run?.inputs.termSets ?? []).map(
    (v) => `/api/v1/agreements/${run?.agreementId}/sharing-terms/${v.version}`,
  );
  const { data } = useApiAll<TermSet>(paths);
  const labels = new Map<string, string>();
  for (const set of data ?? []) {
    for (const rule of (set.document.rules ?? []) as { id: string; label?: string }[])
      if (rule.label) labels.set(ruleKey(set.version, rule.id), rule.label);
  }
  return labels;
}

export function SettlementPage({ params }: PageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const { data: run, error, loading, reload } = useApi<SettlementRun>(`/api/v1/settlements/${params.id}`);
  const agreement = useApi<Agreement>(run ? `/api/v1/agreements/${run.agreementId}` : null).data;
  const ruleLabels = useRuleLabels(run);
  const [explaining, setExplaining] = useState<StatementLine>();
  const [generation, setGeneration] = useState(0);
  const [discardError, setDiscardError] = useState<unknown>();
  const canDiscard = useCan("sharing.manage");
  const started = search.get("started");

  if (loading && !run) return <Spin size="large" className="page-spin" aria-label={t("common.loading")} />;
  if (error || !run) return <ErrorAlert error={error} />;

  // The statements are read again too: confirmations and the lock show on them.
  const onChanged = () => {
    setGeneration((g) => g + 1);
    reload();
  };
  const discard = () => {
    setDiscardError(undefined);
    api<SettlementRun>(`/api/v1/settlements/${run.id}/discard`, { method: "POST" }).then(
      () => {
        void message.success(t("settlements.discarded"));
        onChanged();
      },
      (e: unknown) => setDiscardError(e),
    );
  };
  const partyNames = new Map(run.parties.map((p) => [p.code, p.name]));
  const listPath = `/settlements?agreement=${run.agreementId}`;

  return (
    <>
      <PageHeader
        title={t("settlements.runTitle", { period: periodText(run.period.label, i18n) })}
        crumbs={[{ to: listPath, label: t("menu.settlements") }]}
        tags={
          <>
            <Tag color={statusColor[run.status]}>{t(`settlements.status.${run.status}`)}</Tag>
            {run.kind === "restatement" && <Tag color="purple">{t("settlements.kind.restatement")}</Tag>}
            <IllustrativeTag show={run.illustrative} computed />
          </>
        }
        extra={
          run.status === "draft" &&
          canDiscard && (
            <Popconfirm
              title={t("settlements.discardAsk")}
              description={t("settlements.discardWarning")}
              okText={t("settlements.discard")}
              cancelText={t("common.cancel")}
              onConfirm={discard}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t("settlements.discard")}
              </Button>
            </Popconfirm>
          )
        }
      />
      {started && (
        <Alert
          className="run-started"
          type={started === "created" ? "success" : "info"}
          showIcon
          closable={{ onClose: () => setSearch({ started: undefined }) }}
          title={t(started === "created" ? "settlements.startedCreated" : "settlements.startedExisting")}
        />
      )}
      {discardError !== undefined && <SettlementError error={discardError} />}
      {run.warnings.length > 0 && (
        <Alert
          className="section-gap run-warnings"
          type="warning"
          showIcon
          title={t("settlements.warnings", { count: run.warnings.length })}
          description={
            <ul className="error-details">
              {run.warnings.map((w, i) => (
                <li key={i}>{serverMessage(w, i18n)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} xl={14}>
          <RunFacts run={run} agreement={agreement} />
        </Col>
        <Col xs={24} xl={10}>
          <Confirmations run={run} onChanged={onChanged} />
        </Col>
      </Row>
      <Card title={t("settlements.totals")} className="section-gap">
        <TotalsTable totals={run.totals} parties={run.parties} label={t("settlements.totals")} />
        {run.skipped.length > 0 && (
          <Collapse
            className="section-gap"
            size="small"
            items={[
              {
                key: "skipped",
                label: t("settlements.skipped", { count: run.skipped.length }),
                children: (
                  <ul className="error-details">
                    {run.skipped.map((s, i) => (
                      <li key={i}>
                        <code>{String(s.rule ?? "")}</code> {serverMessage(String(s.reason ?? ""), i18n)}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t("settlements.statements")} className="section-gap">
        <Tabs
          items={run.parties.map((p) => ({
            key: p.code,
            label: <PartyName code={p.code} name={p.name} />,
            children: (
              <StatementPanel
                key={`${p.code}-${generation}`}
                runId={run.id}
                party={p.code}
                partyName={<PartyName code={p.code} name={p.name} />}
                ruleLabels={ruleLabels}
                onExplain={setExplaining}
              />
            ),
          }))}
        />
      </Card>
      <LineExplanationDrawer
        runId={run.id}
        agreementId={run.agreementId}
        line={explaining}
        ruleLabel={explaining ? ruleLabels.get(ruleKey(explaining.termsVersion, explaining.rule)) : undefined}
        parties={partyNames}
        onClose={() => setExplaining(undefined)}
      />
    </>
  );
}
