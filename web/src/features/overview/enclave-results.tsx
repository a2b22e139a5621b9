// The enclave's results for a year (GET /api/v1/enclaves/{id}/sharing-summary): industrial output and local
// retained tax with the months they cover, tax per mu, and each side's revenue from the ledger with the locked
// periods counted. Each card links to the records behind it: the enclave, its residents, the agreement and its
// settlements. Shown to those who may read benefit sharing (sharing.read).
import { Col } from "antd";
import type { Enclave } from "../../../../contracts/enclaves.ts";
import type { EnclaveSharingSummary } from "../../../../contracts/sharing-summary.ts";
import { ApiError } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { Link } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { groupDecimal, trimDecimal } from "../../format/decimal.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { FigureCard } from "./figure-card.tsx";

const column = { xs: 24, sm: 12, xl: 6 } as const;

export function EnclaveResults({
  enclave,
  year,
  partyName,
}: {
  enclave: Enclave;
  /** The overview's year; "" lets the server take the latest year with figures. */
  year: string;
  partyName: (code: string) => string;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const mayRead = useCan("sharing.read");
  const { data, error } = useApi<EnclaveSharingSummary>(
    mayRead ? `/api/v1/enclaves/${enclave.id}/sharing-summary${year ? `?year=${year}` : ""}` : null,
  );
  // Outside the enclave's counties (403/404) the cards are simply not the reader's to see.
  if (!mayRead || (error instanceof ApiError && [403, 404].includes(error.status))) return null;
  if (error)
    return (
      <Col span={24}>
        <ErrorAlert error={error} />
      </Col>
    );

  const loading = "…";
  const months = (covered: readonly string[]) =>
    covered.length === 0
      ? t("overview.noFigures", { year: data?.year ?? year })
      : t("overview.monthsCovered", {
          from: covered[0] ?? "",
          to: covered.at(-1) ?? "",
          count: i18n.number(covered.length),
        });
  const part = (measure: string) =>
    i18n.money(data?.tax.byMeasure.find((m) => m.measure === measure)?.amountFen ?? "0");
  const enclaveLinks = (
    <>
      <Link to={recordPath.enclave(enclave.id)}>{t("overview.enclaveRecord")}</Link>
      <Link to={`/enterprises?enclaveId=${enclave.id}`}>
        {t("overview.residents", { count: i18n.number(data?.residents ?? 0) })}
      </Link>
    </>
  );
  const sharing = data?.sharing;
  const periods = sharing?.periods ?? [];
  const periodList =
    periods.length <= 4
      ? periods.join(locale === "zh-CN" ? "、" : ", ")
      : `${periods[0] ?? ""} … ${periods.at(-1) ?? ""}`;

  return (
    <>
      <Col {...column}>
        <FigureCard
          title={t("overview.enclaveOutput")}
          value={data ? i18n.money(data.output.amountFen) : loading}
          period={data ? months(data.output.months) : loading}
          illustrative={data?.illustrativeFigures}
          links={enclaveLinks}
        />
      </Col>
      <Col {...column}>
        <FigureCard
          title={t("overview.enclaveTax")}
          value={data ? i18n.money(data.tax.amountFen) : loading}
          note={
            data &&
            t("overview.taxParts", {
              vat: part("local_retained_vat"),
              cit: part("local_retained_cit"),
              other: part("other_local_tax"),
            })
          }
          period={data ? months(data.tax.months) : loading}
          illustrative={data?.illustrativeFigures}
          links={enclaveLinks}
        />
      </Col>
      <Col {...column}>
        <FigureCard
          title={t("overview.taxPerMu")}
          value={
            data
              ? data.taxPerMu.amountFen === null
                ? "—"
                : t("overview.perMuValue", { amount: i18n.money(data.taxPerMu.amountFen) })
              : loading
          }
          period={
            data
              ? t("overview.perMuPeriod", {
                  period: months(data.tax.months),
                  area: groupDecimal(trimDecimal(data.taxPerMu.areaMu)),
                })
              : loading
          }
          illustrative={data?.illustrativeFigures}
          links={<Link to={recordPath.enclave(enclave.id)}>{t("overview.enclaveRecord")}</Link>}
        />
      </Col>
      <Col {...column}>
        <FigureCard
          title={t("overview.revenueShared", { year: data?.year ?? year })}
          value={
            sharing
              ? sharing.parties.map((p) => ({
                  key: p.party,
                  label: partyName(p.party),
                  value: i18n.money(p.revenueFen),
                }))
              : data
                ? "—"
                : loading
          }
          note={sharing && t("overview.revenueNote")}
          period={
            !data
              ? loading
              : !sharing
                ? t("overview.noAgreement")
                : sharing.throughMonth
                  ? t("overview.revenuePeriods", { periods: periodList, month: sharing.throughMonth })
                  : t("overview.revenueNone", { year: data.year })
          }
          illustrative={sharing?.illustrative}
          links={
            sharing && (
              <>
                <Link to={`/settlements?agreement=${sharing.agreementId}`}>
                  {t("overview.settlementsLink")}
                </Link>
                <Link to={recordPath.agreement(sharing.agreementId)}>{t("overview.agreementLink")}</Link>
              </>
            )
          }
        />
      </Col>
    </>
  );
}
