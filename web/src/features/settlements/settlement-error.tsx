// A refused settlement action, said plainly: the conflicts of a year's order (409: a draft exists, a run was
// started at the same time, a later period is locked, the basis moved) each get their own headline, the server's
// reason below it, and a link to the run it names.
import { Alert } from "antd";
import { ApiError } from "../../api/client.ts";
import { Link } from "../../app/router.tsx";
import { ErrorAlert, fieldLabelOf, serverMessage } from "../../components/api-error.tsx";
import type { ReactNode } from "react";
import { useI18n, type I18n, type MessageKey } from "../../i18n/i18n.tsx";

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

type Reason = [RegExp, MessageKey, (m: RegExpExecArray, i18n: I18n) => Record<string, string>];

const status = (value: string | undefined, i18n: I18n) => {
  const key = `settlements.status.${value ?? ""}`;
  return i18n.has(key) ? i18n.t(key) : (value ?? "");
};

/** The server's reasons for refusing a run (server/src/modules/sharing), in the console's language. */
const reasons: Reason[] = [
  [
    /^Period (\S+) overlaps (\S+), which has a (\w+) run/,
    "settlements.reason.overlapping",
    (m, i18n) => ({ period: m[1] ?? "", other: m[2] ?? "", status: status(m[3], i18n) }),
  ],
  [
    /^The earlier period (\S+) has a draft run/,
    "settlements.reason.earlierDraft",
    (m) => ({ other: m[1] ?? "" }),
  ],
  [
    /^A later period \((\S+)\) is already locked; (\S+) can no longer/,
    "settlements.reason.laterLocked",
    (m) => ({ other: m[1] ?? "", period: m[2] ?? "" }),
  ],
  [
    /^Another settlement run for this agreement and (\S+) was started/,
    "settlements.reason.concurrent",
    (m) => ({ period: m[1] ?? "" }),
  ],
  [/^A draft run for (\S+) \(/, "settlements.reason.draftExists", (m) => ({ period: m[1] ?? "" })],
  [
    /^What was posted for earlier periods of (\d+) changed .* settle (\S+) again\.$/,
    "settlements.reason.stale",
    (m) => ({ year: m[1] ?? "", period: m[2] ?? "" }),
  ],
  [
    /^Only a draft run can be \w+; this run is (\w+)\.$/,
    "settlements.reason.notDraft",
    (m, i18n) => ({ status: status(m[1], i18n) }),
  ],
];

function reasonText(message: string, i18n: I18n): ReactNode {
  for (const [pattern, key, params] of reasons) {
    const match = pattern.exec(message);
    if (match) return i18n.t(key, params(match, i18n));
  }
  return serverMessage(message, i18n);
}

export function SettlementError({ error }: { error: unknown }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!error) return null;
  const key = error instanceof ApiError ? `settlements.error.${error.code}` : "";
  if (!(error instanceof ApiError) || !i18n.has(key)) {
    return (
      <ErrorAlert
        error={error}
        fieldLabel={(field) => (field === "period" ? t("settlements.period") : fieldLabelOf(field, i18n))}
      />
    );
  }
  const named = uuid.exec(error.message)?.[0];
  return (
    <Alert
      type={error.status === 409 ? "warning" : "error"}
      role="alert"
      showIcon
      className="settlement-error"
      title={t(key)}
      description={
        <>
          <div>{reasonText(error.message, i18n)}</div>
          {named && (
            <Link to={`/settlements/${named}`} className="settlement-error-link">
              {t("settlements.openNamedRun")}
            </Link>
          )}
        </>
      }
    />
  );
}
