// The enterprise form, for a new enterprise and for a change. The server checks everything (the USCC's check
// character, the industry class, dates); its messages appear next to the field they concern.
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import type { CreateEnterprise, Enterprise, IndustryCodeEntry } from "../../../../contracts/enterprises.ts";
import type { Enclave } from "../../../../contracts/enclaves.ts";
import { api, ApiError, type Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { useRegions } from "../../app/regions.tsx";
import { applyServerErrors, ErrorAlert } from "../../components/api-error.tsx";
import { pick } from "../../components/localized-text.tsx";
import { inputUnitOf, moneyInputText, parseMoneyInput } from "../../format/money.ts";
import { useI18n } from "../../i18n/i18n.tsx";

type FormValues = {
  uscc: string;
  nameZh: string;
  nameEn?: string;
  homeRegionCode?: string;
  industryCode?: string;
  enclaveId?: string;
  residentSince?: Dayjs | null;
  employees?: number | null;
  foundedOn?: Dayjs | null;
  products?: string[];
  registeredCapital?: string;
  note?: string;
};

/** The form's fields, by the names the server uses in its error details. */
const fieldOfServer: Record<string, keyof FormValues> = {
  uscc: "uscc",
  nameZh: "nameZh",
  nameEn: "nameEn",
  homeRegionCode: "homeRegionCode",
  industryCode: "industryCode",
  enclaveId: "enclaveId",
  residentSince: "residentSince",
  employees: "employees",
  foundedOn: "foundedOn",
  products: "products",
  registeredCapitalFen: "registeredCapital",
  note: "note",
};

const day = (value: string | null | undefined) => (value ? dayjs(value) : null);
const iso = (value: Dayjs | null | undefined) => (value ? value.format("YYYY-MM-DD") : null);
const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);

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
  onSaved,
  onCancel,
}: {
  enterprise?: Enterprise;
  onSaved: (saved: Enterprise) => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [fieldProblemCount, setFieldProblemCount] = useState(0);
  const [industrySearch, setIndustrySearch] = useState("");
  const { list: regions } = useRegions();
  const enclaves = useApi<Page<Enclave>>("/api/v1/enclaves?pageSize=100");
  const industryOptions = useIndustryOptions(industrySearch, enterprise?.industryCode);
  const unit = inputUnitOf(locale);
  const enclaveChosen = Form.useWatch("enclaveId", form);

  useEffect(() => {
    if (!enterprise) return;
    form.setFieldsValue({
      uscc: enterprise.uscc,
      nameZh: enterprise.nameZh,
      nameEn: enterprise.nameEn ?? undefined,
      homeRegionCode: enterprise.homeRegionCode,
      industryCode: enterprise.industryCode,
      enclaveId: enterprise.enclaveId ?? undefined,
      residentSince: day(enterprise.residentSince),
      employees: enterprise.employees,
      foundedOn: day(enterprise.foundedOn),
      products: enterprise.products,
      registeredCapital: enterprise.registeredCapitalFen
        ? moneyInputText(enterprise.registeredCapitalFen, unit)
        : undefined,
      note: enterprise.note ?? undefined,
    });
  }, [enterprise, form, unit]);

  const submit = async (values: FormValues) => {
    setSaving(true);
    setError(undefined);
    setFieldProblemCount(0);
    const capital = values.registeredCapital?.trim() ? parseMoneyInput(values.registeredCapital, unit) : null;
    const body: CreateEnterprise = {
      uscc: values.uscc,
      nameZh: values.nameZh,
      nameEn: text(values.nameEn),
      homeRegionCode: values.homeRegionCode ?? "",
      industryCode: values.industryCode ?? "",
      enclaveId: values.enclaveId ?? null,
      residentSince: values.enclaveId ? iso(values.residentSince) : null,
      employees: values.employees ?? null,
      foundedOn: iso(values.foundedOn),
      products: values.products ?? [],
      registeredCapitalFen: capital === null || capital === undefined ? null : capital.toString(),
      note: text(values.note),
      illustrative: enterprise?.illustrative ?? false,
    };
    try {
      const saved = enterprise
        ? await api<Enterprise>(`/api/v1/enterprises/${enterprise.id}`, {
            method: "PATCH",
            body,
            headers: { "if-match": String(enterprise.version) },
          })
        : await api<Enterprise>("/api/v1/enterprises", { method: "POST", body });
      onSaved(saved);
    } catch (e) {
      const remapped = remapFields(e);
      const rest = applyServerErrors(form, remapped, Object.values(fieldOfServer), i18n);
      const fieldProblems = remapped instanceof ApiError ? remapped.details.length - rest.length : 0;
      setFieldProblemCount(fieldProblems);
      // Problems a field shows are not repeated above the form; the rest (and errors without details) are.
      if (remapped instanceof ApiError && remapped.details.length > 0) {
        if (rest.length > 0) setError(new ApiError(remapped.status, remapped.code, remapped.message, rest));
      } else setError(e);
    } finally {
      setSaving(false);
    }
  };

  const regionOptions = regions
    .filter((r) => r.level === "county")
    .map((r) => ({ value: r.code, label: `${pick(locale, r.nameZh, r.nameEn)} (${r.code})` }));
  const enclaveOptions = (enclaves.data?.items ?? []).map((e) => ({
    value: e.id,
    label: pick(locale, e.nameZh, e.nameEn),
  }));

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      scrollToFirstError
      className="enterprise-form"
      style={{ maxWidth: 760 }}
      requiredMark
    >
      {fieldProblemCount > 0 && (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={t("error.fieldsMarked", { count: fieldProblemCount })}
          className="form-alert"
        />
      )}
      {error !== undefined && <ErrorAlert error={error} />}
      <Form.Item
        name="uscc"
        label={t("field.uscc")}
        extra={t("enterprise.usccHint")}
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="nameZh"
        label={t("field.nameZh")}
        rules={[{ required: true, message: t("validation.required") }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="nameEn" label={t("field.nameEn")}>
        <Input maxLength={300} />
      </Form.Item>
      <Space size="large" wrap align="start">
        <Form.Item
          name="homeRegionCode"
          label={t("field.homeRegion")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Select options={regionOptions} style={{ width: 240 }} placeholder={t("common.choose")} />
        </Form.Item>
        <Form.Item
          name="industryCode"
          label={t("field.industryCode")}
          extra={t("enterprise.industryHint")}
          rules={[{ required: true, message: t("validation.required") }]}
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
          <Select
            allowClear
            options={enclaveOptions}
            style={{ width: 320 }}
            placeholder={t("enterprise.notResident")}
          />
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
        <Form.Item
          name="registeredCapital"
          label={t("field.registeredCapital")}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (value?.trim() && parseMoneyInput(value, unit) === undefined)
                  throw new Error(t("validation.money"));
              },
            },
          ]}
        >
          <Input
            suffix={t(unit === "wan" ? "unit.wanYuan" : "unit.yuan")}
            style={{ width: 200 }}
            inputMode="decimal"
          />
        </Form.Item>
      </Space>
      <Form.Item name="products" label={t("field.products")} extra={t("enterprise.productsHint")}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[",", "，", "、"]} />
      </Form.Item>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t(enterprise ? "common.save" : "common.create")}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </Space>
    </Form>
  );
}

/** The server names money fields by their fen name; the form field is the amount in the locale's unit. */
function remapFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details.map((d) =>
    d.field && d.field in fieldOfServer ? { ...d, field: fieldOfServer[d.field] } : d,
  );
  return new ApiError(error.status, error.code, error.message, details);
}
