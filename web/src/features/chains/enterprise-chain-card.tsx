// The enterprise page's industry-chain section: where the enterprise sits on the chains (its links and their
// review status), what it needs from upstream, and its best suppliers and customers in the partner county.
import { Card, Descriptions, Flex, List, Tag, Typography } from "antd";
import type { EnterpriseChainLinks, EnterpriseMatches } from "../../../../contracts/chains.ts";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Pairing } from "../../../../contracts/regions.ts";
import type { Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { useCapabilities } from "../../app/capabilities.tsx";
import { RegionName } from "../../app/regions.tsx";
import { Link } from "../../app/router.tsx";
import { useCan } from "../../app/session.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { Localized } from "../../components/localized-text.tsx";
import { recordPath } from "../../components/record-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { chainPaths, nodeName, type MatchRole } from "./chain-api.ts";
import { useChainWords } from "./chain-words.ts";

const shown = 3;
const linkColour: Record<string, string> = { derived: "default", confirmed: "success", rejected: "error" };

/** Shown only where the server offers the chain API and the user may read the enterprise's links. */
export function EnterpriseChainCard({ enterprise }: { enterprise: Enterprise }) {
  const { chains } = useCapabilities();
  const mayRead = useCan("chain_link.read");
  if (!chains || !mayRead || enterprise.archivedAt !== null) return null;
  return <ChainCard enterprise={enterprise} />;
}

function ChainCard({ enterprise }: { enterprise: Enterprise }) {
  const { t, locale } = useI18n();
  const words = useChainWords();
  const mayMatch = useCan("chain_match.read");
  const links = useApi<EnterpriseChainLinks>(chainPaths.links(enterprise.id));
  const pairings = useApi<Page<Pairing>>(mayMatch ? "/api/v1/pairings?pageSize=100" : null);
  // Matching needs a partner county: ask only when the enterprise's county is paired.
  const paired = (pairings.data?.items ?? []).some(
    (p) => p.members.length === 2 && p.members.some((m) => m.regionCode === enterprise.homeRegionCode),
  );
  const produces = links.data?.produces ?? [];
  const needs = links.data?.needs ?? [];
  return (
    <Card title={t("chains.enterpriseCard")} className="section-gap">
      {links.error && <ErrorAlert error={links.error} />}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: "produces",
            label: t("chains.produces"),
            children: produces.length ? (
              <Flex wrap gap={4}>
                {produces.map((l) => (
                  <Tag key={l.nodeId} color={linkColour[l.status]}>
                    {nodeName(
                      l.nameZh === null ? undefined : { nameZh: l.nameZh, nameEn: l.nameEn ?? l.nameZh },
                      locale,
                      l.nodeId,
                    )}
                    {" · "}
                    {words.linkStatus(l.status)}
                  </Tag>
                ))}
              </Flex>
            ) : (
              t("chains.noLinks")
            ),
          },
          {
            key: "needs",
            label: t("chains.needs"),
            children: needs.length ? (
              <Flex wrap gap={4}>
                {needs.map((n) => (
                  <Tag key={n.nodeId}>{nodeName(n, locale)}</Tag>
                ))}
              </Flex>
            ) : (
              t("common.none")
            ),
          },
        ]}
      />
      {paired && (
        <Flex gap="large" wrap className="section-gap">
          {(["suppliers", "customers"] as const).map((role) => (
            <TopMatches key={role} enterpriseId={enterprise.id} role={role} />
          ))}
        </Flex>
      )}
      <Link to={`/chains?tab=matches&enterprise=${enterprise.id}`}>{t("chains.allMatches")}</Link>
    </Card>
  );
}

function TopMatches({ enterpriseId, role }: { enterpriseId: string; role: MatchRole }) {
  const i18n = useI18n();
  const { t } = i18n;
  const matches = useApi<EnterpriseMatches>(chainPaths.enterpriseMatches(enterpriseId, role, shown));
  const partner = matches.data?.pair[1];
  return (
    <section
      style={{ minWidth: 280, flex: 1 }}
      aria-label={t(role === "suppliers" ? "chains.topSuppliers" : "chains.topCustomers")}
    >
      <Typography.Text strong>
        {t(role === "suppliers" ? "chains.topSuppliers" : "chains.topCustomers")}
        {partner && (
          <>
            {" · "}
            <RegionName code={partner} link={false} />
          </>
        )}
      </Typography.Text>
      {matches.error && <ErrorAlert error={matches.error} />}
      <List
        size="small"
        loading={matches.loading}
        dataSource={matches.data?.items ?? []}
        locale={{ emptyText: t("chains.noMatches") }}
        renderItem={(m) => (
          <List.Item
            extra={
              <span className="chain-score">{t("chains.scoreOf", { score: i18n.number(m.score) })}</span>
            }
          >
            <Link to={recordPath.enterprise(m.partnerId)}>
              <Localized zh={m.partnerNameZh} en={m.partnerNameEn} />
            </Link>
          </List.Item>
        )}
      />
    </section>
  );
}
