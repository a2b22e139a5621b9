// Enterprises: search by name, USCC or product; filter by industry (a GB/T 4754 code or its prefix), home
// county and residence in an enclave; create a new one.
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import { RegionName } from "../../app/regions.tsx";
import { Link } from "../../app/router.tsx";
import { useRegionOptions } from "../../components/form-fields.tsx";
import { DataText } from "../../components/localized-text.tsx";
import { Money } from "../../components/money.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { CreateButton, illustrativeColumn, nameColumn } from "../../components/register-list.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export function EnterprisesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const regionOptions = useRegionOptions();
  const columns: RemoteColumn<Enterprise>[] = [
    nameColumn(i18n, recordPath.enterprise),
    { key: "uscc", title: t("field.uscc"), sortKey: "uscc", render: (_, e) => <code>{e.uscc}</code> },
    {
      key: "industry",
      title: t("field.industry"),
      sortKey: "industryCode",
      render: (_, e) => (
        <span>
          {e.industryCode} <DataText text={e.industryNameZh} />
        </span>
      ),
    },
    { key: "home", title: t("field.homeRegion"), render: (_, e) => <RegionName code={e.homeRegionCode} /> },
    {
      key: "employees",
      title: t("field.employees"),
      sortKey: "employees",
      align: "right",
      render: (_, e) => (e.employees === null ? "—" : i18n.number(e.employees)),
    },
    {
      key: "capital",
      title: t("field.registeredCapital"),
      align: "right",
      render: (_, e) => <Money fen={e.registeredCapitalFen} />,
    },
    {
      key: "foundedOn",
      title: t("field.foundedOn"),
      sortKey: "foundedOn",
      render: (_, e) => i18n.date(e.foundedOn),
    },
    {
      key: "resident",
      title: t("field.enclave"),
      render: (_, e) =>
        e.enclaveId ? <Link to={recordPath.enclave(e.enclaveId)}>{t("enterprises.resident")}</Link> : "—",
    },
    illustrativeColumn(i18n),
  ];
  return (
    <>
      <PageHeader
        title={t("enterprises.title")}
        extra={
          <CreateButton
            permission="enterprise.create"
            to="/enterprises/new"
            label={t("enterprises.create")}
          />
        }
      />
      <RemoteTable<Enterprise>
        endpoint="/api/v1/enterprises"
        label={t("enterprises.title")}
        columns={columns}
        rowKey={(e) => e.id}
        searchPlaceholder={t("enterprises.search")}
        filters={[
          {
            key: "industryCode",
            label: t("field.industryCode"),
            kind: "text",
            placeholder: t("enterprises.industryPlaceholder"),
            width: 120,
          },
          { key: "homeRegionCode", label: t("field.homeRegion"), kind: "select", options: regionOptions },
          {
            key: "resident",
            label: t("enterprises.residentFilter"),
            kind: "select",
            options: [
              { value: "true", label: t("enterprises.residentYes") },
              { value: "false", label: t("enterprises.residentNo") },
            ],
          },
          { key: "enclaveId", label: t("filter.byEnclave"), kind: "linked" },
          {
            key: "usccCheckOk",
            label: t("enterprises.usccCheckFilter"),
            kind: "select",
            options: [
              { value: "false", label: t("enterprises.usccCheckFailed") },
              { value: "true", label: t("enterprises.usccCheckPassed") },
            ],
          },
        ]}
      />
    </>
  );
}
