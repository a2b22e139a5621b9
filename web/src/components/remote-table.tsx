// A register's table with the server doing the work: sorting, filtering, search and paging go to the API as
// ?sort, filters, ?q, ?page and ?pageSize, and the export buttons ask the API for the same rows as XLSX or CSV.
// Top-level pages keep this state in the address, so a filtered view can be linked to, bookmarked and shared.
import { CloseCircleFilled, DownloadOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, Select, Table, Tag, Tooltip } from "antd";
import type { TableColumnType, TablePaginationConfig } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useState, type ReactNode } from "react";
import { queryString, type Page } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useSearchParams } from "../app/router.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorAlert } from "./api-error.tsx";

export type RemoteColumn<T> = TableColumnType<T> & { key: string; sortKey?: string };

export type FilterOption = { value: string; label: ReactNode };

export type FilterSpec =
  | { key: string; label: string; kind: "select"; options: FilterOption[]; width?: number }
  | { key: string; label: string; kind: "text"; placeholder?: string; width?: number }
  /** Set by links from other pages (e.g. ?agreementId=…): shown as a tag that removes it. */
  | { key: string; label: string; kind: "linked" };

export type RemoteTableProps<T> = {
  /** The list endpoint, e.g. /api/v1/enterprises. */
  endpoint: string;
  columns: RemoteColumn<T>[];
  rowKey: (record: T) => string;
  /** An accessible name for the table and its export. */
  label: string;
  filters?: FilterSpec[];
  /** Filters that are fixed for this table (e.g. the enclave on an enclave's page). */
  fixedQuery?: Record<string, string>;
  /** The placeholder of the free-text search; no search box without it. */
  searchPlaceholder?: string;
  /** Keep the table's state in the address (one table per page). */
  urlState?: boolean;
  defaultPageSize?: number;
  toolbarExtra?: ReactNode;
  exportable?: boolean;
  /** Names the state keys in the address, when a page has two tables. */
  prefix?: string;
};

type TableState = Record<string, string | undefined>;

function useTableState(urlState: boolean, prefix: string): [TableState, (changes: TableState) => void] {
  const [search, setSearch] = useSearchParams();
  const [local, setLocal] = useState<TableState>({});
  if (!urlState) return [local, (changes) => setLocal((s) => ({ ...s, ...changes }))];
  const state: TableState = {};
  for (const [key, value] of search) if (key.startsWith(prefix)) state[key.slice(prefix.length)] = value;
  return [
    state,
    (changes) => setSearch(Object.fromEntries(Object.entries(changes).map(([k, v]) => [prefix + k, v]))),
  ];
}

