// Fields the register forms share: a record's name in both languages, regions, free phrases, a note, the
// published switch, and lists of rows (milestones, parcels, measures). Field names are the API's, so the server's
// errors land on them (record-form.tsx).
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Flex, Form, Input, Select, Space, Switch } from "antd";
import type { FormListFieldData } from "antd";
import type { ReactNode } from "react";
import { useRegions } from "../app/regions.tsx";
import { enumOptions, forwardOptions } from "../domain/enums.ts";
import { useI18n, type MessageKey } from "../i18n/i18n.tsx";
import { requiredRule } from "./form-values.ts";
import { pick } from "./localized-text.tsx";
import { RecordSelect } from "./record-select.tsx";

/** A field's name: a top-level field, or one in a row of a list (`[row, "plannedOn"]`). */
type FieldName = string | (string | number)[];

/** Fields side by side, wrapping on a narrow screen. */
export function FieldRow({ children }: { children: ReactNode }) {
  return (
    <Space size="large" wrap align="start">
      {children}
    </Space>
  );
}

/** A date, optional unless `required`. */
export function DateField({
  name,
  label,
  required = false,
  extra,
}: {
  name: FieldName;
  label: string;
  required?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? requiredRule(t) : undefined}>
      <DatePicker />
    </Form.Item>
  );
}

/** A required choice of one value of an enumeration (a kind, a domain), labelled `<prefix>.<value>`. */
export function EnumField({
  name,
  label,
  values,
  prefix,
}: {
  name: string;
  label: string;
  values: readonly string[];
  prefix: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={requiredRule(t)}>
      <Select
        options={enumOptions(values, prefix, t)}
        style={{ width: 180 }}
        placeholder={t("common.choose")}
      />
    </Form.Item>
  );
}

/**
 * A required status that only moves forward (a stage, an agreement's status): the steps before the record's
 * `current` one cannot be chosen.
 */
export function ForwardField<V extends string>({
  name,
  label,
  steps,
  prefix,
  current,
}: {
  name: string;
  label: string;
  steps: readonly V[];
  prefix: string;
  current: V | undefined;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={requiredRule(t)}>
      <Select options={forwardOptions(steps, prefix, t, current)} style={{ width: 160 }} />
    </Form.Item>
  );
}

/** The agreement a record belongs to, if any. */
export function AgreementField() {
  const { t } = useI18n();
  return (
    <Form.Item name="agreementId" label={t("field.agreement")}>
      <RecordSelect endpoint="/api/v1/agreements" />
    </Form.Item>
  );
}

/** `nameZh` and `nameEn` (or `titleZh`, `titleEn`): the Chinese one always required. */
export function NameFields({
  field,
  englishRequired = true,
}: {
  field: "name" | "title";
  englishRequired?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name={`${field}Zh`} label={t(`field.${field}Zh`)} rules={requiredRule(t)}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name={`${field}En`}
        label={t(`field.${field}En`)}
        rules={englishRequired ? requiredRule(t) : undefined}
      >
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

/** Regions as select options, by name in the console's language; counties only unless all levels are asked for. */
export function useRegionOptions(
  levels: "counties" | "all" = "counties",
): { value: string; label: string }[] {
  const { locale } = useI18n();
  const { list } = useRegions();
  return list
    .filter((r) => levels === "all" || r.level === "county")
    .map((r) => ({ value: r.code, label: pick(locale, r.nameZh, r.nameEn) }));
}

/** One region or several, found by name or code. */
export function RegionSelect({
  levels = "counties",
  multiple = false,
  width = 240,
  ...control
}: {
  levels?: "counties" | "all";
  multiple?: boolean;
  width?: number;
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
}) {
  const { t } = useI18n();
  const options = useRegionOptions(levels);
  return (
    <Select
      {...control}
      value={control.value ?? undefined}
      mode={multiple ? "multiple" : undefined}
      options={options}
      showSearch={{ optionFilterProp: ["label", "value"] }}
      placeholder={t("common.choose")}
      style={{ width: multiple ? Math.max(width, 360) : width }}
    />
  );
}

/** Free phrases (products, principles), typed and closed with Enter or a comma. */
export function PhrasesInput(control: {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}) {
  return (
    <Select {...control} mode="tags" open={false} suffixIcon={null} tokenSeparators={[",", "，", "、"]} />
  );
}

export function NoteField({ name = "note", label = "field.note" }: { name?: string; label?: MessageKey }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={t(label)}>
      <Input.TextArea rows={3} maxLength={5000} />
    </Form.Item>
  );
}

/** Whether the public may read the record (docs/permissions.md); drafts stay unpublished. */
export function PublishedField() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="published"
      label={t("field.published")}
      valuePropName="checked"
      extra={t("forms.publishedHint")}
    >
      <Switch />
    </Form.Item>
  );
}

/**
 * A list of rows (milestones, parcels, measures) under a legend: each row's fields side by side with a button to
 * remove it, and a button to add one. The server's errors about the list as a whole appear under it.
 */
export function RowList({
  name,
  legend,
  addLabel,
  newRow,
  children,
}: {
  name: string;
  legend: string;
  addLabel: string;
  newRow: () => object;
  children: (row: FormListFieldData) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="row-list">
      <legend>{legend}</legend>
      <Form.List name={name}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, index) => (
              <Flex
                key={row.key}
                gap="small"
                align="start"
                wrap
                className="row-list-row"
                role="group"
                aria-label={t("forms.row", { legend, number: index + 1 })}
              >
                {children(row)}
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  className="row-list-remove"
                  aria-label={t("forms.removeRow", { legend, number: index + 1 })}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newRow())}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
