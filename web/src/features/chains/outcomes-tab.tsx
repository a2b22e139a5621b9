// Recorded match outcomes: every supplier → buyer pair someone has followed up, how far it got, and the project a
// deal became. The register's own list (filters, sort, pages) through the shared remote table.
import { useId } from "react";
import type { ChainMatchRecord } from "../../../../contracts/chains.ts";
import { RegionName, useRegions } from "../../app/regions.tsx";
import { Link } from "../../app/router.tsx";
import { IllustrativeTag } from "../../components/illustrative-tag.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { RemoteTable, type RemoteColumn } from "../../components/remote-table.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { chainPaths, outcomeSteps } from "./chain-api.ts";
import { useChainWords } from "./chain-words.ts";
import { slot, withPair } from "./outcome-control.tsx";
import { OutcomeTag } from "./status-tag.tsx";

type Side = ChainMatchRecord["supplier"];

function SideCell({ side }: { side: Side }) {
  return (
    <span>
      <Link to={recordPath.enterprise(side.id)}>
        <Localized zh={side.nameZh} en={side.nameEn} />
      </Link>{" "}
      (<RegionName code={side.regionCode} link={false} />)
    </span>
  );
}

function OpenMatch({ match }: { match: ChainMatchRecord }) {
  const { t } = useI18n();
  const id = useId();
  const pair = (
    <>
      <Localized zh={match.supplier.nameZh} en={match.supplier.nameEn} /> →{" "}
      <Localized zh={match.customer.nameZh} en={match.customer.nameEn} />
    </>
  );
  return (
    <>
      <span id={id} className="chain-sr-only">
        {withPair(t("chains.openMatchOf", { pair: slot }), pair)}
      </span>
      <Link to={`/chains/matches/${match.id}`} aria-labelledby={id}>
        {t("chains.openMatch")}
      </Link>
    </>
  );
}

export function OutcomesTab({ pair }: { pair: readonly string[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const words = useChainWords();
  const { byCode } = useRegions();
  const columns: RemoteColumn<ChainMatchRecord>[] = [
    { key: "supplier", title: t("chains.supplier"), render: (_, m) => <SideCell side={m.supplier} /> },
    { key: "customer", title: t("chains.buyer"), render: (_, m) => <SideCell side={m.customer} /> },
    {
      key: "status",
      title: t("chains.outcome"),
      sortKey: "status",
      render: (_, m) => <OutcomeTag status={m.status} />,
    },
    {
      key: "score",
      title: t("chains.score"),
      sortKey: "score",
      align: "right",
      render: (_, m) =>
        m.suggestion ? i18n.number(m.suggestion.score) : <span className="empty-value">—</span>,
    },
    {
      key: "project",
      title: t("chains.project"),
      render: (_, m) =>
        m.projectId ? (
          <Link to={recordPath.project(m.projectId)}>{t("chains.openProject")}</Link>
        ) : (
          <span className="empty-value">—</span>
        ),
    },
    {
      key: "updatedAt",
      title: t("chains.updatedAt"),
      sortKey: "updatedAt",
      render: (_, m) => i18n.dateTime(m.updatedAt),
    },
    {
      key: "illustrative",
      title: t("field.illustrative"),
      render: (_, m) => <IllustrativeTag show={m.illustrative} />,
    },
    { key: "open", title: t("common.actions"), render: (_, m) => <OpenMatch match={m} /> },
  ];
  const countyOptions = pair.map((code) => ({
    value: code,
    label: byCode.get(code) ? words.countyName(code) : code,
  }));
  return (
    <RemoteTable<ChainMatchRecord>
      endpoint={chainPaths.outcomes}
      label={t("chains.recordedMatches")}
      columns={columns}
      rowKey={(m) => m.id}
      prefix="m."
      exportable={false}
      filters={[
        {
          key: "status",
          label: t("chains.outcome"),
          kind: "select",
          options: outcomeSteps.map((s) => ({ value: s, label: words.outcome(s) })),
        },
        { key: "regionCode", label: t("chains.county"), kind: "select", options: countyOptions },
      ]}
    />
  );
}