export function RemoteTable<T extends object>(props: RemoteTableProps<T>) {
  const {
    endpoint,
    columns,
    rowKey,
    label,
    filters = [],
    fixedQuery = {},
    searchPlaceholder,
    urlState = true,
    defaultPageSize = 20,
    exportable = true,
  } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const [state, update] = useTableState(urlState, props.prefix ?? "");
  const page = Number(state.page ?? 1) || 1;
  const pageSize = Number(state.pageSize ?? defaultPageSize) || defaultPageSize;
  const sort = state.sort;
  const filterValues = Object.fromEntries(filters.map((f) => [f.key, state[f.key]]));
  const query = { ...fixedQuery, ...filterValues, q: state.q };
  const { data, error, loading } = useApi<Page<T>>(
    `${endpoint}${queryString({ ...query, sort, page, pageSize })}`,
  );
  const [searchText, setSearchText] = useState(state.q ?? "");
  // The address can change under the table (a link, Back): the search box follows it.
  const [shownQ, setShownQ] = useState(state.q);
  if (shownQ !== state.q) {
    setShownQ(state.q);
    setSearchText(state.q ?? "");
  }

  const sortField = sort?.replace(/^-/, "");
  const sortedColumns = columns.map((column) => {
    if (!column.sortKey) return column;
    const order = sortField === column.sortKey ? (sort?.startsWith("-") ? "descend" : "ascend") : null;
    return {
      ...column,
      sorter: true,
      sortOrder: order,
      sortDirections: ["ascend", "descend"],
    } as RemoteColumn<T>;
  });

  const onChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: SorterResult<T> | SorterResult<T>[],
  ) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const column = one?.column as RemoteColumn<T> | undefined;
    const nextSort =
      column?.sortKey && one?.order ? `${one.order === "descend" ? "-" : ""}${column.sortKey}` : undefined;
    const nextPageSize = pagination.pageSize ?? pageSize;
    const sortChanged = nextSort !== sort || nextPageSize !== pageSize;
    update({
      sort: nextSort,
      page: sortChanged ? undefined : String(pagination.current ?? 1),
      pageSize: nextPageSize === defaultPageSize ? undefined : String(nextPageSize),
    });
  };

  const exportHref = (format: "xlsx" | "csv") =>
    `${endpoint}${queryString({ ...query, sort, format, lang: i18n.locale === "zh-CN" ? "zh" : "en" })}`;
  const idOf = (key: string) =>
    `${props.prefix ?? ""}${label.replace(/\W+/g, "-")}-filter-${key}`.replace(/^-/, "f-");

  return (
    <section className="remote-table" aria-label={label}>
      <Flex justify="space-between" align="flex-end" wrap gap="small" className="table-toolbar">
        <Form layout="inline" className="table-filters" onSubmitCapture={(e) => e.preventDefault()}>
          {searchPlaceholder && (
            <Form.Item label={t("table.search")} htmlFor={idOf("q")}>
              <Input.Search
                id={idOf("q")}
                allowClear
                value={searchText}
                placeholder={searchPlaceholder}
                onChange={(e) => {
                  setSearchText(e.target.value);
                  if (!e.target.value) update({ q: undefined, page: undefined });
                }}
                onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
                enterButton={t("table.searchButton")}
                style={{ width: 300 }}
              />
            </Form.Item>
          )}
          {filters.map((filter) =>
            filter.kind === "linked" ? (
              state[filter.key] ? (
                <Form.Item key={filter.key}>
                  <Tag
                    closable
                    closeIcon={<span aria-label={t("table.removeFilter")}>×</span>}
                    onClose={() => update({ [filter.key]: undefined, page: undefined })}
                    color="blue"
                  >
                    {filter.label}
                  </Tag>
                </Form.Item>
              ) : null
            ) : (
              <Form.Item key={filter.key} label={filter.label} htmlFor={idOf(filter.key)}>
                {filter.kind === "select" ? (
                  <Select
                    id={idOf(filter.key)}
                    // antd names the clear button "Clear" in every locale unless told otherwise.
                    allowClear={{ clearIcon: <CloseCircleFilled />, label: t("common.clear") }}
                    placeholder={t("table.any")}
                    value={state[filter.key]}
                    options={filter.options}
                    onChange={(value: string | undefined) => update({ [filter.key]: value, page: undefined })}
                    style={{ minWidth: filter.width ?? 140 }}
                    popupMatchSelectWidth={false}
                  />
                ) : (
                  <Input
                    id={idOf(filter.key)}
                    allowClear
                    key={state[filter.key] ?? ""}
                    defaultValue={state[filter.key]}
                    placeholder={filter.placeholder}
                    onPressEnter={(e) =>
                      update({
                        [filter.key]: (e.target as HTMLInputElement).value.trim() || undefined,
                        page: undefined,
                      })
                    }
                    onBlur={(e) => {
                      const value = e.target.value.trim() || undefined;
                      if (value !== state[filter.key]) update({ [filter.key]: value, page: undefined });
                    }}
                    style={{ width: filter.width ?? 140 }}
                  />
                )}
              </Form.Item>
            ),
          )}
        </Form>
        <Flex gap="small" wrap>
          {props.toolbarExtra}
          {exportable && (
            <>
              <Tooltip title={t("table.exportHint")}>
                <Button
                  icon={<DownloadOutlined />}
                  href={exportHref("xlsx")}
                  download
                  aria-label={t("table.exportXlsxOf", { table: label })}
                >
                  {t("table.exportXlsx")}
                </Button>
              </Tooltip>
              <Button
                icon={<DownloadOutlined />}
                href={exportHref("csv")}
                download
                aria-label={t("table.exportCsvOf", { table: label })}
              >
                {t("table.exportCsv")}
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      {error && <ErrorAlert error={error} />}
      <Table<T>
        rowKey={rowKey}
        columns={sortedColumns}
        dataSource={data?.items ?? []}
        loading={loading}
        onChange={onChange}
        scroll={{ x: "max-content" }}
        size="middle"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t("table.total", { total: i18n.number(total) }),
        }}
      />
    </section>
  );
}
