// The console's entry: Ant Design in the chosen language, the server's capabilities, sign-in, and the shell.
import { App as AntApp, ConfigProvider } from "antd";
import enUSAntd from "antd/locale/en_US";
import zhCNAntd from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { AppShell } from "./app/app-shell.tsx";
import { CapabilitiesProvider } from "./app/capabilities.tsx";
import { SessionProvider } from "./app/session.tsx";
import { I18nProvider, useI18n } from "./i18n/i18n.tsx";
import "./styles.css";

function Localised({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  // dayjs's locale is global; set before the date pickers below render.
  dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
  return (
    <ConfigProvider
      locale={locale === "zh-CN" ? zhCNAntd : enUSAntd}
      theme={{ token: { colorPrimary: "#1668dc", borderRadius: 6 } }}
      // "保存", not "保 存": the label reads as written, for people and screen readers alike.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Localised>
        <CapabilitiesProvider>
          <SessionProvider>
            <AppShell />
          </SessionProvider>
        </CapabilitiesProvider>
      </Localised>
    </I18nProvider>
  </StrictMode>,
);
