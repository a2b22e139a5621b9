// Confirming a run, each county for itself: who confirmed for each party and when, and a button for each party
// the signed-in user may confirm for (the server decides; a county official sees only its own county's). The
// last confirmation locks the run and posts it to the ledger.
import { CheckCircleTwoTone, ClockCircleOutlined, LockOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Popconfirm } from "antd";
import { useState } from "react";
import type { SettlementRun } from "../../../../contracts/sharing.ts";
import { api } from "../../api/client.ts";
import { DataText } from "../../components/localized-text.tsx";
import { useI18n, type MessageKey } from "../../i18n/i18n.tsx";
import { useConfirmScope } from "./confirm-scope.ts";
import { PartyName, usePartyText } from "./party-name.tsx";
import { SettlementError } from "./settlement-error.tsx";

export function Confirmations({ run, onChanged }: { run: SettlementRun; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { mayConfirm } = useConfirmScope();
  const partyText = usePartyText();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();

  const confirm = (party: string) => {
    setBusy(party);
    setError(undefined);
    api<SettlementRun>(`/api/v1/settlements/${run.id}/confirm`, { method: "POST", body: { party } })
      .then(
        (next) => {
          void message.success(
            t(next.status === "locked" ? "settlements.lockedNow" : "settlements.confirmedNow"),
          );
          onChanged();
        },
        (e: unknown) => setError(e),
      )
      .finally(() => setBusy(undefined));
  };

  const roleText = (role: string) => {
    const key = `role.${role}`;
    return i18n.has(key) ? t(key as MessageKey) : role;
  };

  return (
    <Card title={t("settlements.confirmations")} className="settlement-confirmations">
      {run.status === "locked" && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          title={t("settlements.lockedOn", { when: i18n.dateTime(run.lockedAt) })}
        />
      )}
      {run.status === "draft" && <Alert type="info" showIcon title={t("settlements.draftHint")} />}
      <ul className="confirmation-list section-gap">
        {run.parties.map((p) => {
          const c = p.confirmation;
          const offered = run.status === "draft" && !c && mayConfirm(p.code);
          return (
            <li key={p.code} className="confirmation-item">
              <Flex justify="space-between" align="center" wrap gap="small">
                <span>
                  {c ? (
                    <CheckCircleTwoTone twoToneColor="#52c41a" aria-hidden />
                  ) : (
                    <ClockCircleOutlined aria-hidden />
                  )}{" "}
                  <strong>
                    <PartyName code={p.code} name={p.name} />
                  </strong>
                  {"："}
                  {c ? (
                    <>
                      {t("settlements.confirmedOn", { when: i18n.dateTime(c.confirmedAt) })} ·{" "}
                      <DataText text={c.actorName} />
                      {` (${roleText(c.actorRole)})`}
                    </>
                  ) : (
                    t("settlements.pending")
                  )}
                </span>
                {offered && (
                  <Popconfirm
                    title={t("settlements.confirmAsk", {
                      party: partyText(p.code, p.name),
                      period: run.period.label,
                    })}
                    description={t("settlements.confirmWarning")}
                    okText={t("settlements.confirmOk")}
                    cancelText={t("common.cancel")}
                    onConfirm={() => confirm(p.code)}
                  >
                    <Button
                      type="primary"
                      loading={busy === p.code}
                      disabled={busy !== undefined && busy !== p.code}
                    >
                      {t("settlements.confirmFor", { party: partyText(p.code, p.name) })}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            </li>
          );
        })}
      </ul>
      {error !== undefined && <SettlementError error={error} />}
    </Card>
  );
}
