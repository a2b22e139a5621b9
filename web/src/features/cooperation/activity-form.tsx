// The cooperation activity form, for a new activity and for a change: its domain, who gives to whom, when, and
// its measurable outputs, chosen from the server's catalogue of the domain's measures (money in the locale's
// unit, counts in theirs). The server checks the rest (two different regions, the end after the start, whole
// counts) next to the field.
import { Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import type {
  CooperationActivity,
  CooperationDomain,
  CreateCooperationActivity,
  MeasureCatalogue,
} from "../../../../contracts/cooperation.ts";
import { useApi } from "../../api/use-api.ts";
import {
  AgreementField,
  DateField,
  EnumField,
  FieldRow,
  NameFields,
  NoteField,
  PublishedField,
  RegionSelect,
  RowList,
} from "../../components/form-fields.tsx";
import { dayOf, decimalText, isoOf, requiredRule, textOrNull } from "../../components/form-values.ts";
import { pick } from "../../components/localized-text.tsx";
import { fenOrNull, MoneyField, type MoneyValue } from "../../components/money-input.tsx";
import { RecordForm } from "../../components/record-form.tsx";
import type { FormPlacement } from "../../components/record-page.tsx";
import { RecordSelect } from "../../components/record-select.tsx";
import { cooperationDomains } from "../../domain/enums.ts";
import { useI18n, type MessageKey } from "../../i18n/i18n.tsx";

type MeasureValues = { measure?: string; value?: MoneyValue; unit?: string };

type FormValues = Omit<CreateCooperationActivity, "startedOn" | "endedOn" | "measures"> & {
  startedOn?: Dayjs | null;
  endedOn?: Dayjs | null;
  measures?: MeasureValues[];
};

/** Each known measure's unit: a measure keeps its unit in every domain (the server's catalogue). */
type Units = ReadonlyMap<string, string>;

const initialOf = (a: CooperationActivity | undefined): Partial<FormValues> =>
  a ? { ...a, startedOn: dayOf(a.startedOn), endedOn: dayOf(a.endedOn) } : { published: false, measures: [] };

function bodyOf(values: FormValues, activity: CooperationActivity | undefined, units: Units) {
  return {
    domain: values.domain,
    titleZh: values.titleZh,
    titleEn: values.titleEn,
    fromRegionCode: values.fromRegionCode,
    toRegionCode: values.toRegionCode,
    pairingId: values.pairingId ?? null,
    agreementId: values.agreementId ?? null,
    startedOn: isoOf(values.startedOn) ?? "",
    endedOn: isoOf(values.endedOn),
    measures: (values.measures ?? []).map((m) => {
      const unit = units.get(m.measure ?? "") ?? m.unit ?? "item";
      // Money is already fen (MoneyField); other counts are decimals as typed.
      const typed = fenOrNull(m.value) ?? "";
      return { measure: m.measure ?? "", value: unit === "fen" ? typed : decimalText(typed), unit };
    }),
    description: textOrNull(values.description),
    published: values.published ?? false,
    illustrative: activity?.illustrative ?? false,
  } satisfies CreateCooperationActivity;
}

function useCatalogue(domain: CooperationDomain | undefined) {
  const { locale } = useI18n();
  const { data } = useApi<MeasureCatalogue>("/api/v1/cooperation-measures");
  const units = new Map<string, string>();
  for (const d of data ?? []) for (const m of d.measures) units.set(m.measure, m.unit);
  const options = (data?.find((d) => d.domain === domain)?.measures ?? []).map((m) => ({
    value: m.measure,
    label: pick(locale, m.labelZh, m.labelEn),
  }));
  return { units: units as Units, options };
}

function MeasureValue({ row, unit }: { row: number; unit: string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (unit === "fen") return <MoneyField name={[row, "value"]} label={t("field.value")} width={180} />;
  const unitKey = `unit.${unit ?? ""}`;
  return (
    <Form.Item name={[row, "value"]} label={t("field.value")} rules={requiredRule(t)}>
      <Input
        inputMode="decimal"
        suffix={i18n.has(unitKey) ? t(unitKey as MessageKey) : unit}
        style={{ width: 180 }}
      />
    </Form.Item>
  );
}

type Catalogue = ReturnType<typeof useCatalogue>;

function Measures({ catalogue: { units, options } }: { catalogue: Catalogue }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<FormValues>();
  const rows = Form.useWatch("measures", form);
  return (
    <RowList
      name="measures"
      legend={t("field.measures")}
      addLabel={t("activity.addMeasure")}
      newRow={() => ({ measure: undefined, value: null })}
    >
      {(row) => {
        const chosen = rows?.[row.name];
        const unit = units.get(chosen?.measure ?? "") ?? chosen?.unit;
        return (
          <>
            <Form.Item
              name={[row.name, "measure"]}
              label={t("field.measure")}
              extra={row.name === 0 ? t("activity.measureHint") : undefined}
              rules={requiredRule(t)}
            >
              <Select options={options} style={{ width: 220 }} placeholder={t("common.choose")} />
            </Form.Item>
            <MeasureValue row={row.name} unit={unit} />
          </>
        );
      }}
    </RowList>
  );
}

export function ActivityForm({
  activity,
  ...placement
}: { activity?: CooperationActivity } & FormPlacement<CooperationActivity>) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const domain = Form.useWatch("domain", form) ?? activity?.domain;
  const catalogue = useCatalogue(domain);
  return (
    <RecordForm<FormValues, CooperationActivity>
      form={form}
      endpoint="/api/v1/cooperation-activities"
      record={activity}
      initialValues={initialOf(activity)}
      toBody={(values) => bodyOf(values, activity, catalogue.units)}
      {...placement}
      className="activity-form"
    >
      <EnumField name="domain" label={t("field.domain")} values={cooperationDomains} prefix="domain" />
      <NameFields field="title" />
      <FieldRow>
        <Form.Item name="fromRegionCode" label={t("field.fromRegion")} rules={requiredRule(t)}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="toRegionCode" label={t("field.toRegion")} rules={requiredRule(t)}>
          <RegionSelect />
        </Form.Item>
      </FieldRow>
      <FieldRow>
        <DateField name="startedOn" label={t("field.startedOn")} required />
        <DateField name="endedOn" label={t("field.endedOn")} />
      </FieldRow>
      <FieldRow>
        <AgreementField />
        <Form.Item name="pairingId" label={t("field.pairingId")}>
          <RecordSelect endpoint="/api/v1/pairings" width={280} />
        </Form.Item>
      </FieldRow>
      <Measures catalogue={catalogue} />
      <NoteField name="description" label="field.description" />
      <PublishedField />
    </RecordForm>
  );
}
