// The enterprise form, for a new enterprise and for a change. The server checks everything (the USCC's check
// character, the industry class, dates); its messages appear next to the field they concern (record-form.tsx).
import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import type { CreateEnterprise, Enterprise, IndustryCodeEntry } from "../../../../contracts/enterprises.ts";
import { useApi } from "../../api/use-api.ts";
import { NameFields, NoteField, PhrasesInput, RegionSelect } from "../../components/form-fields.tsx";
import { dayOf, isoOf, requiredRule, textOrNull } from "../../components/form-values.ts";
import { fenOrNull, MoneyField, type MoneyValue } from "../../components/money-input.tsx";
import { RecordForm } from "../../components/record-form.tsx";
import type { FormPlacement } from "../../components/record-page.tsx";
import { RecordSelect } from "../../components/record-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

type FormValues = {
  uscc: string;
  keepUsccFailingCheck?: boolean;
  nameZh: string;
  nameEn?: string | null;
  homeRegionCode?: string;
  industryCode?: string;
  enclaveId?: string | null;
  residentSince?: Dayjs | null;
  employees?: number | null;
  foundedOn?: Dayjs | null;
  products?: string[];
  registeredCapitalFen?: MoneyValue;
  note?: string | null;
};

const initialOf = (e: Enterprise | undefined): Partial<FormValues> =>
  e
    ? {
        ...e,
        residentSince: dayOf(e.residentSince),
        foundedOn: dayOf(e.foundedOn),
        keepUsccFailingCheck: e.usccCheckOk === false,
      }
    : {};

function bodyOf(values: FormValues, illustrative: boolean): CreateEnterprise {
  return {
    uscc: values.uscc,
    ...(values.keepUsccFailingCheck ? { keepUsccFailingCheck: true } : {}),
    nameZh: values.nameZh,
    nameEn: textOrNull(values.nameEn),
    homeRegionCode: values.homeRegionCode ?? "",
    industryCode: values.industryCode ?? "",
    enclaveId: values.enclaveId ?? null,
    residentSince: values.enclaveId ? isoOf(values.residentSince) : null,
    employees: values.employees ?? null,
    foundedOn: isoOf(values.foundedOn),
    products: values.products ?? [],
    registeredCapitalFen: fenOrNull(values.registeredCapitalFen),
    note: textOrNull(values.note),
    illustrative,
  };
}

function useIndustryOptions(search: string, current: string | undefined) {
  const query = search.trim() || current || "";
  const { data } = useApi<{ items: IndustryCodeEntry[] }>(
    `/api/v1/industry-codes?limit=30${query ? `&q=${encodeURIComponent(query)}` : ""}`,
  );
  return useMemo(
    () => (data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.nameZh}` })),
    [data],
  );
}

export function EnterpriseForm({
  enterprise,
  ...placement
}: { enterprise?: Enterprise } & FormPlacement<Enterprise>) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [industrySearch, setIndustrySearch] = useState("");
  const industryOptions = useIndustryOptions(industrySearch, enterprise?.industryCode);
  const enclaveChosen = Form.useWatch("enclaveId", form);

  return (
    <RecordForm<FormValues, Enterprise>
      form={form}
      endpoint="/api/v1/enterprises"
      record={enterprise}
      initialValues={initialOf(enterprise)}
      toBody={(values) => bodyOf(values, enterprise?.illustrative ?? false)}
      {...placement}
      className="enterprise-form"
    >
      <Form.Item name="uscc" label={t("field.uscc")} extra={t("enterprise.usccHint")} rules={requiredRule(t)}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="keepUsccFailingCheck"
        valuePropName="checked"
        extra={t("enterprise.keepUsccFailingCheckHint")}
      >
        <Checkbox>{t("enterprise.keepUsccFailingCheck")}</Checkbox>
      </Form.Item>
      <NameFields field="name" englishRequired={false} />
      <Space size="large" wrap align="start">
        <Form.Item name="homeRegionCode" label={t("field.homeRegion")} rules={requiredRule(t)}>
          <RegionSelect />
        </Form.Item>
        <Form.Item
          name="industryCode"
          label={t("field.industryCode")}
          extra={t("enterprise.industryHint")}
          rules={requiredRule(t)}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setIndustrySearch }}
            options={industryOptions}
            style={{ width: 320 }}
            placeholder={t("enterprise.industrySearch")}
            notFoundContent={t("common.noMatch")}
          />
        </Form.Item>
      </Space>
      <Space size="large" wrap align="start">
        <Form.Item name="enclaveId" label={t("field.enclave")}>
          <RecordSelect endpoint="/api/v1/enclaves" placeholder={t("enterprise.notResident")} width={320} />
        </Form.Item>
        <Form.Item name="residentSince" label={t("field.residentSince")}>
          <DatePicker disabled={!enclaveChosen} />
        </Form.Item>
      </Space>
      <Space size="large" wrap align="start">
        <Form.Item name="employees" label={t("field.employees")}>
          <InputNumber controls={false} min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t("field.foundedOn")}>
          <DatePicker />
        </Form.Item>
        <MoneyField name="registeredCapitalFen" label={t("field.registeredCapital")} />
      </Space>
      <Form.Item name="products" label={t("field.products")} extra={t("enterprise.productsHint")}>
        <PhrasesInput />
      </Form.Item>
      <NoteField />
    </RecordForm>
  );
}
