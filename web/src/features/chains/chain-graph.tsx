// The chain drawn as a directed graph (one lazily loaded chunk, with ECharts' graph series): supplier → buyer,
// columns from materials to finished products, each node coloured by its presence in the two counties. The
// model (chain-graph-model.ts) is worked out by the page; this only paints it. The ECharts instance is the
// overview's (features/overview/echart.tsx), so the two share one ECharts core chunk.
import { GraphChart } from "echarts/charts";
import { TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { EChart } from "../overview/echart.tsx";
import {
  presenceColours,
  type GraphKind,
  type GraphModel,
  type GraphNodeModel,
} from "./chain-graph-model.ts";

echarts.use([GraphChart, TooltipComponent, SVGRenderer]);

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

// Rich-text markup in labels: braces and bars would be read as style tags.
const plain = (text: string) => text.replace(/[{}|]/g, " ");

const rowGap = 66;
const nodeHeight = 48;
const margin = 16;

/**
 * Pixel geometry for a drawing `width` wide: boxes up to 168 px, columns spread over the width (at most 260 px
 * apart), centred. The series box is exactly the area the boxes take, so ECharts maps coordinates one to one
 * (fitting a box of another shape would stretch rows and columns differently).
 */
export function graphGeometry(width: number, columns: number, rows: number) {
  const usable = Math.max(200, width - 2 * margin);
  const nodeWidth = Math.max(96, Math.min(168, usable / Math.max(1, columns) - 16));
  const columnGap = columns > 1 ? Math.min(260, (usable - nodeWidth) / (columns - 1)) : 0;
  const spanX = columnGap * Math.max(0, columns - 1);
  const spanY = rowGap * Math.max(0, rows - 1);
  return {
    nodeWidth,
    columnGap,
    box: {
      left: margin + Math.max(0, (usable - spanX - nodeWidth) / 2),
      top: margin,
      width: spanX + nodeWidth,
      height: spanY + nodeHeight,
    },
    frameHeight: spanY + nodeHeight + 2 * margin,
    /** Corners of the box in data coordinates (rows are centred on 0). */
    corners: [
      [-nodeWidth / 2, -spanY / 2 - nodeHeight / 2],
      [spanX + nodeWidth / 2, spanY / 2 + nodeHeight / 2],
    ] as const,
  };
}

function nodeTooltip(node: GraphNodeModel, outputWord: string): string {
  const rows = node.counties
    .map((c) => {
      const output = c.output
        ? `<br/><span style="color:#6b7280">${escapeHtml(outputWord)} ${escapeHtml(c.output)}</span>`
        : "";
      return `<div style="margin-top:4px"><b>${escapeHtml(c.name)}</b> ${c.enterprises} · ${escapeHtml(c.status)}${output}</div>`;
    })
    .join("");
  return `<div style="max-width:320px;white-space:normal"><b>${escapeHtml(node.name)}</b><br/><span style="color:#6b7280">${escapeHtml(node.stage)}</span>${rows}</div>`;
}

export type ChainGraphProps = {
  model: GraphModel;
  /** Each presence kind's name (the page shows the legend, with counts, as text). */
  categories: { kind: GraphKind; name: string }[];
  selectedId: string | undefined;
  label: string;
  outputWord: string;
  onSelect: (nodeId: string) => void;
};

export function ChainGraph({ model, categories, selectedId, label, outputWord, onSelect }: ChainGraphProps) {
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const geometry = graphGeometry(width || 1100, model.columns, model.rows);
  const option = useMemo(() => {
    const { nodeWidth, columnGap, box, corners } = graphGeometry(width || 1100, model.columns, model.rows);
    const categoryIndex = new Map(categories.map((c, i) => [c.kind, i]));
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    return {
      aria: { enabled: false },
      animation: false,
      tooltip: {
        trigger: "item",
        confine: true,
        formatter: (p: { dataType?: string; data?: { id?: string; source?: string; target?: string } }) => {
          if (p.dataType === "edge") {
            const from = byId.get(p.data?.source ?? "");
            const to = byId.get(p.data?.target ?? "");
            return `${escapeHtml(from?.name ?? "")} → ${escapeHtml(to?.name ?? "")}`;
          }
          const node = byId.get(p.data?.id ?? "");
          return node ? nodeTooltip(node, outputWord) : "";
        },
      },
      series: [
        {
          type: "graph",
          layout: "none",
          roam: false,
          ...box,
          symbol: "roundRect",
          symbolSize: [nodeWidth, nodeHeight],
          categories: categories.map((c) => ({
            name: c.name,
            itemStyle: {
              color: presenceColours[c.kind].fill,
              borderColor: presenceColours[c.kind].border,
              borderWidth: 1.5,
              borderType: c.kind === "neither" ? "dashed" : "solid",
            },
          })),
          label: {
            show: true,
            position: "inside",
            width: nodeWidth - 12,
            overflow: "truncate",
            formatter: (p: { data: { id: string } }) => {
              const node = byId.get(p.data.id);
              return node ? `{name|${plain(node.label)}}\n{count|${plain(node.counts)}}` : "";
            },
            rich: {
              name: { fontSize: 12, fontWeight: 600, color: "#1f2937", lineHeight: 17 },
              count: { fontSize: 11, color: "#374151", lineHeight: 15 },
            },
          },
          edgeSymbol: ["none", "arrow"],
          edgeSymbolSize: 8,
          lineStyle: { color: "#8c8c8c", width: 1.2, curveness: 0.12, opacity: 0.85 },
          emphasis: { focus: "adjacency", lineStyle: { width: 2.5 } },
          data: [
            // Two invisible corners pin the drawing's extent, so no column or row is ever zero wide.
            ...corners.map(([x, y], i) => ({
              id: `frame-${i}`,
              x,
              y,
              symbol: "none",
              silent: true,
              tooltip: { show: false },
              label: { show: false },
            })),
            ...model.nodes.map((n) => ({
              id: n.id,
              name: n.id,
              x: n.column * columnGap,
              y: n.row * rowGap,
              category: categoryIndex.get(n.kind) ?? 0,
              // The chosen node stands out by a heavy border in its own colour.
              itemStyle:
                n.id === selectedId
                  ? {
                      borderWidth: 4,
                      borderColor: presenceColours[n.kind].border,
                      shadowBlur: 8,
                      shadowColor: "rgba(0,0,0,0.25)",
                    }
                  : undefined,
            })),
          ],
          links: model.edges,
        },
      ],
    };
  }, [model, categories, selectedId, outputWord, width]);
  const style = { "--chain-graph-height": `${geometry.frameHeight}px` } as CSSProperties;
  return (
    <div ref={frame} style={style} className="chain-graph-frame">
      <EChart
        option={option}
        className="chain-graph-box"
        label={label}
        onClick={(e) => {
          const id = (e.data as { id?: unknown } | undefined)?.id;
          if (typeof id === "string") onSelect(id);
        }}
      />
    </div>
  );
}
