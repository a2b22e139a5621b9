// A record's history as a timeline: who changed it, when, and which fields — from the register's /history.
import { Empty, Spin, Timeline, Typography } from "antd";
import { useApi } from "../api/use-api.ts";
import { useI18n, type I18n } from "../i18n/i18n.tsx";
import { ErrorAlert, fieldLabelOf } from "./api-error.tsx";
import { DataText } from "./localized-text.tsx";

export type HistoryEntry = {
  version: number;
  action: "create" | "update" | "archive" | "restore";
  changedAt: string;
  actor: { id: string; name: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

const bookkeeping = new Set(["version", "updatedAt", "createdAt", "archivedAt"]);

/** The fields whose value differs between two snapshots, leaving out bookkeeping. */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !bookkeeping.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
}

function actorName(entry: HistoryEntry, i18n: I18n): string {
  if (entry.actor.id === "system:demo") return i18n.t("history.actorDemo");
  if (entry.actor.id === "local-operator") return i18n.t("history.actorLocal");
  return entry.actor.name;
}

export function HistoryTimeline({ endpoint }: { endpoint: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, loading } = useApi<HistoryEntry[]>(`${endpoint}/history`);
  if (loading) return <Spin aria-label={t("common.loading")} />;
  if (error) return <ErrorAlert error={error} />;
  if (!data || data.length === 0) return <Empty description={t("history.empty")} />;
  return (
    <Timeline
      className="history-timeline"
      items={[...data].reverse().map((entry) => {
        const fields = changedFields(entry.before, entry.after);
        return {
          key: entry.version,
          color: entry.action === "archive" ? "red" : entry.action === "create" ? "green" : "blue",
          content: (
            <>
              <div className="timeline-when">{i18n.dateTime(entry.changedAt)}</div>
              <Typography.Text strong>{t(`history.action.${entry.action}`)}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {t("history.by")} <DataText text={actorName(entry, i18n)} /> ·{" "}
                {t("history.version", { version: entry.version })}
              </Typography.Text>
              {fields.length > 0 && (
                <div className="history-fields">
                  {t("history.changed")}
                  {fields.map((f) => fieldLabelOf(f, i18n)).join(i18n.locale === "zh-CN" ? "、" : ", ")}
                </div>
              )}
            </>
          ),
        };
      })}
    />
  );
}
