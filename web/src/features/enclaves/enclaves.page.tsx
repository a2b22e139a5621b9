// Enclaves: the register, with host and sending regions, area and status.
import { Tag } from "antd";
import type { Enclave } from "../../../../contracts/enclaves.ts";
import { RegionName, RegionNames } from "../../app/regions.tsx";
import { useRegionOptions } from "../../components/form-fields.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { CreateButton, illustrativeColumn, nameColumn } from "../../components/register-list.tsx";
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
  const { t } = i18n;
  const regionOptions = useRegionOptions();
  const columns: RemoteColumn<Enclave>[] = [
    nameColumn(i18n, recordPath.enclave),
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
    illustrativeColumn(i18n),
  ];
  return (
    <>
      <PageHeader
        title={t("enclaves.title")}
        extra={<CreateButton permission="enclave.create" to="/enclaves/new" label={t("enclaves.create")} />}
      />
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
