// The project form, for a new project and for a change: what it is, where it stands in the pipeline (forward
// only; a change of stage may carry the date it was reached), its money, owner and milestones. The server checks
// the rest (dates in order, one owner, milestones not done in the future) and says so next to the field.
import { Form, Input, Switch } from "antd";
import type { Dayjs } from "dayjs";
import type { CreateProject, Project } from "../../../../contracts/projects.ts";
import {
  AgreementField,
  DateField,
  EnumField,
  FieldRow,
  ForwardField,
  NameFields,
  NoteField,
  PublishedField,
  RegionSelect,
  RowList,
} from "../../components/form-fields.tsx";
import { dayOf, isoOf, requiredRule, textOrNull } from "../../components/form-values.ts";
import { fenOrNull, MoneyField, type MoneyValue } from "../../components/money-input.tsx";
import { RecordForm } from "../../components/record-form.tsx";
import type { FormPlacement } from "../../components/record-page.tsx";
import { RecordSelect } from "../../components/record-select.tsx";
import { projectKinds, projectStages } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";

type MilestoneValues = {
  id?: string;
  title?: string;
  plannedOn?: Dayjs | null;
  actualOn?: Dayjs | null;
  note?: string | null;
};

type FormValues = Omit<
  CreateProject,
  | "stageOn"
  | "plannedInvestmentFen"
  | "actualInvestmentFen"
  | "startedOn"
  | "plannedCompletionOn"
  | "milestones"
> & {
  stageOn?: Dayjs | null;
  plannedInvestmentFen?: MoneyValue;
  actualInvestmentFen?: MoneyValue;
  startedOn?: Dayjs | null;
  plannedCompletionOn?: Dayjs | null;
  milestones?: MilestoneValues[];
};

const initialOf = (p: Project | undefined): Partial<FormValues> =>
  p
    ? {
        ...p,
        startedOn: dayOf(p.startedOn),
        plannedCompletionOn: dayOf(p.plannedCompletionOn),
        milestones: p.milestones.map((m) => ({
          ...m,
          plannedOn: dayOf(m.plannedOn),
          actualOn: dayOf(m.actualOn),
        })),
      }
    : { stage: "lead", traction: false, published: false, regionCodes: [], milestones: [] };

function bodyOf(values: FormValues, project: Project | undefined): CreateProject {
  // A date for the stage only with a change of stage: the server refuses one for the stage a project is in.
  const stageChanged = !project || values.stage !== project.stage;
  const stageOn = stageChanged ? isoOf(values.stageOn) : null;
  return {
    nameZh: values.nameZh,
    nameEn: values.nameEn,
    kind: values.kind,
    stage: values.stage,
    ...(stageOn ? { stageOn } : {}),
    plannedInvestmentFen: fenOrNull(values.plannedInvestmentFen),
    actualInvestmentFen: fenOrNull(values.actualInvestmentFen),
    regionCodes: values.regionCodes ?? [],
    enclaveId: values.enclaveId ?? null,
    agreementId: values.agreementId ?? null,
    ownerEnterpriseId: values.ownerEnterpriseId ?? null,
    ownerName: textOrNull(values.ownerName),
    traction: values.traction ?? false,
    startedOn: isoOf(values.startedOn),
    plannedCompletionOn: isoOf(values.plannedCompletionOn),
    note: textOrNull(values.note),
    milestones: (values.milestones ?? []).map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      title: m.title ?? "",
      plannedOn: isoOf(m.plannedOn) ?? "",
      actualOn: isoOf(m.actualOn),
      note: textOrNull(m.note),
    })),
    published: values.published ?? false,
    illustrative: project?.illustrative ?? false,
  };
}

function Milestones() {
  const { t } = useI18n();
  return (
    <RowList
      name="milestones"
      legend={t("field.milestones")}
      addLabel={t("project.addMilestone")}
      newRow={() => ({ title: "", plannedOn: null, actualOn: null })}
    >
      {(row) => (
        <>
          <Form.Item name={[row.name, "title"]} label={t("field.title")} rules={requiredRule(t)}>
            <Input maxLength={300} style={{ width: 260 }} />
          </Form.Item>
          <DateField name={[row.name, "plannedOn"]} label={t("field.plannedOn")} required />
          <DateField name={[row.name, "actualOn"]} label={t("field.actualOn")} />
          <Form.Item name={[row.name, "note"]} label={t("field.note")}>
            <Input maxLength={2000} style={{ width: 200 }} />
          </Form.Item>
        </>
      )}
    </RowList>
  );
}

export function ProjectForm({ project, ...placement }: { project?: Project } & FormPlacement<Project>) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const stage = Form.useWatch("stage", form);
  const ownerEnterprise = Form.useWatch("ownerEnterpriseId", form);
  const stageChanging = !project || (stage !== undefined && stage !== project.stage);
  return (
    <RecordForm<FormValues, Project>
      form={form}
      endpoint="/api/v1/projects"
      record={project}
      initialValues={initialOf(project)}
      toBody={(values) => bodyOf(values, project)}
      {...placement}
      className="project-form"
    >
      <NameFields field="name" />
      <FieldRow>
        <EnumField name="kind" label={t("field.kind")} values={projectKinds} prefix="projectKind" />
        <ForwardField
          name="stage"
          label={t("field.stage")}
          steps={projectStages}
          prefix="stage"
          current={project?.stage}
        />
        {stageChanging && (
          <DateField
            name="stageOn"
            label={t("field.stageOn")}
            extra={t(project ? "project.stageOnHint" : "project.stageOnNewHint")}
          />
        )}
      </FieldRow>
      <Form.Item name="regionCodes" label={t("field.regions")} rules={requiredRule(t)}>
        <RegionSelect multiple />
      </Form.Item>
      <FieldRow>
        <MoneyField name="plannedInvestmentFen" label={t("field.plannedInvestment")} />
        <MoneyField name="actualInvestmentFen" label={t("field.actualInvestment")} />
      </FieldRow>
      <FieldRow>
        <DateField name="startedOn" label={t("field.startedOn")} />
        <DateField name="plannedCompletionOn" label={t("field.plannedCompletionOn")} />
      </FieldRow>
      <FieldRow>
        <AgreementField />
        <Form.Item name="enclaveId" label={t("project.enclave")}>
          <RecordSelect endpoint="/api/v1/enclaves" width={280} />
        </Form.Item>
      </FieldRow>
      <FieldRow>
        <Form.Item
          name="ownerEnterpriseId"
          label={t("field.ownerEnterpriseId")}
          extra={t("project.ownerHint")}
        >
          <RecordSelect endpoint="/api/v1/enterprises" width={320} />
        </Form.Item>
        <Form.Item name="ownerName" label={t("project.ownerName")}>
          <Input maxLength={300} disabled={Boolean(ownerEnterprise)} style={{ width: 260 }} />
        </Form.Item>
      </FieldRow>
      <Form.Item name="traction" label={t("field.traction")} valuePropName="checked">
        <Switch />
      </Form.Item>
      <NoteField />
      <Milestones />
      <PublishedField />
    </RecordForm>
  );
}
