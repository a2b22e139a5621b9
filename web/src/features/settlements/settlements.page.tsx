// Settlements: pick an agreement (by default the most recently signed framework agreement), see its sharing-terms versions and
// its settlement runs, and start the next run. The choices live in the address, so a view can be linked to.
import { Alert, Card, Form, Select, Space, Tag } from "antd";
import type { Agreement } from "../../../../contracts/agreements.ts";
import type { RunListItem, TermSet } from "../../../../contracts/sharing.ts";
import type { Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { useSearchParams } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { pick } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { RunsTable } from "./runs-table.tsx";
import { StartSettlement } from "./start-settlement.tsx";
import "./settlements.css";

const statuses = ["draft", "locked", "restated", "discarded"] as const;

function TermsSummary({ terms }: { terms: TermSet[] | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!terms) return null;
  if (terms.length === 0) return <Alert type="info" showIcon title={t("settlements.noTerms")} />;
  return (
    <Space wrap size={[8, 4]} className="terms-summary">
      <span>{t("settlements.terms")}</span>
      {terms.map((v) => (
        <Tag key={v.id} color="blue">
          {t("settlements.termsVersion", {
            version: v.version,
            from: i18n.date(v.effectiveFrom),
            to: v.settlesThrough ? i18n.date(v.settlesThrough) : t("settlements.openEnded"),
          })}
        </Tag>
      ))}
      <IllustrativeTag show={terms.some((v) => v.illustrative)} />
    </Space>
  );
}

/** A filter of the runs that may be left at "any"; its choice lives in the address. */
function RunFilter({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} htmlFor={id}>
      <Select
        id={id}
        allowClear
        placeholder={t("table.any")}
        value={value}
        onChange={onChange}
        options={options}
        style={{ minWidth: 120 }}
      />
    </Form.Item>
  );
}

export function SettlementsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [search, setSearch] = useSearchParams();
  const agreements = useApi<Page<Agreement>>("/api/v1/agreements?pageSize=100&sort=-signedOn");
  const list = agreements.data?.items ?? [];
  const fallback = list.find((a) => a.kind === "framework") ?? list[0];
  const agreementId = search.get("agreement") ?? fallback?.id;
  const runs = useApi<RunListItem[]>(agreementId ? `/api/v1/agreements/${agreementId}/settlements` : null);
  const terms = useApi<TermSet[]>(agreementId ? `/api/v1/agreements/${agreementId}/sharing-terms` : null);
  const canStart = useCan("sharing.manage");
  const year = search.get("year") ?? undefined;
  const status = search.get("status") ?? undefined;
  const all = runs.data ?? [];
  const shown = all.filter(
    (r) => (!year || String(r.period.year) === year) && (!status || r.status === status),
  );
  const years = [...new Set(all.map((r) => r.period.year))].sort((a, b) => b - a);
  const title = t("menu.settlements");

  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Form layout="inline" className="table-filters" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t("field.agreement")} htmlFor="settlements-agreement">
            <Select
              id="settlements-agreement"
              value={agreementId}
              loading={agreements.loading}
              onChange={(id: string) =>
                setSearch({ agreement: id, year: undefined, status: undefined, page: undefined })
              }
              options={list.map((a) => ({ value: a.id, label: pick(i18n.locale, a.titleZh, a.titleEn) }))}
              style={{ minWidth: 360 }}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <RunFilter
            id="settlements-year"
            label={t("field.year")}
            value={year}
            onChange={(y) => setSearch({ year: y, page: undefined })}
            options={years.map((y) => ({
              value: String(y),
              label: t("settlements.yearOption", { year: y }),
            }))}
          />
          <RunFilter
            id="settlements-status"
            label={t("field.status")}
            value={status}
            onChange={(s) => setSearch({ status: s, page: undefined })}
            options={statuses.map((s) => ({ value: s, label: t(`settlements.status.${s}`) }))}
          />
        </Form>
        <TermsSummary terms={terms.data} />
      </Card>
      {agreements.error && <ErrorAlert error={agreements.error} />}
      {runs.error && <ErrorAlert error={runs.error} />}
      {canStart && agreementId && runs.data && terms.data && terms.data.length > 0 && (
        <StartSettlement key={agreementId} agreementId={agreementId} runs={runs.data} />
      )}
      <Card title={t("settlements.runs")} className="section-gap">
        <RunsTable runs={shown} loading={runs.loading} label={t("settlements.runs")} />
      </Card>
    </>
  );
}
