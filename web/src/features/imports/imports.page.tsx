// Importing enterprises from a spreadsheet (XLSX or CSV): choose how bad rows are treated, upload with a
// progress bar, and see every bad row and column with the reason — or what was created and updated.
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Flex, Progress, Radio, Table, Typography, Upload } from "antd";
import { useState } from "react";
import type { ImportMode, ImportOutcome, ImportProblem } from "../../../../contracts/enterprises.ts";
import { ApiError, upload } from "../../api/client.ts";
import { errorTitle, ErrorAlert, serverMessage } from "../../components/api-error.tsx";
import { DataText } from "../../components/localized-text.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { enumLabel, importModes } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";

type Finished =
  | { kind: "done"; fileName: string; outcome: ImportOutcome }
  | { kind: "rejected"; fileName: string; error: ApiError }
  | { kind: "failed"; fileName: string; error: unknown };

/** Rows and columns with their reasons: the problems (`import-problems`) or, imported all the same, the warnings. */
function ProblemTable({
  problems,
  className = "import-problems",
}: {
  problems: ImportProblem[];
  className?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Table<ImportProblem>
      className={className}
      rowKey={(p) => `${p.row}|${p.column}|${p.message}`}
      size="small"
      dataSource={problems}
      pagination={{ pageSize: 20, showTotal: (total) => t("table.total", { total: i18n.number(total) }) }}
      columns={[
        {
          key: "row",
          title: t("import.row"),
          dataIndex: "row",
          sorter: (a, b) => a.row - b.row,
          render: (row: number) => (row === 0 ? t("import.wholeFile") : i18n.number(row)),
        },
        { key: "column", title: t("import.column"), render: (_, p) => <DataText text={p.column} /> },
        {
          key: "value",
          title: t("import.value"),
          render: (_, p) =>
            p.value === null || p.value === "" ? (
              <span className="empty-value">{t("import.empty")}</span>
            ) : (
              <code>{String(p.value)}</code>
            ),
        },
        { key: "message", title: t("import.reason"), render: (_, p) => serverMessage(p.message, i18n) },
      ]}
    />
  );
}

export function ImportsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [mode, setMode] = useState<ImportMode>("all_or_nothing");
  const [progress, setProgress] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [finished, setFinished] = useState<Finished>();
  const lang = i18n.locale === "zh-CN" ? "zh" : "en";

  const send = (file: File) => {
    setBusy(true);
    setFinished(undefined);
    setProgress(0);
    upload<ImportOutcome>(`/api/v1/enterprises/import?mode=${mode}`, file, setProgress)
      .then(
        (outcome) => setFinished({ kind: "done", fileName: file.name, outcome }),
        (error: unknown) =>
          setFinished(
            error instanceof ApiError && error.details.some((d) => d.row !== undefined)
              ? { kind: "rejected", fileName: file.name, error }
              : { kind: "failed", fileName: file.name, error },
          ),
      )
      .finally(() => setBusy(false));
  };

  return (
    <>
      <PageHeader title={t("import.title")} />
      <Card title={t("import.enterprises")}>
        <Typography.Paragraph>{t("import.intro")}</Typography.Paragraph>
        <Flex gap="small" wrap className="section-gap">
          <Button
            icon={<DownloadOutlined />}
            href={`/api/v1/enterprises/import/template?format=xlsx&lang=${lang}`}
            download
          >
            {t("import.templateXlsx")}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={`/api/v1/enterprises/import/template?format=csv&lang=${lang}`}
            download
          >
            {t("import.templateCsv")}
          </Button>
        </Flex>
        <fieldset className="section-gap import-mode">
          <legend>{t("import.mode")}</legend>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value as ImportMode)}
            options={importModes.map((m) => ({ value: m, label: enumLabel("importMode", m, t) }))}
          />
        </fieldset>
        <div className="section-gap">
          <Upload.Dragger
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            customRequest={({ file }) => send(file as File)}
            aria-label={t("import.drop")}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("import.drop")}</p>
            <p className="ant-upload-hint">{t("import.dropHint")}</p>
          </Upload.Dragger>
        </div>
        {progress !== undefined && (
          <div className="upload-progress">
            <Progress
              percent={Math.round(progress * 100)}
              status={
                busy ? "active" : finished?.kind === "done" ? "success" : finished ? "exception" : "normal"
              }
              aria-label={t("import.progress")}
            />
            {busy && progress >= 1 && (
              <Typography.Text type="secondary">{t("import.checking")}</Typography.Text>
            )}
          </div>
        )}
      </Card>
      {finished?.kind === "done" && (
        <Card className="section-gap" title={t("import.resultOf", { file: finished.fileName })}>
          <Alert
            type={finished.outcome.rejected > 0 ? "warning" : "success"}
            showIcon
            title={
              finished.outcome.rejected > 0
                ? t("import.partly", { rejected: finished.outcome.rejected })
                : t("import.allGood")
            }
          />
          <Descriptions
            className="section-gap"
            size="small"
            column={{ xs: 2, md: 5 }}
            items={[
              { key: "rows", label: t("import.rows"), children: i18n.number(finished.outcome.rows) },
              { key: "created", label: t("import.created"), children: i18n.number(finished.outcome.created) },
              { key: "updated", label: t("import.updated"), children: i18n.number(finished.outcome.updated) },
              {
                key: "unchanged",
                label: t("import.unchanged"),
                children: i18n.number(finished.outcome.unchanged),
              },
              {
                key: "rejected",
                label: t("import.rejected"),
                children: i18n.number(finished.outcome.rejected),
              },
            ]}
          />
          {finished.outcome.problems.length > 0 && <ProblemTable problems={finished.outcome.problems} />}
          {finished.outcome.warnings.length > 0 && (
            <div className="section-gap import-warnings">
              <Alert
                type="warning"
                showIcon
                title={t("import.warnings", { count: finished.outcome.warnings.length })}
              />
              <ProblemTable problems={finished.outcome.warnings} className="import-warning-rows" />
            </div>
          )}
        </Card>
      )}
      {finished?.kind === "rejected" && (
        <Card className="section-gap" title={t("import.resultOf", { file: finished.fileName })}>
          <Alert
            type="error"
            role="alert"
            showIcon
            title={errorTitle(finished.error, i18n)}
            description={t("import.nothingWritten", { count: finished.error.details.length })}
          />
          <div className="section-gap">
            <ProblemTable
              problems={finished.error.details.map((d) => ({
                row: d.row ?? 0,
                column: d.column ?? d.field ?? "",
                value: (d.value ?? null) as ImportProblem["value"],
                message: d.message,
              }))}
            />
          </div>
        </Card>
      )}
      {finished?.kind === "failed" && (
        <div className="section-gap">
          <ErrorAlert error={finished.error} />
        </div>
      )}
    </>
  );
}
