// Regions (GB/T 2260) with their kind and level; each links to its yearly facts.
import { Tag } from "antd";
import type { Region } from "../../../../contracts/regions.ts";
import { RegionName } from "../../app/regions.tsx";
import { Link } from "../../app/router.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { enumLabel, enumOptions } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";

export function RegionsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const columns: RemoteColumn<Region>[] = [
    { key: "code", title: t("field.code"), sortKey: "code", render: (_, r) => <code>{r.code}</code> },
    {
      key: "name",
      title: t("field.name"),
      sortKey: locale === "zh-CN" ? "nameZh" : "nameEn",
      render: (_, r) => (
        <Link to={recordPath.region(r.code)}>
          <Localized zh={r.nameZh} en={r.nameEn} />
        </Link>
      ),
    },
    {
      key: "level",
      title: t("field.level"),
      sortKey: "level",
      render: (_, r) => enumLabel("regionLevel", r.level, t),
    },
    {
      key: "kind",
      title: t("field.regionKind"),
      sortKey: "kind",
      render: (_, r) =>
        r.kind ? (
          <Tag color={r.kind === "mountain" ? "green" : "blue"}>{enumLabel("regionKind", r.kind, t)}</Tag>
        ) : (
          "—"
        ),
    },
    {
      key: "parent",
      title: t("field.parent"),
      render: (_, r) => (r.parentCode ? <RegionName code={r.parentCode} /> : "—"),
    },
    { key: "facts", title: t("region.facts"), align: "right", render: (_, r) => i18n.number(r.facts.length) },
  ];
  return (
    <>
      <PageHeader title={t("regions.title")} />
      <RemoteTable<Region>
        endpoint="/api/v1/regions"
        label={t("regions.title")}
        columns={columns}
        rowKey={(r) => r.code}
        searchPlaceholder={t("regions.search")}
        filters={[
          {
            key: "level",
            label: t("field.level"),
            kind: "select",
            options: enumOptions(["province", "city", "county"], "regionLevel", t),
          },
          {
            key: "kind",
            label: t("field.regionKind"),
            kind: "select",
            options: enumOptions(["mountain", "developed"], "regionKind", t),
          },
        ]}
      />
    </>
  );
}
