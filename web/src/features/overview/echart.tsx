// One ECharts instance in a React component, drawn as SVG (crisp, selectable text that screen readers and
// tests can read, and no canvas needed). Only the chart types registered by the caller are bundled.
import type { EChartsCoreOption, EChartsType } from "echarts/core";
import * as echarts from "echarts/core";
import { useEffect, useRef } from "react";

export type ChartClick = {
  name: string;
  seriesName?: string;
  seriesType?: string;
  dataIndex: number;
  data?: unknown;
  componentType?: string;
};

export function EChart({
  option,
  className,
  label,
  onClick,
  onReady,
}: {
  option: EChartsCoreOption;
  className: string;
  /** Read by screen readers in place of the drawing. */
  label: string;
  onClick?: (event: ChartClick) => void;
  onReady?: (chart: EChartsType) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: "svg" });
    chart.current = instance;
    instance.on("click", (event) => click.current?.(event as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    onReady?.(instance);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
    // The instance lives as long as the element; option changes are applied below.
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className={className} role="img" aria-label={label} />;
}
