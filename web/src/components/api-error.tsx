// Errors from the server, in the console's language: the reason, and each detail (field or file row) with it.
import { Alert } from "antd";
import type { FormInstance } from "antd";
import type { ReactNode } from "react";
import { ApiError, type ErrorDetail } from "../api/client.ts";
import { useI18n, type I18n } from "../i18n/i18n.tsx";
import { translateServerMessage } from "../i18n/server-messages.ts";
import { placeErrors } from "./form-errors.ts";

/** A server message as a node: translated where known, otherwise marked as English. */
export function serverMessage(message: string, i18n: Pick<I18n, "locale">): ReactNode {
  const { text, translated } = translateServerMessage(message, i18n.locale);
  return translated ? text : <span lang="en">{text}</span>;
}

/** The headline of an error in the console's language, chosen by its stable code or HTTP status. */
export function errorTitle(error: unknown, i18n: I18n): string {
  const { t } = i18n;
  if (!(error instanceof ApiError)) return t("error.unexpected");
  if (error.code === "validation.failed") return t("error.validation");
  if (error.code === "import.rejected") return t("error.importRejected");
  if (error.status === 0) return t("error.network");
  if (error.status === 401) return t("error.signIn");
  if (error.status === 403) return t("error.forbidden");
  if (error.status === 404) return t("error.notFound");
  if (error.status === 409) return t("error.conflict");
  if (error.status === 413) return t("error.tooLarge");
  return t("error.server", { status: error.status });
}

function detailText(detail: ErrorDetail, i18n: I18n, fieldLabel: (field: string) => string): ReactNode {
  const where = detail.field
    ? fieldLabel(detail.field)
    : detail.row !== undefined
      ? i18n.t("import.rowColumn", { row: detail.row, column: detail.column ?? "" })
      : "";
  return (
    <>
      {where && <strong>{where}：</strong>}
      {serverMessage(detail.message, i18n)}
    </>
  );
}

export function ErrorAlert({
  error,
  fieldLabel,
}: {
  error: unknown;
  fieldLabel?: (field: string) => string;
}) {
  const i18n = useI18n();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  const label = fieldLabel ?? ((field: string) => fieldLabelOf(field, i18n));
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      title={errorTitle(error, i18n)}
      description={
        details.length > 0 ? (
          <ul className="error-details">
            {details.map((d, i) => (
              <li key={i}>{detailText(d, i18n, label)}</li>
            ))}
          </ul>
        ) : error instanceof ApiError && error.code !== "validation.failed" ? (
          serverMessage(error.message, i18n)
        ) : undefined
      }
    />
  );
}

/** A field's label from the catalogue ("field.uscc"), else its name. */
export function fieldLabelOf(field: string, i18n: I18n): string {
  const key = `field.${field.split(".")[0]}`;
  return i18n.has(key) ? i18n.t(key) : field;
}

/** A field's error: the server's message, and which value it is about when the field holds several. */
function fieldMessage(detail: ErrorDetail, exact: boolean, i18n: I18n): ReactNode {
  const message = serverMessage(detail.message, i18n);
  const which = typeof detail.value === "string" || typeof detail.value === "number" ? detail.value : "";
  if (exact || which === "") return message;
  return (
    <>
      {which}
      {i18n.locale === "zh-CN" ? "：" : ": "}
      {message}
    </>
  );
}

/**
 * Puts the server's field errors next to the form's fields (named by their keys, "milestones.0.title"): each on
 * the deepest field at or above its path (form-errors.ts). Returns the details no field shows, for an alert.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  i18n: I18n,
): ErrorDetail[] {
  if (!(error instanceof ApiError)) return [];
  const { byField, rest } = placeErrors(error.details, new Set(fields), (d, exact) =>
    fieldMessage(d, exact, i18n),
  );
  // antd shows any node as a field's error, though its type says string.
  form.setFields(
    byField.map(({ path, messages }) => ({ name: path, errors: messages as unknown as string[] })),
  );
  return rest;
}
