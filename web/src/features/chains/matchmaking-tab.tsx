// Matchmaking: for a chosen enterprise, its ranked suppliers or customers in the partner county with score and
// reasons; and the strongest cross-county matches of the pair. Outcomes are recorded from either list.
import { Alert, Card, Flex, Form, Segmented, Tag, Typography } from "antd";
import type { EnterpriseChainLinks, EnterpriseMatches, PairMatches } from "../../../../contracts/chains.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Pairing } from "../../../../contracts/regions.ts";
import { useApi } from "../../api/use-api.ts";
import { useSearchParams } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { chainPaths, nodeName, type ChainNode, type MatchRole } from "./chain-api.ts";
import { useChainWords } from "./chain-words.ts";
import { EnterprisePicker } from "./enterprise-picker.tsx";
import { enterpriseRows, MatchTable, pairRows } from "./match-table.tsx";

const listLength = 10;
const pairListLength = 20;

type Props = {
  nodes: ReadonlyMap<string, ChainNode>;
  pairings: readonly Pairing[];
  pairingId: string | undefined;
};

export function MatchmakingTab({ nodes, pairings, pairingId }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const enterpriseId = search.get("enterprise") ?? undefined;
  const role: MatchRole = search.get("role") === "customers" ? "customers" : "suppliers";
  const mayAnalyse = useCan("chain_analysis.read");
  return (
    <Flex vertical gap="middle">
      <Card title={t("chains.enterpriseMatches")}>
        <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()} className="chain-match-form">
          <Form.Item label={t("chains.enterprise")} htmlFor="chain-enterprise-picker">
            <EnterprisePicker
              id="chain-enterprise-picker"
              value={enterpriseId}
              onChange={(id) => setSearch({ enterprise: id })}
            />
          </Form.Item>
          <Form.Item label={t("chains.lookFor")}>
            <Segmented<MatchRole>
              aria-label={t("chains.lookFor")}
              value={role}
              onChange={(r) => setSearch({ role: r === "suppliers" ? undefined : r })}
              options={[
                { value: "suppliers", label: t("chains.role.suppliers") },
                { value: "customers", label: t("chains.role.customers") },
              ]}
            />
          </Form.Item>
        </Form>
        {enterpriseId ? (
          <EnterpriseMatchList
            key={`${enterpriseId}-${role}`}
            enterpriseId={enterpriseId}
            role={role}
            nodes={nodes}
            pairings={pairings}
          />
        ) : (
          <Typography.Paragraph type="secondary" className="section-gap">
            {t("chains.pickEnterpriseHint")}
          </Typography.Paragraph>
        )}
      </Card>
      {mayAnalyse && <PairMatchList nodes={nodes} pairingId={pairingId} />}
    </Flex>
  );
}

function EnterpriseMatchList({
  enterpriseId,
  role,
  nodes,
  pairings,
}: {
  enterpriseId: string;
  role: MatchRole;
  nodes: ReadonlyMap<string, ChainNode>;
  pairings: readonly Pairing[];
}) {
  const { t, locale } = useI18n();
  const words = useChainWords();
  const enterprise = useApi<Enterprise>(`/api/v1/enterprises/${encodeURIComponent(enterpriseId)}`);
  const e = enterprise.data;
  // Matching needs a partner county: ask only for an enterprise whose county is paired.
  const paired = e ? pairings.some((p) => p.members.some((m) => m.regionCode === e.homeRegionCode)) : false;
  const live = e && paired && e.archivedAt === null;
  const matches = useApi<EnterpriseMatches>(
    live ? chainPaths.enterpriseMatches(enterpriseId, role, listLength) : null,
  );
  const links = useApi<EnterpriseChainLinks>(live ? chainPaths.links(enterpriseId) : null);
  if (enterprise.error) return <ErrorAlert error={enterprise.error} />;
  if (!e) return null;
  if (!live)
    return (
      <Alert
        className="section-gap"
        type="info"
        showIcon
        title={t(e.archivedAt ? "chains.archived" : "chains.notPaired")}
      />
    );
  const partner =
    matches.data?.pair[1] ??
    pairings
      .find((p) => p.members.some((m) => m.regionCode === e.homeRegionCode))
      ?.members.find((m) => m.regionCode !== e.homeRegionCode)?.regionCode;
  const self = { id: e.id, nameZh: e.nameZh, nameEn: e.nameEn, regionCode: e.homeRegionCode };
  const produces = (links.data?.produces ?? []).filter((l) => l.inForce);
  return (
    <Flex vertical gap="small" className="section-gap">
      <Typography.Title level={3} className="chain-list-title">
        {t(role === "suppliers" ? "chains.suppliersIn" : "chains.customersIn", {
          county: partner ? words.countyName(partner) : "…",
          count: listLength,
        })}
      </Typography.Title>
      <Typography.Text>
        <Localized zh={e.nameZh} en={e.nameEn} /> · {words.countyName(e.homeRegionCode)} ·{" "}
        {t("chains.produces")}{" "}
        {produces.length
          ? produces.map((l) => <Tag key={l.nodeId}>{nodeName(nodes.get(l.nodeId), locale, l.nodeId)}</Tag>)
          : t("common.none")}
      </Typography.Text>
      {matches.error && <ErrorAlert error={matches.error} />}
      <MatchTable
        rows={matches.data ? enterpriseRows(matches.data.items, role, self) : []}
        show={role === "suppliers" ? "supplier" : "buyer"}
        nodes={nodes}
        label={t(role === "suppliers" ? "chains.suppliersIn" : "chains.customersIn", {
          county: partner ? words.countyName(partner) : "…",
          count: listLength,
        })}
        loading={matches.loading}
        onRecorded={matches.reload}
      />
    </Flex>
  );
}

function PairMatchList({
  nodes,
  pairingId,
}: {
  nodes: ReadonlyMap<string, ChainNode>;
  pairingId: string | undefined;
}) {
  const { t } = useI18n();
  const matches = useApi<PairMatches>(chainPaths.pairMatches({ pairingId, limit: pairListLength }));
  return (
    <Card title={t("chains.strongestMatches", { count: pairListLength })}>
      <Typography.Paragraph type="secondary">{t("chains.strongestHint")}</Typography.Paragraph>
      {matches.error && <ErrorAlert error={matches.error} />}
      <MatchTable
        rows={matches.data ? pairRows(matches.data.items) : []}
        show="both"
        nodes={nodes}
        label={t("chains.strongestMatches", { count: pairListLength })}
        loading={matches.loading}
        onRecorded={matches.reload}
      />
    </Card>
  );
}
