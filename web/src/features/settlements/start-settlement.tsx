// Starting a settlement run: the period (a month, a quarter or a year), proposed as the one after the latest run.
// The server computes the year to date and answers with a new draft (201) or, when nothing changed, the run it
// already has (200); a refusal of the year's order (409) is shown with its reason and the run it names.
import { PlayCircleOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Form, Radio, Select, Typography } from "antd";
import { useState } from "react";
import type { RunListItem, SettlementRun } from "../../../../contracts/sharing.ts";
import { api } from "../../api/client.ts";
import { navigate } from "../../app/router.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { SettlementError } from "./settlement-error.tsx";
import { nextPeriod, parsePeriod, periodKinds, periodLabel, type PeriodKind } from "./settlement-format.ts";

export function StartSettlement({
  agreementId,
  runs,
}: {
  agreementId: string;
  runs: readonly RunListItem[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const thisYear = new Date().getFullYear();
  const proposed = parsePeriod(nextPeriod(runs, thisYear)) ?? {
    kind: "quarter" as const,
    year: thisYear,
    number: 1,
  };
  const [kind, setKind] = useState<PeriodKind>(proposed.kind);
  const [year, setYear] = useState(proposed.year);
  const [number, setNumber] = useState(proposed.number ?? 1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const earliest = Math.min(thisYear - 3, ...runs.map((r) => r.period.year));
  const years = Array.from({ length: thisYear + 1 - earliest + 1 }, (_, i) => thisYear + 1 - i);
  const count = kind === "quarter" ? 4 : 12;
  const period = periodLabel(kind, year, kind === "year" ? null : Math.min(number, count));

  const start = () => {
    setBusy(true);
    setError(undefined);
    api<SettlementRun>(`/api/v1/agreements/${agreementId}/settlements`, { method: "POST", body: { period } })
      .then(
        (run) => {
          const existing = runs.some((r) => r.id === run.id);
          navigate(`/settlements/${run.id}?started=${existing ? "existing" : "created"}`);
        },
        (e: unknown) => setError(e),
      )
      .finally(() => setBusy(false));
  };

  return (
    <Card title={t("settlements.start")} className="section-gap">
      <Typography.Paragraph type="secondary">{t("settlements.startHint")}</Typography.Paragraph>
      <Form layout="inline" onFinish={start} className="start-settlement">
        <Form.Item label={t("settlements.periodKind")}>
          <Radio.Group
            aria-label={t("settlements.periodKind")}
            value={kind}
            onChange={(e) => setKind(e.target.value as PeriodKind)}
            optionType="button"
            options={periodKinds.map((k) => ({ value: k, label: t(`settlements.periodKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("field.year")} htmlFor="settle-year">
          <Select
            id="settle-year"
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: t("settlements.yearOption", { year: y }) }))}
            style={{ width: 120 }}
          />
        </Form.Item>
        {kind !== "year" && (
          <Form.Item
            label={t(kind === "quarter" ? "settlements.quarter" : "settlements.month")}
            htmlFor="settle-part"
          >
            <Select
              id="settle-part"
              value={Math.min(number, count)}
              onChange={setNumber}
              options={Array.from({ length: count }, (_, i) => ({
                value: i + 1,
                label: t(kind === "quarter" ? "settlements.quarterOption" : "settlements.monthOption", {
                  number: i + 1,
                }),
              }))}
              style={{ width: 120 }}
            />
          </Form.Item>
        )}
        <Form.Item>
          <Flex gap="small" align="center">
            <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={busy}>
              {t("settlements.startButton")}
            </Button>
            <code className="period-code">{period}</code>
          </Flex>
        </Form.Item>
      </Form>
      {error !== undefined && (
        <div className="section-gap">
          <SettlementError error={error} />
        </div>
      )}
    </Card>
  );
}
