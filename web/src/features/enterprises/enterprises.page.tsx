// Enterprises: search by name, USCC or product; filter by industry (a GB/T 4754 code or its prefix), home
// county and residence in an enclave; create a new one.
import { PlusOutlined } from "@ant-design/icons";
import { Button } from "antd";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import { RegionName, useRegions } from "../../app/regions.tsx";
import { Link, navigate } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { DataText, Localized, pick } from "../../components/localized-text.tsx";
import { Money } from "../../components/money.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export function EnterprisesPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const allowed = useCan("enterprise.create");
  const { list: regions } = useRegions();
  const regionOptions = regions
    .filter((r) => r.level === "county")
    .map((r) => ({ value: r.code, label: pick(locale, r.nameZh, r.nameEn) }));
  const columns: RemoteColumn<Enterprise>[] = [
    {
      key: "name",
      title: t("field.name"),
      sortKey: locale === "zh-CN" ? "nameZh" : "nameEn",
      render: (_, e) => (
        <Link to={recordPath.enterprise(e.id)}>
          <Localized zh={e.nameZh} en={e.nameEn} />
        </Link>
      ),
    },
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
    {
      key: "illustrative",
      title: t("field.illustrative"),
      render: (_, e) => <IllustrativeTag show={e.illustrative} />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t("enterprises.title")}
        extra={
          allowed && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/enterprises/new")}>
              {t("enterprises.create")}
            </Button>
          )
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
        ]}
      />
    </>
  );
}
