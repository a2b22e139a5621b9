// Every page of a demo instance says so.
import { Alert } from "antd";
import { useI18n } from "../i18n/i18n.tsx";

export function DemoBanner({ demo }: { demo: boolean }) {
  const { t } = useI18n();
  if (!demo) return null;
  return (
    <Alert
      className="demo-banner"
      type="warning"
      banner
      showIcon
      title={t("demo.banner")}
      role="note"
      aria-label={t("demo.label")}
    />
  );
}
