// "Why this number": a drawer beside the statement with everything behind one line — the line's arithmetic (due
// to date − posted before = this period), the rule as the terms write it with the schedule window that applied,
// each segment's figure versions (linked to their history), share and rounding step, caps and floors, a
// guaranteed return's target, and the engine's own sentences that an official can redo by hand.
import { Collapse, Descriptions, Drawer, Spin, Table, Tag } from "antd";
import type { GuaranteedReturn, ScheduleWindow, SharingRule } from "../../../../contracts/sharing-terms.ts";
import type { LineExplanation } from "../../../../contracts/sharing.ts";
import { useApi } from "../../api/use-api.ts";
import { ErrorAlert, serverMessage } from "../../components/api-error.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import {
  GuaranteeView,
  LimitsView,
  SegmentView,
  windowText,
  type GuaranteeStep,
  type LimitStep,
  type Segment,
} from "./explanation-parts.tsx";
import { PartyName } from "./party-name.tsx";
import { amountText, measureText, sharePercent } from "./settlement-format.ts";
import { RuleText, SubjectLink } from "./statement-panel.tsx";
import type { StatementLine } from "../../../../contracts/sharing-statement.ts";

const shareOf = (share: number | string) =>
  sharePercent(typeof share === "number" ? `${share}/10000` : share);

function RuleView({
  rule,
  unit,
  applied,
  parties,
}: {
  rule: SharingRule;
  unit: string;
  applied: ReadonlySet<number>;
  parties: ReadonlyMap<string, string>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const schedule = rule.schedule;
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: "coverage",
            label: t("settlements.why.coverage"),
            children: t(`settlements.coverage.${rule.coverage.kind}`),
          },
          {
            key: "basis",
            label: t("settlements.why.basis"),
            children:
              schedule.basis === "calendar"
                ? t("settlements.why.basisCalendar", { year: schedule.startYear })
                : t("settlements.why.basisProduction"),
          },
          ...(rule.limits ?? []).map((l) => ({
            key: `limit-${l.party}`,
            label: <PartyName code={l.party} name={parties.get(l.party)} />,
            children: [
              l.cap ? t("settlements.why.capOf", { amount: amountText(l.cap, unit, i18n) }) : "",
              l.floor ? t("settlements.why.floorOf", { amount: amountText(l.floor, unit, i18n) }) : "",
            ]
              .filter(Boolean)
              .join("；"),
          })),
        ]}
      />
      <Table<ScheduleWindow & { index: number }>
        className="explanation-windows section-gap"
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={schedule.windows.map((w, index) => ({ ...w, index }))}
        columns={[
          {
            key: "window",
            title: t("settlements.why.window.title"),
            render: (_, w) => (
              <>
                {windowText({ index: w.index, fromYear: w.fromYear, toYear: w.toYear }, i18n)}{" "}
                {applied.has(w.index) && <Tag color="green">{t("settlements.why.applied")}</Tag>}
              </>
            ),
          },
          ...[...parties.keys()].map((code) => ({
            key: code,
            title: <PartyName code={code} name={parties.get(code)} />,
            align: "right" as const,
            render: (_: unknown, w: ScheduleWindow) => {
              const share = w.shares.find((s) => s.party === code)?.share;
              return share === undefined ? "—" : shareOf(share);
            },
          })),
        ]}
      />
    </>
  );
}

export function LineExplanationDrawer({
  runId,
  agreementId,
  line,
  ruleLabel,
  parties,
  onClose,
}: {
  runId: string;
  agreementId: string;
  line: StatementLine | undefined;
  ruleLabel: string | undefined;
  parties: ReadonlyMap<string, string>;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, loading } = useApi<LineExplanation>(
    line ? `/api/v1/settlements/${runId}/lines/${line.lineNo}/explanation` : null,
  );
  const x = data?.explanation as Record<string, unknown> | undefined;
  const segments = (x?.segments ?? []) as Segment[];
  const limits = (x?.limits ?? []) as LimitStep[];
  const isGuarantee = data?.line.kind === "guaranteed_return";
  const unit = data?.line.unit ?? line?.unit ?? "fen";
  return (
    <Drawer
      open={line !== undefined}
      onClose={onClose}
      size={760}
      destroyOnHidden
      className="line-explanation"
      title={line ? t("settlements.why.title", { line: line.lineNo }) : t("settlements.why")}
    >
      {error && <ErrorAlert error={error} />}
      {loading && <Spin aria-label={t("common.loading")} />}
      {data && line && (
        <>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              {
                key: "party",
                label: t("settlements.party"),
                children: <PartyName code={data.line.party} name={parties.get(data.line.party)} />,
              },
              {
                key: "rule",
                label: t("settlements.rule"),
                children: <RuleText rule={data.line.rule} label={ruleLabel} />,
              },
              { key: "measure", label: t("field.measure"), children: measureText(data.line.measure, i18n) },
              {
                key: "subject",
                label: t("settlements.subject"),
                children: <SubjectLink subject={line.subject} name={line.subjectName} />,
              },
              {
                key: "terms",
                label: t("settlements.terms"),
                children: (
                  <a
                    href={`/api/v1/agreements/${agreementId}/sharing-terms/${data.termSet.version}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t("history.version", { version: data.termSet.version })}
                  </a>
                ),
              },
              {
                key: "sum",
                label: t("settlements.why.arithmetic"),
                children: t("settlements.why.formula", {
                  due: amountText(data.line.dueToDate, unit, i18n, { exact: true }),
                  posted: amountText(data.line.previouslyPosted, unit, i18n, { exact: true }),
                  amount: amountText(data.line.amount, unit, i18n, { exact: true }),
                }),
              },
            ]}
          />
          <h3 className="explanation-heading">{t("settlements.why.ruleHeading")}</h3>
          {data.rule === null ? (
            <p>{t("settlements.why.noRule")}</p>
          ) : isGuarantee ? (
            <GuaranteeView
              step={x as unknown as GuaranteeStep}
              note={(data.rule as unknown as GuaranteedReturn).note}
            />
          ) : (
            <RuleView
              rule={data.rule as unknown as SharingRule}
              unit={unit}
              applied={new Set(segments.map((s) => s.window.index))}
              parties={parties}
            />
          )}
          {!isGuarantee && (
            <>
              <h3 className="explanation-heading">{t("settlements.why.segments")}</h3>
              {segments.length === 0 && <p>{t("settlements.why.noSegments")}</p>}
              {segments.map((s, i) => (
                <SegmentView key={i} segment={s} unit={unit} index={i} />
              ))}
              {limits.length > 0 && <h3 className="explanation-heading">{t("settlements.why.limits")}</h3>}
              <LimitsView limits={limits} unit={unit} />
            </>
          )}
          <Collapse
            className="section-gap"
            size="small"
            items={[
              {
                key: "steps",
                label: t("settlements.why.steps"),
                children: (
                  <ol className="explanation-steps">
                    {data.steps.map((step, i) => (
                      <li key={i}>{serverMessage(step, i18n)}</li>
                    ))}
                  </ol>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
