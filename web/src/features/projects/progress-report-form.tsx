// Appending a progress report (reports are never edited; the percentage never goes down — the server says so
// next to the field when it does).
import { Button, DatePicker, Form, Input, InputNumber, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { CreateProgressReport, Project } from "../../../../contracts/projects.ts";
import { api } from "../../api/client.ts";
import { isoOf, requiredRule } from "../../components/form-values.ts";
import { fenOrNull, MoneyField, type MoneyValue } from "../../components/money-input.tsx";
import { useRecordForm } from "../../components/record-form.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

type Values = { reportedOn: Dayjs; percentComplete: number; text: string; investmentToDateFen?: MoneyValue };

const bodyOf = (values: Values): CreateProgressReport => ({
  reportedOn: isoOf(values.reportedOn) ?? "",
  percentComplete: values.percentComplete,
  text: values.text,
  investmentToDateFen: fenOrNull(values.investmentToDateFen),
});

export function ProgressReportButton({ project, onAdded }: { project: Project; onAdded: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const last = project.progressReports.at(-1);
  const { submit, saving, alerts } = useRecordForm<Values, Project>(
    form,
    (values) =>
      api<Project>(`/api/v1/projects/${project.id}/progress-reports`, {
        method: "POST",
        body: bodyOf(values),
      }),
    () => {
      setOpen(false);
      form.resetFields();
      onAdded();
    },
  );

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
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ reportedOn: dayjs(), percentComplete: last?.percentComplete ?? 0 }}
          onFinish={submit}
        >
          {alerts}
          <Form.Item name="reportedOn" label={t("field.reportedOn")} rules={requiredRule(t)}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="percentComplete" label={t("field.percentComplete")} rules={requiredRule(t)}>
            <InputNumber controls={false} min={0} max={100} precision={0} suffix="%" />
          </Form.Item>
          <Form.Item name="text" label={t("field.reportText")} rules={requiredRule(t)}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <MoneyField name="investmentToDateFen" label={t("field.investmentToDate")} width={220} />
        </Form>
      </Modal>
    </>
  );
}
