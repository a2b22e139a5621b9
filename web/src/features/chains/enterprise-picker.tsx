// Choosing an enterprise by name or USCC: the register's own search, as one types.
import { CloseCircleFilled } from "@ant-design/icons";
import { Select } from "antd";
import { useState } from "react";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import { queryString, type Page } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { Localized } from "../../components/localized-text.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useChainWords } from "./chain-words.ts";

type Props = { id: string; value: string | undefined; onChange: (id: string | undefined) => void };

export function EnterprisePicker({ id, value, onChange }: Props) {
  const { t } = useI18n();
  const words = useChainWords();
  const [query, setQuery] = useState("");
  const found = useApi<Page<Enterprise>>(
    `/api/v1/enterprises${queryString({ q: query.trim(), pageSize: 20, sort: "-employees" })}`,
  );
  // The chosen one, so its name shows even when the search no longer lists it.
  const chosen = useApi<Enterprise>(value ? `/api/v1/enterprises/${encodeURIComponent(value)}` : null);
  const list = [...(found.data?.items ?? [])];
  if (chosen.data && !list.some((e) => e.id === chosen.data?.id)) list.unshift(chosen.data);
  const options = list.map((e) => ({
    value: e.id,
    label: (
      <span>
        <Localized zh={e.nameZh} en={e.nameEn} /> · {words.countyName(e.homeRegionCode)} ·{" "}
        <code>{e.uscc}</code>
      </span>
    ),
  }));
  return (
    <Select
      id={id}
      // antd names the clear button "Clear" in every locale unless told otherwise.
      allowClear={{ clearIcon: <CloseCircleFilled />, label: t("chains.clearEnterprise") }}
      value={value ?? null}
      placeholder={t("chains.pickEnterprise")}
      style={{ width: 520, maxWidth: "100%" }}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={found.loading}
      options={options}
      notFoundContent={t("common.noMatch")}
      onChange={(next: string | undefined) => onChange(next ?? undefined)}
      popupMatchSelectWidth={false}
    />
  );
}
