// Agreements: the register, searchable by title, filtered by kind and status.
import { Tag } from "antd";
import type { Agreement } from "../../../../contracts/agreements.ts";
import { RegionNames } from "../../app/regions.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { CreateButton, illustrativeColumn, titleColumn } from "../../components/register-list.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { agreementKinds, agreementStatuses, enumLabel, enumOptions } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";

export const statusColor: Record<string, string> = {
  draft: "default",
  signed: "blue",
  in_force: "green",
  expired: "orange",
  terminated: "red",
};

export function AgreementsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: RemoteColumn<Agreement>[] = [
    titleColumn(i18n, recordPath.agreement),
    { key: "kind", title: t("field.kind"), render: (_, a) => enumLabel("agreementKind", a.kind, t) },
    { key: "parties", title: t("field.parties"), render: (_, a) => <RegionNames codes={a.parties} /> },
    {
      key: "signedOn",
      title: t("field.signedOn"),
      sortKey: "signedOn",
      render: (_, a) => i18n.date(a.signedOn),
    },
    {
      key: "status",
      title: t("field.status"),
      sortKey: "status",
      render: (_, a) => <Tag color={statusColor[a.status]}>{enumLabel("agreementStatus", a.status, t)}</Tag>,
    },
    { key: "documents", title: t("field.documents"), render: (_, a) => i18n.number(a.documents.length) },
    illustrativeColumn(i18n),
  ];
  return (
    <>
      <PageHeader
        title={t("agreements.title")}
        extra={
          <CreateButton permission="agreement.create" to="/agreements/new" label={t("agreements.create")} />
        }
      />
      <RemoteTable<Agreement>
        endpoint="/api/v1/agreements"
        label={t("agreements.title")}
        columns={columns}
        rowKey={(a) => a.id}
        searchPlaceholder={t("agreements.search")}
        filters={[
          {
            key: "kind",
            label: t("field.kind"),
            kind: "select",
            options: enumOptions(agreementKinds, "agreementKind", t),
          },
          {
            key: "status",
            label: t("field.status"),
            kind: "select",
            options: enumOptions(agreementStatuses, "agreementStatus", t),
          },
        ]}
      />
    </>
  );
}
