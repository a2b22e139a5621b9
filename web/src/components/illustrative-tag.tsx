// The mark on anything invented for the demo or computed from invented data.
import { Tag, Tooltip } from "antd";
import { useI18n } from "../i18n/i18n.tsx";

export function IllustrativeTag({ show = true, computed = false }: { show?: boolean; computed?: boolean }) {
  const { t } = useI18n();
  if (!show) return null;
  return (
    <Tooltip title={t(computed ? "illustrative.computedHint" : "illustrative.hint")}>
      <Tag color="orange" className="illustrative-tag" tabIndex={0}>
        {t(computed ? "illustrative.computed" : "illustrative.tag")}
      </Tag>
    </Tooltip>
  );
}
