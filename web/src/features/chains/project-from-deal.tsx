// A deal becomes a project in the pipeline (lead or signed), owned by the buyer or the supplier; the match keeps
// the project's id, so each links to the other.
import { App, Button, Form, Input, Modal, Radio } from "antd";
import { useState } from "react";
import type { ChainMatchRecord } from "../../../../contracts/chains.ts";
import type { Project } from "../../../../contracts/projects.ts";
import { api, ApiError } from "../../api/client.ts";
import { applyServerErrors, ErrorAlert } from "../../components/api-error.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { chainPaths } from "./chain-api.ts";

type Values = { stage: "lead" | "signed"; owner: "customer" | "supplier"; nameZh?: string; nameEn?: string };

export function ProjectFromDealButton({
  match,
  onCreated,
}: {
  match: ChainMatchRecord;
  onCreated: (project: Project) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      const body = {
        stage: values.stage,
        owner: values.owner,
        ...(values.nameZh?.trim() ? { nameZh: values.nameZh.trim() } : {}),
        ...(values.nameEn?.trim() ? { nameEn: values.nameEn.trim() } : {}),
      };
      const made = await api<{ project: Project }>(`${chainPaths.outcome(match.id)}/project`, {
        method: "POST",
        body,
      });
      setOpen(false);
      void message.success(t("chains.projectCreated"));
      onCreated(made.project);
    } catch (e) {
      const rest = applyServerErrors(form, e, ["stage", "owner", "nameZh", "nameEn"], i18n);
      if (!(e instanceof ApiError) || e.details.length === 0 || rest.length > 0) setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t("chains.makeProject")}
      </Button>
      <Modal
        open={open}
        title={t("chains.makeProject")}
        okText={t("common.create")}
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
          initialValues={{ stage: "signed", owner: "customer" }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item name="stage" label={t("chains.projectStage")}>
            <Radio.Group
              options={[
                { value: "lead", label: t("stage.lead") },
                { value: "signed", label: t("stage.signed") },
              ]}
            />
          </Form.Item>
          <Form.Item name="owner" label={t("chains.projectOwner")}>
            <Radio.Group
              options={[
                { value: "customer", label: t("chains.ownerCustomer") },
                { value: "supplier", label: t("chains.ownerSupplier") },
              ]}
            />
          </Form.Item>
          <Form.Item name="nameZh" label={t("field.nameZh")} extra={t("chains.projectNameHint")}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="nameEn" label={t("field.nameEn")}>
            <Input maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
