// The one way the console saves a form: a new record (POST) or a change (PATCH with If-Match: <version>, so a
// change over someone else's is refused), the server's messages next to the fields they concern, a count of them
// above the form, and whatever no field shows in an alert. The register forms give only their fields and body.
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Space, type FormInstance } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { api, ApiError } from "../api/client.ts";
import { useI18n, type I18n } from "../i18n/i18n.tsx";
import { applyServerErrors, ErrorAlert } from "./api-error.tsx";
import { pathKey } from "./form-errors.ts";

export type VersionedRecord = { id: string; version: number };

/** Creates a record (without `record`) or changes it, refusing to overwrite a version other than the one edited. */
export function saveRecord<Saved>(
  endpoint: string,
  record: VersionedRecord | undefined,
  body: unknown,
): Promise<Saved> {
  return record
    ? api<Saved>(`${endpoint}/${record.id}`, {
        method: "PATCH",
        body,
        headers: { "if-match": String(record.version) },
      })
    : api<Saved>(endpoint, { method: "POST", body });
}

type Failure = { error?: unknown; fieldProblems: number };

/** Puts the server's field errors on the fields the form shows; returns what the alerts above it are to show. */
function showServerErrors(form: FormInstance, error: unknown, i18n: I18n): Failure {
  if (!(error instanceof ApiError) || error.details.length === 0) return { error, fieldProblems: 0 };
  const shown = form.getFieldsError().map((f) => pathKey(f.name));
  const rest = applyServerErrors(form, error, shown, i18n);
  return {
    fieldProblems: error.details.length - rest.length,
    error: rest.length > 0 ? new ApiError(error.status, error.code, error.message, rest) : undefined,
  };
}

/** A save refused because someone else changed the record since it was opened. */
function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code.endsWith(".version_conflict");
}

function FormAlerts({ failure, reload }: { failure: Failure; reload?: (() => void) | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {failure.fieldProblems > 0 && (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={t("error.fieldsMarked", { count: failure.fieldProblems })}
          className="form-alert"
        />
      )}
      {failure.error !== undefined && (
        <div className="form-alert">
          <ErrorAlert error={failure.error} />
          {reload && isVersionConflict(failure.error) && (
            <Button className="form-reload" icon={<ReloadOutlined />} onClick={reload}>
              {t("record.reloadLatest")}
            </Button>
          )}
        </div>
      )}
    </>
  );
}

/**
 * Saving a form: `submit` for onFinish, `saving` for the button, `alerts` for above the fields. With `reload`, a
 * save refused because someone else changed the record offers to read it again (the edits are then dropped).
 */
export function useRecordForm<Values, Saved>(
  form: FormInstance<Values>,
  save: (values: Values) => Promise<Saved>,
  onSaved: (saved: Saved) => void,
  reload?: () => void,
): { submit: () => void; saving: boolean; alerts: ReactNode } {
  const i18n = useI18n();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure>({ fieldProblems: 0 });
  const submit = async () => {
    setSaving(true);
    setFailure({ fieldProblems: 0 });
    try {
      // The whole store, not only the fields shown: list rows keep keys no field shows (a milestone's id).
      onSaved(await save(form.getFieldsValue(true) as Values));
    } catch (error) {
      setFailure(showServerErrors(form, error, i18n));
    } finally {
      setSaving(false);
    }
  };
  const reloading = reload
    ? () => {
        setFailure({ fieldProblems: 0 });
        reload();
      }
    : undefined;
  return { submit: () => void submit(), saving, alerts: <FormAlerts failure={failure} reload={reloading} /> };
}

export type RecordFormProps<Values, Saved> = {
  form: FormInstance<Values>;
  /** The register's endpoint, e.g. /api/v1/projects. */
  endpoint: string;
  /** The record being changed; none for a new one. */
  record?: VersionedRecord;
  initialValues: Partial<Values>;
  /** The request body from the form's values. */
  toBody: (values: Values) => unknown;
  onSaved: (saved: Saved) => void;
  onCancel: () => void;
  /** Reads the record again (the page's); offered when a save meets someone else's change. */
  onReload?: (() => void) | undefined;
  className?: string;
  children: ReactNode;
};

export function RecordForm<Values, Saved>({
  form,
  endpoint,
  record,
  initialValues,
  toBody,
  onSaved,
  onCancel,
  onReload,
  className,
  children,
}: RecordFormProps<Values, Saved>) {
  const { t } = useI18n();
  const { submit, saving, alerts } = useRecordForm<Values, Saved>(
    form,
    (values) => saveRecord<Saved>(endpoint, record, toBody(values)),
    onSaved,
    onReload,
  );
  // A record read again in a newer version: the fields show it as it now stands (the form's initial values follow
  // the record; the fields take them when reset).
  const version = record?.version;
  const [shownVersion, setShownVersion] = useState(version);
  useEffect(() => {
    if (version === shownVersion) return;
    setShownVersion(version);
    form.resetFields();
  }, [version, shownVersion, form]);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      scrollToFirstError
      requiredMark
      className={className ? `record-form ${className}` : "record-form"}
      // Enter in a date field confirms the date typed there; it must not also send the form (the browser's
      // implicit submission), which then saves before the picker is done with it and leaves antd failing on a
      // field already gone.
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.target as HTMLElement).closest(".ant-picker"))
          event.preventDefault();
      }}
    >
      {alerts}
      {children}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t(record ? "common.save" : "common.create")}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </Space>
    </Form>
  );
}
