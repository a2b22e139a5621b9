// The regions (GB/T 2260) every page names: read once, shown by name in the console's language.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Region } from "../../../contracts/regions.ts";
import type { Page } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { Localized } from "../components/localized-text.tsx";
import { recordPath } from "../components/record-link.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { Link } from "./router.tsx";

type Regions = { list: Region[]; byCode: ReadonlyMap<string, Region>; loading: boolean };

const RegionsContext = createContext<Regions>({ list: [], byCode: new Map(), loading: true });

export function RegionsProvider({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  const { data, loading } = useApi<Page<Region>>(enabled ? "/api/v1/regions?pageSize=500&sort=code" : null);
  const value = useMemo(() => {
    const list = data?.items ?? [];
    return { list, byCode: new Map(list.map((r) => [r.code, r])), loading };
  }, [data, loading]);
  return <RegionsContext.Provider value={value}>{children}</RegionsContext.Provider>;
}

export function useRegions(): Regions {
  return useContext(RegionsContext);
}

/** A region by its name, linked to its page; its code while the names load or when unknown. */
export function RegionName({ code, link = true }: { code: string; link?: boolean }) {
  const { byCode } = useRegions();
  const region = byCode.get(code);
  const name = region ? <Localized zh={region.nameZh} en={region.nameEn} /> : code;
  return link ? <Link to={recordPath.region(code)}>{name}</Link> : <>{name}</>;
}

export function RegionNames({ codes, link = true }: { codes: readonly string[]; link?: boolean }) {
  const { locale } = useI18n();
  const separator = locale === "zh-CN" ? "、" : ", ";
  return (
    <>
      {codes.map((code, i) => (
        <span key={code}>
          {i > 0 && separator}
          <RegionName code={code} link={link} />
        </span>
      ))}
    </>
  );
}
