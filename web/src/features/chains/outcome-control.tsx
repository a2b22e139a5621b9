// A match's recorded outcome and the way to move it forward (suggested → contacted → agreed → deal), for those who
// may; a recorded match links to its own page, where a deal becomes a project.
import { App, Flex, Select } from "antd";
import { useId, useState, type ReactNode } from "react";
import { Link } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { errorTitle, serverMessage } from "../../components/api-error.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { nextSteps, recordOutcome, type MatchOutcomeStatus } from "./chain-api.ts";
import { useChainWords } from "./chain-words.ts";
import { OutcomeTag } from "./status-tag.tsx";

type Named = { nameZh: string; nameEn: string | null };

type Props = {
  supplierId: string;
  customerId: string;
  /** The two sides' names, for the controls' labels. */
  supplier: Named;
  customer: Named;
  outcome: { id: string; status: MatchOutcomeStatus } | null;
  /** Off on the match's own page. */
  linkToRecord?: boolean;
  onRecorded: () => void;
};

export const slot = "\u0000";

/**
 * A message with the pair's names in place of {pair}. The names are data, each marked with its language, so a
 * label is built from elements (aria-labelledby) rather than one string (aria-label) that cannot carry lang.
 */
export function withPair(message: string, pair: ReactNode): ReactNode {
  const [before, after = ""] = message.split(slot);
  return (
    <>
      {before}
      {pair}
      {after}
    </>
  );
}

export function OutcomeControl({
  supplierId,
  customerId,
  supplier,
  customer,
  outcome,
  linkToRecord = true,
  onRecorded,
}: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const words = useChainWords();
  const { message, modal } = App.useApp();
  const mayCreate = useCan("chain_match.create");
  const mayUpdate = useCan("chain_match.update");
  const [saving, setSaving] = useState(false);
  const id = useId();
  const steps = nextSteps(outcome?.status);
  const allowed = outcome ? mayUpdate : mayCreate;
  const pair = (
    <>
      <Localized zh={supplier.nameZh} en={supplier.nameEn} /> →{" "}
      <Localized zh={customer.nameZh} en={customer.nameEn} />
    </>
  );

  const record = async (status: MatchOutcomeStatus) => {
    setSaving(true);
    try {
      await recordOutcome(supplierId, customerId, status);
      void message.success(t("chains.outcomeRecorded", { status: words.outcome(status) }));
      onRecorded();
    } catch (error) {
      void message.error(
        <span>
          {errorTitle(error, i18n)} {error instanceof Error && serverMessage(error.message, i18n)}
        </span>,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={4} align="flex-start">
      <span id={`${id}-record`} className="chain-sr-only">
        {withPair(t("chains.recordOutcomeOf", { pair: slot }), pair)}
      </span>
      {outcome ? (
        <Flex gap={4} align="center">
          <OutcomeTag status={outcome.status} />
          {linkToRecord && (
            <>
              <span id={`${id}-open`} className="chain-sr-only">
                {withPair(t("chains.openMatchOf", { pair: slot }), pair)}
              </span>
              <Link to={`/chains/matches/${outcome.id}`} aria-labelledby={`${id}-open`}>
                {t("chains.openMatch")}
              </Link>
            </>
          )}
        </Flex>
      ) : (
        <span className="empty-value">{t("chains.notRecorded")}</span>
      )}
      {allowed && steps.length > 0 && (
        <Select<MatchOutcomeStatus>
          size="small"
          value={null}
          loading={saving}
          disabled={saving}
          placeholder={t("chains.recordOutcome")}
          aria-labelledby={`${id}-record`}
          style={{ width: 170 }}
          options={steps.map((s) => ({ value: s, label: words.outcome(s) }))}
          // Outcomes never move back, so a step is confirmed before it is recorded.
          onChange={(status) =>
            void modal.confirm({
              title: withPair(
                t("chains.confirmOutcome", { status: words.outcome(status), pair: slot }),
                pair,
              ),
              content: t("chains.confirmOutcomeText"),
              okText: t("chains.recordOutcome"),
              cancelText: t("common.cancel"),
              onOk: () => record(status),
            })
          }
          popupMatchSelectWidth={false}
        />
      )}
    </Flex>
  );
}
