// Measures of cooperation activities ("12 doctors dispatched"), labelled from the server's catalogue in the
// console's language, money in the locale's units, quantities with their unit.
import type { ActivityMeasure, MeasureCatalogue } from "../../../../contracts/cooperation.ts";
import { useApi } from "../../api/use-api.ts";
import { DataText } from "../../components/localized-text.tsx";
import { groupDecimal } from "../../format/decimal.ts";
import { useI18n, type I18n, type MessageKey } from "../../i18n/i18n.tsx";

export type MeasureLabels = ReadonlyMap<string, { zh: string; en: string }>;

export function useMeasureLabels(): MeasureLabels {
  const { data } = useApi<MeasureCatalogue>("/api/v1/cooperation-measures");
  const labels = new Map<string, { zh: string; en: string }>();
  for (const domain of data ?? [])
    for (const m of domain.measures) labels.set(m.measure, { zh: m.labelZh, en: m.labelEn });
  return labels;
}

export function measureValue(value: string, unit: string, i18n: I18n): string {
  if (unit === "fen") return /^\d+$/.test(value) ? i18n.money(value) : value;
  const key = `unit.${unit}`;
  const unitText = i18n.has(key) ? i18n.t(key as MessageKey) : unit;
  return i18n.t("unit.quantity", { value: groupDecimal(value), unit: unitText });
}

export function MeasureLabel({
  measure,
  labels,
  zh,
  en,
}: {
  measure: string;
  labels?: MeasureLabels;
  zh?: string | null;
  en?: string | null;
}) {
  const { locale } = useI18n();
  const known = labels?.get(measure);
  const text = locale === "zh-CN" ? (zh ?? known?.zh) : (en ?? known?.en);
  return <DataText text={text ?? measure} />;
}

export function MeasureList({ measures, labels }: { measures: ActivityMeasure[]; labels: MeasureLabels }) {
  const i18n = useI18n();
  if (measures.length === 0) return <>—</>;
  return (
    <ul className="measure-list">
      {measures.map((m) => (
        <li key={m.measure}>
          <MeasureLabel measure={m.measure} labels={labels} />
          {i18n.locale === "zh-CN" ? "：" : ": "}
          {measureValue(m.value, m.unit, i18n)}
        </li>
      ))}
    </ul>
  );
}
