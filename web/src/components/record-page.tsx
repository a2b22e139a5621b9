// The pages of one record, for every register. A new record: the form, then the saved record's page. An existing
// one: loading and error states, the edit mode behind an Edit button for those who may change it, and a history
// that follows each change.
import { EditOutlined } from "@ant-design/icons";
import { App, Button, Card, Spin } from "antd";
import { useState, type ComponentType, type ReactNode } from "react";
import { useApi } from "../api/use-api.ts";
import { navigate } from "../app/router.tsx";
import { useCan } from "../app/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorAlert } from "./api-error.tsx";
import { HistoryTimeline } from "./history-timeline.tsx";
import { PageHeader } from "./page-header.tsx";

/**
 * What a register's form takes from the page around it. `onReload` reads the record again (after a save refused
 * because someone else changed it meanwhile); the form then shows the record as it now stands.
 */
export type FormPlacement<Saved> = {
  onSaved: (saved: Saved) => void;
  onCancel: () => void;
  onReload?: () => void;
};

export function NewRecordPage<Saved extends { id: string }>({
  title,
  list,
  pathOf,
  form: RecordForm,
}: {
  title: string;
  /** The register's list, for the way back. */
  list: { to: string; label: string };
  pathOf: (id: string) => string;
  form: ComponentType<FormPlacement<Saved>>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <>
      <PageHeader title={title} crumbs={[list]} />
      <Card>
        <RecordForm
          onSaved={(saved) => {
            void message.success(t("record.created"));
            navigate(pathOf(saved.id));
          }}
          onCancel={() => navigate(list.to)}
        />
      </Card>
    </>
  );
}

export type RecordPageState<T> = {
  /** The record, once read (and not while its reading failed). */
  record: T | undefined;
  /** What the page shows until then: a spinner or the error. */
  placeholder: ReactNode;
  editing: boolean;
  /** The Edit button, for the page header; none while editing or for those who may not change the record. */
  editButton: ReactNode;
  stopEditing: () => void;
  /** What the record's form takes from the page: saved, cancelled, read again. */
  placement: Required<FormPlacement<unknown>>;
  /** After a save: back to reading, the record and its history read again. */
  saved: () => void;
  /** After another change (a document, a progress report): the record and its history read again. */
  changed: () => void;
  historyKey: number;
};

export function useRecordPage<T>(endpoint: string, updatePermission: string): RecordPageState<T> {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<T>(endpoint);
  const allowed = useCan(updatePermission);
  const [editing, setEditing] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const changed = () => {
    reload();
    setHistoryKey((k) => k + 1);
  };
  const stopEditing = () => setEditing(false);
  const saved = () => {
    void message.success(t("record.saved"));
    setEditing(false);
    changed();
  };
  return {
    record: error ? undefined : data,
    placeholder:
      loading && !data ? (
        <Spin size="large" className="page-spin" aria-label={t("common.loading")} />
      ) : (
        <ErrorAlert error={error} />
      ),
    editing,
    editButton:
      allowed && !editing ? (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t("common.edit")}
        </Button>
      ) : undefined,
    stopEditing,
    saved,
    changed,
    placement: { onSaved: saved, onCancel: stopEditing, onReload: changed },
    historyKey,
  };
}

/** The record's changes as a timeline; a new `historyKey` reads them again. */
export function HistoryCard({
  endpoint,
  historyKey = 0,
  className,
}: {
  endpoint: string;
  historyKey?: number;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <Card title={t("history.title")} className={className}>
      <HistoryTimeline key={historyKey} endpoint={endpoint} />
    </Card>
  );
}
