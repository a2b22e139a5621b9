// Enclaves: the register, with host and sending regions, area and status.
import { Tag } from "antd";
import type { Enclave } from "../../../../contracts/enclaves.ts";
import { RegionName, RegionNames, useRegions } from "../../app/regions.tsx";
import { Link } from "../../app/router.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { Localized, pick } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { enclaveKinds, enclaveStatuses, enumLabel, enumOptions } from "../../domain/enums.ts";
import { groupDecimal, trimDecimal } from "../../format/decimal.ts";
import { useI18n } from "../../i18n/i18n.tsx";

export const enclaveStatusColor: Record<string, string> = {
  planned: "default",
  building: "blue",
  operating: "green",
  closed: "red",
};

export function EnclavesPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { list: regions } = useRegions();
  const regionOptions = regions
    .filter((r) => r.level === "county")
    .map((r) => ({ value: r.code, label: pick(locale, r.nameZh, r.nameEn) }));
  const columns: RemoteColumn<Enclave>[] = [
    {
      key: "name",
      title: t("field.name"),
      sortKey: locale === "zh-CN" ? "nameZh" : "nameEn",
      render: (_, e) => (
        <Link to={recordPath.enclave(e.id)}>
          <Localized zh={e.nameZh} en={e.nameEn} />
        </Link>
      ),
    },
    { key: "kind", title: t("field.kind"), render: (_, e) => enumLabel("enclaveKind", e.kind, t) },
    { key: "host", title: t("field.hostRegion"), render: (_, e) => <RegionName code={e.hostRegionCode} /> },
    {
      key: "sending",
      title: t("field.sendingRegions"),
      render: (_, e) => <RegionNames codes={e.sendingRegionCodes} />,
    },
    {
      key: "areaMu",
      title: t("field.areaMu"),
      sortKey: "areaMu",
      align: "right",
      render: (_, e) => t("unit.muValue", { value: groupDecimal(trimDecimal(e.areaMu)) }),
    },
    {
      key: "parcels",
      title: t("field.parcels"),
      align: "right",
      render: (_, e) => i18n.number(e.parcels.length),
    },
    {
      key: "openedOn",
      title: t("field.openedOn"),
      sortKey: "openedOn",
      render: (_, e) => i18n.date(e.openedOn),
    },
    {
      key: "status",
      title: t("field.status"),
      sortKey: "status",
      render: (_, e) => (
        <Tag color={enclaveStatusColor[e.status]}>{enumLabel("enclaveStatus", e.status, t)}</Tag>
      ),
    },
    {
      key: "illustrative",
      title: t("field.illustrative"),
      render: (_, e) => <IllustrativeTag show={e.illustrative} />,
    },
  ];
  return (
    <>
      <PageHeader title={t("enclaves.title")} />
      <RemoteTable<Enclave>
        endpoint="/api/v1/enclaves"
        label={t("enclaves.title")}
        columns={columns}
        rowKey={(e) => e.id}
        searchPlaceholder={t("enclaves.search")}
        filters={[
          {
            key: "kind",
            label: t("field.kind"),
            kind: "select",
            options: enumOptions(enclaveKinds, "enclaveKind", t),
          },
          {
            key: "status",
            label: t("field.status"),
            kind: "select",
            options: enumOptions(enclaveStatuses, "enclaveStatus", t),
          },
          { key: "hostRegionCode", label: t("field.hostRegion"), kind: "select", options: regionOptions },
          { key: "agreementId", label: t("filter.byAgreement"), kind: "linked" },
        ]}
      />
    </>
  );
}
