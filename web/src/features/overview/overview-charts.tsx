// The overview's charts (one lazily loaded chunk): the common-prosperity gap, the project pipeline as a funnel,
// and cooperation activities by domain. Every mark links to the records behind it.
import { BarChart, FunnelChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { navigate } from "../../app/router.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { EChart } from "./echart.tsx";

echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

const palette = ["#1668dc", "#389e0d", "#d46b08", "#722ed1", "#08979c", "#c41d7f"];

export type GapPoint = {
  year: number;
  sides: { code: string; name: string; perCapita: string }[];
  ratio: string | undefined;
};

export function GapChart({ points, label }: { points: GapPoint[]; label: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = useMemo(() => {
    const sides = points[0]?.sides ?? [];
    // Room above the ratio so its point sits below the bars' labels; 1 (no gap) always in view.
    const ratios = points.map((p) => Number(p.ratio)).filter((r) => Number.isFinite(r));
    const ratioMax = Math.max(2, Math.ceil(Math.max(0, ...ratios) * 1.6));
    return {
      color: palette,
      aria: { enabled: false },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 72, right: 56, top: 40, bottom: 32 },
      xAxis: { type: "category", data: points.map((p) => String(p.year)) },
      yAxis: [
        {
          type: "value",
          name: t("overview.perCapitaAxis"),
          axisLabel: { formatter: (v: number) => i18n.number(v) },
        },
        { type: "value", name: t("overview.ratioAxis"), min: 0, max: ratioMax, splitLine: { show: false } },
      ],
      series: [
        ...sides.map((side, i) => ({
          type: "bar",
          name: side.name,
          barMaxWidth: 48,
          data: points.map((p) => Number(p.sides[i]?.perCapita ?? 0)),
          label: { show: true, position: "top", formatter: (d: { value: number }) => i18n.number(d.value) },
        })),
        {
          type: "line",
          name: t("overview.ratio"),
          yAxisIndex: 1,
          symbolSize: 10,
          data: points.map((p) => (p.ratio === undefined ? null : Number(p.ratio))),
          label: {
            show: true,
            position: "top",
            fontWeight: "bold",
            backgroundColor: "#fff",
            borderColor: "#d46b08",
            borderWidth: 1,
            borderRadius: 4,
            padding: [2, 6],
            formatter: (d: { value: number }) => `${d.value.toFixed(2)}`,
          },
        },
      ],
    };
  }, [points, i18n, t]);
  const codeOf = new Map((points[0]?.sides ?? []).map((side) => [side.name, side.code]));
  return (
    <EChart
      option={option}
      className="chart-box"
      label={label}
      onClick={(e) => {
        const code = e.seriesName ? codeOf.get(e.seriesName) : undefined;
        if (code) navigate(`/regions/${code}`);
      }}
    />
  );
}

/** reached: projects at this stage or beyond — the funnel narrows as projects move on. */
export type FunnelStage = { stage: string; label: string; count: number; reached: number };

export function PipelineFunnel({ stages, label }: { stages: FunnelStage[]; label: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = useMemo(
    () => ({
      color: palette,
      aria: { enabled: false },
      tooltip: {
        trigger: "item",
        formatter: (d: { name: string; value: number; data: { count: number } }) =>
          `${d.name}: ${t("overview.funnelTooltip", { reached: i18n.number(d.value), now: i18n.number(d.data.count) })}`,
      },
      series: [
        {
          type: "funnel",
          sort: "none",
          funnelAlign: "center",
          left: "10%",
          width: "80%",
          top: 8,
          bottom: 8,
          minSize: "18%",
          gap: 2,
          label: {
            show: true,
            position: "inside",
            formatter: (d: { name: string; value: number }) => `${d.name} ${i18n.number(d.value)}`,
          },
          data: stages.map((s) => ({ name: s.label, value: s.reached, count: s.count, stage: s.stage })),
        },
      ],
    }),
    [stages, i18n, t],
  );
  return (
    <EChart
      option={option}
      className="chart-box"
      label={label}
      onClick={(e) => navigate(`/projects?stage=${(e.data as { stage: string }).stage}`)}
    />
  );
}

export type DomainBar = { domain: string; label: string; activities: number };

export function DomainChart({ domains, label }: { domains: DomainBar[]; label: string }) {
  const i18n = useI18n();
  const option = useMemo(
    () => ({
      color: palette,
      aria: { enabled: false },
      tooltip: { trigger: "axis" },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: "category", data: domains.map((d) => d.label) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          barMaxWidth: 40,
          data: domains.map((d, i) => ({
            value: d.activities,
            itemStyle: { color: palette[i % palette.length] },
          })),
          label: { show: true, position: "top", formatter: (d: { value: number }) => i18n.number(d.value) },
        },
      ],
    }),
    [domains, i18n],
  );
  return (
    <EChart
      option={option}
      className="chart-box"
      label={label}
      onClick={(e) => navigate(`/cooperation?domain=${domains[e.dataIndex]?.domain ?? ""}`)}
    />
  );
}
