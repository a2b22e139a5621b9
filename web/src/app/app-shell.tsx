// The frame around every page: the menu (only what this user may use and this server offers), the language
// switch, the demo notice, sign-in when accounts exist, and the current page in a lazily loaded chunk.
import {
  AccountBookOutlined,
  ApartmentOutlined,
  BankOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  GlobalOutlined,
  LogoutOutlined,
  ProjectOutlined,
  TeamOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { Button, Flex, Layout, Menu, Result, Select, Spin, Tag, Typography } from "antd";
import { Component, Suspense, lazy, useEffect, useRef, type ErrorInfo, type ReactNode } from "react";
import { DemoBanner } from "../components/demo-banner.tsx";
import { DataText } from "../components/localized-text.tsx";
import { useI18n, type Locale, type MessageKey } from "../i18n/i18n.tsx";
import { canSee, type MenuKey } from "./access.ts";
import { useCapabilities } from "./capabilities.tsx";
import { RegionsProvider } from "./regions.tsx";
import { resolveRoute } from "./routes.tsx";
import { Link, navigate, useLocation } from "./router.tsx";
import { useAccess, useSession } from "./session.tsx";

const SignInPage = lazy(async () => ({
  default: (await import("../features/auth/sign-in.page.tsx")).SignInPage,
}));

type MenuEntry = { key: MenuKey; path: string; label: MessageKey; icon: ReactNode };

const menuEntries: MenuEntry[] = [
  { key: "overview", path: "/", label: "menu.overview", icon: <DashboardOutlined /> },
  { key: "agreements", path: "/agreements", label: "menu.agreements", icon: <FileTextOutlined /> },
  { key: "enclaves", path: "/enclaves", label: "menu.enclaves", icon: <EnvironmentOutlined /> },
  { key: "enterprises", path: "/enterprises", label: "menu.enterprises", icon: <BankOutlined /> },
  { key: "projects", path: "/projects", label: "menu.projects", icon: <ProjectOutlined /> },
  { key: "cooperation", path: "/cooperation", label: "menu.cooperation", icon: <TeamOutlined /> },
  { key: "imports", path: "/imports", label: "menu.imports", icon: <UploadOutlined /> },
  { key: "regions", path: "/regions", label: "menu.regions", icon: <GlobalOutlined /> },
  { key: "settlements", path: "/settlements", label: "menu.settlements", icon: <AccountBookOutlined /> },
  { key: "chains", path: "/chains", label: "menu.chains", icon: <ApartmentOutlined /> },
];

/** Shows a page's failure in place of the page, instead of a blank screen. */
class PageBoundary extends Component<
  { children: ReactNode; fallback: (error: Error) => ReactNode; resetKey: string },
  { error?: Error; key: string }
> {
  override state: { error?: Error; key: string } = { key: this.props.resetKey };
  static getDerivedStateFromProps(props: { resetKey: string }, state: { error?: Error; key: string }) {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn("page failed", error, info.componentStack);
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Flex align="center" gap={8}>
      <label htmlFor="language-switch" className="header-label">
        {t("header.language")}
      </label>
      <Select<Locale>
        id="language-switch"
        value={locale}
        onChange={setLocale}
        style={{ width: 120 }}
        options={[
          { value: "zh-CN", label: <span lang="zh-CN">中文</span> },
          { value: "en-US", label: <span lang="en-US">English</span> },
        ]}
      />
    </Flex>
  );
}

export function AppShell() {
  const i18n = useI18n();
  const { t } = i18n;
  const capabilities = useCapabilities();
  const session = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  const access = useAccess();
  const offered = (key: MenuKey) =>
    key === "settlements"
      ? Boolean(capabilities.settlements)
      : key === "chains"
        ? Boolean(capabilities.chains)
        : true;
  const visible = menuEntries.filter((e) => offered(e.key) && canSee(e.key, access));
  const resolved = resolveRoute(location.pathname);
  const routeAllowed = resolved && offered(resolved.route.menu) && canSee(resolved.route.menu, access);
  const current = resolved?.route.menu;

  useEffect(() => {
    const entry = menuEntries.find((e) => e.key === current);
    document.title = `${entry ? `${t(entry.label)} · ` : ""}${t("app.title")}`;
  }, [current, t]);

  // Moving to another page puts keyboard focus at the start of its content, as a full page load would.
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = "";
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const signedOut = session.status === "signed-out";
  const waiting = session.status === "loading";

  let content: ReactNode;
  if (waiting) content = <Spin size="large" className="page-spin" aria-label={t("common.loading")} />;
  else if (signedOut) content = <SignInPage expired={session.expired ?? false} />;
  else if (!resolved || (!routeAllowed && capabilities.loaded))
    content = (
      <Result
        status="warning"
        title={t("notFound.title")}
        subTitle={t("notFound.text")}
        extra={
          <Button type="primary" onClick={() => navigate("/")}>
            {t("notFound.back")}
          </Button>
        }
      />
    );
  else {
    const PageComponent = resolved.route.component;
    content = <PageComponent params={resolved.params} />;
  }

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      {!signedOut && !waiting && (
        <Layout.Sider width={212} breakpoint="lg" collapsedWidth={0} className="app-sider" theme="dark">
          <div className="app-brand">
            <Link to="/">{t("app.title")}</Link>
          </div>
          <nav aria-label={t("menu.label")}>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={current ? [current] : []}
              onClick={({ key }) => {
                const entry = menuEntries.find((e) => e.key === key);
                if (entry && location.pathname !== entry.path) navigate(entry.path);
              }}
              items={visible.map((e) => ({
                key: e.key,
                icon: e.icon,
                label: (
                  <Link to={e.path} tabIndex={-1}>
                    {t(e.label)}
                  </Link>
                ),
              }))}
            />
          </nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Text className="app-header-title">{t("app.subtitle")}</Typography.Text>
          <Flex align="center" gap="middle">
            <LanguageSwitch />
            {session.status === "signed-in" && (
              <>
                <span className="header-user">
                  <DataText text={session.user.name} />
                  {session.user.roles.map((r) => (
                    <Tag key={r}>
                      {i18n.has(`role.${r}`) ? t(`role.${r}` as MessageKey) : <DataText text={r} />}
                    </Tag>
                  ))}
                </span>
                <Button icon={<LogoutOutlined />} onClick={() => void session.signOut()}>
                  {t("header.signOut")}
                </Button>
              </>
            )}
          </Flex>
        </Layout.Header>
        <DemoBanner demo={capabilities.demo} />
        <Layout.Content>
          <main id="main" ref={main} tabIndex={-1} className="app-main">
            <RegionsProvider enabled={!signedOut && !waiting}>
              <PageBoundary
                resetKey={location.pathname}
                fallback={(error) => (
                  <Result
                    status="error"
                    title={t("error.pageFailed")}
                    subTitle={<DataText text={error.message} />}
                  />
                )}
              >
                <Suspense
                  fallback={<Spin size="large" className="page-spin" aria-label={t("common.loading")} />}
                >
                  {content}
                </Suspense>
              </PageBoundary>
            </RegionsProvider>
          </main>
        </Layout.Content>
        <Layout.Footer className="app-footer">
          {t("app.footer")} · <a href="/docs">{t("app.apiDocs")}</a>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
