// Projects: the pipeline as a register, filtered by stage, kind, region and traction.
import { Tag } from "antd";
import type { Project } from "../../../../contracts/projects.ts";
import { RegionNames } from "../../app/regions.tsx";
import { useRegionOptions } from "../../components/form-fields.tsx";
import { Money } from "../../components/money.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { CreateButton, illustrativeColumn, nameColumn } from "../../components/register-list.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { enumLabel, enumOptions, projectKinds, projectStages } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";

export const stageColor: Record<string, string> = {
  lead: "default",
  signed: "blue",
  landed: "cyan",
  under_construction: "orange",
  in_production: "green",
};

export function ProjectsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const regionOptions = useRegionOptions();
  const columns: RemoteColumn<Project>[] = [
    nameColumn(i18n, recordPath.project),
    { key: "kind", title: t("field.kind"), render: (_, p) => enumLabel("projectKind", p.kind, t) },
    {
      key: "stage",
      title: t("field.stage"),
      sortKey: "stage",
      render: (_, p) => <Tag color={stageColor[p.stage]}>{enumLabel("stage", p.stage, t)}</Tag>,
    },
    {
      key: "planned",
      title: t("field.plannedInvestment"),
      sortKey: "plannedInvestmentFen",
      align: "right",
      render: (_, p) => <Money fen={p.plannedInvestmentFen} />,
    },
    {
      key: "actual",
      title: t("field.actualInvestment"),
      align: "right",
      render: (_, p) => <Money fen={p.actualInvestmentFen} />,
    },
    { key: "regions", title: t("field.regions"), render: (_, p) => <RegionNames codes={p.regionCodes} /> },
    {
      key: "traction",
      title: t("field.traction"),
      render: (_, p) => (p.traction ? <Tag color="purple">{t("project.tractionTag")}</Tag> : "—"),
    },
    {
      key: "startedOn",
      title: t("field.startedOn"),
      sortKey: "startedOn",
      render: (_, p) => i18n.date(p.startedOn),
    },
    illustrativeColumn(i18n),
  ];
  return (
    <>
      <PageHeader
        title={t("projects.title")}
        extra={<CreateButton permission="project.create" to="/projects/new" label={t("projects.create")} />}
      />
      <RemoteTable<Project>
        endpoint="/api/v1/projects"
        label={t("projects.title")}
        columns={columns}
        rowKey={(p) => p.id}
        searchPlaceholder={t("projects.search")}
        filters={[
          {
            key: "stage",
            label: t("field.stage"),
            kind: "select",
            options: enumOptions(projectStages, "stage", t),
          },
          {
            key: "kind",
            label: t("field.kind"),
            kind: "select",
            options: enumOptions(projectKinds, "projectKind", t),
          },
          { key: "regionCode", label: t("field.region"), kind: "select", options: regionOptions },
          {
            key: "traction",
            label: t("field.traction"),
            kind: "select",
            options: [
              { value: "true", label: t("common.yes") },
              { value: "false", label: t("common.no") },
            ],
          },
          { key: "agreementId", label: t("filter.byAgreement"), kind: "linked" },
          { key: "enclaveId", label: t("filter.byEnclave"), kind: "linked" },
          { key: "ownerEnterpriseId", label: t("filter.byOwner"), kind: "linked" },
        ]}
      />
    </>
  );
}
