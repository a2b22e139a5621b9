// One party's statement of a run: the downloads (XLSX, PDF, JSON from the API), every line with the subject it
// comes from and a "why this number" button, and for a restatement what changed from the run it replaces.
import { DownloadOutlined, QuestionCircleOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Spin, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { useApi } from "../../api/use-api.ts";
import { Link } from "../../app/router.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { DataText } from "../../components/localized-text.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { parseDecimal } from "../../format/decimal.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { amountText, measureText } from "./settlement-format.ts";
import { usePartyText } from "./party-name.tsx";
import type {
  Statement,
  StatementDifference,
  StatementLine,
} from "../../../../contracts/sharing-statement.ts";

export type RuleLabels = ReadonlyMap<string, string>;
export const ruleKey = (termsVersion: number, rule: string) => `${termsVersion}|${rule}`;

/** Compares two exact decimals ("3081240", "8.01", "-14.1") without a float. */
export function compareAmounts(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const xv = x.units * 10n ** BigInt(scale - x.scale);
  const yv = y.units * 10n ** BigInt(scale - y.scale);
  return xv < yv ? -1 : xv > yv ? 1 : 0;
}

/** The subject a line comes from, linked to its record. */
export function SubjectLink({ subject, name }: { subject: string; name: string }) {
  const { t } = useI18n();
  if (!subject) return <span className="empty-value">{t("settlements.wholeAgreement")}</span>;
  const [kind, id = ""] = subject.split(":");
  const to = kind === "enclave" ? recordPath.enclave(id) : recordPath.enterprise(id);
  return (
    <Link to={to}>
      <DataText text={name || id} />
    </Link>
  );
}

export function RuleText({ rule, label }: { rule: string; label: string | undefined }) {
  return (
    <span className="rule-text">
      {label && (
        <>
          <DataText text={label} />{" "}
        </>
      )}
      <code>{rule}</code>
    </span>
  );
}

export function StatementPanel({
  runId,
  party,
  partyName,
  ruleLabels,
  onExplain,
}: {
  runId: string;
  party: string;
  partyName: ReactNode;
  ruleLabels: RuleLabels;
  onExplain: (line: StatementLine) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const base = `/api/v1/settlements/${runId}/statement?party=${encodeURIComponent(party)}`;
  const { data, error, loading } = useApi<Statement>(base);
  const partyText = usePartyText()(party, data?.party.name);
  const label = (l: { termsVersion: number; rule: string; measure: string }) =>
    ruleLabels.get(ruleKey(l.termsVersion, l.rule)) ??
    (l.measure === "guaranteed_return" ? measureText(l.measure, i18n) : undefined);
  const measures = [...new Set((data?.lines ?? []).map((l) => l.measure))];
  const money = (field: "dueToDate" | "previouslyPosted" | "amount") => (_: unknown, l: StatementLine) => (
    <span className="money">{amountText(l[field], l.unit, i18n)}</span>
  );
  const columns: ColumnsType<StatementLine> = [
    {
      key: "lineNo",
      title: t("settlements.lineNo"),
      dataIndex: "lineNo",
      sorter: (a, b) => a.lineNo - b.lineNo,
    },
    {
      key: "rule",
      title: t("settlements.rule"),
      render: (_, l) => <RuleText rule={l.rule} label={label(l)} />,
    },
    {
      key: "measure",
      title: t("field.measure"),
      render: (_, l) => measureText(l.measure, i18n),
      filters: measures.map((m) => ({ value: m, text: measureText(m, i18n) })),
      onFilter: (value, l) => l.measure === value,
    },
    {
      key: "subject",
      title: t("settlements.subject"),
      render: (_, l) => <SubjectLink subject={l.subject} name={l.subjectName} />,
    },
    { key: "dueToDate", title: t("settlements.dueToDate"), align: "right", render: money("dueToDate") },
    {
      key: "previouslyPosted",
      title: t("settlements.previouslyPosted"),
      align: "right",
      render: money("previouslyPosted"),
    },
    {
      key: "amount",
      title: t("settlements.thisPeriod"),
      align: "right",
      sorter: (a, b) => compareAmounts(a.amount, b.amount),
      render: (_, l) => <strong>{money("amount")(undefined, l)}</strong>,
    },
    {
      key: "why",
      title: t("common.actions"),
      render: (_, l) => (
        <Button
          type="link"
          size="small"
          icon={<QuestionCircleOutlined />}
          onClick={() => onExplain(l)}
          aria-label={t("settlements.whyLine", { line: l.lineNo })}
        >
          {t("settlements.why")}
        </Button>
      ),
    },
  ];
  const download = (format: "xlsx" | "pdf" | "json", text: string) => (
    <Button
      icon={<DownloadOutlined />}
      href={`${base}&format=${format}`}
      download
      aria-label={t("settlements.downloadOf", { party: partyText, format: text })}
    >
      {text}
    </Button>
  );
  return (
    <div className="statement-panel">
      <Flex gap="small" wrap align="center" className="statement-downloads">
        <span>
          {t("settlements.downloads")} <strong className="statement-party">{partyName}</strong>
        </span>
        {download("xlsx", "Excel")}
        {download("pdf", "PDF")}
        {download("json", "JSON")}
      </Flex>
      {error && <ErrorAlert error={error} />}
      {loading && !data && <Spin aria-label={t("common.loading")} />}
      {data?.differences && <Differences rows={data.differences} label={label} />}
      {data && (
        <Table<StatementLine>
          className="statement-lines section-gap"
          rowKey="lineNo"
          size="small"
          dataSource={data.lines}
          columns={columns}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("settlements.noLines") }}
          pagination={{
            pageSize: 20,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { total: i18n.number(total) }),
          }}
        />
      )}
    </div>
  );
}

function Differences({
  rows,
  label,
}: {
  rows: StatementDifference[];
  label: (l: StatementDifference) => string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const money = (field: "before" | "after" | "difference") => (_: unknown, d: StatementDifference) => (
    <span className="money">{amountText(d[field], d.unit, i18n)}</span>
  );
  return (
    <Card size="small" title={t("settlements.differences")} className="section-gap restatement-differences">
      <Table<StatementDifference>
        rowKey={(d) => `${d.termsVersion}|${d.rule}|${d.subject}`}
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t("settlements.noDifferences") }}
        scroll={{ x: "max-content" }}
        columns={[
          {
            key: "rule",
            title: t("settlements.rule"),
            render: (_, d) => <RuleText rule={d.rule} label={label(d)} />,
          },
          { key: "measure", title: t("field.measure"), render: (_, d) => measureText(d.measure, i18n) },
          {
            key: "subject",
            title: t("settlements.subject"),
            render: (_, d) => <SubjectLink subject={d.subject} name={d.subjectName} />,
          },
          { key: "before", title: t("settlements.before"), align: "right", render: money("before") },
          { key: "after", title: t("settlements.after"), align: "right", render: money("after") },
          {
            key: "difference",
            title: t("settlements.difference"),
            align: "right",
            render: (_, d) => <strong>{money("difference")(undefined, d)}</strong>,
          },
        ]}
      />
    </Card>
  );
}
