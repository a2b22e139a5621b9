// The place kept for settlements and the industry chain: the menu shows it only when the server offers the API,
// and the page lists what the API offers until the console's own pages for it are built.
import { Card, List, Result } from "antd";
import { useCapabilities } from "../../app/capabilities.tsx";
import { useLocation } from "../../app/router.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export function PendingApiPage() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const capabilities = useCapabilities();
  const settlements = pathname.startsWith("/settlements");
  // Every endpoint of the feature, including those under an agreement (/api/v1/agreements/{id}/settlements).
  const family = settlements
    ? /\/(settlements?|sharing|sharing-terms|ledger|scenarios)(\/|$)/
    : /\/(chains?|industry-chains)(\/|$)/;
  const paths = capabilities.paths.filter((p) => family.test(p));
  const title = t(settlements ? "menu.settlements" : "menu.chains");
  return (
    <>
      <PageHeader title={title} />
      <Result
        status="info"
        title={t("pending.title", { feature: title })}
        subTitle={t("pending.text")}
        extra={<a href="/docs">{t("app.apiDocs")}</a>}
      />
      <Card title={t("pending.endpoints")}>
        <List
          size="small"
          dataSource={paths}
          renderItem={(p) => (
            <List.Item>
              <code>{p}</code>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
