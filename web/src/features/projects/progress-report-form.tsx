// Appending a progress report (reports are never edited; the percentage never goes down — the server says so
// next to the field when it does).
import { Button, DatePicker, Form, Input, InputNumber, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { Project } from "../../../../contracts/projects.ts";
import { api, ApiError } from "../../api/client.ts";
import { applyServerErrors, ErrorAlert } from "../../components/api-error.tsx";
import { inputUnitOf, parseMoneyInput } from "../../format/money.ts";
import { useI18n } from "../../i18n/i18n.tsx";

type Values = { reportedOn: Dayjs; percentComplete: number; text: string; investmentToDate?: string };

export function ProgressReportButton({ project, onAdded }: { project: Project; onAdded: () => void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<Values>();
  const unit = inputUnitOf(locale);
  const last = project.progressReports.at(-1);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    const investment = values.investmentToDate?.trim()
      ? parseMoneyInput(values.investmentToDate, unit)
      : null;
    try {
      await api(`/api/v1/projects/${project.id}/progress-reports`, {
        method: "POST",
        body: {
          reportedOn: values.reportedOn.format("YYYY-MM-DD"),
          percentComplete: values.percentComplete,
          text: values.text,
          investmentToDateFen: investment === null || investment === undefined ? null : investment.toString(),
        },
      });
      setOpen(false);
      form.resetFields();
      onAdded();
    } catch (e) {
      const mapped =
        e instanceof ApiError
          ? new ApiError(
              e.status,
              e.code,
              e.message,
              e.details.map((d) =>
                d.field === "investmentToDateFen" ? { ...d, field: "investmentToDate" } : d,
              ),
            )
          : e;
      const rest = applyServerErrors(
        form,
        mapped,
        ["reportedOn", "percentComplete", "text", "investmentToDate"],
        i18n,
      );
      if (!(mapped instanceof ApiError) || mapped.details.length === 0 || rest.length > 0) setError(mapped);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("project.addReport")}</Button>
      <Modal
        open={open}
        title={t("project.addReport")}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {error !== undefined && <ErrorAlert error={error} />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ reportedOn: dayjs(), percentComplete: last?.percentComplete ?? 0 }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            name="reportedOn"
            label={t("field.reportedOn")}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="percentComplete"
            label={t("field.percentComplete")}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <InputNumber controls={false} min={0} max={100} precision={0} suffix="%" />
          </Form.Item>
          <Form.Item
            name="text"
            label={t("field.reportText")}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item
            name="investmentToDate"
            label={t("field.investmentToDate")}
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
              inputMode="decimal"
              style={{ width: 220 }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
