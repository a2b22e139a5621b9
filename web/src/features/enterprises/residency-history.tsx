// An enterprise's residency history: the enclaves it was resident in, moved in and out. Benefit sharing over an
// enclave's residents counts the enterprise in these months only, so officials see it beside the record.
import { Empty, Spin, Table, Typography } from "antd";
import type { Enclave } from "../../../../contracts/enclaves.ts";
import type { ResidencyHistory, ResidencyPeriod } from "../../../../contracts/enterprise-residency.ts";
import type { Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { Link } from "../../app/router.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/** Give it a new `key` after the enterprise was saved: a move changes the history. */
export function ResidencyHistoryTable({ enterpriseId }: { enterpriseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const history = useApi<ResidencyHistory>(`/api/v1/enterprises/${enterpriseId}/residencies`);
  const enclaves = useApi<Page<Enclave>>("/api/v1/enclaves?pageSize=100");
  if (history.loading && !history.data) return <Spin aria-label={t("common.loading")} />;
  if (history.error) return <ErrorAlert error={history.error} />;
  const periods = [...(history.data?.periods ?? [])].reverse(); // the newest first
  if (periods.length === 0) return <Empty description={t("enterprise.residenciesEmpty")} />;
  const enclaveOf = (id: string) => enclaves.data?.items.find((e) => e.id === id);
  return (
    <>
      <Table<ResidencyPeriod>
        size="small"
        pagination={false}
        rowKey={(p) => `${p.enclaveId}:${p.from ?? ""}`}
        dataSource={periods}
        columns={[
          {
            key: "enclave",
            title: t("field.enclave"),
            render: (_, p) => {
              const enclave = enclaveOf(p.enclaveId);
              return (
                <Link to={recordPath.enclave(p.enclaveId)}>
                  {enclave ? <Localized zh={enclave.nameZh} en={enclave.nameEn} /> : p.enclaveId.slice(0, 8)}
                </Link>
              );
            },
          },
          {
            key: "from",
            title: t("enterprise.residencyFrom"),
            render: (_, p) => (p.from ? i18n.date(p.from) : t("enterprise.residencyUnknownStart")),
          },
          {
            key: "to",
            title: t("enterprise.residencyTo"),
            render: (_, p) => (p.to ? i18n.date(p.to) : t("enterprise.residencyOngoing")),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="section-gap">
        {t("enterprise.residenciesNote")}
      </Typography.Paragraph>
    </>
  );
}
