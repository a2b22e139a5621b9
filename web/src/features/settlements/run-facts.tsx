// What a run settled and on which inputs: the agreement, the period, who computed it and when, the term-set
// versions and figure count it read, its input fingerprint, and the run it restates or the runs restating it.
import { Card, Descriptions, Space, Typography } from "antd";
import type { Agreement } from "../../../../contracts/agreements.ts";
import type { RunListItem, SettlementRun } from "../../../../contracts/sharing.ts";
import { useApi } from "../../api/use-api.ts";
import { Link } from "../../app/router.tsx";
import { DataText, Localized } from "../../components/localized-text.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { periodText } from "./settlement-format.ts";

export function RunFacts({ run, agreement }: { run: SettlementRun; agreement: Agreement | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  // The runs that restate this one (the API names the replaced run on the restatement only).
  const year = useApi<RunListItem[]>(
    `/api/v1/agreements/${run.agreementId}/settlements?year=${run.period.year}`,
  );
  const restatedBy = (year.data ?? []).filter((r) => r.restatesRunId === run.id);
  return (
    <Card title={t("settlements.basics")}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "agreement",
            label: t("field.agreement"),
            children: agreement ? (
              <Link to={recordPath.agreement(agreement.id)}>
                <Localized zh={agreement.titleZh} en={agreement.titleEn} />
              </Link>
            ) : (
              "…"
            ),
          },
          {
            key: "period",
            label: t("settlements.period"),
            children: (
              <Space size={4}>
                {periodText(run.period.label, i18n)}
                <code>{run.period.label}</code>
              </Space>
            ),
          },
          { key: "kind", label: t("field.kind"), children: t(`settlements.kind.${run.kind}`) },
          ...(run.restatesRunId
            ? [
                {
                  key: "restates",
                  label: t("settlements.restates"),
                  children: (
                    <Link to={`/settlements/${run.restatesRunId}`}>{t("settlements.openReplaced")}</Link>
                  ),
                },
              ]
            : []),
          ...(restatedBy.length
            ? [
                {
                  key: "restatedBy",
                  label: t("settlements.restatedBy"),
                  children: (
                    <Space orientation="vertical" size={0}>
                      {restatedBy.map((r) => (
                        <Link key={r.id} to={`/settlements/${r.id}`}>
                          {t("settlements.restatementOf", {
                            when: i18n.dateTime(r.createdAt),
                            status: t(`settlements.status.${r.status}`),
                          })}
                        </Link>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
          {
            key: "createdAt",
            label: t("settlements.createdAt"),
            children: (
              <>
                {i18n.dateTime(run.createdAt)} · <DataText text={run.createdBy.name} />
              </>
            ),
          },
          {
            key: "lockedAt",
            label: t("settlements.lockedAt"),
            children: run.lockedAt ? i18n.dateTime(run.lockedAt) : t("common.none"),
          },
          {
            key: "terms",
            label: t("settlements.terms"),
            children: run.inputs.termSets
              .map((v) => t("history.version", { version: v.version }))
              .join(i18n.locale === "zh-CN" ? "、" : ", "),
          },
          { key: "figures", label: t("settlements.figuresRead"), children: i18n.number(run.inputs.figures) },
          {
            key: "fingerprint",
            label: t("settlements.fingerprint"),
            children: (
              <Typography.Text code copyable={{ text: run.fingerprint }}>
                {run.fingerprint.slice(0, 16)}…
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
