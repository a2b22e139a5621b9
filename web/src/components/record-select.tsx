// Choosing a record of another register (an agreement, an enclave, the owner enterprise, a pairing) by searching
// its list on the server; the chosen record is shown by name even when it is not among the matches.
import { Select } from "antd";
import { useCallback, useMemo, useState } from "react";
import { queryString, type Page } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { pick } from "./localized-text.tsx";

type Bilingual = { id: string; nameZh?: string; nameEn?: string; titleZh?: string; titleEn?: string };

/** The record's name (or title) in the console's language. */
function useNameOf(): (record: Bilingual) => string {
  const { locale } = useI18n();
  return useCallback((r) => pick(locale, r.nameZh ?? r.titleZh, r.nameEn ?? r.titleEn), [locale]);
}

export function RecordSelect({
  id,
  value,
  onChange,
  endpoint,
  placeholder,
  disabled,
  width = 360,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The register's list endpoint, e.g. /api/v1/agreements. */
  endpoint: string;
  placeholder?: string;
  disabled?: boolean;
  width?: number;
}) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const [search, setSearch] = useState("");
  const matches = useApi<Page<Bilingual>>(`${endpoint}${queryString({ pageSize: 50, q: search.trim() })}`);
  const listed = matches.data?.items.some((r) => r.id === value) ?? false;
  const chosen = useApi<Bilingual>(value && matches.data && !listed ? `${endpoint}/${value}` : null);
  const options = useMemo(() => {
    const records = [...(chosen.data ? [chosen.data] : []), ...(matches.data?.items ?? [])];
    return records.map((r) => ({ value: r.id, label: nameOf(r) }));
  }, [chosen.data, matches.data, nameOf]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      loading={matches.loading}
      placeholder={placeholder ?? t("common.choose")}
      notFoundContent={t("common.noMatch")}
      style={{ width }}
    />
  );
}
